// What every build of the wasm module asks of its JS host: JSON that knows BigInt, and
// signWire's compact crossing. `send`'s fetch is in send.js, outside the signing-only module.

const encoder = new TextEncoder();

// A lone surrogate has no UTF-8: encodeInto would write U+FFFD, and a signature over text
// the caller never gave. isWellFormed is Node 20's; the pattern stands in before it.
const LONE_SURROGATE = /\p{Cs}/u;
const wellFormed = (s) => (typeof s.isWellFormed === "function" ? s.isWellFormed() : !LONE_SURROGATE.test(s));

/**
 * Copies a JS string into wasm memory as UTF-8 with one `encodeInto`: wasm-bindgen's own copy
 * walks an ASCII string char by char, which was a seventh of a signature's time. Returns the
 * bytes written; -1 when `s` is not a string; or, when `cap` bytes were not room enough, minus
 * the room to try next (room for ASCII first, then for what was written and 3 bytes for each
 * UTF-16 unit left). The caller's
 * room is never below 4 KiB, so that hint is never -1. A lone surrogate is written as U+FFFD:
 * the caller asks `isText` when it finds one (scanning every string here for lone surrogates
 * cost about 4% of signing a Chinese TC3 body).
 */
export function textInto(s, memory, ptr, cap) {
  if (typeof s !== "string") return -1;
  if (s.length > cap) return -Math.min(s.length, 0x7fffffff);
  const done = encoder.encodeInto(s, new Uint8Array(memory.buffer, ptr, cap));
  // What is left needs at most 3 bytes a UTF-16 unit: room for a mostly ASCII text stays
  // close to its length, and below the size past which the room is given back after use.
  return done.read === s.length ? done.written : -Math.min(done.written + (s.length - done.read) * 3, 0x7fffffff);
}

/** Whether `s` is a string without lone surrogates. */
export const isText = (s) => typeof s === "string" && wellFormed(s);

// Map, Headers, URLSearchParams and FormData hold their pairs out of JSON's sight, as does any
// iterator (map.entries(), a generator): JSON.stringify writes each as {}, and the caller's
// headers or parameters would be lost without a word. They are written as the [name, value]
// lists every pair field takes (the declarations promise any iterable of pairs).
const heldPairs = (v) =>
  v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof String) && (typeof v.entries === "function" || typeof v[Symbol.iterator] === "function");
/** The pairs of such a value: its entries, or what iterating it gives. */
const pairsOf = (v) => Array.from(typeof v.entries === "function" ? v.entries() : v);

/** Whether a Map, Set, Headers or the like is anywhere under `value` (JSON depth at most). */
function holdsPairs(value, depth) {
  if (value === null || typeof value !== "object" || depth > 256) return false;
  if (value instanceof Set || heldPairs(value)) return true;
  // What toJSON returns is not walked: a Date, or an object that writes itself.
  if (typeof value.toJSON === "function") return false;
  const items = Array.isArray(value) ? value : Object.values(value);
  for (let i = 0; i < items.length; i++) if (holdsPairs(items[i], depth + 1)) return true;
  return false;
}

/** A Map whose keys are all names: the object it holds. */
const namedMap = (v) => v instanceof Map && Array.from(v.keys()).every((k) => typeof k === "string");

const faithfully = (_key, v) => {
  // A BigInt a number holds exactly is written as one (a timestamp given as 1700000000n); a
  // larger one as its decimal text, which every integer field takes.
  if (typeof v === "bigint") return v <= Number.MAX_SAFE_INTEGER && v >= -Number.MAX_SAFE_INTEGER ? Number(v) : v.toString();
  if (v instanceof Set) return Array.from(v);
  // A Map with names for keys is an object (parameters given as a Map); every pair field
  // takes an object too.
  if (namedMap(v)) return Object.fromEntries(v);
  return heldPairs(v) ? pairsOf(v) : v;
};

