// The parameter form, generated from an API spec: typed inputs, allowed values as choices,
// nested objects and arrays with add and remove, required marks and a "required only" filter,
// each field's docs and rules beside it, and every violation shown at its field.
//
// The form edits one plain JSON object (the call's params) in place and reports each change.
// Field paths are the core's: `SystemDisk.DiskSize`, `Parameter[0].Code`.
import { h, put } from "./dom.js";
import { t, docText } from "./i18n.js";

/** The attributes of a field typed verbatim (an id, a region, a value of the API's): no phone
 *  keyboard capitalises its first letter or corrects it, no spelling checker marks it. */
export const VERBATIM = { autocapitalize: "off", autocorrect: "off", spellcheck: "false" };

/** `["Parameter", 0, "Code"]` → `Parameter[0].Code`. */
export function pathString(segs) {
  let s = "";
  for (const seg of segs) s += typeof seg === "number" ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

export function getAt(root, segs) {
  let v = root;
  for (const seg of segs) {
    if (v === null || typeof v !== "object") return undefined;
    v = v[seg];
  }
  return v;
}

/** Sets (or, with `undefined`, removes) the value at `segs`, creating objects and arrays on the
 *  way and dropping objects left empty by a removal. */
export function setAt(root, segs, value) {
  if (segs.length === 0) return;
  const chain = [root];
  let node = root;
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i];
    let next = node[seg];
    if (next === null || typeof next !== "object") {
      if (value === undefined) return;
      next = typeof segs[i + 1] === "number" ? [] : {};
      node[seg] = next;
    }
    node = next;
    chain.push(node);
  }
  const last = segs[segs.length - 1];
  if (value !== undefined) {
    node[last] = value;
    return;
  }
  if (Array.isArray(node)) node[last] = null;
  else delete node[last];
  // Drop objects (not array items, not the root) that the removal left empty.
  for (let i = chain.length - 1; i > 0; i--) {
    const obj = chain[i];
    const parent = chain[i - 1];
    const key = segs[i - 1];
    if (Array.isArray(parent) || Array.isArray(obj) || Object.keys(obj).length > 0) break;
    delete parent[key];
  }
}

/** The fields of an object parameter (inline or by `ref`), or null for "any members". */
export function fieldsOf(spec, param) {
  if (param.ref) return spec.structs?.[param.ref] ?? null;
  return param.fields?.length ? param.fields : null;
}

function isIntegerType(ty) {
  return ty === "int64" || ty === "uint64";
}

/** A short text of a parameter's rules, in the page language. */
export function rulesText(param) {
  const parts = [];
  const show = (v) => (typeof v === "string" ? v : JSON.stringify(v));
  if (param.allowed?.length) parts.push(t("rule.allowed", { values: param.allowed.map(show).join(t("punct.list")) }));
  // Alibaba's Integer is bounded to 32 bits: its type's range, not a rule of the API's.
  if (param.min === -2147483648 && param.max === 2147483647) parts.push(t("rule.int32"));
  else if (param.min !== undefined && param.max !== undefined) parts.push(t("rule.range", { min: param.min, max: param.max }));
  else if (param.min !== undefined) parts.push(t("rule.min", { min: param.min }));
  else if (param.max !== undefined) parts.push(t("rule.max", { max: param.max }));
  if (param.multiple_of !== undefined) parts.push(t("rule.multipleOf", { n: param.multiple_of }));
  if (!param.min_length && param.max_length !== undefined) parts.push(t("rule.lengthMax", { max: param.max_length }));
  else if (param.min_length !== undefined || param.max_length !== undefined)
    parts.push(t("rule.length", { min: param.min_length ?? 0, max: param.max_length ?? "∞" }));
  if (param.min_items !== undefined || param.max_items !== undefined)
    parts.push(t("rule.items", { min: param.min_items ?? 0, max: param.max_items ?? "∞" }));
  if (param.format === "ipv4") parts.push(t("rule.ipv4"));
  else if (param.format === "json") parts.push(t("rule.json"));
  else if (param.format?.prefix !== undefined) parts.push(t("rule.prefix", { prefix: param.format.prefix }));
  if (param.default !== undefined) parts.push(t("rule.default", { value: show(param.default) }));
  if (param.example !== undefined && typeof param.example !== "object" && String(param.example).length <= 48) parts.push(t("rule.example", { value: show(param.example) }));
  if (param.deprecated) parts.push(t("rule.deprecated"));
  return parts.join(" · ");
}

