// Writes the playground's code snippets for the built-in APIs' examples, pointed at a running
// `cloudplay serve` (endpoint http://127.0.0.1:PORT), for sdk_clients.py to run with the
// official clients: what a user copies from the page must work against the simulator as is.
//
//   node tests/interop/snippets.mjs MODULE PORT OUTDIR
//
// Writes <product>.py for the APIs whose Python SDK speaks plain HTTP, and <product>.js for the
// Tencent API 3.0 ones (tencentcloud-sdk-nodejs-common is a dev dependency of the workspace).
import { createRequire } from "node:module";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const [module, port, out] = process.argv.slice(2);
const cp = createRequire(import.meta.url)(resolve(module));
mkdirSync(out, { recursive: true });
const written = [];
for (const { id } of cp.catalog()) {
  const spec = cp.describe(id);
  const example = spec.examples?.[0];
  if (!example) throw new Error(`${id} has no example`);
  const call = { api: id, params: example.params, region: example.region, endpoint: `http://127.0.0.1:${port}` };
  const languages = spec.style === "tencent-api3" ? ["python", "node"] : spec.style === "alibaba-rpc" ? ["python"] : [];
  for (const language of languages) {
    const file = join(out, `${spec.product}.${language === "python" ? "py" : "js"}`);
    writeFileSync(file, cp.snippet(call, language));
    written.push(file);
  }
}
console.log(written.join("\n"));