/** `isCloudplayError`'s test: named so, with a string code. A value whose members throw is not one.
 * Named apart from the export: Turbopack's .wasm loader declares the imports and the exports
 * of a module in one scope, and a name in both failed `next build` ("defined multiple times"). */
export function hasErrorShape(value) {
  try {
    return typeof value === "object" && value !== null && value.name === "CloudplayError" && typeof value.code === "string";
  } catch {
    return false;
  }
}

/**
 * JSON text of a value; a BigInt (an integer beyond 2^53) is written as its decimal text.
 * Throws an Error with `path` and `code` for a value JSON.stringify would quietly change.
 */
export function toJson(value) {
  try {
    return toJsonText(value);
  } catch (e) {
    throw asError(e);
  }
}

/** What a getter, a Proxy trap or toJSON threw, as a plain Error of our own whose message,
 *  path and code are strings read once: any value may be thrown (a string, null, a Symbol, an
 *  Error whose message getter throws or changes), and the module reads them again. */
function asError(e) {
  let message;
  let path;
  let code;
  try {
    if (e instanceof Error) {
      ({ message, path, code } = e);
      if (typeof message !== "string") message = String(message);
    } else {
      message = `threw ${typeof e === "symbol" ? e.toString() : String(e)}`;
    }
  } catch {
    message = "threw a value that cannot be written as text";
  }
  const error = new Error(message);
  if (typeof path === "string") error.path = path;
  if (typeof code === "string") error.code = code;
  return error;
}

function toJsonText(value) {
  let text;
  try {
    // The common case without a replacer: a replacer makes stringify several times slower.
    text = JSON.stringify(value);
    // Each of those is written as {}: only then can one be there, and only a walk that finds
    // one pays for the replacer (an empty object is common in a call, and this runs per keystroke).
    if (typeof text === "string" && text.includes("{}") && holdsPairs(value, 0)) text = JSON.stringify(value, faithfully);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    text = JSON.stringify(value, faithfully);
  }
  // NaN and ±Infinity are written as null, and a lone surrogate as an escape no parser takes:
  // those are looked for only in text that shows one of those marks. A function or a symbol
  // leaves no mark at all (a member holding one is left out), so every value is walked.
  if (typeof text === "string") {
    const marked = text.includes("null") || text.includes("\\ud");
    // Unmarked, the walk is for functions only: those come from code, in calls of a few dozen
    // values; a call of megabytes is parsed JSON text, which holds none, and walking it would
    // double the time of every keystroke's crossing. So it stops after WALK_UNMARKED values.
    refuse(unfaithful(value, "", 0, marked, { left: marked ? Infinity : WALK_UNMARKED }));
  }
  return text;
}

const WALK_UNMARKED = 10_000;

/** JSON text of a value as JSON.stringify would write it, quietly (NaN as null, a function
 *  left out), or undefined: what the rest of a call says when one of its values was refused,
 *  so that the others are still checked. */
export function lossyJson(value) {
  try {
    return JSON.stringify(value, faithfully);
  } catch {
    return undefined;
  }
}

function refuse(found) {
  if (found === null) return;
  const e = new Error(found.message);
  e.path = found.path;
  e.code = found.code;
  throw e;
}

/** The first value under `value` that JSON would not carry as given, with its path: a function
 *  or a symbol (a `getName` passed without its `()` would read as a missing field), and where
 *  the text is `marked`, a number written as null, an invalid Date or a lone surrogate. */
