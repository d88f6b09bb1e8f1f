// The playground page: wires the modules together around one state — the chosen API, its
// parameters and options — and re-validates and re-signs on every change.
import { h, put, debounce, copyText } from "./dom.js";
import { load, cp, has, errorLine, errorProblem } from "./wasm.js";
import { t, lang, setLang, applyI18n, docText, messageOf, say, saying, sayAgain, sentences } from "./i18n.js";
import { drafts, prefs, imports, namesSecret, withoutSecrets, scrub } from "./store.js";
import { ApiSearch } from "./search.js";
import { ParamForm } from "./form.js";
import { JsonEditor } from "./json-editor.js";
import { CredentialsPanel } from "./credentials.js";
import { renderPreview, rawHttp } from "./preview.js";
import { canSend, sendRequest, renderResponse, renderSendError, readResponse, VIAS, followCall } from "./send.js";
import { Snippets } from "./snippets.js";
import { fragment, apiFragment, permalink, parseFragment, chosenSettings, answersInLanguage, sameCallKey } from "./share.js";
import { History as CallHistory } from "./history.js";
import { VerifyPanel } from "./verify.js";
import { bundleOf, mergedBundle } from "./alibaba-import.js";
import { PREVIEW_DEBOUNCE_MS, LINK_MAX_PARAMS, DRAFT_IDLE_OVER, DRAFT_IDLE_MS } from "./config.js";

const $ = (id) => document.getElementById(id);

const state = {
  apiId: null,
  spec: null,
  params: {},
  region: "",
  options: { algorithm: "", method: "", contentType: "", language: "", tsMode: "now", fixedTs: "", fixedNonce: "", requiredOnly: false },
  violations: [],
  prepared: null,
  preparedAt: 0,
  placeholder: false,
  lastResponse: null,
  lastInputAt: 0,
  // The draft of the API on show as this tab last read or wrote it ({apiId, text}), or null.
  draftSeen: null,
  // Another tab has saved this API's draft since (see `takeOtherTabsDraft`).
  draftElsewhere: false,
  // A link to an API this page does not have (yet): opened once an import adds it.
  pendingLink: null,
  // The address the visit opened with, while it is such a link: left as it is, so that a
  // reload or a bookmark still has the link's call.
  keptAddress: null,
  // What loading an example or a history entry replaced, while its Undo is offered.
  undo: null,
};

let search, form, json, creds, snippets, callHistory, verify;

// ---- the call --------------------------------------------------------------------------------

function call() {
  const c = { api: state.apiId, params: state.params };
  if (state.region) c.region = state.region;
  return c;
}

/** The call as a link or a history entry holds it: with the signing settings that differ from
 * the API's defaults, so that it signs the same request when opened again. */
function shared() {
  return { ...call(), settings: chosenSettings(state.spec, state.options) };
}

/** The call as it may leave the page (a link, the history): see `withoutSecrets`. */
function safeShared() {
  return withoutSecrets(shared(), creds.secrets());
}

/** What is wrong with the fixed timestamp as typed, or null. Digits only: Number() would take
 * "" as 0 (1970), and "1e9" or "0x10" as numbers nobody typed. Its range is the core's rule,
 * said when it signs (see `showTimestampProblem`). */
function timestampProblem() {
  if (state.options.tsMode !== "fixed") return null;
  if (state.options.fixedTs === "") return t("ts.empty");
  return /^\d+$/.test(state.options.fixedTs) && Number.isSafeInteger(Number(state.options.fixedTs)) ? null : t("preview.badTimestamp");
}

function timestamp() {
  if (timestampProblem()) return null;
  return state.options.tsMode === "fixed" ? Number(state.options.fixedTs) : Math.floor(Date.now() / 1000);
}

/** Marks the timestamp field with its problem (none: clears it), as the form marks a parameter. */
function showTimestampProblem(message) {
  const input = $("ts-value");
  if (message) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
  $("ts-err").hidden = !message;
  $("ts-err").textContent = message ?? "";
}

/** A refusal of the timestamp by the core, as a rule at the field; null for any other error. */
function timestampRefusal(e) {
  return e?.path === "options.timestamp" ? errorLine(e, { field: false }) : null;
}

/** A 16-digit integer nonce, which every algorithm with a nonce takes (API 2.0's must be one). */
function freshNonce() {
  const [hi, lo] = crypto.getRandomValues(new Uint32Array(2));
  return ((hi & 0x1fffff) * 2 ** 32 + lo) % 8e15 + 1e15;
}

let previewNonce = { key: null, value: 0 };

/** The nonce the preview signs the call at `ts` with: the same while the call and its time
 *  stay (a preview re-signed in the page's other language, say), so that a learner can compare
 *  step by step; a new one for another call, whose copied request or curl snippet would else
 *  be refused as a replay of the first. */
function previewNonceFor(ts) {
  const key = `${ts} ${sameCallKey(shared())}`;
  if (previewNonce.key !== key) previewNonce = { key, value: freshNonce() };
  return previewNonce.value;
}

/** `send`: for a request that goes out, whose nonce is fresh unless the user fixed one. */
function prepareOptions(ts, { allowInvalid, send = false }) {
  const o = { timestamp: ts, allow_invalid: allowInvalid };
  // With a fixed time the nonce may be fixed too (a reused one is refused, as the vendor does).
  const fixed = state.options.tsMode === "fixed" ? state.options.fixedNonce : "";
  if (fixed) o.nonce = fixed;
  else if (!send) o.nonce = previewNonceFor(ts);
  if (state.options.algorithm) o.algorithm = state.options.algorithm;
  if (state.options.method) o.method = state.options.method;
  if (state.options.contentType && o.method === "POST") o.content_type = state.options.contentType;
  if (state.options.language && answersInLanguage(state.spec)) o.language = state.options.language;
  return o;
}

/** Saves the call as its API's draft: at once when small; when large, once typing pauses (or
 *  the page goes, see `wire`), since rewriting megabytes on every keystroke made typing lag.
 *  `now`: at once whatever the size (the API is about to change). `paramsLength`: the length
 *  of the parameters as JSON, when the caller has measured it (measuring megabytes is slow). */
