// The body of a <cloudplay-try> box (see cloudplay-try.js, which defines the element): its
// form, preview, code and answer, and the strings they speak. Loaded with the engine when the
// first box comes near the viewport; `start` gives the element these methods.
import { h, put, debounce, uid } from "../js/dom.js";
import { load, cp, has, errorLine, errorProblem } from "../js/wasm.js";
import { t, setLang, lang, htmlLang, docText, messageOf, say, saying } from "../js/i18n.js";
import { ParamForm, VERBATIM } from "../js/form.js";
import { renderPreview } from "../js/preview.js";
import { canSend, sendRequest, renderResponse, renderSendError, followCall } from "../js/send.js";
import { fragment, sameCallKey } from "../js/share.js";
import { PREVIEW_DEBOUNCE_MS, SNIPPET_LANGUAGES } from "../js/config.js";
import { PLAYGROUND_URL, ENGINE_MISSING } from "../js/site.js";
import { demoCredentials } from "../js/credentials.js";
import { Snippets } from "../js/snippets.js";
import { WAITING, langOf } from "./words.js";

/** Strings come from one module with one current language, shared by every box: each box sets
 *  it to its own before any of its code that writes text runs. */
function useLang(el) {
  setLang(langOf(el), { page: false });
}

let installed = false;

/** Deletes the member at a violation's path (`A.B[0].C`) from `obj`; whether there was one. */
function removeAt(obj, path) {
  const steps = path.match(/[^.[\]]+/g) ?? [];
  const last = steps.pop();
  let at = obj;
  for (const step of steps) {
    at = at?.[/^\d+$/.test(step) ? Number(step) : step];
    if (at === null || typeof at !== "object") return false;
  }
  if (last === undefined || !Object.prototype.hasOwnProperty.call(at, last)) return false;
  delete at[last];
  return true;
}

/** Gives `Element` (the element's class) the body's methods, the first time; then readies
 *  `el` and builds it once the engine has loaded. Resolves when the box shows, or says why not. */
export async function start(el, Element) {
  if (!installed) {
    for (const [name, method] of Object.entries(Object.getOwnPropertyDescriptors(Body.prototype))) {
      if (name !== "constructor") Object.defineProperty(Element.prototype, name, method);
    }
    installed = true;
  }
  el.init();
  try {
    await load();
  } catch (e) {
    el.failed(e);
    return;
  }
  await el.addSpecs();
  el.build();
}

/** The specs each address gave, added to the engine once however many boxes name it. */
const specsAdded = new Map();

/** Fetches the JSON at `url` and adds the specs it holds; resolves to an error's words, or "". */
function addSpecsFrom(url) {
  if (!specsAdded.has(url)) {
    specsAdded.set(url, (async () => {
      let why = "";
      try {
        const res = await fetch(url, { credentials: "same-origin" });
        if (res.ok) {
          const before = new Set(cp().catalog().map((api) => api.id));
          const again = cp().addSpecs(await res.text()).added.filter((id) => before.has(id));
          // One engine serves every box of the page: a second definition of an API replaces
          // the first for all of them.
          if (again.length) return `defines ${again.join(", ")} again, which another specs file of this page had added: every box now uses this file's`;
        } else why = `could not be added: HTTP ${res.status}`;
      } catch (e) {
        const said = errorLine(e) || String(e?.message ?? e);
        // The browsers' words for a fetch that never reached an answer.
        const csp = /Failed to fetch|NetworkError|Load failed/.test(said) ? " (the host did not answer, or the page's Content-Security-Policy does not list it in connect-src)" : "";
        why = `could not be added: ${said}${csp}`;
      }
      // A failure is not kept: the next box, or the attribute set again, tries again.
      if (why) specsAdded.delete(url);
      return why;
    })());
  }
  return specsAdded.get(url);
}

class Body {
  init() {
    this.idBase = uid("cpt");
    this.values = {};
    this.regionValue = "";
    this.spec = null;
    this.violations = [];
    this.update = debounce(() => this.refresh(), PREVIEW_DEBOUNCE_MS);
    // The form's and the preview's own handlers (an array item added, a Copy) write text too.
    for (const type of ["click", "input", "change", "keydown", "focusin"]) this.root.addEventListener(type, () => useLang(this), true);
  }

