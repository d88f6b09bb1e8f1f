// signWire under Node reproduces every official-SDK vector, and answers bad input with
// Error objects carrying code and path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { signWire, verifyWire, validate, prepare } from "cloudplay";
const fullSignWire = signWire;
import { signWire as signOnly } from "cloudplay/sign";
import { loadVectors, contractInput, COMPARED, diverges, receivedRequest } from "./helpers.mjs";

test("every vector is reproduced exactly", () => {
  const vectors = loadVectors();
  assert.ok(vectors.length >= 48);
  for (const v of vectors.filter((v) => !diverges(v))) {
    const out = signWire(contractInput(v));
    for (const field of COMPARED) {
      if (field in v.expected) assert.equal(out[field], v.expected[field], `${v.id} ${field}`);
    }
  }
});

test("every vector's request verifies as sent, and is expired an hour later", () => {
  const expired = ["AuthFailure.SignatureExpire", "4500", "InvalidTimeStamp.Expired"];
  for (const v of loadVectors()) {
    const req = receivedRequest(v);
    const got = verifyWire(req);
    assert.equal(got.ok, true, `${v.id}: ${got.code} ${got.message}`);
    const late = verifyWire({ ...req, now: req.now + 3600 });
    assert.ok(!late.ok && expired.includes(late.code), `${v.id}: ${late.code}`);
  }
});

test("objects (the compact crossing) and JSON text (the JSON crossing) give the same traces", () => {
  for (const v of loadVectors()) {
    const input = contractInput(v);
    assert.deepEqual(signWire(input), signWire(JSON.stringify(input)), v.id);
  }
});

test("values holding the compact layout's separators are signed as the JSON path signs them", () => {
  // The compact crossing joins fields with U+0000..U+0003; a value holding one must not shift
  // the layout (it takes the JSON path instead), wherever it is.
  const seps = ["\u0000", "\u0001", "\u0002", "\u0003"];
  const same = (input, what) => {
    let viaObject, viaJson;
    try { viaObject = signWire(input); } catch (e) { viaObject = `${e.code} ${e.path}`; }
    try { viaJson = signWire(JSON.stringify(input)); } catch (e) { viaJson = `${e.code} ${e.path}`; }
    assert.deepEqual(viaObject, viaJson, what);
  };
  for (const v of loadVectors().slice(0, 60)) {
    const input = contractInput(v);
    for (const sep of seps) {
      same({ ...input, body: `${input.body ?? ""}${sep}` }, `${v.id} body ${JSON.stringify(sep)}`);
      same({ ...input, body: sep }, `${v.id} body is ${JSON.stringify(sep)}`);
      same({ ...input, credentials: { ...input.credentials, secret_key: `k${sep}` } }, `${v.id} secret`);
      same({ ...input, nonce: sep }, `${v.id} nonce`);
      if (input.headers) {
        const h = Object.entries(input.headers);
        same({ ...input, headers: [...h.slice(1), [h[0][0], `${h[0][1]}${sep}x`]] }, `${v.id} header value`);
      }
      if (input.params) {
        const p = input.params.map(([n, x]) => [n, x]);
        p[0][1] = `${p[0][1]}${sep}a${seps[(seps.indexOf(sep) + 1) % 4]}b`;
        same({ ...input, params: p }, `${v.id} param value`);
        same({ ...input, params: [[`X${sep}`, "1"], ...p.slice(1)] }, `${v.id} param name`);
      }
    }
  }
});

test("bodies of every size and kind of character arrive byte for byte, in both modules", () => {
  // Strings are copied into wasm memory in one go, into a buffer sized for ASCII first and
  // grown when that is short: sizes around the buffer's edges, characters of 1 to 4 UTF-8 bytes.
  // The signing-only module has its own allocator (a free list): big and small blocks freed
  // and reused in turn must not corrupt what a later call reads.
  for (const signWire of [fullSignWire, signOnly]) bodiesArriveWhole(signWire);
});