function saveDraft({ now = false, paramsLength } = {}) {
  if (!state.apiId) return;
  // A call opened from someone's link is not saved over the draft until it is edited.
  if (state.fromLink && state.fromLink === snapshot()) return;
  state.fromLink = null;
  const draft = currentDraft();
  // One pending draft at a time, and only this API's: another's is written before it is replaced.
  if (pendingDraft && pendingDraft.apiId !== state.apiId) writeDraft.flush();
  pendingDraft = { apiId: state.apiId, draft, secrets: creds.secrets() };
  if (!now && (paramsLength ?? JSON.stringify(state.params).length) + (draft.options.jsonText?.length ?? 0) > DRAFT_IDLE_OVER) writeDraft();
  else writeDraft.flush();
}

/** The call on show as its API's draft keeps it: with the JSON being typed, unless it names a
 *  credential (no parse can take that out). */
function currentDraft() {
  const typed = json.valid ? undefined : $("json").value;
  const keptText = typed && !namesSecret(typed) ? typed : undefined;
  return {
    params: state.params,
    region: state.region,
    // `formChanged`: the text and the form differ on a reload too, and the page says so again.
    options: { ...state.options, jsonText: keptText, formChanged: keptText && json.formChanged ? true : undefined },
  };
}

let pendingDraft = null;
const writeDraft = debounce(() => {
  if (!pendingDraft) return;
  const { apiId, draft, secrets } = pendingDraft;
  pendingDraft = null;
  const text = drafts.text(draft, secrets);
  // Unchanged since this tab last read or wrote it: not written, since another tab may have
  // saved newer work there since, which this copy would undo (a tab left open, then closed).
  if (state.draftSeen?.apiId === apiId && state.draftSeen.text === text) return showDraftSaved(true);
  const saved = drafts.save(apiId, text);
  state.draftSeen = saved ? { apiId, text } : null;
  showDraftSaved(saved);
}, DRAFT_IDLE_MS);

/** Another tab saved the draft of the API on show: taken here when the user comes back to this
 *  tab, if it has no edits of its own not yet saved (they are never written over). Not at once:
 *  the call would change under the eyes of someone reading it in a window beside the other. */
function takeOtherTabsDraft() {
  if (!state.draftElsewhere) return;
  state.draftElsewhere = false;
  const seen = state.draftSeen;
  // JSON being typed that does not parse is unfinished work too, kept or not in the draft.
  if (pendingDraft || state.fromLink || !json.valid || seen?.apiId !== state.apiId) return;
  if (drafts.text(currentDraft(), creds.secrets()) !== seen.text) return;
  selectApi(state.apiId);
  notice(t("draft.fromOtherTab"));
}

/** Said once when the draft stops being saved (every keystroke tries again, and would
 *  re-announce it), and gone once it is saved again. */
function showDraftSaved(saved) {
  const box = $("draft-status");
  if (box.hidden === saved) return;
  box.hidden = saved;
  say(box, saved ? null : () => t("draft.notSaved"));
}

/** Says, once when it starts, that JSON being typed is not kept in the draft (see
 *  `currentDraft`): otherwise only a reload would tell. */
function showTextNotKept() {
  const notKept = !json.valid && namesSecret($("json").value);
  const box = $("json-not-kept");
  if (box.hidden === !notKept) return;
  box.hidden = !notKept;
  say(box, notKept ? () => t("json.notKept") : null);
}

/** The call and settings as they stand, to tell whether anything changed. */
function snapshot() {
  return JSON.stringify([state.apiId, state.params, state.region, state.options, json.valid ? "" : $("json").value]);
}

// ---- rendering ------------------------------------------------------------------------------

function renderViolations() {
  const list = $("violation-list");
  const vs = state.violations;
  form.showViolations(vs, messageOf);
  renderRegionProblem(vs.find((v) => v.path === "Region"));
  // The section is a live region: rebuilt only when what it says changes, or each keystroke
  // re-announces it (as the widget does).
  // Text in the JSON box that does not parse changed no parameter: what is checked here is the
  // last call that parsed, so "no problems" would be said of a call the user no longer sees.
  const unparsed = !json.valid;
  const said = JSON.stringify([lang(), unparsed, vs.map((v) => [v.path, v.code, messageOf(v)])]);
  if (said === state.violationsSaid) return;
  state.violationsSaid = said;
  $("violation-count").textContent = sentences([
    unparsed ? t("violations.jsonUnparsed") : "",
    vs.length ? t("violations.count", { n: vs.length }) : unparsed ? "" : t("violations.none"),
  ]);
  $("violations").dataset.state = vs.length || unparsed ? "invalid" : "valid";
  put(list, ...vs.map((v) => h("li", { dataset: { path: v.path, code: v.code } },
    h("button", { type: "button", class: "link", on: { click: () => focusPath(v.path) } },
      h("span", { class: "mono", text: v.path || t("violations.whole") })),
    ` ${messageOf(v)} `, h("span", { class: "code", text: v.code }))));
}

function renderRegionProblem(regionV) {
  $("region-err").hidden = !regionV;
  $("region-err").textContent = regionV ? messageOf(regionV) : "";
  // aria-invalid="" reads as valid: the attribute needs "true", or to be gone.
  if (regionV) $("region").setAttribute("aria-invalid", "true");
  else $("region").removeAttribute("aria-invalid");
  $("region-field").classList.toggle("invalid", Boolean(regionV));
}

function focusPath(path) {
  if (path === "Region") return $("region").focus();
  if (!form.focusPath(path)) $("params-heading").focus();
}

function renderApiInfo() {
  const s = state.spec;
  $("api-title").textContent = `${s.action} — ${docText(s.title)}`;
  const product = docText(s.product_name ?? {});
  $("api-id").textContent = `${s.product}/${s.version}/${s.action}${product ? ` · ${product}` : ""}`;
  $("api-desc").textContent = docText(s.description);
  put($("api-facts"),
    h("dt", { text: t("api.style") }), h("dd", { text: t(`style.${s.style}`) }),
    h("dt", { text: t("api.endpoint") }), h("dd", { class: "mono", text: `${s.endpoints.default}${s.endpoints.path}` }),
    h("dt", { text: t("api.region") }), h("dd", { text: s.region === "required" ? t("api.regionRequired") : t("api.regionOptional") }),
    ...(s.deprecated ? [h("dt", { text: t("api.status") }), h("dd", { class: "deprecated", text: t("api.deprecated") })] : []));
  put($("examples"), ...(s.examples ?? []).map((ex, i) =>
    h("button", { type: "button", class: "example", dataset: { example: i }, on: { click: () => loadExample(i) } },
      t("example.load", { title: docText(ex.title) || `#${i + 1}` }))));
  if (!s.examples?.length) $("examples").append(h("p", { class: "muted", text: t("example.none") }));
  put($("api-errors"), ...(s.errors ?? []).flatMap((e) => [h("dt", { class: "mono", text: e.code }), h("dd", { text: docText(e.doc) })]));
  $("api-errors-box").hidden = !s.errors?.length;
}