  /** The engine did not load: readers are told so in a sentence, with the way to the
   *  playground; why (a fetch refused, CORS, a content type) is the author's to read. */
  failed(e) {
    useLang(this);
    // Some page (a 404 page, a dev server's) came back where the .wasm should be: the words of
    // Chromium, Firefox and Safari for it. Why that happens depends on where this copy lives.
    const said = String(e?.message ?? e);
    const moved = /magic (word|number)|\\0asm/.test(said) ? ` (an HTML page came back instead of the .wasm: ${ENGINE_MISSING})` : "";
    // The browsers' words for a fetch that never reached an answer: the host down, or the
    // page's Content-Security-Policy without the engine's host in connect-src.
    const unfetched = /Failed to fetch|NetworkError|Load failed/.test(said)
      ? " (the engine's host did not answer, or the page's Content-Security-Policy does not list it in connect-src: see the README's widget section)"
      : "";
    this.authorError(`the engine did not load: ${errorLine(e) || said}${moved}${unfetched}`);
    const api = this.getAttribute("api") ?? "";
    // As in `build`: a playground does not know the page's own specs.
    const playground = this.getAttribute("specs")?.trim() ? null : this.readPlayground();
    put(this.root, this.styleNode,
      h("div", { class: "box", lang: htmlLang(lang()) },
        h("p", { class: "error", role: "alert", text: WAITING[langOf(this)].failed }),
        playground && playgroundLink({ href: `${playground}#api=${encodeURIComponent(api)}` })));
  }

  /** Adds the APIs of the `specs` attribute's file (specs as `addSpecs` takes them: the
   *  author's own APIs, which are not built in), before the box looks its API up. */
  async addSpecs() {
    // Said by `build`, which starts the author's errors afresh.
    this.specsProblem = null;
    const given = this.getAttribute("specs");
    if (given === null || given.trim() === "") return;
    let url;
    try {
      url = new URL(given.trim(), document.baseURI).href;
    } catch {
      this.specsProblem = `specs="${given}" is not an address`;
      return;
    }
    const why = await addSpecsFrom(url);
    if (why) this.specsProblem = `specs="${given}" ${why}`;
  }

  /** The box's name as a region: "Try it: Action", numbered from the page's second box for
   *  the same API on, so that a screen reader's list of regions tells them apart. */
  landmarkName(spec) {
    const api = this.getAttribute("api")?.trim();
    const nth = [...document.querySelectorAll("cloudplay-try")].filter((b) => b.getAttribute("api")?.trim() === api).indexOf(this) + 1;
    const name = `${t("widget.try")}${t("punct.colon")}${spec.action}`;
    return nth > 1 ? name + t("punct.paren", { text: String(nth) }) : name;
  }

  /** The level of the box's title in the page's outline: `heading`, 2 (the default) to 6. A
   *  box under a section's h2 is one level below it. Read at each drawing; a mistake is said
   *  once while it stands. */
  headingLevel() {
    const given = this.getAttribute("heading");
    if (given === null) return 2;
    if (/^[2-6]$/.test(given.trim())) return Number(given.trim());
    if (!(this.dataset.error ?? "").includes(`heading="${given}"`)) this.authorError(`heading="${given}" is not a level from 2 to 6; the box's title is an h2`);
    return 2;
  }

  /** A theme the stylesheet has no palette for is the author's mistake (the box then follows
   *  its color-scheme). */
  checkTheme() {
    const theme = this.getAttribute("theme");
    if (theme !== null && theme !== "light" && theme !== "dark") this.authorError(`theme="${theme}" is not "light" or "dark"; the box follows the reader's colour scheme`);
  }

