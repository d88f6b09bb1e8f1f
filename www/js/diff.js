// Where a signature differs: the signing steps side by side, the first one that differs, the
// first differing line and character in it, and what that means.
import { h, put } from "./dom.js";
import { t } from "./i18n.js";
import { STEPS, hideToken } from "./preview.js";

/** A value the other side does not show but is known to differ (a refused signature). */
export const UNDISCLOSED = Object.freeze({ undisclosed: true });

/** Step-by-step comparison of two (partial) traces. */
export function compareSteps(yours, theirs) {
  const rows = [];
  for (const step of STEPS) {
    const a = yours?.[step];
    const b = theirs?.[step];
    if (a === undefined && b === undefined) continue;
    const state = b === UNDISCLOSED ? "differs" : a === undefined || b === undefined ? "unknown" : a === b ? "same" : "differs";
    rows.push({ step, yours: a, theirs: b, state });
  }
  return { rows, first: rows.find((r) => r.state === "differs") ?? null };
}

/** The first line (0-based) and column where two texts differ, or null. */
export function firstDifference(a, b) {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    const x = la[i] ?? "";
    const y = lb[i] ?? "";
    if (x !== y || la[i] === undefined || lb[i] === undefined) {
      let col = 0;
      while (col < x.length && col < y.length && x[col] === y[col]) col++;
      return { line: i, col, yours: x, theirs: y };
    }
  }
  return null;
}

/** The text with everything from the first difference on the differing line marked. */
function diffText(text, d) {
  if (!d) return [text];
  const lines = text.split("\n");
  const before = lines.slice(0, d.line).map((l) => `${l}\n`).join("");
  const line = lines[d.line] ?? "";
  const after = lines.slice(d.line + 1).map((l) => `\n${l}`).join("");
  return [before, line.slice(0, d.col), h("mark", { text: line.slice(d.col) || "∅" }), after];
}

/** `[key, values]` of a message, or null. */
const said = (key, values = {}) => [key, values];