function fillSelect(select, values, current, label = (v) => v) {
  put(select, ...values.map((v) => h("option", { value: v, text: label(v) })));
  select.value = values.includes(current) ? current : values[0] ?? "";
  select.disabled = values.length <= 1;
}

/** Offers only the content types the chosen algorithm can sign (the API 2.0 signatures,
 * TC-HmacSHA1/256, sign form fields, never a JSON body), as the core answers, not by a copy
 * of its rules. A choice that became impossible goes back to the API's default rather than
 * fail to sign. A GET sends no body: the choice shows the default, and comes back with POST. */
function contentTypeRules() {
  const o = state.options;
  const select = $("content-type");
  const post = o.method === "POST";
  if (post) {
    for (const option of select.options) option.disabled = option.value !== "" && !signable(option.value);
    if (o.contentType && !signable(o.contentType)) o.contentType = "";
  }
  select.value = post ? o.contentType : "";
  select.disabled = (state.spec.content_types?.length ?? 0) === 0 || !post;
}

const PLACEHOLDER_KEY = "placeholder-secret-key";

/** Whether the core signs this call as a POST of `contentType` with the chosen algorithm. */
function signable(contentType) {
  const options = { timestamp: 1700000000, allow_invalid: true, method: "POST", content_type: contentType };
  if (state.options.algorithm) options.algorithm = state.options.algorithm;
  try {
    cp().prepare(call(), { secret_id: "AKIDplaceholder", secret_key: PLACEHOLDER_KEY }, options);
    return true;
  } catch (e) {
    // Only a refusal of the content type counts; any other problem the preview reports.
    return !String(e.path ?? "").endsWith("content_type");
  }
}

function renderSettings() {
  const s = state.spec;
  const o = state.options;
  fillSelect($("algorithm"), s.algorithms, o.algorithm);
  o.algorithm = $("algorithm").value;
  fillSelect($("method"), s.methods, o.method);
  o.method = $("method").value;
  // "" lets the core choose (the API's own default); a choice is sent as content_type.
  const cts = s.content_types ?? [];
  fillSelect($("content-type"), ["", ...cts], o.contentType, (v) => v || t("settings.ctDefault"));
  o.contentType = $("content-type").value;
  contentTypeRules();
  // Tencent answers in the language asked for (X-TC-Language, or the Language parameter); it
  // is signed like any header, so it is a setting of the call, not of the page.
  const langs = answersInLanguage(s) ? ["", "zh-CN", "en-US"] : [""];
  fillSelect($("answer-lang"), langs, o.language, (v) => v || t(langs.length > 1 ? "settings.langDefault" : "settings.langNone"));
  o.language = $("answer-lang").value;
  $("region").value = state.region;
  $("region").setAttribute("aria-required", s.region === "required" ? "true" : "false");
  $("region-req").hidden = s.region !== "required";
  const regions = new Set(Object.keys(s.endpoints.regions ?? {}));
  for (const ex of s.examples ?? []) if (ex.region) regions.add(ex.region);
  put($("region-list"), ...[...regions].sort().map((r) => h("option", { value: r })));
  $(o.tsMode === "fixed" ? "ts-fixed" : "ts-now").checked = true;
  fixedTimeControls();
  $("ts-value").value = o.fixedTs;
  $("nonce-value").value = o.fixedNonce ?? "";
  $("required-only").checked = Boolean(o.requiredOnly);
  form.setRequiredOnly(o.requiredOnly);
}

/** The fixed time's box and its "Use current time" are both for Fixed mode: in Now mode the
 *  button would write into a box that is not used (and disabled). */
function fixedTimeControls() {
  const fixed = state.options.tsMode === "fixed";
  $("ts-value").disabled = !fixed;
  $("ts-set-now").disabled = !fixed;
  $("nonce-value").disabled = !fixed;
}

function renderPermalink(paramsLength = JSON.stringify(state.params).length) {
  const safe = safeShared();
  // Too long for a link: the address names the API alone, which a reload opens as the draft.
  // Measured before secrets are taken out: a few characters either way at the limit.
  const tooLong = paramsLength > LINK_MAX_PARAMS;
  $("permalink").value = tooLong ? "" : permalink(safe);
  const hash = tooLong ? apiFragment(safe.api) : fragment(safe);
  if (location.hash !== hash && location.hash !== state.keptAddress) window.history.replaceState(null, "", hash);
  const long = $("link-too-long");
  long.hidden = !tooLong;
  if (tooLong && long.textContent !== t("share.tooLong")) long.textContent = t("share.tooLong");
  // Said once, when it starts: the same text again would be announced again.
  const whole = JSON.stringify(shared());
  const leftOut = JSON.stringify(safe) !== whole;
  // Told apart: a member named like a credential is left out, a held secret in any text is
  // replaced (a short key matches ordinary words too, which would then change unexplained).
  const replaced = leftOut && creds.secrets().some((s) => whole.includes(JSON.stringify(s).slice(1, -1)));
  const named = leftOut && (namesSecret(whole) || !replaced);
  const text = sentences([named ? t("share.secretLeftOut") : "", replaced ? t("share.secretReplaced") : ""]);
  const box = $("secret-left-out");
  box.hidden = !leftOut;
  if (box.textContent !== text) box.textContent = text;
}