function unfaithful(value, path, depth, marked, budget) {
  if (--budget.left < 0) return null;
  const kind = typeof value;
  if (kind === "function" || kind === "symbol") {
    return { path, code: "InvalidField", message: `is a ${kind}, which JSON cannot carry (it would be left out): give the value itself` };
  }
  if (marked && kind === "number") {
    return Number.isFinite(value) ? null : { path, code: "InvalidField", message: `is ${value}, which JSON cannot carry (it would be sent as null): give a finite number, or leave the field out` };
  }
  if (marked && kind === "string") return wellFormed(value) ? null : { path, code: "InvalidJson", message: LONE };
  if (value === null || kind !== "object" || depth > 256) return null;
  const part = partOfRequest(value, path);
  if (part !== null) return { path, code: "InvalidField", message: part };
  const odd = notData(value);
  if (odd !== null) return { path, code: "InvalidField", message: odd };
  // Written as null too: an invalid Date, a Number object holding NaN.
  if (marked && value instanceof Date && Number.isNaN(value.getTime())) return { path, code: "InvalidField", message: "is an invalid Date, which JSON cannot carry (it would be sent as null)" };
  if (marked && value instanceof Number) return unfaithful(value.valueOf(), path, depth, marked, budget);
  // A Map with names for keys is written as the object it holds (see `faithfully`): its
  // values are walked as an object's are.
  if (namedMap(value)) return unfaithful(Object.fromEntries(value), path, depth, marked, budget);
  // A Set is written as a list of its values.
  if (value instanceof Set) return unfaithful(Array.from(value), path, depth, marked, budget);
  // Past stringify, so no cycle; toJSON decides for itself what is written, and the other
  // holders of pairs (Headers, URLSearchParams) hold text only.
  if (typeof value.toJSON === "function" || heldPairs(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unfaithful(value[i], `${path}[${i}]`, depth + 1, marked, budget);
      if (found !== null) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    // A name that is not text is shown as its JSON escape, such as \udc00.
    const name = !marked || wellFormed(key) ? key : JSON.stringify(key).slice(1, -1);
    const at = path === "" ? name : `${path}.${name}`;
    if (name !== key) return { path: at, code: "InvalidJson", message: LONE };
    const found = unfaithful(value[key], at, depth + 1, marked, budget);
    if (found !== null) return found;
  }
  return null;
}

/** Why an object is not data JSON can carry (JSON writes each as an object of its own
 *  members, mostly {}), or null. A Promise is the likely one: a call built by an async
 *  function given without its `await`. */
function notData(value) {
  if (typeof value.then === "function") return "is a Promise (or another thenable): await it and give its value";
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return "is bytes (a typed array or an ArrayBuffer), which JSON writes as numbered members: give text, or the parsed JSON";
  if (value instanceof RegExp) return "is a RegExp, which JSON writes as {}: give its text (.source)";
  if (value instanceof WeakMap || value instanceof WeakSet) return "is a WeakMap or a WeakSet, whose contents JSON cannot see: give a plain object";
  return null;
}

// The fields of a request that hold a part of its text. JSON writes a URL object as its whole
// address, and a URLSearchParams as its pairs: either would be signed as something else.
const URL_PARTS = new Map([["query", "url.search.slice(1)"], ["path", "url.pathname"], ["host", "url.host"], ["body", "its text"]]);

/** Why `value` cannot stand for the request part at `path` (a top-level field), or null. */
function partOfRequest(value, path) {
  const part = URL_PARTS.get(path);
  if (part === undefined) return null;
  if (typeof URL === "function" && value instanceof URL) return `is a URL object, which JSON writes as its whole address: give ${part}`;
  if (path !== "body") return null;
  // Bytes are not text: they are signed by their hash.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return "is bytes, which a body given here is not (it is text): to sign bytes, leave body out and give their SHA-256 in lower-case hex in the x-acs-content-sha256 (or X-TC-Content-SHA256) header you sign";
  }
  if (heldPairs(value)) return "holds pairs (a URLSearchParams, FormData or the like), which JSON writes as a list: give the body's text, e.g. String(params)";
  return null;
}

const LONE = "holds a lone UTF-16 surrogate, which is not text: it cannot be signed or sent as given";

