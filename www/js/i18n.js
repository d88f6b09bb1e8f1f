// Every string the page and the widget show, in English and Chinese. API docs and violation
// messages are not here: they come from the spec and the core (`doc.en`/`doc.zh`,
// `message`/`message_zh`).

const en = {
  "page.title": "cloudplay — signed cloud API playground",
  "page.tagline": "Build, validate, sign and send Tencent Cloud and Alibaba Cloud API calls — in your browser.",
  "page.language": "Language",
  "page.loading": "Loading the signing engine…",
  "page.loadFailed": "The signing engine could not be loaded: {detail}",
  "page.unknownApi": "API {id} is not in this page's catalog (a link to an API imported in another browser?): {detail}",
  "page.unknownApiImport": "API {id} is not in this page's catalog: a link to an API imported in another browser, or one whose import this browser forgot. A Tencent Cloud API opens once its product's tccli api.json is imported (below).",
  "page.badLink": "The link's parameters could not be read (cut short when copied?), so {id} shows your own draft or its example instead.",
  "page.linkSettingDropped": "{id} cannot use {settings} as the link asks (not offered by this API, or not together with its other settings): the defaults are used instead.",
  "page.skip": "Skip to the parameters",
  "page.widgetDemo": "The embeddable widget on a documentation page",

  "search.heading": "Find an API",
  "search.label": "Search (product, action, description; 中文 or English)",
  "search.placeholder": "e.g. hai, RunInstances, 实例, billing",
  "search.picker": "API",
  "search.count": "{n} matching APIs",
  "search.count.one": "1 matching API",
  "search.all": "{n} APIs in the catalog",

  "import.heading": "Import a tccli api.json",
  "import.help": "Explore any Tencent Cloud API 3.0 product: pick its api.json (and optionally examples.json) from tccli's services folder. Imported APIs are kept in this browser for your next visit.",
  "import.api": "api.json",
  "import.examples": "examples.json (optional)",
  "import.button": "Import",
  "import.pick": "Pick an api.json file first.",
  "import.done": "Added {n} APIs ({skipped} skipped).",
  "import.done.one": "Added 1 API ({skipped} skipped).",
  "import.failed": "Import failed: {detail}",
  "import.kept": "Kept for your next visit.",
  "import.notKept": "Not kept for your next visit: the browser's storage is full or off.",
  "import.forget": "Forget imported APIs",
  "import.seedKept": "Built in, so kept as curated (docs, error codes, rules): {actions}.",
  "importAli.heading": "Import Alibaba Cloud API metadata",
  "importAli.help": "Explore any Alibaba Cloud RPC product: pick its action files from aliyun-openapi-meta (metadatas/, en-US/ or zh-CN/<product>/<Action>.json, several at once), and optionally its version.json and its products.json entry.",
  "importAli.files": "Metadata files",
  "importAli.product": "Product code (when no products.json entry names it)",
  "importAli.version": "Version (when no version.json gives it)",
  "importAli.pick": "Pick the product's action files first.",
  "importAli.notJson": "{file} is not JSON.",
  "importAli.unknownFile": "{file} is not an action file, a version.json or a products.json entry of aliyun-openapi-meta.",
  "importAli.noActions": "No action file among these: pick <Action>.json files too (version.json only lists titles).",
  "importAli.needVersion": "Which version? Type it, or pick the product's version.json.",
  "importAli.needProduct": "Which product? Type its code (as in the folder names, such as bssopenapi), or pick its products.json entry.",

  "api.style": "Style",
  "api.endpoint": "Endpoint",
  "api.region": "Region",
  "api.regionRequired": "required",
  "api.regionOptional": "optional",
  "api.errors": "Documented error codes",
  "style.tencent-api3": "Tencent Cloud API 3.0",
  "style.tencent-legacy": "Tencent Cloud API 2.0 (legacy)",
  "style.alibaba-rpc": "Alibaba Cloud RPC",

  "example.heading": "Examples",
  "example.load": "Load example: {title}",
  "example.loaded": "Example loaded: {title}",
  "example.none": "This API has no example.",

  "settings.heading": "Call settings",
  "settings.region": "Region",
  "settings.algorithm": "Signing algorithm",
  "settings.method": "HTTP method",
  "settings.contentType": "Body content type",
  "settings.ctDefault": "(the API's default)",
  "settings.timestamp": "Timestamp",
  "settings.tsNow": "Now",
  "settings.tsFixed": "Fixed",
  "settings.tsValue": "Fixed unix time (seconds)",
  "settings.tsSetNow": "Use current time",

  "params.heading": "Parameters",
  "params.requiredOnly": "Required only",
  "params.legend": "* required",
  "params.json": "JSON (kept in sync with the form)",

  "form.required": "required",
  "form.unset": "(not set)",
  "form.unsetDefault": "(not set: {value})",
  "form.add": "Add item",
  "form.addItem": "Add item to {name}",
  "form.remove": "Remove",
  "form.removeItem": "Remove {name}",
  "form.noParams": "This API takes no parameters.",
  "form.notArray": "This value is not a list; fix it in the JSON editor or add an item to start a new list.",

  "rule.allowed": "one of: {values}",
  "rule.range": "{min} to {max}",
  "rule.min": "at least {min}",
  "rule.max": "at most {max}",
  "rule.multipleOf": "a multiple of {n}",
  "rule.length": "{min} to {max} characters",
  "rule.items": "{min} to {max} items",
  "rule.ipv4": "an IPv4 address",
  "rule.json": "a JSON document as text",
  "rule.prefix": "starts with {prefix}",
  "rule.default": "default {value}",
  "rule.example": "e.g. {value}",
  "rule.deprecated": "deprecated",
  "api.status": "Status",
  "api.deprecated": "Deprecated by the vendor: it may still answer, but new code should not rely on it.",

  "json.parseError": "Not valid JSON yet ({detail}); the form keeps the last valid parameters.",
  "json.notObject": "The parameters must be a JSON object { … }.",
  "json.keptAgainstForm": "The form changed while this text did not parse: the form's edits apply to the call, and your text stays here as you typed it. Once it parses, it replaces the form's parameters, edits included.",
  "json.keptAgainstLoad": "A call was loaded (an example, a history entry or a link) while this text did not parse: its parameters are in the form and apply to the call, and your text stays here as you typed it. Once it parses, it replaces them; to drop it, replace it with the form's parameters.",
  "json.replace": "Replace with the form's parameters",

  "violations.heading": "Validation",
  "violations.count": "Problems: {n}. Sending is blocked until they are fixed.",
  "violations.none": "No problems: the call is valid.",
  "violations.jsonUnparsed": "The JSON box does not parse: these checks are of the last parameters that did. Sending is blocked until it parses.",
  "violations.whole": "(parameters)",

  "cred.heading": "Credentials",
  "cred.help": "Kept in this page's memory only, never in the URL, the history or drafts. The SecretKey leaves only as a signature; the SecretId is part of every signed request (its Authorization), so the curl snippet shows it.",
  "cred.id": "SecretId / AccessKeyId",
  "cred.key": "SecretKey / AccessKeySecret",
  "cred.token": "Session token (optional)",
  "cred.remember": "Remember in this tab (sessionStorage)",
  "cred.demo": "Use the simulator's demo key",
  "cred.clear": "Clear credentials",
  "cred.cleared": "Credentials cleared from memory and storage.",
  "cred.remembered": "Credentials are kept in this tab's sessionStorage until you clear them or close the tab.",
  "cred.memoryOnly": "Credentials are in memory only.",
  "cred.demoFilled": "The simulator's public demo key is filled in. It works only with the simulator.",
  "cred.noDemo": "This cloudplay package has no demo accounts.",

  "preview.heading": "Signing preview",
  "preview.algorithm": "Algorithm",
  "preview.method": "Method",
  "preview.timestamp": "Timestamp",
  "preview.host": "Host",
  "preview.placeholder": "No credentials yet: signed with a placeholder key so every step shows. Enter credentials to get a real signature.",
  "preview.placeholderId": "YOUR_SECRET_ID",
  "preview.placeholderNote": "Placeholder: computed with a made-up key.",
  "preview.invalid": "Signed although the call has {n} problems, so you can see the steps; it will not be sent.",
  "preview.invalid.one": "Signed although the call has 1 problem, so you can see the steps; it will not be sent.",
  "preview.badTimestamp": "The fixed timestamp must be a whole number of seconds since 1970.",
  "preview.tokenMasked": "Your session token shows here as {shown}; it is signed and sent in full.",
  "preview.copyHasToken": "The copy includes your session token.",
  "ts.empty": "Enter a timestamp (whole seconds since 1970), or choose Now.",

  "step.canonical_request": "Canonical request",
  "step.hashed_canonical_request": "Hashed canonical request",
  "step.hashed_payload": "Hashed payload",
  "step.credential_scope": "Credential scope",
  "step.signed_headers": "Signed headers",
  "step.string_to_sign": "String to sign",
  "step.signature": "Signature",
  "step.authorization": "Authorization",
  "step.http": "Final HTTP request",

  "action.copy": "Copy",
  "action.copyWhat": "Copy {what}",
  "action.copied": "Copied.",
  "action.copyFailed": "Could not copy: select the text and copy it.",

  "send.heading": "Send",
  "send.via": "Send to",
  "via.simulator": "In-page simulator",
  "via.proxy": "Through cloudplay serve's proxy",
  "via.direct": "Directly (needs CORS)",
  "send.button": "Send",
  "send.sending": "Sending to {via}…",
  "send.done": "Answered with HTTP {status}.",
  "send.doneError": "Answered with error {code}.",
  "send.failed": "No answer: {code}",
  "send.blocked": "Not sent: the call has problems ({n}); fix the fields marked in the form first.",
  "send.stale": "The answer below is for the call as it was sent; the call has changed since.",
  "send.staleCredentials": "The answer below is for the call as signed with the credentials then; the credentials have changed since.",
  "send.staleVia": "The answer below came from “{via}”; the call now goes elsewhere (Send to has changed).",
  "send.jsonUnparsed": "Not sent: the JSON box does not parse; fix it (or undo the edit) first.",
  "send.needCredentials": "Not sent: enter credentials first (or use the simulator's demo key).",
  "send.unavailable": "Sending to {via} needs a newer cloudplay package (its send/simulate functions are not in this build yet).",
  "send.cors": "The browser blocked the answer (CORS): the vendor's API does not allow calls from web pages. Send through cloudplay serve's proxy instead.",
  "send.network": "The request did not get through (network error or timeout).",

  "resp.ok": "Success",
  "resp.notModelled": "The simulator checked this request's signature and parameters, but does not model what this API does: the success only says the request was well formed. Send it to the vendor for a real answer.",
  "resp.error": "Error {code}",
  "resp.status": "HTTP status",
  "resp.time": "Time",
  "resp.ms": "{ms} ms",
  "resp.via": "Sent to",
  "resp.requestId": "RequestId",
  "resp.message": "Message",
  "resp.meaning": "What it means",
  "resp.unknownKeyId": "The server does not know the key id {id}: it never checked the signature, so this says nothing about your secret key. Check the SecretId / AccessKeyId (the simulator knows only its demo keys).",
  "resp.body": "Body",
  "resp.headers": "Headers",

  "diff.title": "Where the signatures differ",
  "diff.caption": "Each signing step, yours beside the server's",
  "diff.step": "Step",
  "diff.yours": "Yours",
  "diff.theirs": "Expected",
  "diff.sent": "Sent",
  "diff.server": "Server",
  "diff.presented": "In the request",
  "diff.expected": "Recomputed from the request",
  "diff.state": "Result",
  "diff.same": "same",
  "diff.differs": "differs",
  "diff.unknown": "not known",
  "diff.firstHere": "first difference",
  "diff.undisclosed": "different (the server does not show its value)",
  "diff.inferred": "inferred: your request verifies with your own key, so the server computes the same",
  "diff.first": "First difference: {step}.",
  "diff.at": "(line {line}, character {col})",
  "diff.noneVisible": "No step differs among those both sides show.",
  "diff.keyDiffers": "The string to sign is the same on both sides, yet the signatures differ: the secret key used to sign is not the one the server holds for this key id.",
  "diff.keyDiffersUndisclosed": "The server does not show its string to sign, but your request verifies with your own key, so the server computed the same string to sign from it. The signatures differ because the secret key is not the one the server holds for this key id.",
  "diff.notSelfConsistent": "The request does not verify even with your own key ({code}): it was changed after it was signed.",
  "diff.noDifference": "No difference found.",
  "diff.signatureOnly": "Only the signature differs among the steps the request carries: either the secret key is different, or the request was changed after signing. Paste your client's string to sign to tell which.",
  "diff.scopeDiffers": "The credential scope differs: the date (UTC, from the timestamp) or the service name in the Authorization header is not what the request's own timestamp and host give.",
  "diff.stringToSignDiffers": "The strings to sign differ at line {line}: the request was canonicalized differently (or changed after signing).",
  "diff.requestDiffers": "The canonical request differs: the server reads a different method, path, query, signed header or body than was signed.",
  "diff.stepDiffers": "The step {step} differs.",

  "snippet.heading": "Code",
  "snippet.language": "Language",
  "snippet.unavailable": "Code snippets need a newer cloudplay package (its snippet function is not in this build yet).",
  "lang.curl": "curl",
  "lang.python": "Python",
  "lang.node": "Node.js",
  "lang.go": "Go",
  "lang.cli": "CLI (tccli / aliyun)",

  "share.heading": "Share and history",
  "share.permalink": "Permalink (API and parameters, never credentials)",
  "share.copy": "Copy link",
  "share.selectToCopy": "Select the link and copy it.",
  "share.secretLeftOut": "A parameter holds your secret key or token, or is named like a credential: it is left out of the link, the draft and the history.",
  "share.tooLong": "This call is too long for a link (over 8 KB of parameters): the address and the permalink name only the API. Your call is kept as this API's draft; to share it, copy the JSON.",
  "history.heading": "History",
  "history.clear": "Clear history",
  "history.empty": "Nothing sent yet.",
  "history.cleared": "History cleared.",
  "history.undo": "Undo",
  "history.restored": "History restored.",
  "history.load": "Load",
  "history.loadWhat": "Load call {n}: {api}",
  "history.tooLarge": "This call is over {kb} KB: the history keeps how it went, not its parameters (they stay in the form and this API's draft).",
  "history.paramsLeftOut": "(parameters too large to keep)",
  "history.dropped": "The browser's storage is full: the {n} oldest calls were dropped from the history to keep this one.",
  "history.dropped.one": "The browser's storage is full: the oldest call was dropped from the history to keep this one.",
  "history.notStored": "The history is not kept for your next visit: the browser's storage is full or off.",
  "draft.notSaved": "This call could not be saved as the API's draft (the browser's storage is full or off), so a reload would lose it. Clearing the history may make room; or copy the JSON to keep it.",

  "verify.heading": "Verify a signature",
  "verify.help": "Paste a raw HTTP request or a curl command line and the secret key; see whether it verifies and the first step where it differs.",
  "verify.input": "Request (raw HTTP or curl)",
  "verify.secret": "Secret key",
  "verify.own": "Your client's string to sign or canonical request (optional)",
  "verify.clock": "Also check the clock window against the current time",
  "verify.useCurrent": "Paste the current request",
  "verify.nothingToPaste": "There is no signed request to paste: the call cannot be signed as it stands (see Validation and the timestamp). The box is unchanged.",
  "verify.button": "Verify",
  "verify.unavailable": "Verifying a pasted request needs a newer cloudplay package (its parseRequest function is not in this build yet).",
  "verify.unparsed": "This is not a request the page can read.",
  "verify.needSecret": "Enter the secret key to verify with.",
  "verify.ok": "The signature verifies ({algorithm}, key {id}).",
  "verify.bad": "The signature does not verify: {code}",
  "verify.checkedAt": "Checked at unix time {now} ({clock}).",
  "verify.clockOn": "current time",
  "verify.clockOff": "the request's own time, so only the signature is checked",
  "verify.tokenPlaceholder": "The request's session token is a stand-in ({token}), as the code snippets write it: the signature was made with your token. Put it in its place (URL-encoded in a query or form body) to verify.",

  "widget.try": "Try it",
  "widget.open": "Open in the playground",
  "widget.credentials": "Credentials",
  "widget.preview": "Signature",
  "widget.broken": "This example could not be loaded.",
  "widget.demoKey": "Signed with the in-page simulator's demo key {id} (a public demo value): the box sends only to the simulator, which knows no other key.",
  "widget.demoKeyOpen": "To sign with your own key, or send to the vendor, open the call in the playground.",
  "widget.codeNote": "Code that makes this call with your own keys, read from environment variables: none is written here.",

  // Errors of the module (by their code), the page and send: a lead-in, then the English detail.
  "error.line": "{lead}{at}: {detail}",
  "error.at": " ({path})",
  "error.InvalidJson": "Not valid JSON",
  "error.InvalidUtf8": "Not valid UTF-8 text",
  "error.MissingField": "A required field is missing",
  "error.InvalidField": "A field's value is not accepted",
  "error.UnknownAlgorithm": "Unknown signing algorithm",
  "error.DuplicateHeader": "A header appears twice",
  "error.MissingHeader": "A header the signature needs is missing",
  "error.MalformedQuery": "The query string cannot be read",
  "error.TimestampOutOfRange": "The timestamp is out of range",
  "error.Validation": "The call has problems",
  "error.UnknownApi": "No such API in the catalog",
  "error.InvalidSpec": "The API description cannot be read",
  "error.Unsupported": "Not supported",
  "error.Unavailable": "Not in this build",
  "error.Timeout": "No answer in time",
  "error.Aborted": "The request was cancelled",
  "error.CorsError": "The browser blocked the answer (CORS)",
  "error.NetworkError": "The request did not get through",
  "error.ProxyRefused": "The proxy refused the request",
  "error.NoProxy": "No cloudplay proxy answered",

  "code.AuthFailure.SignatureFailure": "The signature does not match the one the server computed: wrong SecretKey, or the request changed after signing.",
  "code.AuthFailure.SignatureExpire": "The request's timestamp is more than 5 minutes away from the server's clock (or the nonce was already used): sign again with the current time.",
  "code.AuthFailure.SecretIdNotFound": "The server knows no key with this SecretId.",
  "code.AuthFailure.InvalidAuthorization": "The Authorization header is missing or not in the TC3-HMAC-SHA256 form.",
  "code.AuthFailure.TokenFailure": "The session token is missing, extra or does not belong to this key.",
  "code.MissingParameter": "A required parameter is missing.",
  "code.InvalidParameter": "A parameter has the wrong type or form.",
  "code.InvalidParameterValue": "A parameter's value is out of its allowed range or set.",
  "code.UnknownParameter": "A parameter the API does not declare was sent.",
  "code.InvalidAction": "The API has no such action.",
  "code.RequestLimitExceeded": "Too many requests per second for this action.",
  "code.ParamsAssertError": "A parameter is missing or invalid (API 2.0).",
  "code.SignatureDoesNotMatch": "The signature does not match the server's calculation: wrong AccessKeySecret, or the request changed after signing.",
  "code.IncompleteSignature": "The request carries no complete signature.",
  "code.InvalidTimeStamp.Expired": "The request's timestamp is more than 15 minutes away from the server's clock: sign again with the current time.",
  "code.InvalidTimeStamp.Format": "The timestamp is not in the form YYYY-MM-DDThh:mm:ssZ.",
  "code.InvalidAccessKeyId.NotFound": "The server knows no key with this AccessKeyId.",
  "code.SignatureNonceUsed": "This signature nonce was already used: each request needs a new one.",
  "code.Throttling": "Too many requests: slow down and retry.",
  "code.InvalidSecurityToken.MismatchWithAccessKey": "The security token does not belong to this AccessKeyId.",
  "code.4000": "API 2.0: a parameter is missing or invalid.",
  "code.4100": "API 2.0: authentication failed — the signature does not match, or the SecretId is unknown.",
  "code.4400": "API 2.0: too many requests.",
  "code.4500": "API 2.0: replay refused — the Timestamp is more than 5 minutes off, or the Nonce was already used.",
};

