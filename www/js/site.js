// Where this copy of the code finds what lives beside it: the engine, the playground page and
// the proxy. This is the playground's layout (`cloudplay serve`, or `www/` with the built
// package inside it as `www/pkg/`). The npm package's widget carries its own version of this
// file (crates/cloudplay-wasm/npm/widget/site.js), and nothing else differs.

/** The engine (wasm-bindgen `web` target). A literal path, so that a bundler finds it and
 *  splits it off, to be fetched only when a box or the page first needs it. */
export const importEngine = () => import("../pkg/web/cloudplay.js");

/** The forwarding proxy of `cloudplay serve`: POST {method, url, headers, body}, same origin. */
export const PROXY_URL = new URL("../proxy", import.meta.url).href;

/** The playground page, for the widget's "open in the playground" link (null: no link, unless
 *  the box's `playground` attribute names one). */
export const PLAYGROUND_URL = new URL("../index.html", import.meta.url).href;
