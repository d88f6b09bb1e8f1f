// Where this copy of the code finds what lives beside it: the engine, the playground page and
// the proxy. This is the playground's layout (`cloudplay serve`, or `www/` with the built
// package inside it as `www/pkg/`). The npm package's widget carries its own version of this
// file (crates/cloudplay-wasm/npm/widget/site.js); the widget's own imports are otherwise the
// same, one folder up (see xtask's pkg.rs).

/** The engine (wasm-bindgen `web` target). A literal path, so that a bundler finds it and
 *  splits it off, to be fetched only when a box or the page first needs it. */
export const importEngine = () => import("../pkg/web/cloudplay.js");

/** Why a page may come back where the engine's .wasm should be, said to a widget's author. */
export const ENGINE_MISSING = "is the built package beside the page, as pkg/web/ (cargo xtask play builds and serves it)?";

/** The forwarding proxy of `cloudplay serve`: POST {method, url, headers, body}, same origin. */
export const PROXY_URL = new URL("../proxy", import.meta.url).href;

/** The playground page, for the widget's "open in the playground" link (a box's `playground`
 *  attribute names another). */
export const PLAYGROUND_URL = new URL("../index.html", import.meta.url).href;
