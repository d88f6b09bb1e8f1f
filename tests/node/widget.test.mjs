// `cloudplay/widget` where there is no DOM, or only part of one: a docs site's server-side
// rendering (VitePress, Docusaurus; an SSR shim may define HTMLElement, customElements and a
// bare document) imports it while building each page. It must load, and define and touch nothing.
import { test } from "node:test";
import assert from "node:assert/strict";

const WIDGET = import.meta.resolve("cloudplay/widget");

test("the widget module imports where there is no DOM, as in a docs site's server-side rendering", async () => {
  assert.equal(typeof globalThis.HTMLElement, "undefined");
  const widget = await import(WIDGET);
  assert.equal(typeof widget.CloudplayTry, "function");
  // Its attribute properties are there for a framework to set, as on the page.
  assert.ok(Object.getOwnPropertyDescriptor(widget.CloudplayTry.prototype, "params")?.set);
});

test("the widget module defines nothing where the DOM is only partly there", async () => {
  const defined = [];
  globalThis.HTMLElement = class {};
  globalThis.customElements = { get: () => undefined, define: (name) => defined.push(name) };
  globalThis.document = { documentElement: {} };
  try {
    // Another instance of the module (the query makes it one), evaluated with the shim in place.
    const widget = await import(`${WIDGET}?partial-dom`);
    assert.equal(typeof widget.CloudplayTry, "function");
    assert.deepEqual(defined, [], "no MutationObserver: nothing defined");
  } finally {
    delete globalThis.HTMLElement;
    delete globalThis.customElements;
    delete globalThis.document;
  }
});
