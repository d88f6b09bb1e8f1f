// Signature verification of a pasted request: raw HTTP or a curl line, plus a secret. Says
// whether it verifies and, if not, the first signing step where it differs from what it should
// be (the server's recomputation from the request as received).
import { h, put } from "./dom.js";
import { t, messageOf } from "./i18n.js";
import { cp, has, errorLine } from "./wasm.js";
import { renderDiff } from "./diff.js";
import { requestUrl, hideToken } from "./preview.js";
import { explainCode } from "./send.js";

function headerOf(req, name) {
  const entries = Array.isArray(req.headers) ? req.headers : Object.entries(req.headers ?? {});
  return entries.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

function headerEntries(req) {
  return Array.isArray(req.headers) ? req.headers : Object.entries(req.headers ?? {});
}

/** `k=v` items after an Authorization scheme, comma separated. */
function authItems(auth) {
  const rest = auth.slice(auth.indexOf(" ") + 1);
  const out = {};
  for (const item of rest.split(",")) {
    const i = item.indexOf("=");
    if (i > 0) out[item.slice(0, i).trim()] = item.slice(i + 1).trim();
  }
  return out;
}

/** Query plus (for a form body) body parameters, decoded, in order. */
function requestParams(req) {
  const pairs = [...new URLSearchParams(req.query ?? "")];
  const ct = (headerOf(req, "content-type") ?? "").toLowerCase();
  if (ct.startsWith("application/x-www-form-urlencoded") && req.body) pairs.push(...new URLSearchParams(req.body));
  return pairs;
}

/** Whether a session token is one of the snippets' stand-ins (`SESSION-TOKEN`, or an
 *  environment variable such as `${ALIBABA_CLOUD_SECURITY_TOKEN}`) rather than a token. */
function isTokenPlaceholder(token) {
  return token === "SESSION-TOKEN" || /^\$\{?[A-Z][A-Z0-9_]*\}?$/.test(token ?? "");
}

function isoToUnix(text) {
  const ms = Date.parse(text ?? "");
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** What the request itself claims: algorithm, key id, time, and the signature pieces it carries. */
export function inspect(req) {
  const auth = (headerOf(req, "authorization") ?? "").trim();
  if (auth.startsWith("TC3-HMAC-SHA256")) {
    const items = authItems(auth);
    const [secretId, date, service] = (items.Credential ?? "").split("/");
    return {
      algorithm: "TC3-HMAC-SHA256", secretId, service,
      timestamp: Number(headerOf(req, "X-TC-Timestamp")) || null,
      signedHeaders: items.SignedHeaders ?? "",
      presented: { credential_scope: items.Credential ? items.Credential.split("/").slice(1).join("/") : undefined, signed_headers: items.SignedHeaders, signature: items.Signature, authorization: auth },
      scopeDate: date,
      token: headerOf(req, "X-TC-Token"),
    };
  }
  if (auth.startsWith("ACS3-HMAC-SHA256")) {
    const items = authItems(auth);
    const iso = headerOf(req, "x-acs-date");
    return {
      algorithm: "ACS3-HMAC-SHA256", secretId: items.Credential, timestamp: isoToUnix(iso), iso,
      nonce: headerOf(req, "x-acs-signature-nonce"),
      signedHeaders: items.SignedHeaders ?? "",
      presented: { signed_headers: items.SignedHeaders, signature: items.Signature, authorization: auth },
      token: headerOf(req, "x-acs-security-token"),
    };
  }
  const params = requestParams(req);
  const get = (n) => params.find(([k]) => k === n)?.[1];
  if (get("AccessKeyId") !== undefined) {
    return { algorithm: "ACS-RPC-HMAC-SHA1", secretId: get("AccessKeyId"), timestamp: isoToUnix(get("Timestamp")), params, presented: { signature: get("Signature") }, token: get("SecurityToken") };
  }
  if (get("SecretId") !== undefined) {
    const algorithm = get("SignatureMethod") === "HmacSHA256" ? "TC-HmacSHA256" : "TC-HmacSHA1";
    return { algorithm, secretId: get("SecretId"), timestamp: Number(get("Timestamp")) || null, params, presented: { signature: get("Signature") }, token: get("Token") };
  }
  return { algorithm: null, secretId: "", timestamp: null, presented: {} };
}

/** The trace the server computes from the request as received, with `secretKey`. */
export function expectedTrace(req, info, secretKey) {
  if (!info.algorithm || !has("signWire")) return null;
  const host = headerOf(req, "host") ?? req.host;
  const credentials = { secret_id: info.secretId ?? "", secret_key: secretKey };
  const base = { algorithm: info.algorithm, method: req.method, host, path: req.path || "/", credentials, timestamp: info.timestamp ?? 0 };
  let input;
  if (info.algorithm === "TC3-HMAC-SHA256" || info.algorithm === "ACS3-HMAC-SHA256") {
    input = {
      ...base,
      service: info.service ?? "",
      timestamp_iso: info.iso,
      nonce: info.nonce,
      query: req.query ?? "",
      headers: Object.fromEntries(headerEntries(req).filter(([n]) => n.toLowerCase() !== "authorization")),
      body: req.body ?? "",
      signed_headers: info.signedHeaders,
    };
  } else {
    input = { ...base, params: info.params.filter(([n]) => n !== "Signature") };
  }
  try {
    return cp().signWire(input);
  } catch {
    return null;
  }
}

/**
 * The line breaks that end `text`, a raw HTTP request without Content-Length, which
 * parseRequest left out of its non-empty body (a paste often adds one); null for a curl line,
 * which says where its body ends.
 */
function droppedLineBreaks(text, req) {
  const first = text.split("\n").map((l) => l.trim()).find((l) => l && !l.startsWith("#")) ?? "";
  const program = (first.replace(/^\$ /, "").split(/\s/)[0] ?? "").split(/[/\\]/).pop();
  if (program === "curl" || program.toLowerCase() === "curl.exe") return null;
  const end = /[\r\n]+$/.exec(text);
  if (!end || !req.body || headerOf(req, "content-length") !== undefined) return null;
  return text.slice(0, end.index).endsWith(req.body) ? end[0] : null;
}

/** The verifier's words as a sentence of their own (they start in lower case, to follow a code). */
function sentence(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class VerifyPanel {
  constructor({ input, secret, ownSts, clock, button, useCurrent, output, status }, getCurrentRaw) {
    Object.assign(this, { input, secret, ownSts, clock, output, status });
    button.addEventListener("click", () => this.run());
    useCurrent.addEventListener("click", () => {
      const raw = getCurrentRaw();
      // Nothing signed (the call or its timestamp has a problem): said, or the box's older
      // request would pass for the current one.
      if (raw) {
        this.input.value = raw;
        // A notice that there was nothing to paste is out of date now.
        if (this.noticed) this.reset();
      } else this.nothingToPaste();
      this.input.focus();
    });
  }

  /** Shows a result. Only its first line is said aloud (the step table would be read whole
   *  from a live region): the output is not live, the status line is. */
  show(...children) {
    const out = put(this.output, ...children);
    if (this.status) this.status.textContent = children[0]?.textContent ?? "";
    return out;
  }

  refresh() {
    if (!has("parseRequest")) this.show(h("p", { class: "notice", dataset: { pending: "parseRequest" }, text: t("verify.unavailable") }));
    // A result on show is said again in the page's language, of the request it was about (the
    // key is read again from its field: one cleared since is not brought back).
    else if (this.asked) this.check(this.asked);
    else if (this.noticed) this.nothingToPaste();
  }

  /** Forgets the result on show (Clear credentials: it was about a request that held them). */
  reset() {
    this.asked = null;
    this.noticed = false;
    this.show();
  }

  nothingToPaste() {
    // Said in place of a result, and again in another language (see `refresh`).
    this.asked = null;
    this.noticed = true;
    this.show(h("p", { class: "notice warn", dataset: { note: "nothing-to-paste" }, text: t("verify.nothingToPaste") }));
  }

  run() {
    if (!has("parseRequest")) return this.refresh();
    this.check({ text: this.input.value, own: this.ownSts.value, clock: this.clock.checked, nowSec: Math.floor(Date.now() / 1000) });
  }

  check(asked) {
    this.asked = asked;
    this.noticed = false;
    let req;
    try {
      req = cp().parseRequest(asked.text);
    } catch (e) {
      return this.show(h("p", { class: "outcome error", dataset: { outcome: "unparsed" } }, t("verify.unparsed")), h("p", { text: errorLine(e) }));
    }
    const info = inspect(req);
    const secretKey = this.secret.value;
    if (!secretKey) return this.show(h("p", { class: "notice warn", text: t("verify.needSecret") }));
    // Checked at the request's own time, unless asked for the clock's; a timestamp in
    // milliseconds is taken at its second, so that the verifier says what it is.
    const signedAt = info.timestamp >= 1e10 ? Math.floor(info.timestamp / 1000) : info.timestamp;
    const now = asked.clock || !signedAt ? asked.nowSec : signedAt;
    const verifyWith = (body) => cp().verifyWire({
      method: req.method, url: requestUrl(req), headers: Object.fromEntries(headerEntries(req)), body,
      // The panel checks the signature: the request's own session token is taken as the
      // key's (whether the token is valid only the vendor can tell).
      credentials: [{ secret_id: info.secretId ?? "", secret_key: secretKey, ...(info.token ? { token: info.token } : {}) }], now,
    });
    let outcome;
    try {
      outcome = verifyWith(req.body ?? "");
    } catch (e) {
      return this.show(h("p", { class: "outcome error", dataset: { outcome: "failed" } }, errorLine(e)));
    }
    // Line breaks that end a raw request with no Content-Length were read as the paste's, not
    // the body's. Whichever reading verifies is the one shown, and the other one named: a body
    // that really ends in a line break is hashed with it.
    const breaks = droppedLineBreaks(asked.text, req);
    let bodyNote = null;
    if (breaks) {
      let kept = null;
      try {
        kept = verifyWith(req.body + breaks);
      } catch {
        /* the reading as parsed stands */
      }
      if (!outcome.ok && kept?.ok) {
        outcome = kept;
        req.body += breaks;
        bodyNote = "verify.bodyBreaksKept";
      } else if (outcome.ok && kept && !kept.ok) bodyNote = "verify.bodyBreaksDropped";
    }
    const expected = expectedTrace(req, info, secretKey) ?? {};
    if (outcome.string_to_sign) expected.string_to_sign = outcome.string_to_sign;
    const yours = { ...info.presented };
    const own = asked.own.trim().replace(/\r\n/g, "\n");
    if (own) {
      const isSts = info.algorithm && (own.startsWith(info.algorithm) || !["TC3-HMAC-SHA256", "ACS3-HMAC-SHA256"].includes(info.algorithm));
      yours[isSts ? "string_to_sign" : "canonical_request"] = own;
    }
    // A request copied from a snippet carries a stand-in for the token; where the token is
    // signed, the signature (made with the real one) cannot verify until it is put back.
    const placeholder = !outcome.ok && isTokenPlaceholder(info.token);
    // A real token is masked as in the signing preview; a stand-in shows, as the thing to replace.
    const token = placeholder ? undefined : info.token;
    // A named slip says more than the code's general reading (which blames the key).
    const explained = outcome.ok || outcome.slip ? "" : explainCode(null, outcome.code);
    const parts = [
      h("p", { class: `outcome ${outcome.ok ? "ok" : "error"}`, dataset: { outcome: outcome.ok ? "ok" : "error", code: outcome.code ?? "" } },
        outcome.ok ? t("verify.ok", { algorithm: outcome.algorithm, id: outcome.secret_id }) : t("verify.bad", { code: outcome.code })),
      placeholder ? h("p", { class: "notice warn", dataset: { note: "token-placeholder" }, text: t("verify.tokenPlaceholder", { token: info.token }) }) : null,
      bodyNote ? h("p", { class: "notice", dataset: { note: "body-line-breaks" }, text: t(bodyNote) }) : null,
      explained ? h("p", { text: explained }) : null,
      // The verifier's own words: what it computed, and where it stopped. The English ones
      // quote the server's string to sign, which holds an RPC or API 2.0 request's token.
      outcome.ok ? null : h("p", { class: explained ? "muted" : "", text: sentence(hideToken(messageOf(outcome), token)) }),
      h("p", { class: "muted", text: t("verify.checkedAt", { now, clock: asked.clock ? t("verify.clockOn") : signedAt !== info.timestamp ? t("verify.clockOffMillis") : t("verify.clockOff") }) }),
    ];
    const diffBox = h("div", { class: "diff-box", dataset: { role: "verify-diff" } });
    this.show(...parts, diffBox);
    // Compared step by step only where the signature was recomputed (a request with no
    // signature, an unknown key or an expired one has no steps to set side by side), or
    // against the client's own text.
    // A request that verifies has nothing to set side by side: the server's reading of it is
    // the one that matched (which may be Tencent's lower-case one, not the trace shown here).
    if (!outcome.ok && (own || outcome.expected || outcome.string_to_sign)) {
      // Only TC3 is read in lower case: ACS3 signs header values as sent, so a client's
      // lower-cased copy is a difference to show, not a reading to take.
      const lowerCaseReading = (outcome.algorithm ?? info.algorithm) === "TC3-HMAC-SHA256";
      if (lowerCaseReading && yours.canonical_request && expected.canonical_request) expected.canonical_request = readingOf(yours.canonical_request, expected.canonical_request);
      // The request's own session token is masked as in the signing preview.
      const slip = outcome.slip && messageOf({ message: outcome.slip, message_zh: outcome.slip_zh });
      renderDiff(diffBox, { yours, theirs: expected, yoursLabel: t(own ? "diff.presentedAndPasted" : "diff.presented"), theirsLabel: t("diff.expected"), token, caption: t("diff.captionVerify"), slip });
    }
  }
}

/**
 * The server's canonical request in the reading the client's follows: Tencent's signing page
 * writes the signed headers' values in lower case, and the verifier takes that reading too, so
 * a client that wrote them so is compared in it (its real difference, a body say, is then the
 * first one shown, not the case it was told to use).
 */
function readingOf(client, server) {
  const c = client.split("\n");
  const s = server.split("\n");
  const end = s.indexOf("", 3);
  if (end < 0 || c.length !== s.length) return server;
  const lower = s.map((line, i) => (i >= 3 && i < end ? line.toLowerCase() : line));
  const sameHeaders = (a) => a.slice(3, end).join("\n") === c.slice(3, end).join("\n");
  return !sameHeaders(s) && sameHeaders(lower) ? lower.join("\n") : server;
}
