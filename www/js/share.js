// The permalink: `#api=<id>&params=<base64url JSON>[&region=…][&algorithm=…][&method=…]
// [&content_type=…][&language=…]` in the URL fragment. The signing settings are there only when they differ
// from the API's defaults, so that the one who opens the link signs the same request. Never
// credentials.

/** The settings a link carries, by their names in the fragment. */
const SETTINGS = { algorithm: "algorithm", method: "method", contentType: "content_type", language: "language" };

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** The fragment for a call; `settings` holds only the choices that differ from the API's
 * defaults (see `chosenSettings`). */
export function fragment({ api, params, region, settings }) {
  const q = new URLSearchParams();
  q.set("api", api);
  q.set("params", toBase64Url(JSON.stringify(params ?? {})));
  if (region) q.set("region", region);
  for (const [key, name] of Object.entries(SETTINGS)) if (settings?.[key]) q.set(name, settings[key]);
  return `#${q.toString()}`;
}

/** The fragment naming the API alone: it opens the API as it is (the draft, or its example). */
export function apiFragment(api) {
  return `#${new URLSearchParams({ api })}`;
}

/** The signing settings worth carrying: an algorithm or method other than the spec's first
 * (its default), a content type chosen for a POST, the answer language Tencent is asked for. */
export function chosenSettings(spec, options) {
  const out = {};
  if (options.algorithm && options.algorithm !== spec.algorithms?.[0]) out.algorithm = options.algorithm;
  if (options.method && options.method !== spec.methods?.[0]) out.method = options.method;
  const method = options.method || spec.methods?.[0];
  if (options.contentType && method === "POST") out.contentType = options.contentType;
  if (options.language && answersInLanguage(spec)) out.language = options.language;
  return out;
}

/** Whether the API's vendor takes a language for its answers (Tencent's `Language`). */
export function answersInLanguage(spec) {
  return spec?.style === "tencent-api3" || spec?.style === "tencent-legacy";
}

/** The full permalink of a call, relative to `base` (the page's own address by default). */
export function permalink(call, base = location.href) {
  const url = new URL(base);
  url.hash = fragment(call);
  return url.href;
}

/** Reads a fragment; null when it names no API, params null when unreadable and undefined
 * when not given (`#api=…` alone opens the API as it is: the draft, or its example). */
export function parseFragment(hash) {
  const q = new URLSearchParams(hash.replace(/^#/, ""));
  const api = q.get("api");
  if (!api) return null;
  const settings = {};
  for (const [key, name] of Object.entries(SETTINGS)) if (q.get(name)) settings[key] = q.get(name);
  if (!q.has("params")) return { api, params: undefined, region: q.get("region") ?? undefined, settings };
  let params = null;
  try {
    const v = JSON.parse(fromBase64Url(q.get("params")));
    if (v && typeof v === "object" && !Array.isArray(v)) params = v;
  } catch {
    params = null;
  }
  return { api, params, region: q.get("region") ?? undefined, settings };
}

/** A call's text with every object's names in order: a field cleared and typed again comes
 *  back last, and is the same call. */
export function sameCallKey(c) {
  return JSON.stringify(c, (_, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}
