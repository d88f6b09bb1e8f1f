// Importing "cloudplay/widget" defines the <cloudplay-try> element (where there is a DOM); its
// attributes are listed in the package README.

/** A "try it" box for one API: its form with an example, live validation, every signing
 *  step, the call as code, and the in-page simulator's answer. Each attribute is also a
 *  property that sets it (as Vue and React set them); reading one gives the attribute. */
export declare class CloudplayTry extends HTMLElement {
  /** The API's id, `product/version/Action` (required). */
  get api(): string | null;
  set api(value: string | null | undefined);
  /** Which of the API's examples to load, counted from 0. */
  get example(): string | null;
  set example(value: string | number | null | undefined);
  /** The region to start with. */
  get region(): string | null;
  set region(value: string | null | undefined);
  /** The parameters over the example's: JSON text, or an object (written as JSON). */
  get params(): string | null;
  set params(value: string | Record<string, unknown> | null | undefined);
  /** The address of a cloudplay playground the box links to. */
  get playground(): string | null;
  set playground(value: string | null | undefined);
  /** The palette; without it the box follows its `color-scheme`. */
  get theme(): string | null;
  set theme(value: "light" | "dark" | null | undefined);
  /** The level of the box's title in the page's outline, 2 (the default) to 6. */
  get heading(): string | null;
  set heading(value: 2 | 3 | 4 | 5 | 6 | "2" | "3" | "4" | "5" | "6" | null | undefined);
  /** The address of a JSON file of API specs, as `addSpecs` takes them (one or a list): APIs
   *  that are not built in, added before the box looks up `api`. */
  get specs(): string | null;
  set specs(value: string | null | undefined);
}

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