function bodiesArriveWhole(signWire) {
  const v = loadVectors().find((x) => x.algorithm === "TC3-HMAC-SHA256" && x.method === "POST");
  const input = contractInput(v);
  const pieces = ["a", "é", "中", "🦀"];
  for (const size of [0, 1, 1365, 1366, 4095, 4096, 4097, 65535, 65536, 200000, 3, 70000, 17]) {
    for (const piece of pieces) {
      const body = "x".repeat(size) + piece.repeat(3);
      const want = createHash("sha256").update(body, "utf8").digest("hex");
      assert.equal(signWire({ ...input, body }).hashed_payload, want, `${size} ${JSON.stringify(piece)}`);
      const tail = piece.repeat(Math.ceil(size / piece.length)) + "z";
      assert.equal(
        signWire({ ...input, body: tail }).hashed_payload,
        createHash("sha256").update(tail, "utf8").digest("hex"),
        `${size} of ${JSON.stringify(piece)}`,
      );
    }
  }
  // A run of large strings leaves the module working on small ones.
  assert.equal(signWire(input).signature, v.expected.signature);
}

test("a lone surrogate is refused, not signed as the U+FFFD it would be copied as", () => {
  const v = loadVectors().find((x) => x.algorithm === "TC3-HMAC-SHA256" && x.method === "POST");
  const input = contractInput(v);
  const refused = (f, what) => assert.throws(f, (e) => e.name === "CloudplayError" && e.code === "InvalidJson", what);
  const lones = ["\ud800", "\udc00x", "x\ud83d", "x".repeat(5000) + "\udfff"];
  const check = () => {
    for (const lone of lones) {
      for (const bad of [{ ...input, body: lone }, { ...input, headers: { ...input.headers, "X-TC-Region": lone } }]) {
        refused(() => signWire(bad), JSON.stringify(lone));
        refused(() => signOnly(bad), `cloudplay/sign ${JSON.stringify(lone)}`);
        // As JSON text: escaped (as JSON.stringify writes it) and raw (as a hand-made one may).
        refused(() => signWire(JSON.stringify(bad)), "escaped");
        refused(() => signWire(JSON.stringify({ ...bad, body: "@@" }).replace("@@", lone)), "raw");
      }
      // Every argument given as JSON text is read the same way.
      const call = JSON.stringify({ api: "hai/2023-08-12/RunInstances", params: { InstanceName: "@@" } }).replace("@@", lone);
      refused(() => validate(call), "validate");
      refused(() => prepare(call, { secret_id: "AKID", secret_key: "k" }, { timestamp: 1700000000 }), "prepare");
    }
    assert.equal(signWire({ ...input, body: "\ud83e\udd80" }).hashed_payload, createHash("sha256").update("🦀").digest("hex"));
    assert.equal(signWire(input).signature, v.expected.signature);
  };
  check();
  // Node 18 and 19 have no String.prototype.isWellFormed: the module checks without it too.
  const isWellFormed = Object.getOwnPropertyDescriptor(String.prototype, "isWellFormed");
  if (isWellFormed) {
    delete String.prototype.isWellFormed;
    try {
      check();
    } finally {
      Object.defineProperty(String.prototype, "isWellFormed", isWellFormed);
    }
  }
});

test("a trace field holding the layout's separator comes back under its own name", () => {
  // The trace crosses back NUL-joined; a NUL in TC3's path (signed as given) is in the
  // canonical request, and must not shift the fields after it (authorization would get the
  // signature). (A header value may not hold one: no request could carry it.)
  for (const v of loadVectors().filter((x) => x.algorithm === "TC3-HMAC-SHA256")) {
    const input = contractInput(v);
    for (const sep of ["\u0000", "\u0001", "\u0002"]) {
      const t = signWire({ ...input, path: `/x${sep}b` });
      assert.ok(t.canonical_request.includes(`${sep}b`), v.id);
      assert.equal(createHash("sha256").update(t.canonical_request).digest("hex"), t.hashed_canonical_request, v.id);
      assert.ok(t.string_to_sign.endsWith(t.hashed_canonical_request), v.id);
      assert.ok(t.authorization.endsWith(`Signature=${t.signature}`), v.id);
      assert.match(t.signature, /^[0-9a-f]{64}$/, v.id);
    }
  }
});

test("input may also be JSON text", () => {
  const v = loadVectors()[0];
  assert.equal(signWire(JSON.stringify(contractInput(v))).signature, v.expected.signature);
});

test("output carries no field the algorithm does not have", () => {
  const rpc = loadVectors().find((v) => v.algorithm === "ACS-RPC-HMAC-SHA1");
  assert.deepEqual(Object.keys(signWire(contractInput(rpc))).sort(), ["algorithm", "signature", "string_to_sign"]);
});