// signWire's compact path. A plain object whose fields are all strings (and integers where
// the contract has numbers) crosses into wasm as one string and its trace comes back as one
// string, instead of JSON both ways: JSON.stringify, a JSON parser, JSON escaping and
// JSON.parse were most of a signature's time. Anything else (wrong types) returns null here
// and takes the JSON path, which explains what is wrong.
// The layout is read by crates/cloudplay-sign/src/wire/packed.rs: a head `pairs.absent`, then the
// fields, all joined by \u0000 in WIRE_FIELDS order; \u0003 for an absent field; each pair as
// name\u0001value\u0002. The head's counts let the reader see, in one pass, that no value holds
// a separator (such an input takes the JSON path too), so no value is scanned here.
const WIRE_FIELDS = ["algorithm", "method", "host", "path", "service", "timestamp_iso", "query", "body", "signed_headers"];
const ABSENT = "\u0003";

function packText(v) {
  if (v === undefined || v === null) return ABSENT;
  // A value that is the absent mark itself cannot be told from it here: JSON path.
  return typeof v === "string" && v !== ABSENT ? v : null;
}

/** The pairs of an object or a list, as `name\u0001value\u0002…`; `counter.pairs` counts them. */
function packPairs(v, counter) {
  if (v === undefined || v === null) return ABSENT;
  // A Map or Headers takes the JSON path, which reads its entries.
  if (typeof v !== "object" || heldPairs(v)) return null;
  // Plain loops and concatenation: Object.entries and template strings made packing twice as slow.
  let out = "";
  if (Array.isArray(v)) {
    for (const pair of v) {
      if (!Array.isArray(pair) || pair.length !== 2) return null;
      const n = pair[0], x = pair[1];
      if (typeof n !== "string" || typeof x !== "string") return null;
      out += n + "\u0001" + x + "\u0002";
    }
    counter.pairs += v.length;
    return out;
  }
  // Own enumerable names, taken once before any value is read (as Object.entries does).
  const names = Object.keys(v);
  for (let i = 0; i < names.length; i++) {
    const x = v[names[i]];
    if (typeof x !== "string") return null;
    out += names[i] + "\u0001" + x + "\u0002";
  }
  counter.pairs += names.length;
  return out;
}

/** A timestamp (a safe integer) or a nonce (that, or any string). */
function packNumber(v, textToo) {
  if (v === undefined || v === null) return ABSENT;
  if (textToo && typeof v === "string") return packText(v);
  return Number.isSafeInteger(v) && v >= 0 ? String(v) : null;
}

export function packWire(input) {
  // A getter or Proxy that throws must not unwind through wasm (it would leave the module's
  // state taken out): the JSON path reads the input again and says what went wrong.
  try {
    return packInput(input);
  } catch {
    return null;
  }
}

function packInput(input) {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return null;
  const c = input.credentials;
  if (c === null || typeof c !== "object" || typeof c.secret_id !== "string" || typeof c.secret_key !== "string") return null;
  const token = c.token;
  // A name the layout has no place for takes the JSON path, whose reader refuses a known
  // field under another spelling (signedHeaders, credentials.sessionToken): each field is
  // counted as it is read, and the count compared with the object's own names at the end.
  if (Object.keys(c).length !== (token === undefined ? 2 : 3)) return null;
  let given = 1; // credentials
  const field = (name) => {
    const v = input[name];
    if (v !== undefined) given++;
    return v;
  };
  const counter = { pairs: 0 };
  let out = "";
  let absent = 0;
  const add = (p) => {
    if (p === null) return false;
    if (p === ABSENT) absent++;
    out += p + "\u0000";
    return true;
  };
  for (let i = 0; i < WIRE_FIELDS.length; i++) if (!add(packText(field(WIRE_FIELDS[i])))) return null;
  if (!add(packText(c.secret_id)) || !add(packText(c.secret_key)) || !add(packText(token))) return null;
  if (!add(packNumber(field("timestamp"), false)) || !add(packNumber(field("nonce"), true))) return null;
  if (!add(packPairs(field("headers"), counter))) return null;
  const params = packPairs(field("params"), counter);
  if (params === null || Object.keys(input).length !== given) return null;
  if (params === ABSENT) absent++;
  return `${counter.pairs}.${absent}\u0000${out}${params}`;
}

