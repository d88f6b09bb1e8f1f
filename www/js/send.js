// Sending a signed request — to the in-page simulator (default), through `cloudplay serve`'s
// forwarding proxy, or directly — and reading the answer: status, headers, pretty body,
// RequestId, time, the error code explained from the spec, and for a signature error the
// step where the signatures part.
import { h, put } from "./dom.js";
import { t, docText, hasKey, say, lang } from "./i18n.js";
import { cp, has, errorLine } from "./wasm.js";
import { PROXY_URL } from "./site.js";
import { copyBlock, requestUrl } from "./preview.js";
import { renderDiff, UNDISCLOSED } from "./diff.js";
import { answersInLanguage } from "./share.js";

export const VIAS = ["simulator", "proxy", "direct"];

/** Codes that mean "the signature does not match". */
export const SIGNATURE_CODES = new Set(["AuthFailure.SignatureFailure", "SignatureDoesNotMatch", "4100"]);
/** Codes that mean "signed too long ago (or in the future)". */
export const EXPIRED_CODES = new Set(["AuthFailure.SignatureExpire", "InvalidTimeStamp.Expired", "4500"]);

/** Codes that mean "the server knows no key with this id". */
export const UNKNOWN_KEY_CODES = new Set(["AuthFailure.SecretIdNotFound", "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId"]);

/** Whether an answer says the key id is unknown: API 2.0 says it only in its 4100's words
 *  (or its codeDesc), the same code as a signature that does not match. */
export function unknownKeyId(read) {
  if (UNKNOWN_KEY_CODES.has(read.code) || UNKNOWN_KEY_CODES.has(read.json?.codeDesc)) return true;
  return read.code === "4100" && /secret\s*id\b.*(does not exist|not exist|not found|不存在)/i.test(read.message);
}

/** Whether this package can send by `via`. */
export function canSend(via) {
  if (has("send")) return true;
  return via === "simulator" && has("simulate");
}

/** Sends `request` (a signed HttpRequest). Resolves {status, headers, body, ms, via}. */
export async function sendRequest(request, via, { signal, timeout = 30000 } = {}) {
  const m = cp();
  if (has("send")) {
    return await m.send(request, { via, timeout, signal, proxyUrl: PROXY_URL });
  }
  if (via === "simulator" && has("simulate")) {
    const t0 = performance.now();
    const r = m.simulate(request, { now: Math.floor(Date.now() / 1000) });
    return { ...r, ms: performance.now() - t0, via };
  }
  const e = new Error(t("send.unavailable", { via }));
  e.code = "Unavailable";
  throw e;
}