const zh = {
  "page.title": "cloudplay — 云 API 签名调试台",
  "page.tagline": "在浏览器中构造、校验、签名并发送腾讯云与阿里云 API 请求。",
  "page.language": "语言",
  "page.loading": "正在加载签名引擎…",
  "page.loadFailed": "无法加载签名引擎：{detail}",
  "page.unknownApi": "本页目录中没有接口 {id}（链接指向的是在另一个浏览器中导入的接口？）：{detail}",
  "page.unknownApiImport": "本页目录中没有接口 {id}：链接指向在另一个浏览器中导入的接口，或本浏览器已忘记的导入。腾讯云接口在导入其产品的 tccli api.json（见下方）后即可打开。",
  "page.badLink": "无法读取链接中的参数（复制时被截断？），因此 {id} 显示的是您自己的草稿或其示例。",
  "page.linkSettingDropped": "{id} 无法按链接要求使用 {settings}（本接口不提供，或不能与其他设置同时使用），已改用默认设置。",
  "page.skip": "跳到参数",
  "page.widgetDemo": "文档页面中的嵌入式组件",

  "search.heading": "查找接口",
  "search.label": "搜索（产品、接口名、描述；中文或英文）",
  "search.placeholder": "例如 hai、RunInstances、实例、计费",
  "search.picker": "接口",
  "search.count": "找到 {n} 个接口",
  "search.count.one": "找到 1 个接口",
  "search.all": "目录中共 {n} 个接口",

  "import.heading": "导入 tccli 的 api.json",
  "importAli.heading": "导入阿里云 API 元数据",
  "importAli.help": "探索任意阿里云 RPC 产品：从 aliyun-openapi-meta 选择其接口文件（metadatas/、en-US/ 或 zh-CN/<产品>/<接口>.json，可多选），可选其 version.json 和 products.json 中的产品条目。",
  "importAli.files": "元数据文件",
  "importAli.product": "产品代码（没有 products.json 条目时填写）",
  "importAli.version": "版本（没有 version.json 时填写）",
  "importAli.pick": "请先选择该产品的接口文件。",
  "importAli.notJson": "{file} 不是 JSON。",
  "importAli.unknownFile": "{file} 不是 aliyun-openapi-meta 的接口文件、version.json 或 products.json 条目。",
  "importAli.noActions": "其中没有接口文件：请同时选择 <接口>.json 文件（version.json 只列出标题）。",
  "importAli.needVersion": "哪个版本？请填写，或选择该产品的 version.json。",
  "importAli.needProduct": "哪个产品？请填写其代码（与目录名相同，例如 bssopenapi），或选择其 products.json 条目。",
  "import.help": "探索任意腾讯云 API 3.0 产品：从 tccli 的 services 目录选择其 api.json（可选 examples.json）。导入的接口会保存在本浏览器中，下次访问仍可使用。",
  "import.api": "api.json",
  "import.examples": "examples.json（可选）",
  "import.button": "导入",
  "import.pick": "请先选择 api.json 文件。",
  "import.done": "已添加 {n} 个接口（跳过 {skipped} 个）。",
  "import.done.one": "已添加 1 个接口（跳过 {skipped} 个）。",
  "import.failed": "导入失败：{detail}",
  "import.kept": "已保存，下次访问仍可使用。",
  "import.notKept": "未能保存到下次访问：浏览器存储已满或被禁用。",
  "import.forget": "移除已导入的接口",
  "import.seedKept": "内置接口保留精编版本（文档、错误码、规则）：{actions}。",

  "api.style": "风格",
  "api.endpoint": "接入地址",
  "api.region": "地域",
  "api.regionRequired": "必填",
  "api.regionOptional": "可选",
  "api.errors": "文档中的错误码",
  "style.tencent-api3": "腾讯云 API 3.0",
  "style.tencent-legacy": "腾讯云 API 2.0（旧版）",
  "style.alibaba-rpc": "阿里云 RPC 风格",

  "example.heading": "示例",
  "example.load": "载入示例：{title}",
  "example.loaded": "已载入示例：{title}",
  "example.none": "该接口没有示例。",

  "settings.heading": "调用设置",
  "settings.region": "地域",
  "settings.algorithm": "签名算法",
  "settings.method": "HTTP 方法",
  "settings.contentType": "请求体类型",
  "settings.ctDefault": "（接口默认）",
  "settings.timestamp": "时间戳",
  "settings.tsNow": "当前时间",
  "settings.tsFixed": "固定",
  "settings.tsValue": "固定的 Unix 时间（秒）",
  "settings.tsSetNow": "使用当前时间",

  "params.heading": "参数",
  "params.requiredOnly": "只看必填",
  "params.legend": "* 为必填",
  "params.json": "JSON（与表单同步）",

  "form.required": "必填",
  "form.unset": "（不设置）",
  "form.unsetDefault": "（不设置：{value}）",
  "form.add": "添加一项",
  "form.addItem": "添加一项到 {name}",
  "form.remove": "删除",
  "form.removeItem": "删除 {name}",
  "form.noParams": "该接口没有参数。",
  "form.notArray": "该值不是列表；请在 JSON 编辑器中修改，或添加一项以新建列表。",

  "rule.allowed": "取值：{values}",
  "rule.range": "{min} 到 {max}",
  "rule.min": "不小于 {min}",
  "rule.max": "不大于 {max}",
  "rule.multipleOf": "须为 {n} 的倍数",
  "rule.length": "{min} 到 {max} 个字符",
  "rule.items": "{min} 到 {max} 项",
  "rule.ipv4": "IPv4 地址",
  "rule.json": "JSON 文本",
  "rule.prefix": "以 {prefix} 开头",
  "rule.default": "默认 {value}",
  "rule.example": "例如 {value}",
  "rule.deprecated": "已废弃",
  "api.status": "状态",
  "api.deprecated": "厂商已废弃该接口：它可能仍会应答，但新代码不应依赖它。",

  "json.parseError": "JSON 尚不合法（{detail}）；表单保留最后一次合法的参数。",
  "json.notObject": "参数必须是 JSON 对象 { … }。",
  "json.keptAgainstForm": "这段文本尚不合法时表单有了改动：表单的改动已用于调用，你输入的文本原样保留在这里。它一旦合法，就会取代表单的参数（包括这些改动）。",
  "json.keptAgainstLoad": "这段文本尚不合法时载入了调用（示例、历史记录或链接）：其参数已在表单中并用于调用，你输入的文本原样保留在这里。它一旦合法，就会取代这些参数；如要放弃它，请用表单的参数替换。",
  "json.replace": "用表单的参数替换",

  "violations.heading": "校验",
  "violations.count": "{n} 个问题——修正之前不会发送。",
  "violations.none": "没有问题：调用合法。",
  "violations.jsonUnparsed": "JSON 框中的内容无法解析：这里校验的是最后一次能解析的参数。能解析之前不会发送。",
  "violations.whole": "（参数整体）",

  "cred.heading": "凭证",
  "cred.help": "只保存在本页面的内存中，绝不会进入链接、历史记录或草稿。SecretKey 只以签名的形式离开页面；SecretId 是每个签名请求（Authorization）的一部分，因此 curl 代码片段中会出现它。",
  "cred.id": "SecretId / AccessKeyId",
  "cred.key": "SecretKey / AccessKeySecret",
  "cred.token": "临时凭证 Token（可选）",
  "cred.remember": "在本标签页中记住（sessionStorage）",
  "cred.demo": "使用模拟器的演示密钥",
  "cred.clear": "清除凭证",
  "cred.cleared": "已从内存和存储中清除凭证。",
  "cred.remembered": "凭证保存在本标签页的 sessionStorage 中，直到你清除或关闭标签页。",
  "cred.memoryOnly": "凭证只保存在内存中。",
  "cred.demoFilled": "已填入模拟器公开的演示密钥，它只对模拟器有效。",
  "cred.noDemo": "当前 cloudplay 包没有演示账号。",

  "preview.heading": "签名预览",
  "preview.algorithm": "算法",
  "preview.method": "方法",
  "preview.timestamp": "时间戳",
  "preview.host": "主机",
  "preview.placeholder": "尚未填写凭证：使用占位密钥签名以展示每个步骤。填写凭证后得到真实签名。",
  "preview.placeholderId": "YOUR_SECRET_ID",
  "preview.placeholderNote": "占位值：用虚构的密钥计算。",
  "preview.invalid": "调用有 {n} 个问题，仍签名以便查看各步骤；但不会发送。",
  "preview.invalid.one": "调用有 1 个问题，仍签名以便查看各步骤；但不会发送。",
  "preview.tokenMasked": "会话令牌在此显示为 {shown}；签名和发送时使用完整令牌。",
  "preview.copyHasToken": "复制的内容包含你的会话令牌。",
  "preview.badTimestamp": "固定时间戳必须是自 1970 年起的整数秒。",
  "ts.empty": "请输入时间戳（自 1970 年起的整数秒），或选择“当前时间”。",

  "step.canonical_request": "规范请求串",
  "step.hashed_canonical_request": "规范请求串哈希",
  "step.hashed_payload": "请求体哈希",
  "step.credential_scope": "凭证范围",
  "step.signed_headers": "参与签名的头部",
  "step.string_to_sign": "待签字符串",
  "step.signature": "签名",
  "step.authorization": "Authorization",
  "step.http": "最终 HTTP 请求",

  "action.copy": "复制",
  "action.copyWhat": "复制{what}",
  "action.copied": "已复制。",
  "action.copyFailed": "无法复制：请选中文本后手动复制。",

  "send.heading": "发送",
  "send.via": "发送到",
  "via.simulator": "页面内模拟器",
  "via.proxy": "经 cloudplay serve 代理",
  "via.direct": "直接发送（需 CORS）",
  "send.button": "发送",
  "send.sending": "正在发送到{via}…",
  "send.done": "返回 HTTP {status}。",
  "send.doneError": "返回错误 {code}。",
  "send.failed": "没有响应：{code}",
  "send.blocked": "未发送：请先修正表单中标出的 {n} 个问题。",
  "send.stale": "下面的响应对应发送时的调用；此后调用已有改动。",
  "send.staleCredentials": "下面的响应对应用当时的凭证签名的调用；此后凭证已有改动。",
  "send.staleVia": "下面的响应来自“{via}”；现在调用会发往别处（“发送到”已更改）。",
  "send.jsonUnparsed": "未发送：JSON 框中的内容无法解析，请先修正（或撤销修改）。",
  "send.needCredentials": "未发送：请先填写凭证（或使用模拟器的演示密钥）。",
  "send.unavailable": "发送到{via}需要更新的 cloudplay 包（当前构建尚无 send/simulate 函数）。",
  "send.cors": "浏览器拦截了响应（CORS）：厂商 API 不允许网页直接调用。请改用 cloudplay serve 的代理。",
  "send.network": "请求未能送达（网络错误或超时）。",

  "resp.ok": "成功",
  "resp.notModelled": "模拟器已校验此请求的签名与参数，但并未模拟该接口的实际行为：此处的成功仅表示请求格式正确。如需真实结果，请发送给厂商。",
  "resp.error": "错误 {code}",
  "resp.status": "HTTP 状态",
  "resp.time": "耗时",
  "resp.ms": "{ms} 毫秒",
  "resp.via": "发送到",
  "resp.requestId": "RequestId",
  "resp.message": "信息",
  "resp.meaning": "含义",
  "resp.unknownKeyId": "服务端不认识密钥 ID {id}：它没有校验签名，因此与你的 SecretKey 无关。请检查 SecretId / AccessKeyId（模拟器只认识它的演示密钥）。",
  "resp.body": "响应体",
  "resp.headers": "响应头",

  "diff.title": "签名在哪里不同",
  "diff.caption": "签名的每个步骤：你的与服务端的并列",
  "diff.step": "步骤",
  "diff.yours": "你的",
  "diff.theirs": "应为",
  "diff.sent": "已发送",
  "diff.server": "服务端",
  "diff.presented": "请求中",
  "diff.expected": "按请求重新计算",
  "diff.state": "结果",
  "diff.same": "相同",
  "diff.differs": "不同",
  "diff.unknown": "未知",
  "diff.firstHere": "第一处不同",
  "diff.undisclosed": "不同（服务端未给出其值）",
  "diff.inferred": "推断：你的请求用你自己的密钥可以验证通过，服务端算出的相同",
  "diff.first": "第一处不同：{step}。",
  "diff.at": "（第 {line} 行，第 {col} 个字符）",
  "diff.noneVisible": "双方都给出的步骤中没有不同。",
  "diff.keyDiffers": "双方的待签字符串相同，签名却不同：签名所用的密钥不是服务端为该密钥 ID 保存的密钥。",
  "diff.keyDiffersUndisclosed": "服务端未给出其待签字符串，但你的请求用你自己的密钥可以验证通过，说明服务端由它算出的待签字符串相同。签名不同是因为密钥不是服务端为该密钥 ID 保存的密钥。",
  "diff.notSelfConsistent": "该请求用你自己的密钥也无法验证（{code}）：签名之后请求被改动过。",
  "diff.noDifference": "没有发现不同。",
  "diff.signatureOnly": "在请求携带的步骤中只有签名不同：要么密钥不同，要么签名后请求被改动。粘贴你的客户端的待签字符串即可区分。",
  "diff.scopeDiffers": "凭证范围不同：Authorization 头中的日期（按时间戳的 UTC 日期）或服务名与请求本身的时间戳和主机不符。",
  "diff.stringToSignDiffers": "待签字符串在第 {line} 行不同：请求的规范化方式不同（或签名后被改动）。",
  "diff.requestDiffers": "规范请求串不同：服务端读到的方法、路径、查询串、参与签名的头部或请求体与签名时不同。",
  "diff.stepDiffers": "步骤「{step}」不同。",

  "snippet.heading": "代码",
  "snippet.language": "语言",
  "snippet.unavailable": "代码片段需要更新的 cloudplay 包（当前构建尚无 snippet 函数）。",
  "lang.curl": "curl",
  "lang.python": "Python",
  "lang.node": "Node.js",
  "lang.go": "Go",
  "lang.cli": "命令行（tccli / aliyun）",

  "share.heading": "分享与历史",
  "share.permalink": "永久链接（接口与参数，绝不含凭证）",
  "share.copy": "复制链接",
  "share.selectToCopy": "请选中链接后复制。",
  "share.secretLeftOut": "有参数含有你的 SecretKey 或 Token，或以凭证命名：链接、草稿和历史中不含它。",
  "share.tooLong": "此调用太长，无法放进链接（参数超过 8 KB）：地址栏和永久链接只含接口名。你的调用已保存为该接口的草稿；如需分享，请复制 JSON。",
  "history.heading": "历史记录",
  "history.clear": "清除历史",
  "history.empty": "尚未发送任何请求。",
  "history.cleared": "历史已清除。",
  "history.undo": "撤销",
  "history.restored": "历史已恢复。",
  "history.load": "载入",
  "history.loadWhat": "载入第 {n} 次调用：{api}",
  "history.tooLarge": "该调用超过 {kb} KB：历史只记录其结果，不保存参数（参数仍在表单和该接口的草稿中）。",
  "history.paramsLeftOut": "（参数过大，未保存）",
  "history.dropped": "浏览器存储已满：为保存这次调用，已从历史中删除最早的 {n} 条。",
  "history.dropped.one": "浏览器存储已满：为保存这次调用，已从历史中删除最早的 1 条。",
  "history.notStored": "历史无法保存到下次访问：浏览器存储已满或被禁用。",
  "draft.notSaved": "该调用无法保存为此接口的草稿（浏览器存储已满或被禁用），重新加载页面会丢失它。清空历史可能腾出空间；也可以复制 JSON 保存。",

  "verify.heading": "验证签名",
  "verify.help": "粘贴原始 HTTP 请求或 curl 命令行以及密钥，查看签名是否通过，以及第一处不同的步骤。",
  "verify.input": "请求（原始 HTTP 或 curl）",
  "verify.secret": "密钥",
  "verify.own": "你的客户端算出的待签字符串或规范请求串（可选）",
  "verify.clock": "同时按当前时间检查时间窗口",
  "verify.useCurrent": "粘贴当前请求",
  "verify.nothingToPaste": "没有可粘贴的已签名请求：当前调用无法签名（请查看校验结果和时间戳）。输入框内容未改变。",
  "verify.button": "验证",
  "verify.unavailable": "验证粘贴的请求需要更新的 cloudplay 包（当前构建尚无 parseRequest 函数）。",
  "verify.unparsed": "无法读取这段请求。",
  "verify.needSecret": "请输入用于验证的密钥。",
  "verify.ok": "签名验证通过（{algorithm}，密钥 {id}）。",
  "verify.bad": "签名验证未通过：{code}",
  "verify.checkedAt": "按 Unix 时间 {now} 检查（{clock}）。",
  "verify.clockOn": "当前时间",
  "verify.clockOff": "请求自身的时间，因此只检查签名",
  "verify.tokenPlaceholder": "请求中的会话令牌是代码片段所写的占位符（{token}），而签名是用你的令牌计算的。请把令牌填回原处（在查询串或表单中需 URL 编码）后再验证。",

  "widget.try": "试一试",
  "widget.open": "在调试台中打开",
  "widget.credentials": "凭证",
  "widget.preview": "签名",
  "widget.broken": "此示例无法加载。",
  "widget.demoKey": "使用页内模拟器的演示密钥 {id} 签名（公开的演示值）：此框只发送到模拟器，模拟器不认识其他密钥。",
  "widget.demoKeyOpen": "如需用自己的密钥签名或发送给厂商，请在调试台中打开此调用。",
  "widget.codeNote": "用您自己的密钥（从环境变量读取）发起此调用的代码：此处不写入任何密钥。",

  "error.line": "{lead}{at}：{detail}",
  "error.at": "（{path}）",
  "error.InvalidJson": "JSON 无效",
  "error.InvalidUtf8": "不是有效的 UTF-8 文本",
  "error.MissingField": "缺少必填字段",
  "error.InvalidField": "字段取值无效",
  "error.UnknownAlgorithm": "未知的签名算法",
  "error.DuplicateHeader": "请求头重复",
  "error.MissingHeader": "缺少签名所需的请求头",
  "error.MalformedQuery": "无法读取查询串",
  "error.TimestampOutOfRange": "时间戳超出范围",
  "error.Validation": "调用未通过校验",
  "error.UnknownApi": "目录中没有该接口",
  "error.InvalidSpec": "无法读取接口描述",
  "error.Unsupported": "不支持",
  "error.Unavailable": "当前构建不支持",
  "error.Timeout": "等待响应超时",
  "error.Aborted": "请求已取消",
  "error.CorsError": "浏览器拦截了响应（CORS）",
  "error.NetworkError": "请求未能送达",
  "error.ProxyRefused": "代理拒绝了该请求",
  "error.NoProxy": "没有 cloudplay 代理应答",

  "code.AuthFailure.SignatureFailure": "签名与服务端计算的不一致：SecretKey 错误，或签名后请求被改动。",
  "code.AuthFailure.SignatureExpire": "请求时间戳与服务端时间相差超过 5 分钟（或随机数已被使用）：请用当前时间重新签名。",
  "code.AuthFailure.SecretIdNotFound": "服务端不存在该 SecretId。",
  "code.AuthFailure.InvalidAuthorization": "缺少 Authorization 头，或其格式不是 TC3-HMAC-SHA256。",
  "code.AuthFailure.TokenFailure": "临时凭证 Token 缺失、多余或不属于该密钥。",
  "code.MissingParameter": "缺少必填参数。",
  "code.InvalidParameter": "参数类型或格式错误。",
  "code.InvalidParameterValue": "参数取值超出允许的范围或集合。",
  "code.UnknownParameter": "发送了接口未声明的参数。",
  "code.InvalidAction": "该接口不存在。",
  "code.RequestLimitExceeded": "该接口每秒请求数超过限制。",
  "code.ParamsAssertError": "参数缺失或不合法（API 2.0）。",
  "code.SignatureDoesNotMatch": "签名与服务端计算的不一致：AccessKeySecret 错误，或签名后请求被改动。",
  "code.IncompleteSignature": "请求未携带完整的签名。",
  "code.InvalidTimeStamp.Expired": "请求时间戳与服务端时间相差超过 15 分钟：请用当前时间重新签名。",
  "code.InvalidTimeStamp.Format": "时间戳格式不是 YYYY-MM-DDThh:mm:ssZ。",
  "code.InvalidAccessKeyId.NotFound": "服务端不存在该 AccessKeyId。",
  "code.SignatureNonceUsed": "该签名随机数已被使用：每个请求都需要新的随机数。",
  "code.Throttling": "请求过多：请降低频率后重试。",
  "code.InvalidSecurityToken.MismatchWithAccessKey": "安全令牌不属于该 AccessKeyId。",
  "code.4000": "API 2.0：参数缺失或不合法。",
  "code.4100": "API 2.0：鉴权失败——签名不一致，或 SecretId 不存在。",
  "code.4400": "API 2.0：请求过多。",
  "code.4500": "API 2.0：拒绝重放——Timestamp 相差超过 5 分钟，或 Nonce 已被使用。",
};