function typeLabel(param) {
  if (param.type === "array") return `${param.items?.type ?? "?"}[]`;
  return param.type;
}

/** Reads a scalar control's text as the JSON value the core expects (or undefined: absent). */
function readScalar(param, text) {
  if (text === "") return undefined;
  if (isIntegerType(param.type)) {
    const trimmed = text.trim();
    if (/^-?\d+$/.test(trimmed)) {
      const n = Number(trimmed);
      // Beyond 2^53 a JS number loses digits: keep the decimal string, which the core accepts.
      return Number.isSafeInteger(n) ? n : trimmed;
    }
    return text;
  }
  if (param.type === "float") {
    const trimmed = text.trim();
    if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return Number(trimmed);
    return text;
  }
  return text;
}

function showScalar(value) {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export class ParamForm {
  /**
   * @param {HTMLElement} container
   * @param {{idPrefix?: string, onChange: (path: string) => void, onShowAll?: () => void}} opts
   * `onShowAll` is told when the form turns "required only" off itself (to show a field the
   * user is sent to), so that the checkbox says so too.
   */
  constructor(container, { idPrefix = "p", onChange, onShowAll = () => {} }) {
    this.container = container;
    this.idPrefix = idPrefix;
    this.onChange = onChange;
    this.onShowAll = onShowAll;
    this.spec = null;
    this.params = {};
    this.slots = new Map();
    this.counter = 0;
    // Says what a remove did: focus goes on to the list's Add button, which would not say it.
    this.said = h("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  }

  /** Builds the form for `spec`, editing `params` in place. */
  render(spec, params) {
    this.spec = spec;
    this.params = params;
    this.slots = new Map();
    this.optionals = [];
    this.counter = 0;
    const list = h("div", { class: "fields" });
    for (const p of spec.params ?? []) list.append(this.field(p, [p.name], true, p.name));
    if (!spec.params?.length) list.append(h("p", { class: "muted", text: t("form.noParams") }));
    put(this.container, list);
    this.markFilled();
  }

  setRequiredOnly(on) {
    this.container.classList.toggle("required-only", Boolean(on));
  }

  /** "Required only" hides the optional fields that are empty: one holding a value is sent, so
   * it stays in view, and so does a field required by an object or array item that is there
   * (an optional list's new item shows its required fields). */
  markFilled() {
    for (const { el, segs, required } of this.optionals) {
      const shown = getAt(this.params, segs) !== undefined || (required && getAt(this.params, segs.slice(0, -1)) !== undefined);
      el.toggleAttribute("data-filled", shown);
    }
  }

  optional(el, segs, optional, required) {
    if (optional) this.optionals.push({ el, segs, required: required && segs.length > 1 });
    return el;
  }

  id(segs) {
    this.counter += 1;
    return `${this.idPrefix}-${pathString(segs).replace(/[^A-Za-z0-9_-]/g, "_")}-${this.counter}`;
  }

  changed(segs, value) {
    setAt(this.params, segs, value);
    this.markFilled();
    this.onChange(pathString(segs));
  }

  /** One parameter: a scalar control, an object fieldset, or an array with its items. */
  field(param, segs, chainRequired, label) {
    const required = Boolean(param.required) && param.default === undefined;
    const shownRequired = Boolean(param.required);
    const optional = !(shownRequired && chainRequired);
    const path = pathString(segs);
    const value = getAt(this.params, segs);
    const docId = this.id(segs.concat("doc"));
    const errId = this.id(segs.concat("err"));
    const doc = docText(param.doc);
    const rules = rulesText(param);
    const help = h("p", { class: "doc", id: docId }, doc, doc && rules ? " " : "", rules ? h("span", { class: "rules", text: rules }) : null);
    const err = h("p", { class: "field-error", id: errId, hidden: true });
    const marks = [
      shownRequired ? h("span", { class: "req", "aria-hidden": "true", title: t("form.required"), text: "*" }) : null,
      h("span", { class: "type", text: typeLabel(param) }),
    ];
    const fields = param.type === "object" ? fieldsOf(this.spec, param) : null;

    if (param.type === "object" && fields) {
      const fs = h("fieldset", { class: "group", dataset: { path, optional: optional ? "1" : undefined }, "aria-describedby": `${docId} ${errId}` },
        h("legend", {}, h("span", { class: "name", text: label }), " ", marks), help, err);
      for (const f of fields) fs.append(this.field(f, segs.concat(f.name), chainRequired && shownRequired, f.name));
      this.slots.set(path, { el: fs, err, focus: fs.querySelector("input,select,textarea") });
      return this.optional(fs, segs, optional, shownRequired);
    }

    if (param.type === "array") {
      const fs = h("fieldset", { class: "group array", dataset: { path, optional: optional ? "1" : undefined }, "aria-describedby": `${docId} ${errId}` },
        h("legend", {}, h("span", { class: "name", text: label }), " ", marks), help, err);
      const items = Array.isArray(value) ? value : [];
      const list = h("ol", { class: "items", start: "0" });
      items.forEach((_, i) => {
        const itemSegs = segs.concat(i);
        const remove = h("button", {
          type: "button", class: "remove", text: t("form.remove"),
          "aria-label": t("form.removeItem", { name: `${label}[${i}]` }),
          on: { click: () => this.removeItem(segs, i) },
        });
        const itemParam = { ...(param.items ?? { type: "string" }), name: "", required: true };
        list.append(h("li", { class: "item" }, this.field(itemParam, itemSegs, chainRequired && shownRequired, `${label}[${i}]`), remove));
      });
      const add = h("button", {
        type: "button", class: "add", text: t("form.add"),
        "aria-label": t("form.addItem", { name: label }),
        // Where focus goes for a problem of the list as a whole ("at least 1 item"): it says it.
        "aria-describedby": errId,
        dataset: { addFor: path },
        on: { click: () => this.addItem(param, segs) },
      });
      if (!Array.isArray(value) && value !== undefined) {
        // Not an array at all (from the JSON editor): say so, offer to start over.
        fs.append(h("p", { class: "muted", text: t("form.notArray") }));
      }
      fs.append(list, add);
      this.slots.set(path, { el: fs, err, focus: add });
      return this.optional(fs, segs, optional, shownRequired);
    }

    // Scalars, and objects without declared fields (edited as JSON text).
    const id = this.id(segs);
    const common = {
      id,
      dataset: { path },
      "aria-describedby": `${docId} ${errId}`,
      "aria-required": shownRequired ? "true" : undefined,
    };
    let control;
    const choices = param.allowed?.length ? param.allowed : param.type === "bool" ? [true, false] : null;
    if (choices) {
      const current = value === undefined || value === null ? "" : JSON.stringify(value);
      const unset = param.default !== undefined ? t("form.unsetDefault", { value: showScalar(param.default) }) : t("form.unset");
      control = h("select", { ...common, on: { change: () => this.changed(segs, control.value === "" ? undefined : JSON.parse(control.value)) } },
        h("option", { value: "", text: unset }));
      const values = choices.map((v) => JSON.stringify(v));
      if (current !== "" && !values.includes(current)) values.push(current);
      for (const v of values) control.append(h("option", { value: v, text: showScalar(JSON.parse(v)) }));
      control.value = current;
    } else if (param.type === "object" || param.format === "json") {
      control = h("textarea", { ...common, rows: "3", ...VERBATIM, class: "mono" });
      control.value = param.type === "object" && value !== undefined && typeof value !== "string" ? JSON.stringify(value, null, 2) : showScalar(value);
      control.addEventListener("input", () => {
        if (param.type !== "object") return this.changed(segs, control.value === "" ? undefined : control.value);
        if (control.value.trim() === "") return this.changed(segs, undefined);
        try {
          this.changed(segs, JSON.parse(control.value));
        } catch {
          this.changed(segs, control.value);
        }
      });
    } else {
      const numeric = isIntegerType(param.type) ? "numeric" : param.type === "float" ? "decimal" : undefined;
      control = h("input", { ...common, type: "text", inputmode: numeric, autocomplete: "off", ...VERBATIM,
        // "e.g. 1", not a bare "1": grey text alone reads as a value already filled in.
        placeholder: param.example !== undefined && typeof param.example !== "object" ? t("rule.example", { value: showScalar(param.example) }) : undefined });
      control.value = showScalar(value);
      control.addEventListener("input", () => this.changed(segs, readScalar(param, control.value)));
    }
    const wrap = h("div", { class: "field", dataset: { optional: optional ? "1" : undefined } },
      h("label", { for: id }, h("span", { class: "name", text: label }), " ", marks), control, help, err);
    this.slots.set(path, { el: wrap, err, control, focus: control });
    return this.optional(wrap, segs, optional, shownRequired);
  }

  addItem(param, segs) {
    let arr = getAt(this.params, segs);
    if (!Array.isArray(arr)) {
      arr = [];
      setAt(this.params, segs, arr);
    }
    arr.push(param.items?.type === "object" ? {} : null);
    const path = pathString(segs.concat(arr.length - 1));
    this.render(this.spec, this.params);
    this.onChange(path);
    this.focusPath(path);
  }

  removeItem(segs, index) {
    const arr = getAt(this.params, segs);
    if (!Array.isArray(arr)) return;
    arr.splice(index, 1);
    if (arr.length === 0) setAt(this.params, segs, undefined);
    const path = pathString(segs);
    this.render(this.spec, this.params);
    this.onChange(path);
    this.focusPath(path);
    this.announce(t("form.removed", { name: `${path}[${index}]` }));
  }

  /** Says `text` politely. The region is put beside the form the first time: a live region
   *  is heard only when it changes after it is in the page, hence the moment's wait. */
  announce(text) {
    if (!this.said.isConnected) this.container.after(this.said);
    this.said.textContent = "";
    setTimeout(() => (this.said.textContent = text), 50);
  }

  /** The slot of `path`, or of its nearest ancestor the form shows. */
  slotFor(path) {
    let p = path;
    while (p) {
      const slot = this.slots.get(p);
      if (slot) return slot;
      const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
      if (cut <= 0) break;
      p = p.slice(0, cut);
    }
    return null;
  }

  focusPath(path) {
    const slot = this.slotFor(path);
    if (!slot) return false;
    if (slot.el.closest(".required-only") && slot.el.closest("[data-optional]:not([data-filled])")) {
      this.setRequiredOnly(false);
      this.onShowAll();
    }
    const target = slot.focus ?? slot.el.querySelector("input,select,textarea,button");
    target?.focus();
    return Boolean(target);
  }

  /** Marks every violation at its field (messages in the page language). */
  showViolations(violations, messageOf) {
    for (const slot of this.slots.values()) {
      slot.err.hidden = true;
      slot.err.textContent = "";
      slot.el.classList.remove("invalid");
      slot.control?.removeAttribute("aria-invalid");
    }
    for (const v of violations) {
      const slot = this.slotFor(v.path);
      if (!slot) continue;
      slot.err.hidden = false;
      slot.err.textContent = slot.err.textContent ? `${slot.err.textContent} ${messageOf(v)}` : messageOf(v);
      slot.el.classList.add("invalid");
      slot.control?.setAttribute("aria-invalid", "true");
    }
  }
}
