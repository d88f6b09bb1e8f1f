// The call history: what was sent and how it went, without secrets (API, parameters, region,
// signing settings, time, via, status and code), kept in localStorage.
import { h, put } from "./dom.js";
import { t, say, lang, sentences } from "./i18n.js";
import { history as store, withoutSecrets } from "./store.js";
import { HISTORY_LIMIT, HISTORY_ENTRY_MAX } from "./config.js";

export class History {
  constructor({ list, clear, status }, onLoad) {
    Object.assign(this, { list, clearButton: clear, status, onLoad });
    this.entries = store.list();
    // Whether `entries` is what storage holds; false once storage refused them (they are then
    // kept for this visit only, and reading storage again would lose them).
    this.stored = true;
    clear.addEventListener("click", () => this.clear());
    // Another tab's sends and clears show here at once, and this tab's next write keeps them.
    addEventListener("storage", (e) => {
      if (e.key !== store.key || !this.stored) return;
      this.sync();
      this.render();
    });
    this.render();
  }

  /** The list as storage holds it now: each tab writes the whole list, so a tab that wrote its
   *  own copy would lose what another tab added since. */
  sync() {
    if (this.stored) this.entries = store.list();
  }

  /** Clears at once, without a dialog in the way, and offers to undo: a slip loses nothing. */
  clear() {
    this.sync();
    if (!this.entries.length) return;
    const cleared = this.entries;
    this.entries = [];
    // Through persist: a clear storage refused must not be read back as the list.
    this.persist();
    this.render();
    // Said through `say`, as every note here, so that a language switch says it again.
    say(this.status, () => [t("history.cleared"), " ",
      h("button", { type: "button", class: "link", text: t("history.undo"), on: { click: () => this.restore(cleared) } })]);
  }

  restore(cleared) {
    // Newest first, whichever tab sent them since the clear.
    this.sync();
    this.entries = [...this.entries, ...cleared].sort((a, b) => b.at - a.at).slice(0, HISTORY_LIMIT);
    const note = this.persist();
    this.render();
    say(this.status, () => sentences([t("history.restored"), note?.()]));
    // The Undo button is gone: focus goes back where the clear started.
    this.clearButton.focus();
  }

  add({ api, params, region, settings, via, status, code, requestId }) {
    const entry = withoutSecrets({ api, params, region: region || "", settings: settings ?? {}, via, status, code: code || "", requestId: requestId || "", at: Date.now() });
    // A call of megabytes would crowd every other entry (and the drafts) out of storage: the
    // entry keeps how it went, and its parameters stay in the form and the draft.
    const tooLarge = JSON.stringify(entry).length > HISTORY_ENTRY_MAX;
    if (tooLarge) entry.params = null;
    this.sync();
    this.entries.unshift(entry);
    this.entries.length = Math.min(this.entries.length, HISTORY_LIMIT);
    const note = this.persist();
    this.render();
    if (tooLarge || note) say(this.status, () => sentences([tooLarge ? t("history.tooLarge", { kb: HISTORY_ENTRY_MAX / 1024 }) : "", note?.()]));
  }

  /** Saves the entries; what the user should know of it (see `say`), or null. Storage full: the
   *  oldest go, as the list then shows; nothing fits (or no storage): the list is kept for this
   *  visit only. */
  persist() {
    const kept = store.save(this.entries);
    this.stored = kept > 0 || (kept === 0 && !this.entries.length);
    if (kept === this.entries.length) return null;
    if (kept <= 0) return () => t("history.notStored");
    const n = this.entries.length - kept;
    this.entries.length = kept;
    return () => t("history.dropped", { n });
  }

  render() {
    if (!this.entries.length) {
      put(this.list, h("li", { class: "muted", text: t("history.empty") }));
      return;
    }
    put(this.list, ...this.entries.map((e, i) => h("li", { class: "history-entry", dataset: { outcome: e.code ? "error" : "ok" } },
      h("time", { datetime: new Date(e.at).toISOString(), text: when(e.at) }), " ",
      h("span", { class: "mono", text: e.api }), " ",
      h("span", { class: e.code ? "bad" : "good", text: e.code || String(e.status) }), " ",
      h("span", { class: "muted", text: t(`via.${e.via}`) }), " ",
      e.params === null
        ? h("span", { class: "muted", text: t("history.paramsLeftOut") })
        : h("button", { type: "button", text: t("history.load"), "aria-label": t("history.loadWhat", { n: i + 1, api: e.api }),
          on: { click: () => this.onLoad(e) } }))));
  }
}

/** When a call was sent, in the page's language: the time, and the date too when it was not
 *  today (entries are kept across visits, and a time alone would not tell days apart). */
function when(at) {
  const sent = new Date(at);
  const locale = lang() === "zh" ? "zh-CN" : "en";
  const today = sent.toDateString() === new Date().toDateString();
  return today ? sent.toLocaleTimeString(locale) : sent.toLocaleString(locale, { dateStyle: "medium", timeStyle: "medium" });
}
