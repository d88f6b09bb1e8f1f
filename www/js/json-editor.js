// The JSON editor of the call's parameters, kept in sync with the form both ways: the form
// writes here after each change; text that parses to an object replaces the parameters.
// Text that does not parse is the user's unfinished work: the form never writes over it.
import { t, say, lang } from "./i18n.js";

/** An integer typed past 2^53 would lose its last digits as a JS number: it is kept as the
 * decimal text typed, which the package reads as that integer. (Where the browser gives no
 * source text, the package refuses the rounded number instead.) */
function exactIntegers(_key, value, context) {
  if (typeof value !== "number" || Number.isSafeInteger(value) || !/^-?\d+$/.test(context?.source ?? "")) return value;
  return context.source;
}

export class JsonEditor {
  /**
   * @param {HTMLTextAreaElement} textarea
   * @param {HTMLElement} status   where a parse error is shown
   * @param {(params: object) => void} onParams
   * @param {{box: HTMLElement, text: HTMLElement}} kept  says the form changed while the text
   *   did not parse (the box holds the button that replaces the text)
   * @param {HTMLElement} [said]  a live region, told only when the kind of problem changes:
   *   the status line's position changes with each key, and read aloud each time it would
   *   talk over the typing
   */
  constructor(textarea, status, onParams, kept, said) {
    this.textarea = textarea;
    this.status = status;
    this.said = said;
    this.problem = null;
    this.onParams = onParams;
    this.kept = kept;
    this.valid = true;
    this.formChanged = false;
    textarea.addEventListener("input", () => this.read());
  }

  /** Shows `params` (unless the user is typing here, which is where they came from). */
  show(params, { force = false } = {}) {
    if (!force && document.activeElement === this.textarea) return;
    if (!force && !this.valid) return this.keepAgainstForm();
    this.textarea.value = JSON.stringify(params, null, 2);
    this.setError(null);
  }

  read() {
    const text = this.textarea.value;
    let value;
    try {
      value = text.trim() === "" ? {} : JSON.parse(text, exactIntegers);
    } catch (e) {
      // The browser says why in its own language (English): a Chinese page says where instead.
      const at = /line (\d+) column (\d+)/.exec(e.message);
      const render = () => (at && lang() === "zh" ? t("json.parseErrorAt", { line: at[1], column: at[2] }) : t("json.parseError", { detail: e.message }));
      return this.setError(render, "json.parseSaid");
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return this.setError(() => t("json.notObject"), "json.notObject");
    }
    this.setError(null);
    this.onParams(value);
  }

  /** Shows parameters loaded in place of the call (an example, a history entry, a link): text
   *  typed here that does not parse stays, as against a form edit, or loading would lose it. */
  load(params) {
    if (this.valid) return this.show(params, { force: true });
    this.keepAgainstForm(() => t("json.keptAgainstLoad"));
  }

  /** Says that the form's parameters and the text kept here now differ, until the text parses
   *  or is replaced; `render`, when given, says why in other words (see `say`). */
  keepAgainstForm(render) {
    this.formChanged = true;
    // Said once: each further form edit would announce the same words again.
    if (!this.kept.box.hidden && !render) return;
    this.kept.box.hidden = false;
    say(this.kept.text, render ?? (() => t("json.keptAgainstForm")));
  }

  /** `render`: the problem in the page language (see `say`); none: the text parses. `problem`:
   *  the words said aloud for its kind. */
  setError(render, problem = null) {
    if (this.said && problem !== this.problem) say(this.said, problem ? () => t(problem) : null);
    this.problem = problem;
    this.valid = !render;
    if (!render && this.formChanged) {
      this.formChanged = false;
      this.kept.box.hidden = true;
      say(this.kept.text, null);
    }
    if (render) this.textarea.setAttribute("aria-invalid", "true");
    else this.textarea.removeAttribute("aria-invalid");
    this.status.hidden = !render;
    say(this.status, render);
  }
}
