// <cloudplay-try api="hai/2023-08-12/RunInstances"> — a "try it" box for documentation pages.
//
// One script tag adds it:
//   <script type="module" async src="https://your-playground-host/widget/cloudplay-try.js"></script>
// Attributes: api (required), example (index, default 0), region, params (JSON over the
// example's), theme ("light" | "dark"; CSS only), lang ("en" | "zh"; default: the page's),
// specs (the address of API specs as addSpecs takes them, for APIs that are not built in),
// heading (the title's level, 2 to 6; default 2),
// playground (the address of a playground for the "open" link); the
// README's widget section says each, with data-ready, data-error and the cloudplay:ready event.
// It shows the API's form with its example loaded, live validation, the signature, and sends to
// the in-page simulator, signed with the simulator's public demo key: it asks for no secret.
// Each box speaks its own `lang`, else the page's, and follows a change of either.
//
// This module only defines the element: a docs theme imports it on every page. The box's body
// (box.js: the form, the preview, its strings) and the engine load when a box first comes near
// the viewport.
import { h, put } from "../js/dom.js";
import { CSS } from "./style.js";
import { WAITING, langOf } from "./words.js";

/** One constructed stylesheet, shared by every box (null where a browser has none: each box
 *  then carries a <style>, which a page's CSP must allow as inline style). */
let sheet;
function styleOf(root) {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    } catch {
      sheet = null;
    }
  }
  if (sheet && "adoptedStyleSheets" in root) {
    root.adoptedStyleSheets = [sheet];
    return null;
  }
  return h("style", { text: CSS });
}
/** How long the engine may take before the box says it is still loading, and before it says
 *  it could not load (a host that never answers would leave it loading for good). */
const SLOW_MS = 8000;
const GIVE_UP_MS = 45000;

/** Where there is no DOM (a docs site's server-side rendering imports this module too) the
 *  module defines nothing and touches nothing. */
const DOM = typeof HTMLElement === "function" && typeof customElements === "object" && typeof document === "object" && typeof MutationObserver === "function";

// A page that switches its own lang takes along the boxes that follow it.
if (DOM) new MutationObserver(() => {
  for (const box of document.querySelectorAll("cloudplay-try:not([lang])")) box.relang();
}).observe(document.documentElement, { attributeFilter: ["lang"] });

/** The attributes a box reads; each is also a property that sets it, because Vue and React
 *  set a property wherever the element has one by that name. `params` takes an object too. */
/** What can hold focus in a box. */
const CONTROLS = "a[href], button, input, select, textarea, summary, [tabindex]";

const ATTRIBUTES = ["api", "example", "region", "params", "playground", "theme", "heading", "specs"];

/** Runs `start` once `el` comes within a screen of the viewport (at once without IntersectionObserver). */
function whenNear(el, start) {
  if (typeof IntersectionObserver !== "function") return start();
  const seen = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    seen.disconnect();
    start();
  }, { rootMargin: "100% 0px" });
  seen.observe(el);
}

