// Code for the current call in curl, Python, Node, Go and the vendor CLI. Snippets are made
// from the call alone (API, parameters, region): never from credentials.
import { h, put } from "./dom.js";
import { t } from "./i18n.js";
import { cp, has, errorLine } from "./wasm.js";
import { copyBlock } from "./preview.js";
import { SNIPPET_LANGUAGES } from "./config.js";

export class Snippets {
  constructor({ picker, output }) {
    Object.assign(this, { picker, output });
    this.call = null;
    put(picker, ...SNIPPET_LANGUAGES.map((l) => h("option", { value: l, text: t(`lang.${l}`) })));
    picker.addEventListener("change", () => this.render());
  }

  relabel() {
    for (const o of this.picker.options) o.textContent = t(`lang.${o.value}`);
  }

  update(call) {
    this.call = call;
    this.render();
  }

  render() {
    if (!has("snippet")) {
      put(this.output, h("p", { class: "notice", dataset: { pending: "snippet" }, text: t("snippet.unavailable") }));
      return;
    }
    if (!this.call) return put(this.output);
    const lang = this.picker.value;
    try {
      const text = cp().snippet(this.call, lang);
      put(this.output, copyBlock(t(`lang.${lang}`), text, { step: `snippet-${lang}` }));
    } catch (e) {
      put(this.output, h("p", { class: "notice warn", text: errorLine(e) }));
    }
  }
}