export const STRINGS = { en, zh };
export const LANGS = ["en", "zh"];

let current = "en";
const listeners = new Set();

export function lang() {
  return current;
}

/** Sets the language of every string; `page: false` (the widget, a guest on someone else's
 * page) leaves the document's own lang attribute alone. */
export function setLang(l, { page = true } = {}) {
  current = LANGS.includes(l) ? l : "en";
  if (page && typeof document !== "undefined") document.documentElement.lang = htmlLang(current);
  for (const fn of listeners) fn(current);
}

/** The lang attribute for a language of ours. */
export function htmlLang(l) {
  return l === "zh" ? "zh-CN" : "en";
}

export function onLang(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function hasKey(key) {
  return key in STRINGS[current] || key in en;
}

/** The string `key` in the page language with `{name}` placeholders filled. */
export function t(key, vars) {
  // English says "1 API", not "1 APIs": a string may have a `.one` form for n = 1. It is looked
  // up in the page language, so a `.one` in English needs one in Chinese too (or Chinese
  // pages would show English).
  if (vars?.n === 1 && `${key}.one` in en) key = `${key}.one`;
  let s = STRINGS[current][key] ?? en[key];
  if (s === undefined) {
    console.error(`cloudplay i18n: no string '${key}'`);
    return key;
  }
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  return s;
}

const sayings = new WeakMap();

/** Shows what `render` (a function of the page language; none: nothing) says in `el`, and keeps
 * it, so that `sayAgain` says it in another language: the text alone could not be translated.
 * `render` gives text, or a list of text and elements (a line with its Undo button).
 * `state`, when given, goes to `data-state`. */
export function say(el, render, state) {
  if (render) sayings.set(el, render);
  else sayings.delete(el);
  // Marked so that `sayAgain` finds it, and no list of such elements is kept by hand.
  el.toggleAttribute("data-said", Boolean(render));
  el.replaceChildren(...[render ? render() : ""].flat());
  if (state !== undefined) el.dataset.state = state;
}

/** What `el` was last given to say (see `say`), or null. */
export function saying(el) {
  return sayings.get(el) ?? null;
}

/** Says again, in the page language, all that `say` keeps in `root` (a widget box's shadow
 *  root is a root of its own). */
export function sayAgain(root = document) {
  for (const el of root.querySelectorAll("[data-said]")) {
    const render = sayings.get(el);
    if (render) el.replaceChildren(...[render()].flat());
  }
}

/** A spec `Doc` ({en, zh}) in the page language, falling back to the other one. */
export function docText(doc) {
  if (!doc) return "";
  return (current === "zh" ? doc.zh || doc.en : doc.en || doc.zh) ?? "";
}

/** A violation's message in the page language. */
export function messageOf(v) {
  return current === "zh" ? v.message_zh || v.message : v.message || v.message_zh;
}

/** Fills `[data-i18n]` text and `[data-i18n-attr="attr:key;attr:key"]` attributes under `root`. */
export function applyI18n(root) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":");
      if (attr && key) el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
}
