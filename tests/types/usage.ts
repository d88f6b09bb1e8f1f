// Compiled with `tsc --strict --noEmit` against the packed package: the declarations generated
// from the Rust types must describe how the package is really used (see tests/node/*.mjs).
import {
  catalog, describe, search, validate, prepare, signWire, verifyWire, snippet, parseRequest, importTccli, send, simulatorState, restoreSimulator, isCloudplayError, demoAccounts, addSpecs,
  type ApiSpec, type SentResponse, type SignedRequest, type ApiSummary, type Call, type Credentials, type Prepared, type SigningTrace,
  type Violation, type VerifyOutcome, type HttpRequest, type CloudplayError, type Algorithm, type Language, type SignWireInput, type SendOptions,
} from "cloudplay";

const apis: ApiSummary[] = catalog();
const spec: ApiSpec = describe(apis[0].id);
const first: string | undefined = spec.params?.[0]?.name;
const found: ApiSummary[] = search("RunInstances");

const call: Call = { api: "hai/2023-08-12/RunInstances", params: { ApplicationId: "app-1" }, region: "ap-guangzhou" };
const violations: Violation[] = validate(call);
const paths: string[] = violations.map((v) => `${v.path} ${v.code} ${v.message_zh}`);

const credentials: Credentials = { secret_id: "AKID", secret_key: "secret" };
const prepared: Prepared = prepare(call, credentials);
const fixed: Prepared = prepare(call, { ...credentials, token: "t" }, { timestamp: 1700000000, nonce: 42, allow_invalid: true });
const english: Prepared = prepare(call, credentials, { timestamp: 1700000000, language: "en-US" });
// @ts-expect-error Tencent answers in zh-CN or en-US only
prepare(call, credentials, { timestamp: 1700000000, language: "fr" });
const request: HttpRequest = prepared.request;
const contentType: string | undefined = request.headers?.["Content-Type"];
const algorithm: Algorithm = fixed.trace.algorithm;
// A signed request has every part: the README reads its headers without a check.
const signed: SignedRequest = fixed.request;
const authorization: string = signed.headers.Authorization + signed.query + signed.body;
// send resolves to the answer itself (not to another promise).
const status: Promise<number> = send(signed, { via: "simulator" }).then((r: SentResponse) => r.status + r.ms);
const vendor: string | undefined = (await send(signed)).vendor;
// Options built apart from the call, the signal among them.
const sendOptions: SendOptions = { via: "direct", timeout: 5000, signal: AbortSignal.timeout(10_000) };
const sentWithSignal: Promise<SentResponse> = send(signed, sendOptions);

const trace: SigningTrace = signWire({
  algorithm: "TC3-HMAC-SHA256", method: "POST", service: "hai", credentials, timestamp: 1700000000,
  query: "", headers: { Host: "hai.tencentcloudapi.com", "Content-Type": "application/json" }, body: "{}",
  signed_headers: "content-type;host",
});
const rpc: SigningTrace = signWire({ algorithm: "ACS-RPC-HMAC-SHA1", method: "GET", credentials, params: [["Action", "X"]] });
// One shape per algorithm: what it needs is required, and what it does not sign is refused.
// @ts-expect-error TC3 needs its credential scope's service
signWire({ algorithm: "TC3-HMAC-SHA256", method: "POST", credentials, timestamp: 1, signed_headers: "host" });
// @ts-expect-error TC3 needs the time of its scope
signWire({ algorithm: "TC3-HMAC-SHA256", method: "POST", service: "hai", credentials, signed_headers: "host" });
// @ts-expect-error TC3 signs the query, headers and body; params are for the parameter algorithms
signWire({ algorithm: "TC3-HMAC-SHA256", method: "POST", service: "hai", credentials, timestamp: 1, signed_headers: "host", params: [["A", "1"]] });
// @ts-expect-error ACS3 names the headers it signs
signWire({ algorithm: "ACS3-HMAC-SHA256", method: "GET", credentials, headers: { Host: "ecs.aliyuncs.com" } });
// @ts-expect-error API 2.0 signs its parameters with the host
signWire({ algorithm: "TC-HmacSHA1", method: "GET", credentials, params: [["Action", "X"]] });
// @ts-expect-error RPC signs only its parameters
signWire({ algorithm: "ACS-RPC-HMAC-SHA1", method: "GET", credentials, params: [["Action", "X"]], query: "a=1" });
// Headers, a Map or URLSearchParams are read as pairs.
const fromMap: SigningTrace = signWire({ algorithm: "ACS3-HMAC-SHA256", method: "GET", credentials, signed_headers: "host", headers: new Map([["Host", "ecs.aliyuncs.com"]]) });
const fromSearch: SigningTrace = signWire({ algorithm: "TC-HmacSHA256", method: "GET", host: "cvm.api.qcloud.com", credentials, params: new URLSearchParams({ Action: "X" }) });
const input: SignWireInput = { algorithm: "ACS-RPC-HMAC-SHA1", method: "GET", credentials, params: { Action: "X", Period: 12 } };
// An optional member may hold undefined (exactOptionalPropertyTypes): a token from the environment.
declare const sessionToken: string | undefined;
const withToken: Prepared = prepare(call, { ...credentials, token: sessionToken }, { timestamp: undefined });
// What describe offers goes into prepare's options as it is.
const asOffered: Prepared = prepare(call, credentials, { method: spec.methods[0], content_type: spec.content_types?.[0] });
prepare(call, credentials, { method: "post" });
// @ts-expect-error not a method any API takes
prepare(call, credentials, { method: "PUT" });
const profiles: ("ordinary" | "not-allow-listed" | "arrears" | "incomplete-information")[] = demoAccounts().map((a) => a.profile);

