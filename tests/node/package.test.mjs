// The package's .wasm files as bundlers read them, not only as Node's glue loads them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { declaredCodes } from "./helpers.mjs";

const root = dirname(createRequire(import.meta.url).resolve("cloudplay/package.json"));

function wasmFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? wasmFiles(join(dir, e.name)) : e.name.endsWith(".wasm") ? [join(dir, e.name)] : []);
}

test("no .wasm imports a name it also exports (Turbopack's loader declares both in one scope)", () => {
  const files = wasmFiles(root);
  assert.ok(files.length >= 4, `the full and the signing-only module for two targets at least: ${files.map((f) => relative(root, f))}`);
  for (const file of files) {
    const module = new WebAssembly.Module(readFileSync(file));
    const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
    const clashes = WebAssembly.Module.imports(module).filter((i) => exported.has(i.name)).map((i) => `${i.module} ${i.name}`);
    assert.deepEqual(clashes, [], `${relative(root, file)} imports what it exports`);
    assert.ok(exported.has("isCloudplayError"), `${relative(root, file)} still exports isCloudplayError`);
  }
});

test("cloudplay/web called before init() says to call init(), then works once initSync has run", async () => {
  for (const entry of ["cloudplay/web", "cloudplay/sign/web"]) {
    const web = await import(entry);
    const input = { method: "GET", host: "h", path: "/", query: "", headers: {}, body: "" };
    assert.throws(() => web.signWire(input), (e) => {
      assert.equal(e.name, "CloudplayError", entry);
      assert.equal(e.code, "NotInitialized", entry);
      assert.ok(declaredCodes().has(e.code), "a declared code");
      assert.match(e.message, /await init\(\)/, entry);
      // A catch that asks whether it is one gets an answer, not a second error.
      assert.equal(web.isCloudplayError(e), true, entry);
      assert.equal(web.isCloudplayError(new TypeError("x")), false, entry);
      return true;
    });
    const file = join(dirname(createRequire(import.meta.url).resolve(entry)), "cloudplay_bg.wasm");
    web.initSync({ module: readFileSync(file) });
    // Started once, a second start is the same module, not a new one over the first.
    assert.equal(web.initSync({ module: readFileSync(file) }), await web.default());
    const err = (() => { try { web.signWire(input); } catch (e) { return e; } })();
    assert.ok(web.isCloudplayError(err), `${entry}: after init, a bad input is a CloudplayError: ${err}`);
    assert.notEqual(err.code, "NotInitialized", entry);
  }
});
