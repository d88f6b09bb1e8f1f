// The signing preview: algorithm, method, timestamp, and every step of the signature with a
// copy button, ending with the final HTTP request.
import { h, put, copyText } from "./dom.js";
import { t } from "./i18n.js";

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
  return `${lines.join("\n")}\n\n${req.body ?? ""}`;
}

export function isoTime(unix) {
  const d = new Date(unix * 1000);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().replace(".000Z", "Z");
}

/** A titled block of text with a copy button. */
export function copyBlock(title, text, { step, note, className = "" } = {}) {
  const status = h("span", { class: "copied", role: "status" });
  const button = h("button", {
    type: "button", class: "copy", text: t("action.copy"), "aria-label": t("action.copyWhat", { what: title }),
    on: {
      click: async () => {
        const ok = await copyText(text);
        status.textContent = ok ? t("action.copied") : t("action.copyFailed");
        setTimeout(() => (status.textContent = ""), 2000);
      },
    },
  });
  return h("section", { class: `step ${className}`, dataset: { step } },
    h("div", { class: "step-head" }, h("h4", { text: title }), button, status),
    note ? h("p", { class: "muted", text: note }) : null,
    h("pre", { class: "mono", tabindex: "0", text }));
}

/**
 * @param {HTMLElement} container
 * @param {{request, trace, violations}} prepared
 * @param {{timestamp: number, placeholder: boolean}} info
 */
export function renderPreview(container, prepared, info) {
  const { request, trace } = prepared;
  const facts = h("dl", { class: "facts" },
    h("dt", { text: t("preview.algorithm") }), h("dd", { dataset: { fact: "algorithm" }, text: trace.algorithm }),
    h("dt", { text: t("preview.method") }), h("dd", { dataset: { fact: "method" }, text: request.method }),
    h("dt", { text: t("preview.timestamp") }), h("dd", { dataset: { fact: "timestamp" }, text: `${info.timestamp} (${isoTime(info.timestamp)})` }),
    h("dt", { text: t("preview.host") }), h("dd", { text: request.host }));
  const steps = [];
  for (const step of STEPS) {
    const value = trace[step];
    if (value === undefined || value === null) continue;
    const note = info.placeholder && (step === "signature" || step === "authorization") ? t("preview.placeholderNote") : undefined;
    steps.push(copyBlock(t(`step.${step}`), value, { step, note }));
  }
  steps.push(copyBlock(t("step.http"), rawHttp(request), { step: "http" }));
  put(container,
    info.placeholder ? h("p", { class: "notice", text: t("preview.placeholder") }) : null,
    prepared.violations?.length ? h("p", { class: "notice warn", text: t("preview.invalid", { n: prepared.violations.length }) }) : null,
    facts, ...steps);
}