test("bad input gives an Error with code and path, and the module keeps working", () => {
  const good = contractInput(loadVectors().find((v) => v.algorithm === "TC3-HMAC-SHA256"));
  const cases = [
    [undefined, "MissingField", "input"],
    [{ ...good, algorithm: "HMAC-MD5" }, "UnknownAlgorithm", "algorithm"],
    [{ ...good, method: undefined }, "MissingField", "method"],
    [{ ...good, headers: [["Host", "a"], ["host", "b"]] }, "DuplicateHeader", "headers.host"],
    [{ ...good, query: "a=%zz" }, "MalformedQuery", "query"],
    [{ ...good, timestamp: -1 }, "TimestampOutOfRange", "timestamp"],
    [{ ...good, timestamp: 1e300 }, "InvalidField", "timestamp"],
    [{ ...good, credentials: { secret_id: "x" } }, "MissingField", "credentials.secret_key"],
    // Found in JS before the input crosses, and named as the signer names fields.
    [{ ...good, timestamp: NaN }, "InvalidField", "timestamp"],
    [{ ...good, body: "\ud800" }, "InvalidJson", "body"],
    [{ ...good, headers: { ...good.headers, "X-TC-Region": "\udc00" } }, "InvalidJson", "headers.X-TC-Region"],
    // Not an object at all: refused as the input, wherever it was read.
    ["{not json", "InvalidJson", "input"],
    ["", "InvalidJson", "input"],
    [42, "InvalidJson", "input"],
    [[good], "InvalidJson", "input"],
  ];
  for (const sign of [signWire, signOnly]) {
    for (const [input, code, path] of cases) {
      assert.throws(
        () => sign(input),
        (e) => e instanceof Error && e.code === code && e.path === path && e.message.length > 0,
        `${code} ${path}`,
      );
    }
    // A whole number past 64 bits (JSON.stringify writes 1e20 in full) is told the rule, not
    // called a fraction; one within 64 bits is told its own value.
    for (const [timestamp, code, text] of [[1e20, "InvalidField", /from 0 to 253402300799/], [1e19, "TimestampOutOfRange", /^TimestampOutOfRange at timestamp: 10000000000000000000 is outside/]]) {
      assert.throws(() => sign({ ...good, timestamp }), (e) => e.code === code && text.test(e.message) && !/fraction/.test(e.message), String(timestamp));
    }
  }
  assert.equal(signWire(good).signed_headers, "content-type;host");
});

test("a body's hash header signs for bytes not given as text, and must hash a body given", () => {
  const hash = createHash("sha256").update(Buffer.from([0x7b, 0xff, 0x7d])).digest("hex");
  const base = {
    algorithm: "ACS3-HMAC-SHA256", method: "PUT", host: "oss.example.aliyuncs.com", path: "/object",
    credentials: { secret_id: "id", secret_key: "key" }, signed_headers: "host;x-acs-content-sha256",
  };
  for (const sign of [signWire, signOnly]) {
    // Bytes that are not UTF-8, hashed by the caller: signed by their hash.
    const upload = sign({ ...base, headers: { host: base.host, "x-acs-content-sha256": hash } });
    assert.equal(upload.hashed_payload, hash);
    assert.equal(upload.canonical_request.split("\n").at(-1), hash);
    // A body given must be the one hashed: the server hashes what it receives.
    assert.throws(() => sign({ ...base, headers: { host: base.host, "x-acs-content-sha256": hash }, body: "abc" }),
      (e) => e.code === "InvalidField" && e.path === "headers.x-acs-content-sha256" && e.message.includes(createHash("sha256").update("abc").digest("hex")));
    const text = createHash("sha256").update("abc").digest("hex");
    assert.equal(sign({ ...base, headers: { host: base.host, "x-acs-content-sha256": text }, body: "abc" }).hashed_payload, text);
  }
});