/** Validate, sign and show: runs (debounced) after every change. */
function update() {
  if (!state.spec) return;
  if (state.undo && snapshot() !== state.undo.after) dropUndo();
  const started = performance.now();
  const c = call();
  try {
    state.violations = cp().validate(c);
  } catch (e) {
    state.violations = [errorProblem(e)];
  }
  renderViolations();
  refreshSendStatus();
  const ts = timestamp();
  const preview = $("preview");
  showTimestampProblem(timestampProblem());
  if (ts === null) {
    // Nothing signed for this call: no earlier call's request may stand in for it.
    state.prepared = null;
    put(preview, h("p", { class: "notice warn", text: timestampProblem() }));
  } else {
    const real = creds.get();
    state.placeholder = !real;
    const credentials = real ?? { secret_id: t("preview.placeholderId"), secret_key: PLACEHOLDER_KEY };
    try {
      state.prepared = cp().prepare(c, credentials, prepareOptions(ts, { allowInvalid: true }));
      state.preparedAt = ts;
      renderPreview(preview, state.prepared, { timestamp: ts, placeholder: state.placeholder, token: real?.token });
    } catch (e) {
      state.prepared = null;
      put(preview, h("p", { class: "notice warn", dataset: { error: e.code ?? "" }, text: errorLine(e) }));
      showTimestampProblem(timestampRefusal(e));
    }
  }
  snippets.update(c, state.prepared?.request);
  // Measured once: both ask how large the call is, and stringifying megabytes is slow.
  const paramsLength = JSON.stringify(state.params).length;
  saveDraft({ paramsLength });
  showTextNotKept();
  renderPermalink(paramsLength);
  const renderedAt = performance.now();
  document.dispatchEvent(new CustomEvent("cloudplay:preview", { detail: { inputAt: state.lastInputAt, startedAt: started, renderedAt } }));
}
const scheduleUpdate = debounce(update, PREVIEW_DEBOUNCE_MS);

// ---- choosing an API, examples, drafts ----------------------------------------------------------

/** Opens an API: with `override` (a link's or a history entry's call), else its draft, else
 * its first example; `linkSettings` (a link without a call) go on top of the draft's or the
 * example's settings. */
function selectApi(id, override, linkSettings) {
  let spec;
  try {
    spec = cp().describe(id);
  } catch (e) {
    $("load-status").hidden = false;
    // The core's advice names the package's functions: without a near name to suggest, the
    // page says what it can do itself (its own importers).
    const importable = e?.code === "UnknownApi" && !/did you mean/.test(e.message ?? "");
    $("load-status").textContent = importable ? t("page.unknownApiImport", { id }) : t("page.unknownApi", { id, detail: errorLine(e) });
    return false;
  }
  // Text typed in the box that does not parse goes with its API's draft when another API opens;
  // opening this same API again (a history entry, a link) must not write over it either.
  const typed = state.apiId === id && !json.valid ? $("json").value : null;
  // Written first whatever the API: a large draft still waiting for a pause in the typing (or
  // an edit not yet re-signed) would be loaded over by its older saved self, then lost.
  if (state.apiId) saveDraft({ now: true });
  // The clock (now, or a fixed time) is the page's, not an API's: chosen on one API, it holds
  // on the next (a fixed time kept in another API's draft would sign out of date). The first
  // API a visit opens brings the clock its draft was left with.
  const clock = state.apiId ? { tsMode: state.options.tsMode, fixedTs: state.options.fixedTs, fixedNonce: state.options.fixedNonce } : {};
  dropUndo();
  state.apiId = id;
  state.spec = spec;
  const saved = drafts.load(id);
  // A draft in memory only is not what storage holds: its next save tries storage again.
  state.draftSeen = saved && !drafts.inMemoryOnly(id) ? { apiId: id, text: drafts.text(saved) } : null;
  state.draftElsewhere = false;
  // A link to the call the draft already holds (the page's own address, on a reload) is the
  // draft: with its settings and any JSON still being typed.
  const savedSettings = chosenSettings(spec, saved?.options ?? {});
  if (override && saved && fragment({ ...saved, api: id, settings: savedSettings }) === fragment({ ...override, api: id })) {
    override = undefined;
  }
  const draft = override ? null : saved;
  const ex = spec.examples?.[0];
  state.fromLink = null;
  if (override) {
    // A link carries the call and its signing settings (none: the API's defaults); the rest of
    // this API's settings (timestamp, required only) stay, if it has any.
    state.params = override.params ?? {};
    state.region = override.region ?? "";
    const { jsonText: _typed, formChanged: _changed, ...settings } = saved?.options ?? {};
    // A history entry from before entries kept settings has none: the draft's stay.
    const chosen = override.settings ?? { algorithm: settings.algorithm, method: settings.method, contentType: settings.contentType, language: settings.language };
    const { algorithm = "", method = "", contentType = "", language = "" } = chosen;
    state.options = { ...state.options, ...settings, algorithm, method, contentType, language, ...clock };
  } else if (draft) {
    state.params = draft.params && typeof draft.params === "object" ? draft.params : {};
    state.region = draft.region ?? "";
    state.options = { ...state.options, ...draft.options, ...clock };
  } else {
    state.params = ex ? structuredClone(ex.params ?? {}) : {};
    state.region = ex?.region ?? "";
    state.options = { ...state.options, algorithm: "", method: "", contentType: "", language: "" };
  }
  Object.assign(state.options, linkSettings);
  search.select(id);
  renderApiInfo();
  renderSettings();
  form.render(spec, state.params);
  if (typed !== null && !draft?.options?.jsonText) json.load(state.params);
  else json.show(state.params, { force: true });
  if (draft?.options?.jsonText) {
    $("json").value = draft.options.jsonText;
    json.read();
    if (draft.options.formChanged && !json.valid) json.keepAgainstForm();
  }
  delete state.options.jsonText;
  delete state.options.formChanged;
  // Someone else's call: the draft it displaced stays saved until this one is edited.
  if (override && saved) state.fromLink = snapshot();
  // The API the next visit opens, as when its draft is saved (someone's call, once edited).
  else drafts.opened(id);
  $("response").replaceChildren();
  state.lastResponse = null;
  // The send line spoke of that answer (or of that call's problems).
  state.sentParts = undefined;
  state.sentStatus = undefined;
  say($("send-status"), null, "");
  refreshSendAvailability();
  // Any notice was about the call this one replaces.
  $("load-status").hidden = true;
  scheduleUpdate.flush();
  return true;
}

function loadExample(i) {
  const ex = state.spec.examples[i];
  const point = undoPoint(state.apiId);
  state.params = structuredClone(ex.params ?? {});
  state.region = ex.region ?? state.region;
  if (ex.request?.method && state.spec.methods.includes(ex.request.method)) state.options.method = ex.request.method;
  renderSettings();
  form.render(state.spec, state.params);
  json.load(state.params);
  scheduleUpdate.flush();
  offerUndo(point, () => t("example.loaded", { title: docText(ex.title) }));
}

