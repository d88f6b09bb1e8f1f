// The `workerd` and `edge-light` export conditions (Cloudflare Workers, Vercel Edge): these
// hosts refuse to compile WebAssembly from bytes at run time, and a bundled Worker has no
// usable import.meta.url to fetch it by. They take the .wasm as an imported module instead, so
// this file imports it so and starts the module before anything is called: `import { signWire }
// from "cloudplay/sign"` then works there as everywhere else. `cargo xtask pkg` puts a copy
// beside each `web` target's glue.
import module from "./cloudplay_bg.wasm?module";
import { initSync } from "./cloudplay.js";

initSync({ module });

export * from "./cloudplay.js";
export { default } from "./cloudplay.js";