const outcome: VerifyOutcome = verifyWire({ method: "POST", url: "https://hai.tencentcloudapi.com/", credentials: [credentials], now: 1700000000 });
// Headers as a server framework holds them: a Headers object, or a list of pairs.
const fromHeaders: VerifyOutcome = verifyWire({ method: "POST", url: "https://hai.tencentcloudapi.com/", headers: new Headers(signed.headers), credentials, now: 1700000000 });
const fromPairs: VerifyOutcome = verifyWire({ method: "POST", url: "https://hai.tencentcloudapi.com/", headers: Object.entries(signed.headers), credentials, now: 1700000000 });
// Node's req.headers as it is (IncomingHttpHeaders: string | string[] | undefined values), no cast.
declare const incoming: import("node:http").IncomingMessage;
const fromNode: VerifyOutcome = verifyWire({ method: "POST", url: "https://hai.tencentcloudapi.com/", headers: incoming.headers, credentials, now: 1700000000 });
const diffStep: string | undefined = outcome.ok ? undefined : outcome.expected?.string_to_sign;
// The two shapes are told apart by `ok`: each side has its own fields, not optional ones.
const said: string = outcome.ok ? `${outcome.secret_id} ${outcome.algorithm}` : `${outcome.code}: ${outcome.message}`;
// @ts-expect-error a code is only there once `ok` is known to be false
const unnarrowed: string = outcome.code;
restoreSimulator(simulatorState());
restoreSimulator(JSON.parse(simulatorState()) as object);

const language: Language = "python";
const code: string = snippet(call, language) + snippet(call, "curl", request);
const parsed: HttpRequest = parseRequest("GET / HTTP/1.1\nHost: a\n\n");
const report: string[] = importTccli("{}").added;
// Specs go back in as describe gives them.
const readded: string[] = addSpecs([describe(apis[0].id)]).added.concat(addSpecs(spec).added);
// Always there: no `?.` needed.
const skippedActions: string[] = importTccli("{}").skipped.map((s) => s.action);

try {
  prepare({ api: "nope/1/Nope", params: {} }, credentials);
} catch (e) {
  const err = e as CloudplayError;
  const where: string = `${err.code} ${err.path ?? ""} ${err.violations?.length ?? 0} ${err.reason ?? ""}`;
  // The codes are a closed list: a misspelt one is caught.
  const missing: boolean = err.code === "MissingField" || err.code === "Timeout";
  // @ts-expect-error no such code
  const typo: boolean = err.code === "MisingField";
  void [where, missing, typo];
}

try {
  verifyWire({ method: "GET", url: "https://a.b/", credentials: { secret_id: "a", secret_key: "b" }, now: 1 });
} catch (e: unknown) {
  // Narrowed without a cast.
  if (isCloudplayError(e)) {
    const kind: CloudplayError["code"] = e.code;
    void kind;
  }
}

void [readded, skippedActions, fromMap, fromSearch, input, withToken, asOffered, profiles, said, unnarrowed, first, found, paths, contentType, algorithm, authorization, status, vendor, trace, rpc, diffStep, code, parsed, report];