/** What loading a call into `apiId` (an example, a history entry) replaces, as the drafts keep
 *  it: the call on show, and the draft of the API loaded when that is another. */
function undoPoint(apiId) {
  const saved = apiId === state.apiId ? null : drafts.load(apiId);
  return {
    apiId: state.apiId,
    text: drafts.text(currentDraft(), creds.secrets()),
    target: apiId,
    targetText: saved ? drafts.text(saved) : null,
    before: snapshot(),
  };
}

/** Says what was loaded (`said`) and, when it replaced another call, offers to undo it: the
 *  load also became the draft, so that a slip loses nothing. The offer goes at the first edit
 *  of the loaded call (undoing would lose it) or when another API opens. */
function offerUndo(point, said) {
  const after = snapshot();
  const replaced = after !== point.before;
  state.undo = replaced ? { ...point, after } : null;
  say($("call-status"), () => (replaced
    ? [said(), " ", h("button", { type: "button", class: "link", text: t("call.undo"), on: { click: () => undoLoad(point) } })]
    : said()));
}

function dropUndo() {
  if (!state.undo) return;
  state.undo = null;
  say($("call-status"), null);
}

/** Brings back the call a load replaced, as its draft, and the loaded API's own draft. */
function undoLoad(point) {
  // The loaded call is what goes: not written over the draft on the way (see `saveDraft`).
  pendingDraft = null;
  state.fromLink = snapshot();
  if (point.target !== point.apiId) {
    if (point.targetText) drafts.save(point.target, point.targetText);
    else drafts.forget(point.target);
  }
  drafts.save(point.apiId, point.text);
  selectApi(point.apiId);
  say($("call-status"), () => t("call.restored"));
  // The Undo button is gone: focus goes to the call it brought back.
  $("params-heading").focus();
}

/** A parameter holding a credential being cleared is redacted now: once cleared, the page no
 *  longer knows it for one, and would keep it in the draft, the link and the history. */
function redactParams(secrets) {
  // The verify panel's result was about a request that held them.
  verify.reset();
  if (!secrets.length) return;
  const redacted = withoutSecrets(state.params, secrets, { keepNamed: true });
  if (JSON.stringify(redacted) !== JSON.stringify(state.params)) {
    state.params = redacted;
    form.render(state.spec, state.params);
    // Text that does not parse yet is kept as typed, without the secret.
    if (json.valid) json.show(state.params, { force: true });
  }
  if (!json.valid) $("json").value = scrub($("json").value, secrets);
}

function onParamsFromJson(params) {
  state.params = params;
  form.render(state.spec, state.params);
  scheduleUpdate();
}

// ---- sending ---------------------------------------------------------------------------------

function selectedVia() {
  return document.querySelector('input[name="via"]:checked')?.value ?? "simulator";
}

/** Says when this package cannot send by the chosen way (the button stays enabled: a click
 *  still checks the call and marks its problems). */
function refreshSendAvailability() {
  const via = selectedVia();
  const ok = canSend(via);
  const status = $("send-status");
  if (!ok) {
    say(status, () => t("send.unavailable", { via: t(`via.${via}`) }), "unavailable");
  } else if (status.dataset.state === "unavailable") {
    say(status, null, "");
  }
}

/** What an answer was for: the call, how it was signed (the settings, the fixed time or "now",
 *  the credentials) and where it went, since an answer to another request says nothing of this one. */
function answerParts() {
  return { call: sameCallKey({ ...shared(), ts: state.options.tsMode === "fixed" ? `${state.options.fixedTs} ${state.options.fixedNonce}` : "now" }), creds: creds.version, via: selectedVia() };
}

/** Why the answer on show is not this request's, in words true of the cause: "the call has
 *  changed" is not, when only the credentials or where it goes did. Null when it is, or when
 *  no answer is shown: the call's part is a sorted copy of all of it, not made for nothing. */
function staleReason() {
  const sent = state.sentParts;
  if (!sent || !$("response").childElementCount) return null;
  const now = answerParts();
  if (now.call !== sent.call) return () => t("send.stale");
  if (now.creds !== sent.creds) return () => t("send.staleCredentials");
  if (now.via !== sent.via) return () => t("send.staleVia", { via: t(`via.${sent.via}`) });
  return null;
}

/** The send line follows the call: "fix the fields first" goes once they are fixed, and an
 *  answer shown for an earlier version of the call says so. */
function refreshSendStatus() {
  const why = staleReason();
  followCall($("send-status"), $("response"), { sent: Boolean(state.sentParts), changed: Boolean(why), sentStatus: state.sentStatus, clear: !state.violations.length && json.valid, why: why ?? undefined });
}

async function send() {
  // While a send is out the button says so but keeps focus: a disabled button drops it to
  // the page's start.
  if ($("send-button").getAttribute("aria-disabled") === "true") return;
  scheduleUpdate.flush();
  const status = $("send-status");
  // The parameters still hold the last text that parsed, not what the box shows: sending them
  // would send a call the user cannot see. The typed text stays for them to fix.
  if (!json.valid) {
    say(status, () => t("send.jsonUnparsed"), "blocked");
    $("json").focus();
    return;
  }
  if (state.violations.length) {
    const n = state.violations.length;
    say(status, () => t("send.blocked", { n }), "blocked");
    focusPath(state.violations[0].path);
    return;
  }
  const credentials = creds.get();
  if (!credentials) {
    say(status, () => t("send.needCredentials"), "blocked");
    $("secret-id").focus();
    return;
  }
  const ts = timestamp();
  if (ts === null) {
    say(status, timestampProblem, "blocked");
    $("ts-value").focus();
    return;
  }
  const via = selectedVia();
  if (!canSend(via)) {
    say(status, () => t("send.unavailable", { via: t(`via.${via}`) }), "unavailable");
    return;
  }
  let prepared;
  try {
    // Re-signed now: a fresh nonce (and, in "now" mode, the current time) for each send.
    prepared = cp().prepare(call(), credentials, prepareOptions(ts, { allowInvalid: false, send: true }));
  } catch (e) {
    say(status, () => errorLine(e), "error");
    if (timestampRefusal(e)) $("ts-value").focus();
    return;
  }
  state.prepared = prepared;
  state.preparedAt = ts;
  state.sentParts = answerParts();
  $("response").classList.remove("stale");
  renderPreview($("preview"), prepared, { timestamp: ts, placeholder: false, token: credentials.token });
  say(status, () => t("send.sending", { via: t(`via.${via}`) }), "sending");
  $("send-button").setAttribute("aria-disabled", "true");
  try {
    const resp = await sendRequest(prepared.request, via);
    // `answerLanguage`: the page's setting, which a hint under an English answer can point to.
    state.lastResponse = { resp, ctx: { spec: state.spec, prepared, credentials, timestamp: ts, answerLanguage: state.options.language } };
    const read = renderResponse($("response"), resp, state.lastResponse.ctx);
    say(status, () => (read.ok ? t("send.done", { status: resp.status }) : t("send.doneError", { code: read.code })), read.ok ? "ok" : "error");
    state.sentStatus = { render: saying(status), state: status.dataset.state };
    callHistory.add({ ...safeShared(), via, status: resp.status, code: read.code, requestId: read.requestId });
  } catch (e) {
    state.lastResponse = null;
    renderSendError($("response"), e);
    say(status, () => t("send.failed", { code: e?.code ?? "Error" }), "error");
    state.sentStatus = { render: saying(status), state: status.dataset.state };
    callHistory.add({ ...safeShared(), via, status: 0, code: e?.code ?? "Error" });
  } finally {
    $("send-button").removeAttribute("aria-disabled");
    // The credentials object goes out of scope here; nothing keeps it but the inputs.
  }
}

