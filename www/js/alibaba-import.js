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
  // A product entry has its code (the `metadatas` form lists its actions in `apis` too, as an
  // array, where version.json has an object of titles).
  if (typeof doc.code === "string" && typeof doc.version === "string") return { kind: "products" };
  if (doc.apis && typeof doc.apis === "object" && !Array.isArray(doc.apis) && typeof doc.version === "string") {
    return { kind: "index", lang: CJK.test(JSON.stringify(doc.apis)) ? "zh-CN" : "en-US" };
  }
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
  // The product code: as typed, else the product entries' one (a whole products.json, with
  // every product, needs it typed). A typed one no picked entry names is a slip.
  const codes = new Set(entries.map((e) => e.code.toLowerCase()));
  const p = (product.trim() || (codes.size === 1 ? [...codes][0] : "")).toLowerCase();
  if (!p) return { problem: "importAli.needProduct" };
  const own = entries.filter((e) => e.code.toLowerCase() === p);
  if (entries.length && !own.length) return { problem: "importAli.otherProduct", file: [...codes].join(", ") };
  // The version: as typed, else the one the index and the product's entries agree on.
  const versions = new Set([...Object.values(index), ...own].map((d) => d.version));
  const v = version.trim() || (versions.size === 1 ? [...versions][0] : "");
  if (!v) return { problem: "importAli.needVersion" };
  const bundle = { product: p, version: v, actions };
  if (Object.keys(index).length) bundle.index = index;
  if (own.length) bundle.products = own;
  return { bundle };
}

/** `bundle` with what an earlier import of the same product and version brought and this one
 *  does not: importing a product's actions a few at a time keeps them all. */
export function mergedBundle(earlier, bundle) {
  if (!earlier || earlier.product !== bundle.product || earlier.version !== bundle.version) return bundle;
  const actions = {};
  for (const lang of new Set([...Object.keys(earlier.actions ?? {}), ...Object.keys(bundle.actions)])) {
    const fresh = bundle.actions[lang] ?? [];
    const names = new Set(fresh.map((a) => a.name));
    actions[lang] = [...(earlier.actions?.[lang] ?? []).filter((a) => !names.has(a.name)), ...fresh];
  }
  const merged = { ...earlier, ...bundle, actions };
  if (earlier.index || bundle.index) merged.index = { ...earlier.index, ...bundle.index };
  return merged;
}
