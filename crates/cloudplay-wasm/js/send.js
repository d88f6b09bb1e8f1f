// What `send` asks of its JS host: fetch, direct to the vendor or through `cloudplay serve`'s
// forwarding proxy. Only the full module imports this file.

function cloudplayError(code, message, extra = {}) {
  // Worded as the module's own errors are: "Code at path: why", or "Code: why".
  const said = `${code}${extra.path ? ` at ${extra.path}` : ""}: ${message}`;
  const e = new Error(said, extra.cause === undefined ? undefined : { cause: extra.cause });
  // Defined, not assigned: with Error.prototype frozen (SES's lockdown) `e.name = …` throws.
  Object.defineProperty(e, "name", { value: "CloudplayError", writable: true, configurable: true });
  // Enumerable, as the module's own errors' is: a JSON log line keeps it.
  Object.defineProperty(e, "message", { value: said, enumerable: true, writable: true, configurable: true });
  e.code = code;
  for (const [k, v] of Object.entries(extra)) if (k !== "cause") e[k] = v;
  return e;
}

/**
 * `send`'s options split for the module: `[signal, the rest as a plain object]`. Never lets a
 * throwing getter through as such (the module reads options inside a future, where a JS
 * exception would be lost): it becomes a CloudplayError naming the options.
 */
export function sendOptions(options) {
  // A number or a string would be read as an object of no options (or of its characters).
  if (typeof options !== "object" || Array.isArray(options)) {
    throw cloudplayError("InvalidField", 'must be an object of options, such as { via: "proxy" }', { path: "options", message_zh: '必须是选项对象，例如 { via: "proxy" }。' });
  }
  let signal, plain;
  try {
    signal = options.signal ?? undefined;
    plain = {};
    for (const name of Object.keys(options)) {
      if (name !== "signal") Object.defineProperty(plain, name, { value: options[name], enumerable: true, writable: true, configurable: true });
    }
  } catch (e) {
    throw cloudplayError("InvalidJson", `options cannot be read: ${reasonOf(e)}`, { path: "options" });
  }
  const isSignal = signal === undefined || (typeof signal === "object" && typeof signal.aborted === "boolean" && typeof signal.addEventListener === "function");
  if (!isSignal) throw cloudplayError("InvalidField", "must be an AbortSignal, e.g. new AbortController().signal or AbortSignal.timeout(5000)", { path: "options.signal" });
  return [signal, plain];
}

/** Rejects as `send` does for a signal already aborted: also before the in-page simulator runs. */
export function throwIfAborted(signal) {
  if (signal && signal.aborted) throw abortError(signal);
}

/** `Timeout` for AbortSignal.timeout's reason, `Aborted` (with the reason as cause) otherwise. */
function abortError(signal) {
  const reason = signal.reason;
  if (reason && reason.name === "TimeoutError") return cloudplayError("Timeout", "the signal's time ran out (AbortSignal.timeout)", { cause: reason, message_zh: "信号的时限已到（AbortSignal.timeout）。" });
  return cloudplayError("Aborted", "the request was aborted", { cause: reason, message_zh: "请求已中止。" });
}

/** The deepest reason a fetch failed (Node's undici puts ENOTFOUND or a TLS error in `cause`). */
function reasonOf(e) {
  let why = e && e.message ? e.message : String(e);
  for (let c = e && e.cause, depth = 0; c && depth < 4; c = c.cause, depth++) {
    const text = c.code && c.message && !c.message.includes(c.code) ? `${c.code}: ${c.message}` : c.message || c.code;
    if (text) why += `: ${text}`;
  }
  return why;
}

/** Where a session token goes: API 3.0 and ACS3 in a header, API 2.0 and RPC as a parameter. */
const TOKEN_HEADERS = new Set(["x-tc-token", "x-acs-security-token"]);
const TOKEN_PARAMS = /(^|&)(Token|SecurityToken)=/;

/** Whether a host name (no port; IPv6 with or without brackets) is this machine. */
const isLoopback = (host) => /^(localhost|\[?::1\]?|127(\.\d{1,3}){3})$/i.test(host);

/**
 * A session token is a secret that travels with the request, not a signature: over plain
 * http to another machine anyone on the way reads it. Refused where it would first travel so:
 * to the vendor (`direct`) or to the proxy, which is sent the whole request. Loopback, as a
 * simulator or `cloudplay serve` on this machine, is left alone.
 */