test("a URL object, or a holder of pairs, where a part of a request's text belongs is refused, not signed as JSON writes it", () => {
  const good = contractInput(loadVectors().find((v) => v.algorithm === "TC3-HMAC-SHA256"));
  const url = new URL("https://cvm.tencentcloudapi.com/a/b?b=2&a=1");
  for (const sign of [signWire, signOnly]) {
    // JSON writes a URL as its whole address: the query would have been signed as "https://…".
    for (const [field, part] of [["query", /url\.search\.slice\(1\)/], ["path", /url\.pathname/], ["host", /url\.host/], ["body", /its text/]]) {
      assert.throws(() => sign({ ...good, [field]: url }), (e) => e.code === "InvalidField" && e.path === field && /^InvalidField at \w+: is a URL object, which JSON writes as its whole address/.test(e.message) && part.test(e.message), field);
    }
    for (const body of [new URLSearchParams("a=1"), new Headers({ a: "1" })]) {
      assert.throws(() => sign({ ...good, body }), (e) => e.code === "InvalidField" && e.path === "body" && /holds pairs.*String\(params\)/.test(e.message), body.constructor.name);
    }
    // Bytes are told the way to sign bytes; a String object is text, and a field named like
    // a member of Object.prototype is no part of a request.
    for (const body of [new Uint8Array([0x7b, 0x7d]), Buffer.from("{}"), new ArrayBuffer(2)]) {
      assert.throws(() => sign({ ...good, body }), (e) => e.code === "InvalidField" && e.path === "body" && /leave body out and give their SHA-256/.test(e.message), body.constructor.name);
    }
    assert.equal(sign({ ...good, body: new String(good.body) }).signature, sign(good).signature);
    assert.throws(() => sign({ ...good, constructor: url }), (e) => e.path === "constructor" && !/native code/.test(e.message));
    // The parts themselves sign, and a URL where a whole address belongs is read as one.
    assert.equal(sign({ ...good, query: url.search.slice(1) }).canonical_request.split("\n")[2], "b=2&a=1", "TC3 signs the query as given");
  }
  const seen = verifyWire({ url: new URL("http://127.0.0.1:9/x"), method: "GET", headers: {}, body: "", now: 1, credentials: [{ secret_id: "a", secret_key: "b" }] });
  assert.equal(seen.ok, false);
  assert.notEqual(seen.code, "InvalidField");
});

test("a field the algorithm does not sign is refused, not set aside", () => {
  const vs = loadVectors();
  const tc3 = contractInput(vs.find((v) => v.algorithm === "TC3-HMAC-SHA256"));
  const legacy = contractInput(vs.find((v) => v.algorithm === "TC-HmacSHA256"));
  const rpc = contractInput(vs.find((v) => v.algorithm === "ACS-RPC-HMAC-SHA1"));
  for (const m of [signWire, signOnly]) {
    assert.throws(() => m({ ...tc3, params: [["Limit", "1"]] }), (e) => e.code === "InvalidField" && e.path === "params" && /put these parameters in `query`/.test(e.message));
    for (const [input, path] of [[{ ...legacy, query: "a=b" }, "query"], [{ ...rpc, body: "a=b" }, "body"], [{ ...rpc, headers: { "X-A": "1" } }, "headers"], [{ ...legacy, signed_headers: "host" }, "signed_headers"]]) {
      assert.throws(() => m(input), (e) => e.code === "InvalidField" && e.path === path && /signs only the `params` pairs/.test(e.message), path);
    }
    // Left empty, they say nothing the signature leaves out.
    assert.equal(m({ ...tc3, params: [] }).signature, m(tc3).signature);
    assert.equal(m({ ...rpc, query: "", body: "", headers: {} }).signature, m(rpc).signature);
  }
});

