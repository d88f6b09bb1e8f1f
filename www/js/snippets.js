// Code for the current call in curl, Python, Node, Go and the vendor CLI. Snippets are made
// from the call alone (API, parameters, region): never from credentials.
import { h, put } from "./dom.js";
import { t } from "./i18n.js";
import { cp, has, errorLine } from "./wasm.js";
import { copyBlock } from "./preview.js";
import { scrub, prefs } from "./store.js";
import { SNIPPET_LANGUAGES } from "./config.js";

export class Snippets {
  /** @param {() => string[]} secrets  the secrets in memory, scrubbed from any snippet text
   *  @param languages  the languages offered, in order; `level`, their headings'
   *  @param remember  the preference the chosen language is kept under (the page's; a widget
   *  box on someone's docs page keeps nothing) */
  constructor({ picker, output, languages = SNIPPET_LANGUAGES, level = 3, remember = null }, secrets = () => []) {
    Object.assign(this, { picker, output, secrets, level });
    this.call = null;
    put(picker, ...languages.map((l) => h("option", { value: l, text: t(`lang.${l}`) })));
    const kept = remember && prefs.get(remember, null);
    if (languages.includes(kept)) picker.value = kept;
    picker.addEventListener("change", () => {
      if (remember) prefs.set(remember, picker.value);
      this.render();
    });
  }

  relabel() {
    for (const o of this.picker.options) o.textContent = t(`lang.${o.value}`);
  }

  /** `signed` (the prepared request) is what curl needs: it carries a signature, not the key. */
  update(call, signed) {
    this.call = call;
    this.signed = signed;
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
      let text = cp().snippet(this.call, lang, this.signed ?? undefined);
      // The core never writes a secret; should one ever slip in, it does not reach the page.
      text = scrub(text, this.secrets());
      put(this.output, copyBlock(t(`lang.${lang}`), text, { step: `snippet-${lang}`, level: this.level }));
    } catch (e) {
      put(this.output, h("p", { class: "notice warn", text: errorLine(e) }));
    }
  }
}
