// Loads the wasm package once, and says which of its functions this build has.
//
// Functions the package may not have yet (simulate, send, snippet, parseRequest) are looked up
// by name on the module namespace, so an older package still loads and the page says what is
// missing instead of failing.
import { importEngine } from "./site.js";
import { t, hasKey, messageOf, lang } from "./i18n.js";

let loading = null;
let mod = null;

export function load() {
  if (!loading) {
    loading = (async () => {
      const m = await importEngine();
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

/**
 * An error as one sentence in the page language: for the module's errors (a JS Error with
 * `code`, `path`, an English `message` and, for some, a `message_zh`) a lead-in chosen by
 * the code, naming the field (unless `field: false`, where the field says it itself), then
 * the detail: in Chinese on a Chinese page where the module wrote it so, else in English.
 * Every place the page and the widget show such an error goes through here.
 */
export function errorLine(e, { field = true } = {}) {
  if (!e) return "";
  const code = e.code || e.name || "Error";
  let detail = String(e.message ?? e);
  // The module's messages begin "Code at path: " or "Code: ", which the lead-in says instead.
  for (const said of [`${code} at ${e.path}: `, `${code}: `]) {
    if (detail.startsWith(said)) {
      detail = detail.slice(said.length);
      break;
    }
  }
  // A detail written in Chinese too is said in Chinese on a Chinese page.
  if (e.message_zh && lang() === "zh") detail = e.message_zh;
  if (code === "Validation" && e.violations?.length) detail = e.violations.map((v) => `${v.path}${t("punct.colon")}${messageOf(v)}`).join(t("punct.clause"));
  // "the proxy refused the request: Code: why": the lead-in says the first part.
  if (code === "ProxyRefused") detail = detail.replace(/^the proxy refused the request: /, "");
  const lead = e.code && hasKey(`error.${code}`) ? t(`error.${code}`) : code;
  // The request parser places a problem at "line N" of what was pasted.
  const path = lang() === "zh" ? String(e.path ?? "").replace(/^line (\d+)$/, "第 $1 行") : e.path;
  const at = field && e.path ? t("error.at", { path }) : "";
  return t("error.line", { lead, at, detail });
}
/** A module error as a problem in the validator's list (`path`: where it is marked), said the
 *  same in either language: `errorLine` already says it in the page's. */
export function errorProblem(e, path = e?.path ?? "") {
  const line = errorLine(e);
  return { path, code: e?.code ?? "Error", message: line, message_zh: line };
}