  /** A box's own `lang` that it cannot speak is the author's mistake (it then speaks English);
   *  a page in another language is not: its boxes speak English without a word. */
  checkLang() {
    const given = this.getAttribute("lang");
    if (given !== null && given.trim() !== "" && !/^(en|zh)(-|$)/i.test(given.trim())) {
      this.authorError(`lang="${given}" is not a language the box speaks ("en" or "zh"); it speaks English`);
    }
  }

  /** The playground the "open in the playground" link goes to: the `playground` attribute's,
   *  else the one beside this copy of the widget; null (no link) where there is neither, as in
   *  the npm package. Only an http(s) address is followed; another is the author's mistake. */
  readPlayground() {
    const given = this.getAttribute("playground");
    if (given === null) return PLAYGROUND_URL;
    // An empty address would be the docs page itself.
    if (given.trim()) {
      try {
        const url = new URL(given, document.baseURI);
        if (url.protocol === "http:" || url.protocol === "https:") return url.href.replace(/#.*$/, "");
      } catch {
        /* said below */
      }
    }
    this.authorError(`playground="${given}" is not an http(s) address; the box shows no link to a playground`);
    return null;
  }

  /** Loads the box from its attributes: the API, its example and the presets over it. */
  build() {
    // Its errors are said in its own language, whichever box spoke last.
    useLang(this);
    this.built = true;
    delete this.dataset.error;
    delete this.dataset.ready;
    if (this.specsProblem) this.authorError(this.specsProblem);
    // A playground knows the built-in APIs and its reader's imports, not this page's files.
    this.playgroundUrl = this.getAttribute("specs")?.trim() ? null : this.readPlayground();
    this.checkTheme();
    this.checkLang();
    const id = this.getAttribute("api")?.trim();
    try {
      if (!id) throw new Error('the api attribute is missing (it names the API, as api="hai/2023-08-12/RunInstances")');
      this.spec = cp().describe(id);
    } catch (e) {
      this.spec = null;
      this.authorError(id ? `unknown API: ${errorLine(e)}` : e.message);
      return this.render();
    }
    const ex = this.exampleOf(this.spec);
    this.checkExample(ex);
    this.values = this.presetParams(ex?.params);
    this.regionValue = this.getAttribute("region") ?? ex?.region ?? "";
    this.requiredOnly = false;
    this.render();
    this.dispatchEvent(new CustomEvent("cloudplay:ready", { bubbles: true, composed: true }));
    this.dataset.ready = "true";
  }

  /** Draws the box in its language from the call as it stands (the params the form edits in
   *  place, the region, the required-only filter); an answer already shown is not kept. */
  render() {
    useLang(this);
    this.shownLang = lang();
    const spec = this.spec;
    if (!spec) {
      put(this.root, this.styleNode,
        h("div", { class: "box", lang: htmlLang(lang()) }, h("p", { class: "error", role: "alert", text: t("widget.broken") })));
      return;
    }
    this.said = undefined;
    this.sentKey = undefined;
    const p = this.idBase;

    this.formBox = h("div", { class: "form" });
    this.form = new ParamForm(this.formBox, { idPrefix: `${p}-f`, onChange: () => this.update(), onShowAll: () => (requiredOnly.checked = this.requiredOnly = false) });
    this.summary = h("div", { class: "summary", "aria-live": "polite" });
    this.previewBox = h("div", { class: "preview" });
    // Not live: the summary line says the outcome; the answer itself would be read whole.
    this.response = h("div", { class: "response" });
    this.status = h("p", { class: "status", role: "status" });
    // Region is a field like the form's: its rule said under it, and `*` when the API needs one.
    const regionRequired = spec.region === "required";
    this.regionErr = h("p", { class: "field-error", id: `${p}-region-err`, hidden: true });
    const regionInput = h("input", { id: `${p}-region`, type: "text", autocomplete: "off", ...VERBATIM, value: this.regionValue, dataset: { path: "Region" },
      "aria-describedby": this.regionErr.id, "aria-required": regionRequired ? "true" : undefined });
    regionInput.addEventListener("input", () => {
      this.regionValue = regionInput.value.trim();
      this.update();
    });
    this.regionInput = regionInput;
    this.sendButton = h("button", { type: "button", class: "primary", text: t("send.button"), on: { click: () => this.send() } });
    // The form's onShowAll (above) unticks it; it runs only on a later focus, after this line.
    const requiredOnly = h("input", { id: `${p}-req`, type: "checkbox", checked: this.requiredOnly,
      on: { change: () => this.form.setRequiredOnly((this.requiredOnly = requiredOnly.checked)) } });
    const codePicker = this.codePicker = h("select", { id: `${p}-code` });
    this.codeOut = h("div", { class: "code-out" });
    this.snippets = null;
    this.code = h("details", { class: "code", on: { toggle: () => this.showCode() } },
      h("summary", { text: t("snippet.heading") }),
      h("p", { class: "muted", text: t("widget.codeNote") }),
      h("div", { class: "row" }, h("label", { for: codePicker.id, text: t("snippet.language") }), codePicker),
      this.codeOut);
    // The title at the level the page asks for; the box's own headings one below it.
    const titleLevel = this.headingLevel();
    this.innerLevel = Math.min(titleLevel + 1, 6);
    this.openLink = this.playgroundUrl && playgroundLink({ class: "open" });

    put(this.root,
      this.styleNode,
      h("section", { class: "box", lang: htmlLang(lang()), "aria-label": this.landmarkName(spec) },
        h("header", {},
          h(`h${titleLevel}`, { class: "title" }, h("span", { class: "try", text: t("widget.try") }), " ", h("span", { class: "mono", text: spec.action }), " — ", docText(spec.title),
            spec.deprecated ? h("span", { class: "deprecated", title: t("api.deprecated"), text: t("punct.paren", { text: t("rule.deprecated") }) }) : null),
          this.openLink),
        this.regionField = h("div", { class: "field" },
          h("label", { for: regionInput.id }, h("span", { class: "name", text: t("settings.region") }), " ",
            regionRequired ? h("span", { class: "req", "aria-hidden": "true", title: t("form.required"), text: "*" }) : null),
          regionInput, this.regionErr),
        h("div", { class: "row" }, requiredOnly, h("label", { for: requiredOnly.id, text: t("params.requiredOnly") })),
        this.formBox,
        this.summary,
        h("details", { class: "creds" },
          h("summary", { text: t("widget.credentials") }),
          // The way to one's own key is the playground: said only where there is one to open.
          h("p", { class: "muted", text: [t("widget.demoKey", { id: this.credentials()?.secret_id ?? "—" }), this.playgroundUrl && t("widget.demoKeyOpen")].filter(Boolean).join(lang() === "zh" ? "" : " ") })),
        h("details", { class: "sig" }, h("summary", { text: t("widget.preview") }), this.previewBox),
        this.code,
        h("div", { class: "actions" }, this.sendButton, this.status),
        this.response));
    this.form.render(spec, this.values);
    if (this.requiredOnly) this.form.setRequiredOnly(true);
    if (!canSend("simulator")) this.say(() => t("send.unavailable", { via: t("via.simulator") }), "unavailable");
    this.refresh();
  }

  /** The example the `example` attribute picks (default the first); one that is not there is
   *  the author's mistake (see `authorError`), and the first is shown. */
  exampleOf(spec) {
    const examples = spec.examples ?? [];
    const asked = this.getAttribute("example");
    if (asked === null) return examples[0];
    const i = Number(asked);
    if (Number.isInteger(i) && i >= 0 && i < examples.length) return examples[i];
    this.authorError(`example="${asked}" is not one of its ${examples.length} example(s) (0 to ${examples.length - 1}); showing ${examples.length ? "the first" : "an empty form"}`);
    return examples[0];
  }

  /** An example that breaks its API's own spec (a spec of the author's, or a vendor's example
   *  kept by an import) is shown as it is, its problems and all: the author hears which. */
  checkExample(ex) {
    if (!ex) return;
    const api = `${this.spec.product}/${this.spec.version}/${this.spec.action}`;
    let violations = [];
    try {
      violations = cp().validate({ api, params: ex.params ?? {}, region: ex.region ?? undefined });
    } catch {
      return;
    }
    if (!violations.length) return;
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : "";
    const which = this.spec.examples.indexOf(ex);
    this.authorError(`example ${which} breaks the API's own spec: ${violations[0].path}: ${violations[0].message}${more}; the box shows it as it is`);
  }

  /** The example's parameters with the `params` attribute's JSON object over them (its keys
   *  replace the example's); JSON that is not an object is the author's to fix, and the
   *  reader gets the example. */
  presetParams(exampleParams) {
    const params = structuredClone(exampleParams ?? {});
    const text = this.getAttribute("params");
    if (text === null) return params;
    let over;
    try {
      over = JSON.parse(text);
      if (over === null || typeof over !== "object" || Array.isArray(over)) throw new Error("it is not a JSON object");
    } catch (e) {
      this.authorError(`params="${text}" was left out: ${e.message}`);
      return params;
    }
    const given = structuredClone(params);
    Object.assign(params, over);
    // A name the API does not have would block Send with no control to remove it: left out,
    // and said to the author (a reader cannot fix the page). Only the attribute's: the
    // example's own names are the spec's business.
    const api = `${this.spec.product}/${this.spec.version}/${this.spec.action}`;
    let violations;
    try {
      violations = cp().validate({ api, params });
    } catch (e) {
      // validate answers a value JSON cannot carry (a lone surrogate) with a violation, not a
      // throw; should it throw all the same, the box still shows, without the attribute.
      this.authorError(`params="${text}" was left out: ${errorLine(e)}`);
      return given;
    }
    for (const v of violations) {
      if (v.code !== "UnknownParameter" || !(v.path.split(/[.[]/)[0] in over) || !removeAt(params, v.path)) continue;
      this.authorError(`params: ${v.path} was left out: ${v.message}`);
    }
    return params;
  }

  call() {
    const c = { api: this.spec ? `${this.spec.product}/${this.spec.version}/${this.spec.action}` : "", params: this.values };
    if (this.regionValue) c.region = this.regionValue;
    return c;
  }

  /** The simulator's demo key: the only key the in-page simulator knows (asked of the module
   * once, not on every keystroke). */
  credentials() {
    this.demo ??= demoCredentials();
    return this.demo;
  }

  refresh() {
    if (!this.spec) return;
    useLang(this);
    const c = this.call();
    try {
      this.violations = cp().validate(c);
    } catch (e) {
      this.violations = [errorProblem(e, "")];
    }
    this.form.showViolations(this.violations, messageOf);
    const regionV = this.violations.find((v) => v.path === "Region");
    this.regionErr.hidden = !regionV;
    this.regionErr.textContent = regionV ? messageOf(regionV) : "";
    // aria-invalid="" reads as valid: the attribute needs "true", or to be gone.
    if (regionV) this.regionInput.setAttribute("aria-invalid", "true");
    else this.regionInput.removeAttribute("aria-invalid");
    this.regionField.classList.toggle("invalid", Boolean(regionV));
    // A live region: rebuilt only when what it says changes, or each keystroke re-announces it.
    const said = JSON.stringify(this.violations.map((v) => [v.path, messageOf(v)]));
    if (said !== this.said) {
      this.said = said;
      put(this.summary, this.violations.length
        ? h("ul", { class: "violations" }, ...this.violations.map((v) => h("li", { dataset: { path: v.path } },
          h("button", { type: "button", class: "link", on: { click: () => this.focusPath(v.path) } },
            h("span", { class: "mono", text: v.path || t("violations.whole") })),
          ` ${messageOf(v)}`)))
        : h("p", { class: "ok", text: t("violations.none") }));
    }
    const ts = Math.floor(Date.now() / 1000);
    const real = this.credentials();
    try {
      const prepared = cp().prepare(c, real ?? { secret_id: t("preview.placeholderId"), secret_key: "placeholder-secret-key" }, { timestamp: ts, allow_invalid: true });
      renderPreview(this.previewBox, prepared, { timestamp: ts, placeholder: !real, level: this.innerLevel });
    } catch (e) {
      put(this.previewBox, h("p", { class: "error", text: errorLine(e) }));
    }
    this.showCode();
    if (this.openLink) this.openLink.href = `${this.playgroundUrl}${fragment(c)}`;
    this.refreshStale(c);
  }

  /** Sets the status line to what `render` says (see `say`); `state` tells what it is (ok,
   *  error, blocked, stale…). */
  say(render, state = "") {
    say(this.status, render, state);
  }

  /** The call as code, made when the reader first opens it and kept up to date while open. It
   *  offers only the languages whose code reads the reader's own keys from the environment:
   *  the others (curl; Node, Go and the CLI for API 2.0) are built around a signed request,
   *  here one signed with the simulator's demo key, which the vendor refuses. */
  showCode() {
    if (!this.code.open) return;
    const c = this.call();
    if (!this.snippets) {
      const languages = has("snippet") ? SNIPPET_LANGUAGES.filter((l) => {
        try {
          return Boolean(cp().snippet(c, l));
        } catch (e) {
          return e?.path !== "signed";
        }
      }) : SNIPPET_LANGUAGES;
      this.snippets = new Snippets({ picker: this.codePicker, output: this.codeOut, languages, level: this.innerLevel });
    }
    this.snippets.update(c);
  }

  /** An answer shown for an earlier version of the call says so, as on the page. */
  refreshStale(c) {
    const sent = this.sentKey !== undefined;
    // Nothing sent, nothing to compare: the key is a sorted copy of the whole call.
    followCall(this.status, this.response, { sent, changed: sent && sameCallKey(c) !== this.sentKey, sentStatus: this.sentStatus, clear: !this.violations.length });
  }

  /** Takes the user to the field of `path` (a problem's): Region is outside the form. */
  focusPath(path) {
    if (path === "Region") return this.regionInput.focus();
    if (!this.form.focusPath(path)) this.formBox.querySelector("input,select,textarea,button")?.focus();
  }

  async send() {
    // Busy, the button keeps focus (a disabled one drops it): aria-disabled, and this guard.
    if (this.sendButton.getAttribute("aria-disabled") === "true") return;
    this.update.flush();
    if (this.violations.length) {
      const n = this.violations.length;
      this.say(() => t("send.blocked", { n }), "blocked");
      this.focusPath(this.violations[0].path);
      return;
    }
    const creds = this.credentials();
    if (!creds || !canSend("simulator")) {
      this.say(() => t("send.unavailable", { via: t("via.simulator") }), "unavailable");
      return;
    }
    const ts = Math.floor(Date.now() / 1000);
    let prepared;
    try {
      prepared = cp().prepare(this.call(), creds, { timestamp: ts });
    } catch (e) {
      this.say(() => errorLine(e), "error");
      return;
    }
    renderPreview(this.previewBox, prepared, { timestamp: ts, placeholder: false, level: this.innerLevel });
    this.sendButton.setAttribute("aria-disabled", "true");
    this.sentKey = sameCallKey(this.call());
    this.response.classList.remove("stale");
    this.say(() => t("send.sending", { via: t("via.simulator") }), "sending");
    try {
      const resp = await sendRequest(prepared.request, "simulator");
      useLang(this);
      const read = renderResponse(this.response, resp, { spec: this.spec, prepared, credentials: creds, timestamp: ts, level: this.innerLevel, inBox: true });
      this.say(() => (read.ok ? t("send.done", { status: resp.status }) : t("send.doneError", { code: read.code })), read.ok ? "ok" : "error");
    } catch (e) {
      useLang(this);
      renderSendError(this.response, e);
      this.say(() => t("send.failed", { code: e?.code ?? "Error" }), "error");
    } finally {
      this.sentStatus = { render: saying(this.status), state: this.status.dataset.state };
      this.sendButton.removeAttribute("aria-disabled");
    }
  }
}

/** The link to the playground: a new tab, which it says to those who cannot see it open. */
function playgroundLink(attributes) {
  return h("a", { ...attributes, target: "_blank", rel: "noopener" }, t("widget.open"), h("span", { class: "visually-hidden", text: t("widget.newTab") }));
}
