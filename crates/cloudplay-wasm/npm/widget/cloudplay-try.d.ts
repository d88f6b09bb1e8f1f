// Importing "cloudplay/widget" defines the <cloudplay-try> element; its attributes are listed
// in the package README (api, example, region, params, theme, lang, playground).

/** A "try it" box for one API: its form with an example, live validation, every signing
 *  step, and the in-page simulator's answer. Set it up with attributes, not properties. */
export declare class CloudplayTry extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    "cloudplay-try": CloudplayTry;
  }
  interface HTMLElementEventMap {
    /** The box shows its API (also `data-ready="true"`). Bubbles out of the shadow root. */
    "cloudplay:ready": CustomEvent;
    /** A mistake in the box's markup, or an engine that did not load (also `data-error`). */
    "cloudplay:error": CustomEvent<{ message: string }>;
  }
}