test("a field under another spelling is refused, in both modules; a name of the caller's own is not", () => {
  const v = loadVectors().find((x) => x.algorithm === "TC3-HMAC-SHA256");
  const input = contractInput(v);
  for (const sign of [signWire, signOnly]) {
    // A vector's own bookkeeping next to the contract's fields changes nothing.
    assert.equal(sign({ ...input, id: v.id }).signature, sign(input).signature);
    // signedHeaders would have been signed had it been read: refused, not dropped.
    assert.throws(() => sign({ ...input, signedHeaders: "content-type;host;x-foo" }), (e) => e.code === "InvalidField" && e.path === "signedHeaders" && /signed_headers/.test(e.message));
    // Given instead of the field, it is named as such too, not the field said to be missing.
    const { signed_headers, timestamp, ...rest } = input;
    assert.throws(() => sign({ ...rest, timestamp, signedHeaders: signed_headers }), (e) => e.code === "InvalidField" && e.path === "signedHeaders" && /the field is 'signed_headers'/.test(e.message));
    assert.throws(() => sign({ ...rest, signed_headers, timeStamp: timestamp }), (e) => e.code === "InvalidField" && e.path === "timeStamp" && /the field is 'timestamp'/.test(e.message));
    // A Date crosses as its text: said so, with how to get seconds, as prepare says it.
    assert.throws(() => sign({ ...input, timestamp: new Date(timestamp * 1000) }), (e) => e.code === "InvalidField" && e.path === "timestamp" && /is a date .*Math\.floor\(date\.getTime\(\) \/ 1000\)/.test(e.message));
    // The token under another name: the request would fail at the server, far from here.
    const credentials = { ...input.credentials, sessionToken: "t0ken-value" };
    assert.throws(() => sign({ ...input, credentials }), (e) => e.path === "credentials.sessionToken" && !e.message.includes("t0ken-value"));
    // Told the names, in the same words prepare uses, rather than that secret_id is missing.
    const camel = { secretId: input.credentials.secret_id, secretKey: input.credentials.secret_key };
    assert.throws(() => sign({ ...input, credentials: camel }), (e) => e.path === "credentials.secretId" && /the field is 'secret_id'/.test(e.message));
    assert.equal(sign(input).signature, v.expected.signature);
    // Any other name was meant for something the signature would not cover: the body here.
    for (const name of ["payload", "url", "data"]) {
      assert.throws(() => sign({ ...input, [name]: '{"Limit":1}' }), (e) => e.code === "InvalidField" && e.path === name && /signWire's input/.test(e.message) && !e.message.includes("Limit"), name);
    }
    // A vector passed whole, its api's fields spread in too, still signs.
    assert.equal(sign({ ...input, ...v.api, id: v.id, tags: v.tags, expected: v.expected }).signature, v.expected.signature);
  }
  const req = receivedRequest(v);
  assert.throws(() => verifyWire({ ...req, payload: "x" }), (e) => e.code === "InvalidField" && e.path === "payload");
});

test("headers and params held in a Headers, Map, URLSearchParams or any iterator of pairs are read, not dropped as {}", () => {
  for (const v of loadVectors()) {
    const input = contractInput(v);
    for (const sign of [signWire, signOnly]) {
      if (input.headers) {
        const pairs = Array.isArray(input.headers) ? input.headers : Object.entries(input.headers);
        const want = sign(input).signature;
        assert.equal(sign({ ...input, headers: new Map(pairs) }).signature, want, `${v.id} Map`);
        // Headers joins nothing here (the names are unique) and lower-cases the names.
        assert.equal(sign({ ...input, headers: new Headers(pairs) }).signature, want, `${v.id} Headers`);
        // An iterator has no entries(): what it yields are the pairs.
        assert.equal(sign({ ...input, headers: new Map(pairs).entries() }).signature, want, `${v.id} map.entries()`);
      }
      if (input.params) {
        const want = sign(input).signature;
        assert.equal(sign({ ...input, params: new Map(input.params) }).signature, want, `${v.id} Map params`);
        const generated = (function* () {
          yield* input.params;
        })();
        assert.equal(sign({ ...input, params: generated }).signature, want, `${v.id} generator params`);
      }
    }
  }
  const v = loadVectors().find((x) => x.algorithm === "TC3-HMAC-SHA256");
  const req = receivedRequest(v);
  assert.equal(verifyWire({ ...req, headers: new Headers(Object.entries(req.headers)) }).ok, true);
});

test("an integer parameter value is signed as its digits, as the types say; a fraction is refused", () => {
  for (const v of loadVectors().filter((x) => x.algorithm === "ACS-RPC-HMAC-SHA1" || x.algorithm.startsWith("TC-Hmac"))) {
    const input = contractInput(v);
    const asText = { ...input, params: [...input.params, ["CpTestCount", "12"]] };
    for (const sign of [signWire, signOnly]) {
      assert.equal(sign({ ...input, params: [...input.params, ["CpTestCount", 12]] }).signature, sign(asText).signature, v.id);
      assert.throws(() => sign({ ...input, params: [...input.params, ["CpTestCount", 1.5]] }), (e) => e.code === "InvalidField" && e.path === "params.CpTestCount" && /pass it as a string/.test(e.message), v.id);
    }
  }
});