function refuseTokenInClear(request, via, proxy) {
  const inHeader = Object.keys(request.headers || {}).some((k) => TOKEN_HEADERS.has(k.toLowerCase()));
  const inParams = TOKEN_PARAMS.test(request.query || "") || TOKEN_PARAMS.test(typeof request.body === "string" ? request.body : "");
  if (!inHeader && !inParams) return;
  const [scheme, host, path] = via === "proxy"
    ? [proxy.protocol.slice(0, -1), proxy.hostname, "options.proxyUrl"]
    : [request.scheme, String(request.host || "").replace(/^(\[[^\]]*\]|[^:]*):\d+$/, "$1"), "signed.scheme"];
  if (scheme !== "http" || isLoopback(host)) return;
  const to = via === "proxy" ? `the proxy at ${proxy.host}` : request.host;
  throw cloudplayError("InvalidField", `plain http would carry the session token to ${to} in clear text: send it over https`, { path, message_zh: `明文 http 会把临时凭证 Token 以明文发往 ${to}：请通过 https 发送。` });
}

// Hosts the browser refuses to read answers from: the vendors send no CORS headers.
const VENDOR_HOSTS = /(^|\.)(tencentcloudapi\.com|api\.qcloud\.com|aliyuncs\.com)$/i;
// Headers fetch may not set (the browser sets them itself).
const FORBIDDEN = new Set(["host", "content-length", "connection", "accept-encoding", "user-agent"]);

/**
 * The vendor's error code in an answer's body, or undefined for a success: Tencent API 3.0's
 * `Response.Error.Code`, API 2.0's non-zero `code` (with `codeDesc` beside it) and Alibaba's
 * `Code` on a status of 400 or more or beside `Success: false` (some of its APIs answer 200
 * with `Code: "Success"`). Tencent answers its errors with HTTP 200, so the status alone tells
 * nothing. The playground reads answers by the same rules (www/js/send.js, readResponse).
 */
function apiErrorCode(status, body) {
  let json;
  try {
    json = JSON.parse(body);
  } catch {
    return status >= 400 ? `HTTP ${status}` : undefined;
  }
  if (json === null || typeof json !== "object") return status >= 400 ? `HTTP ${status}` : undefined;
  // An error without a code of its own is still an error.
  const tc3 = json.Response && json.Response.Error;
  if (tc3) return typeof tc3.Code === "string" && tc3.Code ? tc3.Code : "Error";
  if (typeof json.code === "number" && json.code !== 0) return String(json.code);
  const alibaba = typeof json.Code === "string" && json.Code && json.Code !== "Success" ? json.Code : undefined;
  if (alibaba && (status >= 400 || json.Success === false)) return alibaba;
  return status >= 400 ? `HTTP ${status}` : undefined;
}

/** The refusals of `cloudplay serve`'s proxy that mean the vendor could not be reached, or took
 *  too long: said with the codes a direct send uses, the proxy's own kept as `reason`. */
const UPSTREAM_FAILED = { Unresolvable: "NetworkError", UpstreamUnreachable: "NetworkError", UpstreamTimeout: "Timeout" };

/** A refusal of the proxy (`x-cloudplay-proxy-error`, `{code, message}`) as an error. */
function proxyError(refused, body, host) {
  let said = body;
  try {
    const json = JSON.parse(body);
    if (json && typeof json.message === "string") said = json.message;
  } catch {
    /* said as it came */
  }
  const upstream = UPSTREAM_FAILED[refused];
  if (upstream) return cloudplayError(upstream, `the proxy could not get an answer from ${host}: ${said}`, { reason: refused, message_zh: `代理没能从 ${host} 得到应答：${said}` });
  return cloudplayError("ProxyRefused", `the proxy refused the request: ${refused}: ${said}`, { reason: refused, message_zh: `${refused}：${said}` });
}

// The sends following each caller's signal. A signal gets one listener however many sends
// share it: Node warns of a leak past ten listeners on one signal, and a batch of calls under
// one "cancel" signal is ordinary.
const following = new WeakMap();