// ---- language ----------------------------------------------------------------------------------

function relabel() {
  applyI18n(document);
  document.title = t("page.title");
  search.setCatalog();
  snippets.relabel();
  callHistory.render();
  verify.refresh();
  if (state.spec) {
    renderApiInfo();
    renderSettings();
    form.render(state.spec, state.params);
    update();
  }
  if (state.lastResponse) renderResponse($("response"), state.lastResponse.resp, state.lastResponse.ctx);
  sayAgain();
  refreshSendAvailability();
}

// ---- start -------------------------------------------------------------------------------------

function wire() {
  search = new ApiSearch({ input: $("search"), results: $("search-results"), count: $("search-count"), picker: $("api-picker") }, (id, how) => {
    // Another API chosen: the address follows the work again (a link kept for an import to
    // come is still opened by it).
    state.keptAddress = null;
    selectApi(id);
    // From a search result, go on to the parameters; the picker keeps focus, so that arrow
    // keys walk its options (each one switches the API as Chromium fires change).
    if (!how?.fromPicker) $("params-heading").focus();
  });
  form = new ParamForm($("form"), { idPrefix: "p", onChange: () => {
    json.show(state.params);
    scheduleUpdate();
  }, onShowAll: () => {
    state.options.requiredOnly = false;
    $("required-only").checked = false;
  } });
  json = new JsonEditor($("json"), $("json-status"), onParamsFromJson, { box: $("json-kept"), text: $("json-kept-text") }, $("json-said"));
  // The user's choice, not the page's: the text they typed goes only when they ask.
  $("json-replace").addEventListener("click", () => {
    json.show(state.params, { force: true });
    $("json").focus();
    scheduleUpdate();
  });
  // Text that does not parse yet changes no parameter, so the editor calls nothing: the update
  // keeps it in the draft, and Validation and the send line say it does not parse (the
  // editor's own listener, added first, has judged it by then).
  $("json").addEventListener("input", () => {
    if (!json.valid) scheduleUpdate();
  });
  creds = new CredentialsPanel({
    id: $("secret-id"), key: $("secret-key"), token: $("token"), remember: $("remember"),
    clear: $("cred-clear"), demo: $("cred-demo"), status: $("cred-status"), alsoSecret: [$("verify-secret")], mayHold: [$("verify-input"), $("verify-own")],
    onClear: redactParams,
  }, () => scheduleUpdate());
  snippets = new Snippets({ picker: $("snippet-lang"), output: $("snippet"), remember: "snippetLang" }, () => creds.secrets());
  callHistory = new CallHistory({ list: $("history-list"), clear: $("history-clear"), status: $("history-status") }, (e) => {
    const point = undoPoint(e.api);
    if (!selectApi(e.api, { params: structuredClone(e.params ?? {}), region: e.region, settings: e.settings })) return;
    // A call chosen from one's history: the address follows it (see the API picker).
    state.keptAddress = null;
    // Unlike someone's link, a call loaded from one's own history is chosen as the one to go
    // on with: it becomes the draft at once, or switching away and back would lose it.
    state.fromLink = null;
    saveDraft();
    offerUndo(point, () => t("history.loaded", { api: e.api }));
    // Load is at the foot of the page: the call it opened is up at the form.
    $("params-heading").focus();
  });
  verify = new VerifyPanel({
    input: $("verify-input"), secret: $("verify-secret"), ownSts: $("verify-own"), clock: $("verify-clock"),
    button: $("verify-button"), useCurrent: $("verify-current"), output: $("verify-output"), status: $("verify-status"),
  }, () => (state.prepared ? rawHttp(state.prepared.request) : ""));

  // Remember when the latest input happened, to measure input → preview. A large draft waits
  // for a pause after the last keystroke, not after the last re-sign: a slow re-sign of a large
  // call is no pause in the typing.
  document.addEventListener("input", () => {
    state.lastInputAt = performance.now();
    if (pendingDraft) writeDraft();
  }, true);

  $("region").addEventListener("input", () => {
    state.region = $("region").value.trim();
    scheduleUpdate();
  });
  $("algorithm").addEventListener("change", () => {
    state.options.algorithm = $("algorithm").value;
    contentTypeRules();
    scheduleUpdate();
  });
  $("method").addEventListener("change", () => {
    state.options.method = $("method").value;
    contentTypeRules();
    scheduleUpdate();
  });
  $("content-type").addEventListener("change", () => {
    state.options.contentType = $("content-type").value;
    scheduleUpdate();
  });
  $("answer-lang").addEventListener("change", () => {
    state.options.language = $("answer-lang").value;
    scheduleUpdate();
  });
  for (const id of ["ts-now", "ts-fixed"]) {
    $(id).addEventListener("change", () => {
      state.options.tsMode = $("ts-fixed").checked ? "fixed" : "now";
      fixedTimeControls();
      if (state.options.tsMode === "fixed" && !state.options.fixedTs) {
        state.options.fixedTs = String(Math.floor(Date.now() / 1000));
        $("ts-value").value = state.options.fixedTs;
      }
      scheduleUpdate();
    });
  }
  $("nonce-value").addEventListener("input", () => {
    state.options.fixedNonce = $("nonce-value").value.trim();
    scheduleUpdate();
  });
  $("ts-value").addEventListener("input", () => {
    state.options.fixedTs = $("ts-value").value.trim();
    scheduleUpdate();
  });
  $("ts-set-now").addEventListener("click", () => {
    state.options.fixedTs = String(Math.floor(Date.now() / 1000));
    $("ts-value").value = state.options.fixedTs;
    scheduleUpdate();
  });
  $("required-only").addEventListener("change", () => {
    state.options.requiredOnly = $("required-only").checked;
    form.setRequiredOnly(state.options.requiredOnly);
    saveDraft();
  });
  // Where to send is the user's standing choice, kept like the language: a reload that went
  // back to the simulator would send the next call somewhere else than they last chose.
  const keptVia = prefs.get("via", null);
  if (VIAS.includes(keptVia)) $(`via-${keptVia}`).checked = true;
  for (const via of VIAS) {
    $(`via-${via}`).addEventListener("change", () => {
      prefs.set("via", via);
      refreshSendAvailability();
      refreshSendStatus();
    });
  }
  $("send-button").addEventListener("click", send);
  // Ctrl+Enter (⌘+Enter) sends from wherever one is typing, as in other API playgrounds: the
  // Send button is screens below a long form.
  // Only from the call's own fields: in the verify panel or the import it would send the call
  // the user is not looking at, and on a link it opens a tab.
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.repeat || e.isComposing) return;
    if (!(e.target instanceof Element) || !e.target.closest("[data-call]") || e.target.closest("a")) return;
    e.preventDefault();
    if (!$("send-button").disabled) send();
  });
  $("permalink-copy").addEventListener("click", async () => {
    if (!$("permalink").value) return say($("share-status"), () => t("share.tooLong"));
    const ok = await copyText($("permalink").value);
    say($("share-status"), () => (ok ? t("action.copied") : t("share.selectToCopy")));
    if (!ok) $("permalink").select();
  });
  $("lang").addEventListener("change", () => {
    setLang($("lang").value);
    prefs.set("lang", lang());
    relabel();
  });
  $("import-button").addEventListener("click", importTccli);
  $("import-ali-button").addEventListener("click", importAlibaba);
  // The catalog in the module cannot drop an API, so forgetting is a reload without them.
  $("import-forget").addEventListener("click", () => {
    imports.clear();
    location.reload();
  });
  // A large draft waits for typing to pause: leaving (a reload, closing the tab, switching away)
  // must not lose what was typed in the meantime, nor the edit the preview has not caught up with.
  const keepDraft = () => {
    if (state.apiId) saveDraft({ now: true });
  };
  window.addEventListener("pagehide", keepDraft);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") keepDraft();
    else takeOtherTabsDraft();
  });
  window.addEventListener("focus", takeOtherTabsDraft);
  window.addEventListener("storage", (e) => {
    if (state.apiId && e.key === drafts.key(state.apiId) && e.newValue !== null) state.draftElsewhere = true;
  });
  window.addEventListener("hashchange", () => {
    const link = parseFragment(location.hash);
    if (!link) return;
    // Back to the call on show (the address the page itself wrote): nothing to open or say.
    if ($("permalink").value === location.href) {
      $("load-status").hidden = true;
      return;
    }
    const opened = openLink(link);
    // Nothing opened: the address goes back to the call still on show.
    if (!opened.opened) renderPermalink();
    if (opened.notice) notice(opened.notice);
  });
}

