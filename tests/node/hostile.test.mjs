// Every exported function, fed random and hostile JS values: each call returns or throws a
// CloudplayError (never another kind of exception, never a crash), and the module keeps
// working afterwards. Deterministic: a fixed-seed generator.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import * as full from "cloudplay";
import * as sign from "cloudplay/sign";
import { loadVectors, contractInput, DEMO_CREDENTIALS, declaredCodes } from "./helpers.mjs";


function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

/** Nested `n` levels deep, alternating objects and arrays (linear in size). */
function deep(n) {
  let v = {};
  for (let i = 0; i < n; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

const cyclic = {};
cyclic.self = cyclic;

const HOSTILE = [
  undefined, null, true, false, 0, -1, 1.5, NaN, Infinity, -0, 2 ** 53 + 1, 10n ** 30n,
  "", " ", "{", "}", "[]", "null", "\u0000", "\ud800", "x".repeat(1 << 20), "🦀".repeat(1000),
  [], [[]], [["a"]], [[1, 2, 3]], {}, { api: 5 }, { params: "x" }, { algorithm: {} },
  Symbol("s"), () => 1, new Date(0), new Uint8Array(16), new Map([["a", 1]]), cyclic,
  deep(40), deep(200), deep(5000), Array.from({ length: 100000 }, (_, i) => i),
  Object.create(null), { toJSON() { throw new Error("boom"); } }, { __proto__: { polluted: 1 } },
];

function randomValue(next, depth = 0) {
  const r = next();
  if (depth > 3 || r < 0.3) return HOSTILE[Math.floor(next() * HOSTILE.length)];
  if (r < 0.5) return Array.from({ length: Math.floor(next() * 5) }, () => randomValue(next, depth + 1));
  const keys = ["api", "params", "algorithm", "method", "headers", "credentials", "secret_id", "secret_key", "timestamp", "query", "body", "url", "now", "signed_headers", "x"];
  const o = {};
  for (let i = 0; i < Math.floor(next() * 6); i++) o[keys[Math.floor(next() * keys.length)]] = randomValue(next, depth + 1);
  return o;
}

function mutate(next, value) {
  const copy = structuredClone(value);
  const keys = Object.keys(copy);
  const k = keys[Math.floor(next() * keys.length)];
  copy[k] = randomValue(next);
  return copy;
}

const ok = (f) => {
  try {
    f();
    return "ok";
  } catch (e) {
    assert.ok(e instanceof Error, `threw a non-Error: ${String(e)}`);
    assert.equal(e.name, "CloudplayError", `${e.name}: ${e.message}`);
    assert.ok(declaredCodes().has(e.code), `${e.code} is not among the declared codes`);
    return "error";
  }
};

test("hostile values give CloudplayErrors and the module keeps working", () => {
  const next = rng(20261130);
  const vectors = loadVectors();
  const good = contractInput(vectors[3]);
  const example = full.describe("hai/2023-08-12/RunInstances").examples[0];
  const call = { api: "hai/2023-08-12/RunInstances", params: example.params, region: example.region };
  const spec = full.describe("hai/2023-08-12/RunInstances");
  const fns = {
    signWire: (a) => full.signWire(a),
    signOnly: (a) => sign.signWire(a),
    verifyWire: (a) => full.verifyWire(a),
    describe: (a) => full.describe(a),
    search: (a) => full.search(a),
    importTccli: (a, b) => full.importTccli(a, b),
    importAlibabaMeta: (a) => full.importAlibabaMeta(a),
    addSpecs: (a) => full.addSpecs(a),
    validate: (a) => full.validate(a),
    prepare: (a, b, c) => full.prepare(a, b, c),
    snippet: (a, b, c) => full.snippet(a, b, c),
    parseRequest: (a) => full.parseRequest(a),
  };
  const counts = { ok: 0, error: 0 };
  for (const [name, f] of Object.entries(fns)) {
    for (const h of HOSTILE) counts[ok(() => f(h, h, h))]++;
    for (let i = 0; i < 150; i++) {
      const args = [randomValue(next), randomValue(next), randomValue(next)];
      counts[ok(() => f(...args))]++;
    }
    // Near-misses of good input reach deeper than random noise.
    for (let i = 0; i < 100; i++) {
      const near = { prepare: () => f(mutate(next, call), DEMO_CREDENTIALS, { timestamp: 1700000000 }), addSpecs: () => f(mutate(next, spec)) }[name];
      counts[ok(near ?? (() => f(mutate(next, good))))]++;
    }
  }
  assert.ok(counts.error > 1000, JSON.stringify(counts));
  // Still working, and still right.
  for (const v of vectors.slice(0, 5)) {
    assert.equal(full.signWire(contractInput(v)).signature, v.expected.signature);
    assert.equal(sign.signWire(contractInput(v)).signature, v.expected.signature);
  }
  assert.ok(full.catalog().length >= 4);
  assert.ok(full.prepare(call, DEMO_CREDENTIALS, { timestamp: 1700000000 }).trace.signature);
});

/** Checks a trace against itself with Node's crypto: its signature is the HMAC of its own
 * string to sign under the input's secret, and (TC3, ACS3) its hash is of its own canonical
 * request. A field returned under another's name fails here. */
function checkTrace(t, input, what) {
  const key = input.credentials.secret_key;
  const hmac = (alg, k, text) => createHmac(alg, k).update(text).digest();
  let want;
  switch (t.algorithm) {
    case "TC3-HMAC-SHA256": {
      const [date, service] = t.credential_scope.split("/");
      const signing = hmac("sha256", hmac("sha256", hmac("sha256", `TC3${key}`, date), service), "tc3_request");
      want = hmac("sha256", signing, t.string_to_sign).toString("hex");
      break;
    }
    case "ACS3-HMAC-SHA256":
      want = hmac("sha256", key, t.string_to_sign).toString("hex");
      break;
    case "ACS-RPC-HMAC-SHA1":
      want = hmac("sha1", `${key}&`, t.string_to_sign).toString("base64");
      break;
    default:
      want = hmac(t.algorithm === "TC-HmacSHA1" ? "sha1" : "sha256", key, t.string_to_sign).toString("base64");
  }
  assert.equal(t.signature, want, `${what}: signature`);
  if (t.canonical_request !== undefined) {
    assert.equal(createHash("sha256").update(t.canonical_request).digest("hex"), t.hashed_canonical_request, `${what}: hash`);
    assert.ok(t.string_to_sign.endsWith(`\n${t.hashed_canonical_request}`), `${what}: string to sign`);
    assert.ok(t.authorization.includes(`SignedHeaders=${t.signed_headers}`) && t.authorization.endsWith(`Signature=${t.signature}`), `${what}: authorization`);
  }
}

test("every trace signWire returns holds together, whatever the strings in its input", () => {
  const next = rng(20261201);
  const pieces = ["a", "Z", "0", " ", "+", "%", "%41", "%2", "=", "&", "~", "*", "/", "?", "#", "é", "中", "🦀", "\u0000", "\u0001", "\u0002", "\u0003", "\t", "\n", "\ud800"];
  const text = () => Array.from({ length: Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]).join("");
  const counts = { ok: 0, error: 0 };
  for (const v of loadVectors()) {
    for (let i = 0; i < 12; i++) {
      const input = structuredClone(contractInput(v));
      const targets = ["body", "path", "query"].filter((k) => typeof input[k] === "string");
      if (input.headers) targets.push("header");
      if (input.params) targets.push("param");
      const target = targets[Math.floor(next() * targets.length)];
      if (target === "header") {
        const entries = Array.isArray(input.headers) ? input.headers : Object.entries(input.headers);
        entries[Math.floor(next() * entries.length)][1] += text();
        input.headers = entries;
      } else if (target === "param") {
        input.params[Math.floor(next() * input.params.length)][1] += text();
      } else {
        input[target] += text();
      }
      for (const [name, m] of [["full", full], ["sign", sign]]) {
        let t;
        try {
          t = m.signWire(input);
        } catch (e) {
          assert.equal(e.name, "CloudplayError", `${v.id} ${name}: ${e.message}`);
          counts.error++;
          continue;
        }
        checkTrace(t, input, `${v.id} ${name} ${target}: ${JSON.stringify({ header: input.headers, param: input.params }[target] ?? input[target])}`);
        counts.ok++;
      }
    }
  }
  // Most inputs still sign: the checks above ran on real traces.
  assert.ok(counts.ok > counts.error && counts.ok > 500, JSON.stringify(counts));
});

test("a lone surrogate is refused where it stands, and a real U+FFFD is signed as itself", () => {
  const v = loadVectors().find((x) => x.algorithm === "TC3-HMAC-SHA256" && x.method === "POST");
  for (const m of [full, sign]) {
    for (const [field, tail] of [["body", "\ud800"], ["body", "\udc00x"], ["path", "\ud83e"]]) {
      const input = { ...contractInput(v), [field]: contractInput(v)[field] + tail };
      assert.throws(() => m.signWire(input), (e) => e.code === "InvalidJson" && e.path === field, `${field} ${JSON.stringify(tail)}`);
    }
    // U+FFFD is also what a lone surrogate becomes in UTF-8: text that holds one is still text.
    const input = contractInput(v);
    const replaced = m.signWire({ ...input, body: input.body + "\ufffd" });
    assert.ok(replaced.canonical_request.endsWith(createHash("sha256").update(input.body + "\ufffd").digest("hex")));
    assert.notEqual(replaced.signature, m.signWire(input).signature);
  }
});

test("isCloudplayError tells the module's errors, from either entry and from send, from everything else", async () => {
  const thrown = (f) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    assert.fail("did not throw");
  };
  const ours = [
    thrown(() => full.prepare({ api: "nope/1/Nope" }, DEMO_CREDENTIALS)),
    thrown(() => sign.signWire({})),
    await full.send("{}", { via: "carrier-pigeon" }).catch((e) => e),
  ];
  for (const e of ours) {
    assert.equal(full.isCloudplayError(e), true, e.message);
    assert.equal(sign.isCloudplayError(e), true, e.message);
  }
  const boom = new Proxy({}, { get() { throw new Error("boom"); } });
  const forged = Object.assign(new Error("x"), { name: "CloudplayError" });
  const others = { error: new Error("x"), forged, named: { name: "CloudplayError" }, text: "CloudplayError", null: null, undefined, number: 5, boom, list: HOSTILE };
  for (const [what, other] of Object.entries(others)) assert.equal(full.isCloudplayError(other), false, what);
  // A lookalike with both members is taken as one: what the check reads is what code uses.
  assert.equal(full.isCloudplayError({ name: "CloudplayError", code: "InvalidField" }), true);
});

test("the signing-only entry has signWire and nothing of the rest", () => {
  assert.equal(typeof sign.signWire, "function");
  assert.equal(typeof sign.version, "function");
  assert.equal(sign.prepare, undefined);
  assert.equal(sign.catalog, undefined);
});

test("the signing-only module answers exactly as the full one: traces on both crossings, and errors", () => {
  // It reads JSON with the core's own reader and has no serde_json: same inputs, same answers.
  const answer = (f, input) => {
    try {
      return f(input);
    } catch (e) {
      return { code: e.code, path: e.path, message: e.message, name: e.name };
    }
  };
  const vectors = loadVectors();
  const good = contractInput(vectors[0]);
  const inputs = [
    ...vectors.map(contractInput),
    ...vectors.map((v) => JSON.stringify(contractInput(v))),
    { ...good, timestamp: 1.5 }, { ...good, timestamp: "1" }, { ...good, nonce: 2 ** 70 }, { ...good, headers: 5 },
    { ...good, params: [["a"]] }, JSON.stringify(good).replace("{", "{\"algorithm\":\"x\","), "{\"a\":\"\\ud800\"}",
    `{"timestamp":${"[".repeat(300)}`, 10n ** 30n, undefined,
  ];
  for (const input of inputs) {
    assert.deepEqual(answer(sign.signWire, input), answer(full.signWire, input), String(input).slice(0, 80));
  }
});

test("a throwing getter or Proxy as signWire's input is an error every time, and the module lives on", () => {
  const boom = new Proxy({}, { get() { throw new Error("boom"); } });
  const secretThrows = { algorithm: "ACS-RPC-HMAC-SHA1", method: "GET", host: "a", path: "/", timestamp: 1, params: [["a", "b"]], credentials: { secret_id: "a", get secret_key() { throw new Error("boom"); } } };
  // Well past the count at which a JS exception unwinding through wasm had used up its memory.
  for (const signWire of [full.signWire, sign.signWire]) {
    for (let i = 0; i < 3000; i++) {
      for (const input of [boom, secretThrows]) {
        assert.throws(() => signWire(input), (e) => e.name === "CloudplayError" && e.code === "InvalidJson" && /boom/.test(e.message));
      }
    }
    const ok = { algorithm: "ACS-RPC-HMAC-SHA1", method: "GET", host: "a", path: "/", credentials: { secret_id: "a", secret_key: "b" }, timestamp: 1, params: [["a", "b"]] };
    assert.equal(typeof signWire(ok).signature, "string");
  }
  assert.ok(full.catalog().length >= 4);
});

test("a getter or Proxy that throws something other than an Error is still an error with a code, in every entry", () => {
  const messageThrows = { get message() { throw new Error("inner"); } };
  // An Error whose message reads as text once and throws after: read once, it is an error.
  class Fickle extends Error {
    reads = 0;
    get message() {
      if (this.reads++ > 0) throw new Error("second read");
      return "first read";
    }
  }
  const thrownValues = ["a string", 42, Symbol("s"), null, undefined, { message: 5 }, messageThrows, 10n, new Fickle()];
  for (const value of thrownValues) {
    const trap = new Proxy({}, { get() { throw value; }, ownKeys() { throw value; } });
    const getter = { get api() { throw value; } };
    const calls = [
      () => full.signWire(trap), () => sign.signWire(trap), () => full.validate(getter), () => full.prepare(getter, DEMO_CREDENTIALS),
      () => full.simulate(trap), () => full.snippet(getter, "python"), () => full.verifyWire(trap),
    ];
    for (const call of calls) {
      assert.throws(call, (e) => full.isCloudplayError(e) && typeof e.code === "string" && e.code.length > 0, `${typeof value} ${String(call)}`);
    }
  }
  assert.ok(full.catalog().length >= 4, "the module lives on");
  assert.equal(typeof sign.signWire({ algorithm: "ACS-RPC-HMAC-SHA1", method: "GET", host: "a", path: "/", credentials: { secret_id: "a", secret_key: "b" }, timestamp: 1, params: [["a", "b"]] }).signature, "string");
});