function findKey(value, re, depth = 0) {
  if (!value || typeof value !== "object" || depth > 4) return undefined;
  for (const [k, v] of Object.entries(value)) if (re.test(k) && (typeof v === "string" || typeof v === "number")) return String(v);
  for (const v of Object.values(value)) {
    const found = findKey(v, re, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function header(resp, name) {
  const entries = Array.isArray(resp.headers) ? resp.headers : Object.entries(resp.headers ?? {});
  return entries.find(([n]) => n.toLowerCase() === name)?.[1];
}

/** What an answer says, in any vendor's envelope. */
export function readResponse(resp) {
  let json = null;
  try {
    json = JSON.parse(resp.body);
  } catch {
    json = null;
  }
  const requestId = findKey(json, /^request_?id$/i) ?? header(resp, "x-acs-request-id") ?? "";
  let code = null;
  let message = "";
  if (json?.Response?.Error) {
    const given = json.Response.Error.Code;
    code = typeof given === "string" && given ? given : "Error";
    message = json.Response.Error.Message ?? "";
  } else if (json && typeof json.code === "number" && json.code !== 0) {
    code = String(json.code); // Tencent API 2.0 gateway
    message = json.message ?? "";
  } else if (json && typeof json.Code === "string" && (resp.status >= 400 || json.Success === false) && json.Code !== "Success") {
    code = json.Code; // Alibaba
    message = json.Message ?? "";
  } else if (resp.status >= 400) {
    code = `HTTP ${resp.status}`;
  }
  // send reads the code by the same rules (the package's js/send.js); an answer it read is
  // taken as it read it.
  if ("code" in resp) code = resp.code ?? null;
  return { json, requestId, code, message, ok: !code };
}

/** The spec's documented meaning of `code`, else a common gateway code's. */
export function explainCode(spec, code) {
  const documented = spec?.errors?.find((e) => e.code === code);
  if (documented && docText(documented.doc)) return docText(documented.doc);
  const key = `code.${code}`;
  return hasKey(key) ? t(key) : "";
}

/** The server's own trace of a refused signature, if the answer carries it. */
export function serverTrace(resp, read) {
  const carried = resp.expected_trace ?? resp.expected ?? resp.trace;
  if (carried && typeof carried === "object" && carried.string_to_sign) return carried;
  const m = /server string to sign is:([\s\S]*)$/.exec(read.message ?? "");
  if (m) return { string_to_sign: m[1] };
  return null;
}

/**
 * The server's side of a refused signature: what it disclosed; the steps before the signature
 * inferred equal to ours when our request verifies with our own key (the server then computes
 * the same string to sign from it); and the signature itself known to differ.
 */
export function serverSide(yours, disclosed, check) {
  const theirs = { ...(disclosed ?? {}) };
  const inferred = [];
  if (check?.ok) {
    for (const step of ["canonical_request", "hashed_canonical_request", "hashed_payload", "credential_scope", "signed_headers", "string_to_sign"]) {
      if (theirs[step] === undefined && yours[step] !== undefined) {
        theirs[step] = yours[step];
        inferred.push(step);
      }
    }
  }
  if (theirs.signature === undefined) theirs.signature = UNDISCLOSED;
  return { theirs, inferred };
}

/** Does the request verify with the sender's own key? (Was it altered after signing?) */
export function selfCheck(request, credentials, timestamp) {
  if (!has("verifyWire") || !credentials) return null;
  try {
    const creds = [{ secret_id: credentials.secret_id, secret_key: credentials.secret_key, token: credentials.token }];
    return cp().verifyWire({ method: request.method, url: requestUrl(request), headers: request.headers, body: request.body, credentials: creds, now: timestamp });
  } catch {
    return null;
  }
}

/** Whether a Chinese reader got Tencent's message in English for want of asking: Tencent (and
 *  the simulator) answer in Chinese only to a call that asks for zh-CN. `ctx.answerLanguage`
 *  is the page's setting ("" when none was chosen); the widget, which has no such setting,
 *  leaves it out. */
function mayAskChinese(read, ctx) {
  if (ctx.answerLanguage !== "" || lang() !== "zh" || !read.message || /[\u4e00-\u9fff]/.test(read.message)) return false;
  return answersInLanguage(ctx.spec);
}

/** Whether an authentication failure is known not to be the signature's: API 2.0's 4100 also
 *  refuses a missing or wrong session token, and the simulator carries its own trace with
 *  every signature it recomputed and refused. A vendor's answer says no more than its code. */
function notSignature(resp, read) {
  return resp.via === "simulator" && read.code === "4100" && !resp.expected;
}

/**
 * Shows an answer.
 * @param {HTMLElement} container
 * @param {object} resp      {status, headers, body, ms, via}
 * @param {{spec, prepared, credentials, timestamp, level?, answerLanguage?}} ctx  `level`: its
 *   headings' (default 3)
 */
export function renderResponse(container, resp, ctx) {
  const read = readResponse(resp);
  const pretty = read.json ? JSON.stringify(read.json, null, 2) : resp.body;
  const headers = (Array.isArray(resp.headers) ? resp.headers : Object.entries(resp.headers ?? {})).map(([n, v]) => `${n}: ${v}`).join("\n");
  const summary = h("dl", { class: "facts" },
    h("dt", { text: t("resp.status") }), h("dd", { dataset: { fact: "status" }, text: String(resp.status) }),
    h("dt", { text: t("resp.time") }), h("dd", { text: t("resp.ms", { ms: Number(resp.ms ?? 0).toFixed(1) }) }),
    h("dt", { text: t("resp.via") }), h("dd", { text: t(`via.${resp.via}`) }),
    h("dt", { text: t("resp.requestId") }), h("dd", { class: "mono", dataset: { fact: "requestId" }, text: read.requestId || "—" }));
  const parts = [
    h("p", { class: `outcome ${read.ok ? "ok" : "error"}`, dataset: { outcome: read.ok ? "ok" : "error", code: read.code ?? "" } },
      read.ok ? t("resp.ok") : t("resp.error", { code: read.code })),
    // A box in a docs page cannot send to the vendor; the playground can.
    read.ok && resp.modelled === false ? h("p", { class: "notice", dataset: { note: "not-modelled" }, text: t(ctx?.inBox ? "resp.notModelledBox" : "resp.notModelled") }) : null,
    summary,
  ];
  if (!read.ok) {
    const explained = explainCode(ctx.spec, read.code);
    parts.push(h("div", { class: "explain" },
      read.message ? h("p", {}, h("strong", { text: `${t("resp.message")}${t("punct.colon")}` }), read.message) : null,
      explained ? h("p", {}, h("strong", { text: `${t("resp.meaning")}${t("punct.colon")}` }), explained) : null,
      mayAskChinese(read, ctx) ? h("p", { class: "muted", dataset: { note: "ask-chinese" }, text: t("resp.askChinese") }) : null));
    // No key to check the signature with: comparing signatures would blame the secret key.
    if (unknownKeyId(read)) {
      parts.push(h("p", { class: "notice warn", dataset: { note: "unknown-key-id" }, text: t("resp.unknownKeyId", { id: ctx.credentials?.secret_id ?? "" }) }));
    } else if (SIGNATURE_CODES.has(read.code) && ctx.prepared && !notSignature(resp, read)) {
      const diffBox = h("div", { class: "diff-box", dataset: { role: "signature-diff" } });
      const check = selfCheck(ctx.prepared.request, ctx.credentials, ctx.timestamp);
      const { theirs, inferred } = serverSide(ctx.prepared.trace, serverTrace(resp, read), check);
      renderDiff(diffBox, {
        yours: ctx.prepared.trace,
        theirs,
        inferred,
        selfCheck: check,
        yoursLabel: t("diff.sent"),
        theirsLabel: t("diff.server"),
        token: ctx.credentials?.token,
      });
      parts.push(h("section", { class: "signature-diff" }, h(`h${ctx.level ?? 3}`, { class: "step-title", text: t("diff.title") }), diffBox));
    }
  }
  parts.push(copyBlock(t("resp.body"), pretty, { step: "body", level: ctx.level }), copyBlock(t("resp.headers"), headers, { step: "headers", level: ctx.level }));
  put(container, ...parts);
  return read;
}

/** Shows a failure to get any answer (network, CORS, unavailable). */
export function renderSendError(container, e) {
  const code = e?.code ?? "Error";
  const key = code === "CorsError" ? "send.cors" : code === "NetworkError" ? "send.network" : null;
  put(container,
    h("p", { class: "outcome error", dataset: { outcome: "failed", code } }, t("send.failed", { code })),
    h("p", { text: key ? t(key) : errorLine(e) }),
    key ? h("p", { class: "muted", text: errorLine(e) }) : null);
}

/** The send line follows the call: an answer shown for an earlier version of it (`sent`, and
 *  `changed` since) is marked stale and said to be, and once the call is back to what was sent
 *  the line says again what it said of that answer (`sentStatus`: `{render, state}`, see `say`). `clear`: the call has no
 *  problems, so a "fix the fields first" line may go. `why`: what changed, in words (see `say`);
 *  none: the call. The page and the widget both use it. */
export function followCall(status, response, { sent, changed, sentStatus, clear, why = () => t("send.stale") }) {
  const stale = sent && changed && response.childElementCount > 0;
  response.classList.toggle("stale", stale);
  const said = status.dataset.state;
  if (stale && (said === "ok" || said === "error" || (said === "blocked" && clear))) {
    say(status, why, "stale");
  } else if (stale && said === "stale" && status.textContent !== why()) {
    // Another change, of another kind: said only when the words change, or each keystroke
    // would re-announce the line.
    say(status, why, "stale");
  } else if (!stale && (said === "stale" || (said === "blocked" && clear))) {
    const back = sent ? sentStatus : null;
    say(status, back?.render, back?.state ?? "");
  }
}
