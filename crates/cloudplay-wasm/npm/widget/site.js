// Where the npm package's widget finds what lives beside it (the playground's own version is
// www/js/site.js): the engine is the package's `web` target; there is no playground page or
// proxy in the package, so the "open in the playground" link shows only where a box's
// `playground` attribute names a playground.

/** The engine, as a literal path: a bundler finds it and splits it off (fetched only when a
 *  box comes near the viewport); served as files from a CDN, it is found beside the widget. */
export const importEngine = () => import("../../web/cloudplay.js");

/** Why a page may come back where the engine's .wasm should be, said to a widget's author. */
export const ENGINE_MISSING = 'a dev server pre-bundled the package: with Vite or VitePress, set optimizeDeps.exclude: ["cloudplay"]';

/** The widget sends only to the in-page simulator. */
export const PROXY_URL = null;

export const PLAYGROUND_URL = null;
