// Building DOM without innerHTML: every text goes in as textContent.

/**
 * h("button", {class: "x", type: "button", on: {click}, dataset: {k: v}}, "text", child, …)
 * Attribute values are set with setAttribute; `text` sets textContent; false/null skip.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k === "on") {
      for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    } else if (k === "dataset") {
      for (const [dk, dv] of Object.entries(v)) if (dv !== undefined && dv !== null) el.dataset[dk] = String(dv);
    } else if (k === "text") {
      el.textContent = String(v);
    } else if (k === "class") {
      el.className = v;
    } else if (k === "hidden" || k === "disabled" || k === "checked" || k === "selected" || k === "open") {
      el[k] = Boolean(v);
    } else if (k === "value") {
      el.value = String(v);
    } else {
      el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the children of `el`. */
export function put(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Writes text to the clipboard; resolves true on success. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A function that runs `fn` once, `ms` after the last call. */
export function debounce(fn, ms) {
  let timer = 0;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.flush = (...args) => {
    clearTimeout(timer);
    fn(...args);
  };
  return wrapped;
}

/** A small id unique in this document. */
let seq = 0;
export function uid(prefix = "cp") {
  seq += 1;
  return `${prefix}-${seq}`;
}
