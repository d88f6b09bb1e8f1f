// The page's few fixed settings, each in one place.

/** The wasm package (wasm-bindgen `web` target). `cloudplay serve` serves it at /pkg/web/;
 *  on another static host put the built `pkg/` inside `www/` (as `www/pkg/`), or change this line. */
export const PACKAGE_URL = new URL("../pkg/web/cloudplay.js", import.meta.url).href;

/** The forwarding proxy of `cloudplay serve`: POST {method, url, headers, body}, same origin. */
export const PROXY_URL = new URL("../proxy", import.meta.url).href;

/** The playground page, for "open in the playground" links from the widget. */
export const PLAYGROUND_URL = new URL("../index.html", import.meta.url).href;

/** Delay between the last input and the re-sign of the preview (ms). */
export const PREVIEW_DEBOUNCE_MS = 15;

/** The most characters of parameters (as JSON) the page writes into the address and the
 *  permalink: a longer link is slow to write on every change (megabytes took seconds a
 *  keystroke) and too long to share. */
export const LINK_MAX_PARAMS = 8 * 1024;

/** A draft over this many characters of parameters (as JSON) is saved when typing pauses for
 *  DRAFT_IDLE_MS, not on every keystroke: writing megabytes to localStorage each time lags. */
export const DRAFT_IDLE_OVER = 8 * 1024;
export const DRAFT_IDLE_MS = 400;

/** How many calls the history keeps. */
export const HISTORY_LIMIT = 30;

/** The most characters of JSON one history entry keeps: a larger call's parameters are left
 *  out of it, or a few sends of megabytes would fill the browser's storage (drafts included). */
export const HISTORY_ENTRY_MAX = 256 * 1024;


/** Snippet languages, in the order shown. */
export const SNIPPET_LANGUAGES = ["curl", "python", "node", "go", "cli"];
