// The page's few fixed settings, each in one place.

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
