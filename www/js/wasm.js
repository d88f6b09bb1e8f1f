// Loads the wasm package once, and says which of its functions this build has.
//
// Functions the package may not have yet (simulate, send, snippet, parseRequest) are looked up
// by name on the module namespace, so an older package still loads and the page says what is
// missing instead of failing.
import { PACKAGE_URL } from "./config.js";

let loading = null;
let mod = null;

export function load() {
  if (!loading) {
    loading = (async () => {
      const m = await import(PACKAGE_URL);
      await m.default();
      mod = m;
      performance.mark("cloudplay:wasm");
      return m;
    })();
  }
  return loading;
}

/** The loaded module (after `load()` resolved). */
export function cp() {
  return mod;
}

/** Whether the loaded package exports the function `name`. */
export function has(name) {
  return typeof mod?.[name] === "function";
}

/** An error's code, path and message as one line. */
export function errorLine(e) {
  if (!e) return "";
  const code = e.code ? `${e.code}` : e.name || "Error";
  const path = e.path ? ` (${e.path})` : "";
  const message = e.message ?? String(e);
  // The package's messages already begin "Code at path: …" or "Code: …"; say that once.
  if (e.code && (message.startsWith(`${e.code} `) || message.startsWith(`${e.code}:`))) return message;
  return `${code}${path}: ${message}`;
}