class CloudplayTry extends (DOM ? HTMLElement : class {}) {
  static get observedAttributes() {
    return ["lang", ...ATTRIBUTES];
  }

  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
    this.styleNode = styleOf(this.root);
  }

  connectedCallback() {
    // A property a framework set before this module defined the element is the element's own,
    // and would hide the accessor: hand it over.
    for (const name of ATTRIBUTES) {
      if (!Object.prototype.hasOwnProperty.call(this, name)) continue;
      const value = this[name];
      delete this[name];
      this[name] = value;
    }
    if (this.started) return;
    this.started = true;
    // A copy of a ready box (cloneNode) carries its data-ready but none of its state.
    delete this.dataset.ready;
    delete this.dataset.error;
    const waiting = h("p", { class: "loading", role: "status", text: WAITING[langOf(this)].loading });
    put(this.root, this.styleNode, waiting);
    whenNear(this, () => {
      const slow = setTimeout(() => (waiting.textContent = WAITING[langOf(this)].slow), SLOW_MS);
      // Said once; should the engine come after all, the box is built over this.
      const giveUp = setTimeout(() => {
        if (this.built) return;
        this.authorError(`the widget's box.js or its engine did not arrive within ${GIVE_UP_MS / 1000} s`);
        this.unavailable();
      }, GIVE_UP_MS);
      const done = () => {
        clearTimeout(slow);
        clearTimeout(giveUp);
      };
      import("./box.js").then(
        (box) => box.start(this, CloudplayTry).finally(done),
        (e) => {
          // The body itself did not come (a network error, a file missing from the copy).
          done();
          this.authorError(`the widget's box.js did not load: ${e?.message ?? e}`);
          this.unavailable();
        },
      );
    });
  }

  /** What a reader sees of a box whose body never came: one line in a frame, and the way to
   *  the playground where the author named one. */
  unavailable() {
    const given = this.getAttribute("playground");
    let link = null;
    try {
      const url = given && new URL(given, document.baseURI);
      if (url && (url.protocol === "http:" || url.protocol === "https:")) {
        const href = `${url.href.replace(/#.*$/, "")}#api=${encodeURIComponent(this.getAttribute("api") ?? "")}`;
        link = h("p", {}, h("a", { href, target: "_blank", rel: "noopener", text: WAITING[langOf(this)].open }));
      }
    } catch {
      /* no link */
    }
    put(this.root, this.styleNode, h("div", { class: "box" }, h("p", { class: "error", role: "alert", text: WAITING[langOf(this)].failed }), link));
  }

  attributeChangedCallback(name, was, now) {
    if (!this.built || was === now) return;
    if (name === "lang") {
      this.forgetError(name);
      this.checkLang();
      this.relang();
    }
    // The stylesheet shows a theme; here it is only checked.
    else if (name === "theme") {
      this.forgetError(name);
      this.checkTheme();
    }
    // APIs of the author's own: added, then the box built again on them.
    else if (name === "specs") this.addSpecs().then(() => this.build());
    // A new link or title level: drawn again, keeping what the reader typed.
    else if (name === "playground" || name === "heading") {
      this.forgetError(name);
      this.playgroundUrl = this.readPlayground();
      this.render();
    } else this.build();
  }

  /** Shows the box again in its language if that has changed, keeping what the reader typed
   *  and where they were: the box is drawn the same way in each language, so the control
   *  that had focus is the one at the same place among its controls. */
  relang() {
    if (!this.built || langOf(this) === this.shownLang) return;
    const controls = () => [...this.root.querySelectorAll(CONTROLS)];
    const at = controls().indexOf(this.root.activeElement);
    this.render();
    if (at >= 0) controls()[at]?.focus();
  }

  /** Takes back what `data-error` said of an attribute that has changed since (a change of
   *  the others builds the box again, which starts `data-error` afresh). */
  forgetError(name) {
    const kept = (this.dataset.error ?? "").split("\n").filter((line) => line && !line.startsWith(`${name}="`));
    if (kept.length) this.dataset.error = kept.join("\n");
    else delete this.dataset.error;
  }

  /** A mistake in the page's markup: the detail is the author's (console and `data-error`),
   *  not the reader's. */
  authorError(detail) {
    console.error(`<cloudplay-try api="${this.getAttribute("api") ?? ""}">: ${detail}`);
    this.dataset.error = this.dataset.error ? `${this.dataset.error}\n${detail}` : detail;
    // For a page that reports broken boxes (or its tests), as cloudplay:ready is for ready ones.
    this.dispatchEvent(new CustomEvent("cloudplay:error", { bubbles: true, composed: true, detail: { message: detail } }));
  }
}

for (const name of ATTRIBUTES) {
  Object.defineProperty(CloudplayTry.prototype, name, {
    get() {
      return this.getAttribute(name);
    },
    set(value) {
      if (value === null || value === undefined || value === false) this.removeAttribute(name);
      else this.setAttribute(name, name === "params" && typeof value === "object" ? JSON.stringify(value) : String(value));
    },
    configurable: true,
  });
}

if (DOM && !customElements.get("cloudplay-try")) customElements.define("cloudplay-try", CloudplayTry);

export { CloudplayTry };
