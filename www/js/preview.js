// The signing preview: algorithm, method, timestamp, and every step of the signature with a
// copy button, ending with the final HTTP request.
import { h, put, copyText, uid } from "./dom.js";
import { t, STRINGS } from "./i18n.js";

/** The trace fields in signing order (each algorithm has a subset). */
export const STEPS = [
  "canonical_request",
  "hashed_canonical_request",
  "hashed_payload",
  "credential_scope",
  "signed_headers",
  "string_to_sign",
  "signature",
  "authorization",
];

/** `scheme://host/path?query` of a request. */
export function requestUrl(req) {
  return `${req.scheme || "https"}://${req.host}${req.path || "/"}${req.query ? `?${req.query}` : ""}`;
}

/** The request as raw HTTP/1.1 text. */
export function rawHttp(req) {
  const lines = [`${req.method} ${req.path || "/"}${req.query ? `?${req.query}` : ""} HTTP/1.1`];
  const headers = Object.entries(req.headers ?? {});
  if (!headers.some(([n]) => n.toLowerCase() === "host")) lines.push(`Host: ${req.host}`);
  for (const [n, v] of headers) lines.push(`${n}: ${v}`);
  // What fetch sends with a body, and what tells a reader (the verify panel too) where it ends.
  if (req.body && !headers.some(([n]) => n.toLowerCase() === "content-length")) lines.push(`Content-Length: ${new TextEncoder().encode(req.body).length}`);
  return `${lines.join("\n")}\n\n${req.body ?? ""}`;
}

export function isoTime(unix) {
  const d = new Date(unix * 1000);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().replace(".000Z", "Z");
}

/** How a session token shows on screen: its first 4 characters, enough to tell which one it
 *  is (all of a short one would be most of it), then dots. */
export function maskToken(token) {
  return `${token.length > 8 ? token.slice(0, 4) : ""}•••`;
}

/** `text` with every copy of `token` masked: as typed, and percent-encoded once or twice, as
 *  a query string and an RPC string to sign hold it. */
export function hideToken(text, token) {
  if (!token) return text;
  const rfc3986 = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const forms = new Set([token, encodeURIComponent(token), rfc3986(token), encodeURIComponent(encodeURIComponent(token)), rfc3986(rfc3986(token))]);
  let out = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join(maskToken(token));
  return out;
}

/** A titled block of text with a copy button. `copy` is what the button copies when it is not
 *  the text shown, and `copyNote` says so beside the button. */
/** `how`: how the step's value is made, folded under its title (the signing steps'). */
export function copyBlock(title, text, { step, note, className = "", copy = text, copyNote, level = 3, how } = {}) {
  const status = h("span", { class: "copied", role: "status" });
  const noteId = copyNote ? uid("copy-note") : undefined;
  const button = h("button", {
    type: "button", class: "copy", text: t("action.copy"), "aria-label": t("action.copyWhat", { what: title }),
    "aria-describedby": noteId,
    on: {
      click: async () => {
        // Worded before waiting: in the widget, another box may set the shared language meanwhile.
        const said = { ok: t("action.copied"), failed: t("action.copyFailed") };
        const ok = await copyText(copy);
        status.textContent = ok ? said.ok : said.failed;
        setTimeout(() => (status.textContent = ""), 2000);
      },
    },
  });
  return h("section", { class: `step ${className}`, dataset: { step } },
    h("div", { class: "step-head" }, h(`h${level}`, { class: "step-title", text: title }), button, copyNote ? h("span", { class: "copy-note", id: noteId, text: copyNote }) : null, status),
    note ? h("p", { class: "muted", text: note }) : null,
    how ? h("details", { class: "how" }, h("summary", { text: t("preview.how") }), h("p", { text: how })) : null,
    h("pre", { class: "mono", tabindex: "0", text }));
}

/**
 * @param {HTMLElement} container
 * @param {{request, trace, violations}} prepared
 * @param {{timestamp: number, placeholder: boolean, token?: string, level?: number}} info  `token`,
 *  the session token signed with, is masked on screen like its password field; only the final
 *  request's Copy carries it, and says so. `level`: the steps' heading level (default 3).
 */
export function renderPreview(container, prepared, info) {
  const { request, trace } = prepared;
  const facts = h("dl", { class: "facts" },
    h("dt", { text: t("preview.algorithm") }), h("dd", { dataset: { fact: "algorithm" }, text: trace.algorithm }),
    h("dt", { text: t("preview.method") }), h("dd", { dataset: { fact: "method" }, text: request.method }),
    h("dt", { text: t("preview.timestamp") }), h("dd", { dataset: { fact: "timestamp" }, text: `${info.timestamp}${t("punct.paren", { text: isoTime(info.timestamp) })}` }),
    h("dt", { text: t("preview.host") }), h("dd", { text: request.host }));
  const steps = [];
  for (const step of STEPS) {
    const value = trace[step];
    if (value === undefined || value === null) continue;
    const note = info.placeholder && (step === "signature" || step === "authorization") ? t("preview.placeholderNote") : undefined;
    // Each algorithm's own words for each of its steps: what a hand-written signer must do.
    const how = `how.${trace.algorithm}.${step}`;
    steps.push(copyBlock(t(`step.${step}`), hideToken(value, info.token), { step, note, level: info.level, how: how in STRINGS.en ? t(how) : undefined }));
  }
  const http = rawHttp(request);
  const shownHttp = hideToken(http, info.token);
  const masked = shownHttp !== http;
  steps.push(copyBlock(t("step.http"), shownHttp, { step: "http", copy: http, copyNote: masked ? t("preview.copyHasToken") : undefined, level: info.level }));
  put(container,
    info.token ? h("p", { class: "muted", dataset: { note: "token-masked" }, text: t("preview.tokenMasked", { shown: maskToken(info.token) }) }) : null,
    info.placeholder ? h("p", { class: "notice", text: t("preview.placeholder") }) : null,
    prepared.violations?.length ? h("p", { class: "notice warn", text: t("preview.invalid", { n: prepared.violations.length }) }) : null,
    facts, ...steps);
}
