// The `bun` export condition. Bun runs the `node` build, but `bun build` (and `--compile`, a
// single-file program) does not see the .wasm that build reads from disk by its own URL: the
// program then fails at start. Imported as a file asset, the .wasm is one the bundler follows
// and embeds, and the path it gives is readable both from node_modules and from inside a
// compiled program. `cargo xtask pkg` puts a copy beside each `web` target's glue.
import path from "./cloudplay_bg.wasm" with { type: "file" };
import { readFileSync } from "node:fs";
import { initSync } from "./cloudplay.js";

initSync({ module: readFileSync(path) });

export * from "./cloudplay.js";
export { default } from "./cloudplay.js";