const TRACE_FIELDS = ["algorithm", "canonical_request", "hashed_canonical_request", "hashed_payload", "credential_scope", "signed_headers", "string_to_sign", "signature", "authorization"];

export function unpackTrace(text) {
  const p = text.split("\u0000");
  return p.length === 9 ? traceAt(p, 0) : traceOf(p, 0);
}

/** The trace in the nine parts from `from` on. */
function traceAt(p, from) {
  // The shapes the algorithms give, as literals (a fixed shape is the fastest object to make,
  // and a literal defines its properties as JSON.parse does): TC3 has every field, ACS3 all but
  // the credential scope, the query-signing algorithms only the last three but one; anything
  // else is built field by field.
  const a = p[from], cr = p[from + 1], hcr = p[from + 2], hp = p[from + 3], cs = p[from + 4];
  const sh = p[from + 5], sts = p[from + 6], sig = p[from + 7], auth = p[from + 8];
  if (a && cr && hcr && hp && sh && sts && sig && auth) {
    return cs
      ? { algorithm: a, canonical_request: cr, hashed_canonical_request: hcr, hashed_payload: hp, credential_scope: cs, signed_headers: sh, string_to_sign: sts, signature: sig, authorization: auth }
      : { algorithm: a, canonical_request: cr, hashed_canonical_request: hcr, hashed_payload: hp, signed_headers: sh, string_to_sign: sts, signature: sig, authorization: auth };
  }
  if (a && !cr && !hcr && !hp && !cs && !sh && sts && sig && !auth) return { algorithm: a, string_to_sign: sts, signature: sig };
  return traceOf(p, from);
}

// The objects handed to the caller are built as JSON.parse builds them: with own properties,
// whatever Object.prototype holds. A name it does not have is simply assigned (the fast way);
// one it has is defined, because assigning would throw when it is frozen (`constructor` after
// SES's lockdown) or run a setter.
function own(object, name, value) {
  if (name in object) Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  else object[name] = value;
}

/** The trace in the nine parts from `from` on; a part `present` rejects is an absent field. */
function traceOf(parts, from, present = Boolean) {
  const out = {};
  for (let i = 0; i < TRACE_FIELDS.length; i++) if (present(parts[from + i])) own(out, TRACE_FIELDS[i], parts[from + i]);
  return out;
}

/** The trace from its nine fields, undefined where absent (an empty one is present here), for
 * one the NUL-joined layout cannot carry. */
export function traceOfParts(parts) {
  return traceOf(parts, 0, (v) => typeof v === "string");
}

/** prepare's answer: the layout of `prepared` in crates/cloudplay-wasm/src/compact.rs. */
export function unpackPrepared(text) {
  const parts = text.split("\u0000");
  const headers = {};
  const pairs = parts[5].split("\u0002");
  for (let i = 0; i < pairs.length; i++) {
    const at = pairs[i].indexOf("\u0001");
    if (at >= 0) own(headers, pairs[i].slice(0, at), pairs[i].slice(at + 1));
  }
  // Each violation ends with \u0002, so the last piece is empty. map defines every index, as
  // JSON.parse does, where assigning them one by one needed a check each.
  const found = parts[16].split("\u0002");
  found.pop();
  const request = { method: parts[0], scheme: parts[1], host: parts[2], path: parts[3], query: parts[4], headers, body: parts[6] };
  return { request, trace: traceAt(parts, 7), violations: found.map(violation) };
}

function violation(text) {
  const f = text.split("\u0001");
  return { path: f[0], code: f[1], message: f[2], message_zh: f[3] };
}