/** Opens a permalink: `{ opened, notice }`, where `notice` tells the user why the page shows
 * something other than the link: no such API (the caller opens another), parameters garbled
 * (the draft or the example shows instead), or a setting that is not this API's (the default
 * is used instead). */
function openLink(link) {
  const settings = link.settings ?? {};
  if (link.params === null || link.params === undefined) {
    // No call in the link (or none readable): the draft or the example, with the link's
    // settings on top of its own.
    if (!selectApi(link.api, undefined, settings)) return notOpened(link);
  } else if (!selectApi(link.api, { params: link.params, region: link.region, settings })) {
    return notOpened(link);
  }
  state.pendingLink = null;
  state.keptAddress = null;
  const said = [];
  if (link.params === null) said.push(t("page.badLink", { id: link.api }));
  // What the page could not take as asked: not this API's, or not with the other settings
  // (a JSON body with an API 2.0 signature, a content type with a GET).
  const dropped = Object.entries(settings).filter(([key, value]) =>
    state.options[key] !== value || (key === "contentType" && state.options.method !== "POST"));
  if (dropped.length) said.push(t("page.linkSettingDropped", { settings: dropped.map(([, value]) => value).join(", "), id: link.api }));
  return { opened: true, notice: sentences(said) || undefined };
}

/** A link whose API could not be opened: kept, to open once an import adds its API. */
function notOpened(link) {
  state.pendingLink = link;
  return { opened: false, notice: $("load-status").textContent };
}

/** A message in the banner above the page (the one that says the engine is loading). */
function notice(text) {
  $("load-status").textContent = text;
  $("load-status").hidden = false;
}

async function readFile(input) {
  const file = input.files?.[0];
  return file ? await file.text() : undefined;
}

async function importTccli() {
  const status = $("import-status");
  const api = await readFile($("import-api"));
  if (!api) {
    say(status, () => t("import.pick"));
    return;
  }
  // API specs as cloudplay writes them (addSpecs, describe): APIs of one's own, or an import
  // saved elsewhere. A tccli api.json has its actions and objects at its top.
  if (areSpecs(api)) {
    // Kept under the file's name: another file of the same product is another import.
    const name = $("import-api").files?.[0]?.name ?? "specs.json";
    imported(status, () => cp().addSpecs(api), () => imports.addSpecs(`specs ${name}`, api));
    return;
  }
  const examples = await readFile($("import-examples"));
  imported(status, () => cp().importTccli(api, examples), (key) => imports.add(key, api, examples));
}

