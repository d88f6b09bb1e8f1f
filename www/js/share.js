// The permalink: `#api=<id>&params=<base64url JSON>[&region=…]` in the URL fragment. Never
// credentials.

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

/** The fragment for a call. */
export function fragment({ api, params, region }) {
  const q = new URLSearchParams();
  q.set("api", api);
  q.set("params", toBase64Url(JSON.stringify(params ?? {})));
  if (region) q.set("region", region);
  return `#${q.toString()}`;
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
  if (!q.has("params")) return { api, params: undefined, region: q.get("region") ?? undefined };
  let params = null;
  try {
    const v = JSON.parse(fromBase64Url(q.get("params")));
    if (v && typeof v === "object" && !Array.isArray(v)) params = v;
  } catch {
    params = null;
  }
  return { api, params, region: q.get("region") ?? undefined };
}
