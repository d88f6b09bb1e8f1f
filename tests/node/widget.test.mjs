// `cloudplay/widget` where there is no DOM: a docs site's server-side rendering (VitePress,
// Docusaurus) imports it while building each page. It must load, and define and touch nothing.
import { test } from "node:test";
import assert from "node:assert/strict";

test("the widget module imports where there is no DOM, as in a docs site's server-side rendering", async () => {
  assert.equal(typeof globalThis.HTMLElement, "undefined");
  const widget = await import("cloudplay/widget");
  assert.equal(typeof widget.CloudplayTry, "function");
  assert.equal(typeof globalThis.customElements, "undefined", "nothing defined");
  // Its attribute properties are there for a framework to set, as on the page.
  assert.ok(Object.getOwnPropertyDescriptor(widget.CloudplayTry.prototype, "params")?.set);
});