/** A character's escape in a canonical query (`%2A`), upper-case hex of its UTF-8 bytes. */
function escapeOf(c) {
  return [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/**
 * A character percent-encoded where the canonical query leaves it, or left where it encodes
 * it: `*` against `%2A`, `%7E` against `~`. `twice`: in RPC's string to sign, whose escapes
 * are encoded once more (`%252A`). `yours` and `theirs` are the texts from the difference on.
 */
function escapeSlip(yours, theirs, twice) {
  const again = (e) => (twice ? e.replace(/%/g, "%25") : e);
  const mine = [...yours][0];
  if (mine && mine !== "%" && !UNRESERVED.test(mine) && theirs.startsWith(again(escapeOf(mine)))) return said("diff.slipUnencoded", { char: mine, escape: escapeOf(mine) });
  const their = [...theirs][0];
  if (their && UNRESERVED.test(their) && (yours.startsWith(again(escapeOf(their))) || yours.startsWith(escapeOf(their)))) return said("diff.slipOverEncoded", { char: their });
  return null;
}

/**
 * The encoding slip a one-line string to sign shows where the two first differ: in RPC's, a
 * space written `+`, the query not encoded a second time, or a character encoded where it is
 * not (or the reverse); in RPC's or API 2.0's, the parameters in another order. `yours` and
 * `theirs` are the texts from that place on.
 */
function encodingSlip(yours, theirs, wholeYours, wholeTheirs) {
  if (yours.startsWith("%2B") && theirs.startsWith("%2520")) return said("diff.slipPlus");
  // Encoded once: `%2A` where the string to sign has `%252A`.
  if (theirs.startsWith("%25") && yours.startsWith("%") && !yours.startsWith("%25") && theirs.slice(3, 5) === yours.slice(1, 3)) return said("diff.slipOnce");
  const escape = escapeSlip(yours, theirs, true);
  if (escape) return escape;
  // Not encoded a second time at all: `=` and `&` where the string to sign has %3D and %26.
  if ((theirs.startsWith("%3D") && yours.startsWith("=")) || (theirs.startsWith("%26") && yours.startsWith("&"))) return said("diff.slipRaw");
  // The same pairs in another order: RPC's `%26`-joined ones, API 2.0's `&`-joined ones (its
  // first after the path's `?`).
  const pairs = (s) => s.split(/[?&]|%26/).sort().join("&");
  if (wholeYours !== wholeTheirs && wholeYours.length === wholeTheirs.length && pairs(wholeYours) === pairs(wholeTheirs)) return said("diff.slipOrder");
  return null;
}

/** The slip an ACS3 canonical query (a canonical request's third line) shows: `+` for a
 * space, an escape too many or too few, another order. */
function querySlip(yours, theirs, wholeYours, wholeTheirs) {
  if (yours.startsWith("+") && theirs.startsWith("%20")) return said("diff.slipPlusQuery");
  const escape = escapeSlip(yours, theirs, false);
  if (escape) return escape;
  const pairs = (s) => s.split("&").sort().join("&");
  if (wholeYours !== wholeTheirs && wholeYours.length === wholeTheirs.length && pairs(wholeYours) === pairs(wholeTheirs)) return said("diff.slipOrderQuery");
  return null;
}

/** Where a difference `d` starts, taken back to the start of the escape it falls in (`%2B`
 * against `%2520` first differs after `%2`). */
function escapeStart(d) {
  return d.yours[d.col - 1] === "%" ? d.col - 1 : d.yours[d.col - 2] === "%" ? d.col - 2 : d.col;
}

/** What the first difference means, in words. */
function meaning(cmp, selfCheck, inferredSts, slip, algorithm) {
  const first = cmp.first;
  // The verifier recognised the slip that makes this signature: surer than blaming the key.
  if (slip && (!first || first.step === "signature" || first.step === "authorization")) return slip;
  const byStep = Object.fromEntries(cmp.rows.map((r) => [r.step, r]));
  if (!first) {
    if (selfCheck?.ok) return t("diff.keyDiffersUndisclosed");
    if (selfCheck && !selfCheck.ok) return t("diff.notSelfConsistent", { code: selfCheck.code ?? "" });
    return t("diff.noDifference");
  }
  if ((first.step === "signature" || first.step === "authorization") && byStep.string_to_sign?.state === "same")
    return inferredSts ? t("diff.keyDiffersUndisclosed") : t("diff.keyDiffers");
  if ((first.step === "signature" || first.step === "authorization") && selfCheck?.ok) return t("diff.keyDiffersUndisclosed");
  if (first.step === "signature" || first.step === "authorization") return t("diff.signatureOnly");
  if (first.step === "credential_scope") return t("diff.scopeDiffers");
  if (first.step === "string_to_sign") {
    const d = firstDifference(first.yours, first.theirs);
    const at = d && escapeStart(d);
    const slip = d && encodingSlip(d.yours.slice(at), d.theirs.slice(at), first.yours, first.theirs);
    return slip ? t(...slip) : t("diff.stringToSignDiffers", { line: (d?.line ?? 0) + 1 });
  }
  if (first.step === "canonical_request" && algorithm === "ACS3-HMAC-SHA256") {
    // ACS3 encodes its canonical query itself (TC3's is the query as sent).
    const d = firstDifference(first.yours, first.theirs);
    const at = d?.line === 2 && escapeStart(d);
    const slip = at !== false && at !== undefined && querySlip(d.yours.slice(at), d.theirs.slice(at), d.yours, d.theirs);
    if (slip) return t(...slip);
  }
  if (first.step === "canonical_request" || first.step === "hashed_canonical_request" || first.step === "hashed_payload")
    return t("diff.requestDiffers");
  return t("diff.stepDiffers", { step: t(`step.${first.step}`) });
}

/**
 * Renders the comparison.
 * @param {HTMLElement} container
 * @param {{yours: object, theirs: object, selfCheck?: {ok: boolean, code?: string}, theirsLabel?: string, slip?: string}} input
 *   `slip`: the signing slip the verifier recognised, said in place of the likeliest cause.
 */
export function renderDiff(container, { yours, theirs, selfCheck, yoursLabel, theirsLabel, inferred, token, caption, slip }) {
  // The session token is masked here as in the signing preview; both sides alike, so that it
  // cannot show as a difference that is not one.
  const masked = (steps) => steps && Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, typeof v === "string" ? hideToken(v, token) : v]));
  const cmp = compareSteps(masked(yours), masked(theirs));
  const table = h("table", { class: "diff" },
    h("caption", { text: caption ?? t("diff.caption") }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("diff.step") }), h("th", { scope: "col", text: yoursLabel ?? t("diff.yours") }),
      h("th", { scope: "col", text: theirsLabel ?? t("diff.theirs") }), h("th", { scope: "col", text: t("diff.state") }))));
  const body = h("tbody");
  for (const r of cmp.rows) {
    const isFirst = r === cmp.first;
    const d = r.state === "differs" && r.theirs !== UNDISCLOSED ? firstDifference(r.yours, r.theirs) : null;
    // Each cell names its column (data-label): a narrow screen shows the rows stacked.
    const cell = (label, text, note) => {
      if (text === undefined) return h("td", { "data-label": label }, h("span", { class: "muted", text: t("diff.unknown") }));
      if (text === UNDISCLOSED) return h("td", { "data-label": label }, h("span", { class: "muted", text: t("diff.undisclosed") }));
      return h("td", { "data-label": label }, h("pre", { class: "mono", tabindex: "0" }, diffText(text, d)), note ? h("span", { class: "muted", text: note }) : null);
    };
    body.append(h("tr", { class: `${r.state}${isFirst ? " first" : ""}`, dataset: { step: r.step, state: r.state } },
      h("th", { scope: "row", text: t(`step.${r.step}`) }),
      cell(yoursLabel ?? t("diff.yours"), r.yours),
      cell(theirsLabel ?? t("diff.theirs"), r.theirs, inferred?.includes(r.step) ? t("diff.inferred") : null),
      h("td", { "data-label": t("diff.state"), text: isFirst ? t("diff.stateFirst", { state: t(`diff.${r.state}`), first: t("diff.firstHere") }) : t(`diff.${r.state}`) })));
  }
  table.append(body);
  // Where in the step, for a text of lines (a canonical request); a hash or a signature is one
  // word, where a position says nothing.
  // (RPC's and API 2.0's strings to sign are one long line, where the character is the news.)
  const lines = cmp.first && cmp.first.theirs !== UNDISCLOSED &&
    (/\n/.test(`${cmp.first.yours}${cmp.first.theirs}`) || ["string_to_sign", "canonical_request"].includes(cmp.first.step));
  const d = lines ? firstDifference(cmp.first.yours, cmp.first.theirs) : null;
  const firstText = cmp.first
    ? t("diff.first", { step: t(`step.${cmp.first.step}`), at: d ? t("diff.at", { line: d.line + 1, col: d.col + 1 }) : "" })
    : t("diff.noneVisible");
  put(container,
    h("p", { class: "diff-first", dataset: { firstStep: cmp.first?.step ?? "" } }, h("strong", { text: firstText })),
    h("p", { class: "diff-meaning", text: meaning(cmp, selfCheck, inferred?.includes("string_to_sign"), slip, theirs?.algorithm ?? yours?.algorithm) }),
    h("div", { class: "table-scroll" }, table));
  return cmp;
}