/** Whether JSON text holds API specs (one or a list) rather than tccli's metadata. */
function areSpecs(text) {
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) || (value !== null && typeof value === "object" && !("actions" in value) && ("style" in value || "action" in value));
  } catch {
    return false;
  }
}

/** Alibaba metadata picked as files: sorted into a bundle by what each holds (see
 *  alibaba-import.js), then imported as tccli files are. */
async function importAlibaba() {
  const status = $("import-ali-status");
  const picked = [...($("import-ali-files").files ?? [])];
  if (!picked.length) return say(status, () => t("importAli.pick"));
  const files = await Promise.all(picked.map(async (f) => ({ name: f.name, text: await f.text() })));
  const { bundle, problem, file } = bundleOf(files, { product: $("import-ali-product").value, version: $("import-ali-version").value });
  if (!bundle) return say(status, () => t("import.failed", { detail: t(problem, { file }) }));
  // A product's actions imported a few at a time are kept together (the earlier ones are in
  // the catalog already: the report is of this import's).
  const key = `${bundle.product}/${bundle.version}`;
  const all = mergedBundle(imports.list().find((i) => i.key === key)?.alibaba, bundle);
  imported(status, () => cp().importAlibabaMeta(bundle), () => imports.addAlibaba(key, all));
}

/** Runs an import, keeps what the user brought for the next visit (`keep(product/version)`),
 *  says how it went in `status` and opens the first API it added. */
function imported(status, run, keep) {
  try {
    const report = run();
    const key = report.added[0]?.split("/").slice(0, 2).join("/");
    // Nothing added, nothing to keep (and nothing to say about storage).
    const kept = key ? keep(key) : null;
    const seeds = (report.skipped ?? []).filter((s) => s.reason.startsWith("built in")).map((s) => s.action);
    // Examples that break their own spec are shown as they are; said once here.
    const odd = () => (report.warnings ?? []).slice(0, 2).map((w) => `${w.action}${t("punct.paren", { text: lang() === "zh" && w.reason_zh ? w.reason_zh : w.reason })}`).join(t("punct.clause"));
    // Why the others were left out (a ROA-style action, a type not guessed), the first few.
    const others = (report.skipped ?? []).filter((s) => !s.reason.startsWith("built in"));
    // Said at each (re)rendering, so that the reasons follow the page's language.
    const why = () => others.slice(0, 3).map((s) => `${s.action}${t("punct.paren", { text: lang() === "zh" && s.reason_zh ? s.reason_zh : s.reason })}`).join(t("punct.clause"));
    say(status, () => sentences([
      t("import.done", { n: report.added.length, skipped: report.skipped?.length ?? 0 }),
      seeds.length ? t("import.seedKept", { actions: seeds.join(t("punct.list")) }) : "",
      others.length ? t(others.length > 3 ? "import.leftOutMore" : "import.leftOut", { why: why(), more: others.length - 3 }) : "",
      report.warnings?.length ? t("import.oddExamples", { what: odd(), n: report.warnings.length }) : "",
      kept ? t(kept.saved ? "import.kept" : "import.notKept") : "",
      kept?.dropped.length ? t("import.madeRoom", { keys: kept.dropped.join(t("punct.list")), max: imports.max }) : "",
    ]));
    $("import-forget").hidden = imports.list().length === 0;
    search.setCatalog();
    if (report.added.length) {
      $("search").value = "";
      search.run();
      // The link the user came with, once its API is here, rather than the import's first.
      const link = report.added.includes(state.pendingLink?.api) ? state.pendingLink : null;
      if (!link) selectApi(report.added[0]);
      else {
        const opened = openLink(link);
        if (opened.notice) notice(opened.notice);
      }
    }
  } catch (e) {
    // A path that is only the package's argument name (apiJson, bundle) says nothing here:
    // the detail names the file.
    const argumentOnly = /^(apiJson|examplesJson|bundle|specs)$/.test(e?.path ?? "");
    say(status, () => t("import.failed", { detail: errorLine(e, { field: !argumentOnly }) }));
  }
}

async function main() {
  setLang(prefs.get("lang", navigator.language?.startsWith("zh") ? "zh" : "en"));
  $("lang").value = lang();
  applyI18n(document);
  document.title = t("page.title");
  try {
    await load();
  } catch (e) {
    $("load-status").textContent = t("page.loadFailed", { detail: errorLine(e) });
    $("load-status").dataset.state = "error";
    return;
  }
  $("version").textContent = `v${cp().version()}`;
  for (const saved of imports.list()) {
    if (saved.specs) {
      try {
        cp().addSpecs(saved.specs);
      } catch {
        /* specs this version no longer takes are skipped */
      }
      continue;
    }
    if (saved.alibaba) {
      try {
        cp().importAlibabaMeta(saved.alibaba);
      } catch {
        /* a bundle this version no longer reads is skipped */
      }
      continue;
    }
    try {
      cp().importTccli(saved.api, saved.examples ?? undefined);
    } catch {
      // An examples file this version refuses (another service's) still leaves the APIs;
      // a file the package no longer reads at all is skipped.
      try {
        if (saved.examples) cp().importTccli(saved.api);
      } catch {
        /* skipped */
      }
    }
  }
  wire();
  $("import-forget").hidden = imports.list().length === 0;
  search.setCatalog();
  performance.mark("cloudplay:catalog");
  const link = parseFragment(location.hash);
  // A first visit opens an API the vendor still stands by, signed the current way: the
  // catalog's first may be deprecated, or an API 2.0 one.
  const listed = cp().catalog();
  const first = (listed.find((a) => !a.deprecated && a.style !== "tencent-legacy") ?? listed[0])?.id;
  let ok = false;
  const linked = link ? openLink(link) : null;
  ok = Boolean(linked?.opened);
  // The API another one stands in for is not here: the address keeps the link meanwhile.
  if (link && !ok) state.keptAddress = location.hash;
  if (!ok && drafts.lastApi()) ok = selectApi(drafts.lastApi());
  if (!ok && first) ok = selectApi(first);
  verify.refresh();
  refreshSendAvailability();
  $("app").hidden = false;
  if (ok) $("load-status").hidden = true;
  // Said last: opening the draft or the first API instead clears the banner.
  if (linked?.notice) notice(linked.notice);
  performance.mark("cloudplay:ready");
  document.body.dataset.ready = "true";
  document.dispatchEvent(new CustomEvent("cloudplay:ready"));
}

main();
