// Sizes of the built package (run `cargo xtask pkg` first, or `cargo xtask size`): each
// variant's .wasm after wasm-opt and its JS (glue and snippets), raw, gzip -9 and brotli (quality 11).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join } from "node:path";

const pkg = new URL("../../pkg/", import.meta.url).pathname;
const sizes = (buf) => [
  buf.length,
  gzipSync(buf, { level: 9 }).length,
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);

console.log("file                                   raw       gzip -9   brotli");
for (const [variant, dir] of [["full", "web"], ["sign", "sign/web"]]) {
  let total = [0, 0, 0];
  // The module the web glue loads, the glue, and the JS snippets the glue imports
  // (snippets/…/js/*.js).
  const glue = readFileSync(join(pkg, dir, "cloudplay.js"), "utf8");
  const module = /new URL\('([^']+\.wasm)', import\.meta\.url\)/.exec(glue)?.[1];
  if (!module) throw new Error(`${dir}/cloudplay.js names no .wasm`);
  const files = [module, ...readdirSync(join(pkg, dir), { recursive: true }).filter((f) => /\.js$/.test(f))];
  for (const f of files) {
    if (statSync(join(pkg, dir, f)).isDirectory()) continue;
    const s = sizes(readFileSync(join(pkg, dir, f)));
    total = total.map((t, i) => t + s[i]);
    const name = `${dir}/${f}`.replace(/snippets\/[^/]+\//, "snippets/…/");
    console.log(`${name.padEnd(34)} ${s.map(kb).join(" ")}`);
  }
  console.log(`${`= ${variant} (wasm + glue)`.padEnd(34)} ${total.map(kb).join(" ")}`);
}