/** Aborts `controller` with `signal`, until the returned function is called. */
function follow(signal, controller) {
  if (signal.aborted) {
    controller.abort();
    return () => {};
  }
  let sends = following.get(signal);
  if (!sends) {
    const controllers = new Set();
    const onAbort = () => {
      following.delete(signal);
      for (const c of controllers) c.abort();
    };
    sends = { controllers, onAbort };
    following.set(signal, sends);
    signal.addEventListener("abort", onAbort, { once: true });
  }
  sends.controllers.add(controller);
  return () => {
    sends.controllers.delete(controller);
    if (sends.controllers.size === 0 && following.get(signal) === sends) {
      following.delete(signal);
      signal.removeEventListener("abort", sends.onAbort);
    }
  };
}

/**
 * Sends a signed request `{method, scheme, host, path, query, headers, body}` and resolves to
 * `{status, headers, body, ms, via, code?}` (`code`: the vendor's error code of an API error).
 * Rejects with a CloudplayError whose code is `Timeout`, `Aborted`, `CorsError`,
 * `NetworkError`, `ProxyRefused` or `NoProxy` (or `InvalidField` for a proxy address that
 * cannot be resolved) — never for an API error, which is an answer like any other.
 */
export async function fetchSigned(request, via, timeoutMs, signal, proxyUrl) {
  if (typeof fetch !== "function") throw cloudplayError("NetworkError", "this JavaScript host has no fetch()");
  // Said once, in lower case: a URL reads `HTTP://` as http, and so must the checks below
  // (the session token's above all).
  const given = request.scheme || "https";
  const scheme = typeof given === "string" ? given.toLowerCase() : "";
  if (scheme !== "http" && scheme !== "https") {
    throw cloudplayError("InvalidField", `'${String(given).slice(0, 40)}' is not http or https`, { path: "signed.scheme", message_zh: `'${String(given).slice(0, 40)}' 不是 http 或 https。` });
  }
  request = { ...request, scheme };
  let proxy;
  if (via === "proxy") {
    // A relative address is relative to the page (or worker); Node has no such address.
    try {
      proxy = new URL(proxyUrl, globalThis.location?.href);
    } catch {
      throw cloudplayError("InvalidField", `proxyUrl '${proxyUrl}' is relative, and there is no page address to resolve it against: give the proxy's full address, e.g. { proxyUrl: "http://127.0.0.1:8080/proxy" } for \`cloudplay serve\``, { path: "options.proxyUrl" });
    }
  }
  refuseTokenInClear(request, via, proxy);
  const url = `${request.scheme}://${request.host}${request.path || "/"}${request.query ? `?${request.query}` : ""}`;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const unfollow = signal ? follow(signal, controller) : () => {};
  const started = Date.now();
  let init;
  if (via === "proxy") {
    init = {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ method: request.method, url, headers: request.headers || {}, body: request.body || "" }),
    };
  } else {
    const headers = {};
    for (const [k, v] of Object.entries(request.headers || {})) if (!FORBIDDEN.has(k.toLowerCase())) headers[k] = v;
    // An empty body is no body: fetch would send "" with a Content-Type of text/plain, which
    // the request was not signed with.
    init = { method: request.method, headers, body: request.method === "GET" || request.method === "HEAD" || !request.body ? undefined : request.body };
  }
  try {
    const res = await fetch(via === "proxy" ? proxyUrl : url, { ...init, signal: controller.signal, credentials: "omit" });
    const body = await res.text();
    const headers = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    if (via === "proxy") {
      const refused = res.headers.get("x-cloudplay-proxy-error");
      if (refused) throw proxyError(refused, body, request.host);
      // Something else answers there (a dev server's 404 page): its answer is not the vendor's.
      if (res.headers.get("x-cloudplay-proxy") !== "forwarded") {
        // A dev server that forwards to a cloudplay serve that is not running answers 502.
        const down = res.status >= 500 ? "; if it forwards to one, that `cloudplay serve` is not running" : "";
        // The server's own address is the likely slip (its banner shows that address); a path
        // of one's own is a dev server's route, whose target is not known here.
        const path = proxy.pathname === "/" ? `; \`cloudplay serve\` forwards at /proxy (${new URL("/proxy", proxy).href})` : "";
        const downZh = res.status >= 500 ? "；如果它转发给某个 cloudplay serve，那个 cloudplay serve 没有运行" : "";
        const pathZh = proxy.pathname === "/" ? `；cloudplay serve 的转发地址是 /proxy（${new URL("/proxy", proxy).href}）` : "";
        throw cloudplayError("NoProxy", `what answers at ${proxyUrl} (HTTP ${res.status}) is not the proxy of \`cloudplay serve\`${down}: forward ${proxyUrl} to one from your dev server, or serve the page with \`cloudplay serve --root <your build>\` (a \`cloudplay serve\` older than this package does not mark its answers: rebuild it)${path}`,
          { message_zh: `在 ${proxyUrl} 应答的（HTTP ${res.status}）不是 cloudplay serve 的代理${downZh}：请在开发服务器上把 ${proxyUrl} 转发给它，或用 cloudplay serve --root <你的构建目录> 提供页面（比本包旧的 cloudplay serve 不会标记它的应答：请重新构建）${pathZh}。` });
      }
    }
    const answer = { status: res.status, headers, body, ms: Date.now() - started, via };
    const code = apiErrorCode(res.status, body);
    if (code !== undefined) answer.code = code;
    return answer;
  } catch (e) {
    if (e && e.name === "CloudplayError") throw e;
    if (timedOut) throw cloudplayError("Timeout", `no answer within ${timeoutMs} ms`, { message_zh: `${timeoutMs} 毫秒内没有应答。` });
    if (signal && signal.aborted) throw abortError(signal);
    const why = reasonOf(e);
    const browser = typeof window !== "undefined" && typeof document !== "undefined";
    if (via === "direct" && browser && VENDOR_HOSTS.test(request.host)) {
      throw cloudplayError(
        "CorsError",
        `the browser would not let the page read ${request.host}'s answer (${why}). A browser does not say why; for the vendors' hosts it is almost always that they send no CORS headers (or else the host could not be reached). Send it through the proxy of \`cloudplay serve\`, or to the simulator.`,
        { message_zh: `浏览器不允许页面读取 ${request.host} 的应答（${why}）。浏览器不说明原因；对厂商的地址而言，几乎总是因为它们不发送 CORS 响应头（否则就是无法连接该地址）。请通过 cloudplay serve 的代理发送，或发给模拟器。` },
      );
    }
    // The proxy serves only pages it serves itself, and sends no CORS headers: from a page
    // of another origin, the browser says no more than "failed to fetch".
    if (via === "proxy" && browser && typeof location !== "undefined" && proxy.origin !== location.origin) {
      throw cloudplayError(
        "NetworkError",
        `could not reach ${proxyUrl} (${why}) from a page at ${location.origin}: if a \`cloudplay serve\` runs there, its proxy takes requests only from pages it serves itself (a browser does not say which of the two it was). Serve this page with \`cloudplay serve --root <your build>\`, or forward ${proxy.pathname} to it from your dev server keeping the Host header (Vite: changeOrigin: false), and leave proxyUrl out.`,
        { cause: e, message_zh: `从 ${location.origin} 的页面无法连接 ${proxyUrl}（${why}）：如果那里运行着 cloudplay serve，它的代理只接受它自己提供的页面的请求（浏览器不说明是哪一种情况）。请用 cloudplay serve --root <你的构建目录> 提供此页面，或在开发服务器上保留 Host 请求头把 ${proxy.pathname} 转发给它（Vite：changeOrigin: false），并且不要设置 proxyUrl。` },
      );
    }
    const target = via === "proxy" ? proxyUrl : request.host;
    // https to a server on this machine is most often `cloudplay serve` or a test server,
    // which speak plain http: its TLS error says nothing of that.
    const local = via === "direct" && request.scheme !== "http" && /^(127\.|localhost(:|$)|\[::1\])/.test(request.host);
    const hint = local ? `; a local server such as cloudplay serve speaks plain http: sign the call with endpoint "http://${request.host}"` : "";
    const hintZh = local ? `；本机的服务器（如 cloudplay serve）使用明文 http：请以 endpoint "http://${request.host}" 签名这次调用` : "";
    throw cloudplayError("NetworkError", `could not reach ${target}: ${why}${hint}`, { cause: e, message_zh: `无法连接 ${target}：${why}${hintZh}` });
  } finally {
    clearTimeout(timer);
    unfollow();
  }
}
