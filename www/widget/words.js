// What a box says before its body has loaded, and when it cannot load: the rest of its
// strings (www/js/i18n.js) come with the body, which a page without a box never fetches.
export const WAITING = {
  en: {
    loading: "Loading…",
    slow: "Still loading the engine (about 300 KB)…",
    failed: "This “try it” box could not load its engine.",
    open: "Open in the playground",
  },
  zh: {
    loading: "加载中…",
    slow: "仍在加载引擎（约 300 KB）…",
    failed: "此“试一试”框无法加载其引擎。",
    open: "在调试台中打开",
  },
};

/** A box's language: its own `lang`, else the nearest ancestor's (the page's). */
export function langOf(el) {
  return (el.closest("[lang]")?.getAttribute("lang") ?? "").toLowerCase().startsWith("zh") ? "zh" : "en";
}
