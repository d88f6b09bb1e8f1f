// Quick search over the catalog (product, action, title, description; Chinese or English)
// and the API picker.
import { h, put } from "./dom.js";
import { t, docText } from "./i18n.js";
import { cp } from "./wasm.js";

export class ApiSearch {
  constructor({ input, results, count, picker }, onPick) {
    Object.assign(this, { input, results, count, picker, onPick });
    this.catalog = [];
    input.addEventListener("input", () => this.run());
    input.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown") {
        e.preventDefault();
        this.results.querySelector("button")?.focus();
      } else if (e.key === "Enter") {
        const first = this.results.querySelector("button");
        if (first) {
          e.preventDefault();
          first.click();
        }
      }
    });
    results.addEventListener("keydown", (e) => {
      const buttons = [...this.results.querySelectorAll("button")];
      const i = buttons.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && i >= 0) {
        e.preventDefault();
        buttons[Math.min(i + 1, buttons.length - 1)].focus();
      } else if (e.key === "ArrowUp" && i >= 0) {
        e.preventDefault();
        (i === 0 ? this.input : buttons[i - 1]).focus();
      } else if (e.key === "Escape") {
        this.input.focus();
      }
    });
    picker.addEventListener("change", () => picker.value && onPick(picker.value, { fromPicker: true }));
  }

  /** Refreshes the picker from the module's catalog. */
  setCatalog() {
    this.catalog = cp().catalog();
    const current = this.picker.value;
    put(this.picker, ...this.catalog.map((s) => h("option", { value: s.id, text: `${s.product} · ${s.action} — ${docText(s.title)}` })));
    if (current) this.picker.value = current;
    this.run();
  }

  select(id) {
    this.picker.value = id;
  }

  run() {
    const q = this.input.value.trim();
    let found;
    try {
      found = q ? cp().search(q) : this.catalog;
    } catch {
      found = [];
    }
    const shown = found.slice(0, 50);
    put(this.results, ...shown.map((s) => h("li", {},
      h("button", { type: "button", class: "result", dataset: { api: s.id }, on: { click: () => this.onPick(s.id) } },
        h("span", { class: "action", text: s.action }), " ",
        h("span", { class: "product", text: `${s.product} ${s.version}` }), " ",
        h("span", { class: "title", text: docText(s.title) }),
        s.deprecated ? h("span", { class: "deprecated", text: t("punct.paren", { text: t("rule.deprecated") }) }) : null))));
    this.count.textContent = !q ? t("search.all", { n: found.length }) : t("search.count", { n: found.length });
  }
}
