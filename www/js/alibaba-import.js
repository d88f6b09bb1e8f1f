// Alibaba Cloud metadata picked as files (aliyun-openapi-meta: per-action files, version.json,
// products.json), sorted by what each holds into the bundle `importAlibabaMeta` takes. A file
// picker gives names without folders, so a file's kind and language are read from its content.

const CJK = /[\u3400-\u9fff]/;

/** What one parsed file is: an action file (in the language-less `metadatas` form or with
 *  docs), a version index, a product entry or a list of them; null for anything else. */
function kindOf(doc) {
  if (Array.isArray(doc)) return doc.every((p) => p && typeof p === "object" && typeof p.code === "string") ? { kind: "products" } : null;
  if (!doc || typeof doc !== "object") return null;
  if (typeof doc.name === "string" && Array.isArray(doc.parameters)) {
    // The documented forms carry `deprecated` and descriptions; `metadatas` carries neither.
    const documented = "deprecated" in doc || doc.parameters.some((p) => p && typeof p.description === "string");
    return { kind: "action", lang: !documented ? "metadatas" : CJK.test(JSON.stringify(doc.parameters)) ? "zh-CN" : "en-US" };
  }
  if (doc.apis && typeof doc.apis === "object" && typeof doc.version === "string") {
    return { kind: "index", lang: CJK.test(JSON.stringify(doc.apis)) ? "zh-CN" : "en-US" };
  }
  if (typeof doc.code === "string" && typeof doc.version === "string") return { kind: "products" };
  return null;
}

/**
 * The bundle for `importAlibabaMeta` from `files` (`[{name, text}]`), with `product` and
 * `version` as typed (either may be empty: then taken from the files). Returns
 * `{bundle}` or `{problem, file?}`: `problem` is an i18n key.
 */
export function bundleOf(files, { product = "", version = "" } = {}) {
  const actions = {};
  const index = {};
  let entries = [];
  for (const { name, text } of files) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      return { problem: "importAli.notJson", file: name };
    }
    const kind = kindOf(doc);
    if (!kind) return { problem: "importAli.unknownFile", file: name };
    if (kind.kind === "action") (actions[kind.lang] ??= []).push(doc);
    else if (kind.kind === "index") index[kind.lang] = doc;
    else entries = entries.concat(doc);
  }
  if (!Object.keys(actions).length) return { problem: "importAli.noActions" };
  // The version: as typed, else the index's, else a single product entry's.
  const versions = new Set([...Object.values(index).map((i) => i.version), ...(entries.length === 1 ? [entries[0].version] : [])]);
  const v = version.trim() || (versions.size === 1 ? [...versions][0] : "");
  if (!v) return { problem: "importAli.needVersion" };
  // The product code: as typed, else the one product entry's (a whole products.json needs it typed).
  const codes = new Set(entries.map((e) => e.code.toLowerCase()));
  const p = (product.trim() || (codes.size === 1 ? [...codes][0] : "")).toLowerCase();
  if (!p) return { problem: "importAli.needProduct" };
  const bundle = { product: p, version: v, actions };
  if (Object.keys(index).length) bundle.index = index;
  const own = entries.filter((e) => e.code.toLowerCase() === p);
  if (own.length) bundle.products = own;
  return { bundle };
}
