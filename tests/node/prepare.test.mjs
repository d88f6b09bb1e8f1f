// validate, prepare and verifyWire in the packed package: the seed examples sign and verify,
// violations come back with paths and codes, and the secret never appears in the output.
import { test } from "node:test";
import assert from "node:assert/strict";
import { describe, validate, prepare, verifyWire, signWire, snippet } from "cloudplay";
import { DEMO_CREDENTIALS } from "./helpers.mjs";

const SEEDS = [
  "ms/2018-04-08/CreateResourceInstances",
  "postgres/2017-03-12/CreateResource",
  "hai/2023-08-12/RunInstances",
  "bssopenapi/2017-12-14/CreateInstance",
];

function received(prepared, now) {
  const r = prepared.request;
  const url = `${r.scheme}://${r.host}${r.path}${r.query ? `?${r.query}` : ""}`;
  return { method: r.method, url, headers: r.headers, body: r.body, credentials: [DEMO_CREDENTIALS], now };
}

test("every seed example prepares, and the signed request verifies", () => {
  for (const id of SEEDS) {
    const spec = describe(id);
    for (const algorithm of spec.algorithms) {
      const ex = spec.examples[0];
      const p = prepare({ api: id, params: ex.params, region: ex.region }, DEMO_CREDENTIALS, { timestamp: 1700000000, nonce: 12345, algorithm });
      assert.equal(p.trace.algorithm, algorithm);
      assert.deepEqual(p.violations, []);
      const v = verifyWire(received(p, 1700000000 + 10));
      assert.equal(v.ok, true, `${id} ${algorithm}: ${JSON.stringify(v)}`);
      // The headers as a server framework holds them: a Headers object, or [name, value] pairs.
      const asHeaders = { ...received(p, 1700000000 + 10), headers: new Headers(p.request.headers) };
      assert.equal(verifyWire(asHeaders).ok, true, `${id} ${algorithm} with a Headers object`);
      const asPairs = { ...received(p, 1700000000 + 10), headers: Object.entries(p.request.headers) };
      assert.equal(verifyWire(asPairs).ok, true, `${id} ${algorithm} with pairs`);
      assert.ok(!JSON.stringify(p).includes(DEMO_CREDENTIALS.secret_key), "the secret never leaves");
    }
  }
});

test("prepare defaults the timestamp to now and picks a fresh nonce", () => {
  const ex = describe("bssopenapi/2017-12-14/CreateInstance").examples[0];
  const call = { api: "bssopenapi/2017-12-14/CreateInstance", params: ex.params };
  const a = prepare(call, DEMO_CREDENTIALS);
  const b = prepare(call, DEMO_CREDENTIALS);
  const now = Math.floor(Date.now() / 1000);
  const date = new Date(now * 1000).toISOString().slice(0, 16);
  assert.ok(JSON.stringify(a.request).includes(date.replace(":", "%3A")) || JSON.stringify(a.request).includes(date));
  assert.notEqual(a.trace.signature, b.trace.signature, "nonces differ");
  assert.equal(verifyWire(received(a, now)).ok, true);
});

test("violations name the field and the vendor code; prepare refuses unless allowed", () => {
  const api = "hai/2023-08-12/RunInstances";
  const ex = describe(api).examples[0];
  const params = { ...ex.params, SystemDisk: { DiskType: "CLOUD_PREMIUM", DiskSize: "big" }, Bogus: 1 };
  delete params.ApplicationId;
  const v = validate({ api, params, region: ex.region });
  const byPath = Object.fromEntries(v.map((x) => [x.path, x.code]));
  assert.equal(byPath.ApplicationId, "MissingParameter");
  assert.equal(byPath["SystemDisk.DiskSize"], "InvalidParameter");
  assert.equal(byPath.Bogus, "UnknownParameter");
  assert.ok(v.every((x) => x.message && x.message_zh));
  assert.throws(
    () => prepare({ api, params, region: ex.region }, DEMO_CREDENTIALS, { timestamp: 1700000000 }),
    (e) => e.code === "Validation" && Array.isArray(e.violations) && e.violations.length === v.length,
  );
  const p = prepare({ api, params, region: ex.region }, DEMO_CREDENTIALS, { timestamp: 1700000000, allow_invalid: true });
  assert.equal(p.violations.length, v.length);
});

test("integers beyond 2^53 survive when given as strings", () => {
  const api = "ms/2018-04-08/CreateResourceInstances";
  const params = { Pid: "9007199254740993", TimeUnit: "m", TimeSpan: 1, ResourceNum: 1 };
  const p = prepare({ api, params }, DEMO_CREDENTIALS, { timestamp: 1700000000, method: "POST" });
  assert.ok(p.request.body.includes("9007199254740993"), p.request.body);
});

test("verifyWire refuses a changed request with the vendor's code and string to sign", () => {
  const ex = describe("bssopenapi/2017-12-14/CreateInstance").examples[0];
  const p = prepare({ api: "bssopenapi/2017-12-14/CreateInstance", params: ex.params }, DEMO_CREDENTIALS, {
    timestamp: 1700000000,
    algorithm: "ACS-RPC-HMAC-SHA1",
  });
  const req = received(p, 1700000000);
  req.url = req.url.replace("ProductCode=", "ProductCode=x");
  const out = verifyWire(req);
  assert.equal(out.ok, false);
  assert.equal(out.code, "SignatureDoesNotMatch");
  assert.equal(out.message.slice(out.message.indexOf(":") + 1), out.string_to_sign);
  const late = verifyWire({ ...received(p, 1700000000 + 3600) });
  assert.equal(late.code, "InvalidTimeStamp.Expired");
  // A violation of the params as a whole has no field to name: no "at :" either.
  assert.throws(() => prepare({ api: "hai/2023-08-12/RunInstances", params: "x", region: "ap-guangzhou" }, DEMO_CREDENTIALS), (e) => e.code === "Validation" && e.path === "" && /^Validation: The parameters must be a JSON object/.test(e.message));
  // The README's form: prepare's request as it is, with the one key prepare was given.
  const own = verifyWire({ ...p.request, credentials: DEMO_CREDENTIALS, now: 1700000000 });
  assert.deepEqual([own.ok, own.secret_id], [true, DEMO_CREDENTIALS.secret_id]);
  assert.throws(() => verifyWire({ method: "GET", credentials: [], now: 1 }), (e) => e.code === "MissingField" && e.path === "url" && /host, path and query/.test(e.message));
});

test("signWire and prepare agree", () => {
  const ex = describe("hai/2023-08-12/RunInstances").examples[0];
  const p = prepare({ api: "hai/2023-08-12/RunInstances", params: ex.params, region: ex.region }, DEMO_CREDENTIALS, { timestamp: 1700000000 });
  const r = p.request;
  const trace = signWire({
    algorithm: "TC3-HMAC-SHA256", method: r.method, host: r.host, path: r.path, service: "hai",
    credentials: DEMO_CREDENTIALS, timestamp: 1700000000, query: r.query,
    headers: Object.fromEntries(Object.entries(r.headers).filter(([k]) => k.toLowerCase() !== "authorization")),
    body: r.body, signed_headers: p.trace.signed_headers,
  });
  assert.equal(trace.signature, p.trace.signature);
});

test("a value JSON would change is an error at its path, never a field quietly left out", () => {
  const hai = describe("hai/2023-08-12/RunInstances").examples[0];
  const call = (params) => ({ api: "hai/2023-08-12/RunInstances", region: hai.region, params: { ...hai.params, ...params } });
  // A parameter's value is a violation at the parameter's own path, as a form shows every
  // other: validate lists it, prepare refuses the call with it (code Validation). Elsewhere (a
  // snippet's call, options) it is an error at the argument's path.
  const refused = (f, code, path) => {
    const param = path.startsWith("call.params.") ? path.slice("call.params.".length) : null;
    let got;
    try {
      got = { value: f() };
    } catch (e) {
      got = { error: e };
    }
    if (param !== null && got.value !== undefined) {
      // First, before what the rest of the call has (Tags, say, is no parameter of hai's).
      assert.deepEqual([got.value[0].path, got.value[0].code], [param, "InvalidParameter"], `validate: ${param}`);
      assert.ok(got.value[0].message.startsWith(`${param} `) && got.value[0].message_zh.startsWith(param), got.value[0].message);
      return;
    }
    const e = got.error;
    assert.ok(e, `${path}: refused`);
    if (param !== null) {
      assert.equal(e.code, "Validation", `${param}: ${e.message}`);
      assert.deepEqual([e.violations[0].path, e.violations[0].code], [param, "InvalidParameter"], `prepare: ${param}`);
      assert.equal(e.path, param);
      return;
    }
    assert.ok(e.name === "CloudplayError" && e.code === code && e.path === path, `${code} at ${path}: ${e.code} at ${e.path}`);
  };
  // JSON.stringify writes NaN and ±Infinity as null, which reads as "not given".
  refused(() => validate(call({ SystemDisk: { DiskType: "CLOUD_PREMIUM", DiskSize: parseInt("abc", 10) } })), "InvalidField", "call.params.SystemDisk.DiskSize");
  refused(() => prepare(call({ InstanceCount: Infinity }), DEMO_CREDENTIALS, { timestamp: 1700000000 }), "InvalidField", "call.params.InstanceCount");
  assert.throws(() => snippet(call({ InstanceCount: -Infinity }), "curl"), (e) => e.code === "InvalidField" && e.path === "call.params.InstanceCount");
  refused(() => prepare(call({}), DEMO_CREDENTIALS, { timestamp: NaN }), "InvalidField", "options.timestamp");
  refused(() => validate(call({ InstanceCount: new Number(NaN) })), "InvalidField", "call.params.InstanceCount");
  refused(() => validate(call({ InstanceName: new Date("not a date") })), "InvalidField", "call.params.InstanceName");
  // A function or a symbol would be left out: a method passed without its `()`.
  function instanceName() {
    return "named";
  }
  refused(() => prepare(call({ InstanceName: instanceName }), DEMO_CREDENTIALS, { timestamp: 1700000000 }), "InvalidField", "call.params.InstanceName");
  refused(() => validate(call({ Tags: [{ Key: "k", Value: Symbol("v") }] })), "InvalidField", "call.params.Tags[0].Value");
  refused(() => validate(call({ SecurityGroupIds: ["sg-1", () => "sg-2"] })), "InvalidField", "call.params.SecurityGroupIds[1]");
  assert.match(validate(call({ InstanceName: instanceName }))[0].message, /^InstanceName is a function, which JSON cannot carry/);
  // An object JSON writes as {} or as numbered members: a call built by an async function
  // given without its await, bytes, a pattern.
  const pending = Promise.resolve("named");
  refused(() => validate(call({ InstanceName: pending })), "InvalidField", "call.params.InstanceName");
  assert.throws(() => prepare({ api: "hai/2023-08-12/RunInstances", region: hai.region, params: Promise.resolve(hai.params) }, DEMO_CREDENTIALS), (e) => e.path === "call.params" && /await it/.test(e.message));
  assert.throws(() => validate(Promise.resolve(call({}))), (e) => e.code === "InvalidField" && e.path === "call" && /await it/.test(e.message));
  refused(() => validate(call({ InstanceName: new TextEncoder().encode("named") })), "InvalidField", "call.params.InstanceName");
  refused(() => validate(call({ Tags: [{ Key: "k", Value: /v/ }] })), "InvalidField", "call.params.Tags[0].Value");
  // A Map with names for keys is the object it holds, at any depth.
  const asMap = new Map(Object.entries({ ...hai.params, SystemDisk: new Map(Object.entries(hai.params.SystemDisk ?? { DiskSize: 80 })) }));
  assert.deepEqual(validate({ api: "hai/2023-08-12/RunInstances", region: hai.region, params: asMap }), validate(call({ SystemDisk: hai.params.SystemDisk ?? { DiskSize: 80 } })));
  // What a Map holds is looked at as an object's members are.
  const mapCall = (entries) => ({ api: "hai/2023-08-12/RunInstances", region: hai.region, params: new Map(Object.entries({ ...hai.params, ...entries })) });
  refused(() => validate(mapCall({ InstanceCount: NaN })), "InvalidField", "call.params.InstanceCount");
  refused(() => prepare(mapCall({ SystemDisk: Promise.resolve({ DiskSize: 80 }) }), DEMO_CREDENTIALS), "InvalidField", "call.params.SystemDisk");
  refused(() => validate(mapCall({ InstanceName: instanceName })), "InvalidField", "call.params.InstanceName");
  refused(() => validate({ ...call({}), params: { ...hai.params, SecurityGroupIds: new Set(["sg-1", () => 1]) } }), "InvalidField", "call.params.SecurityGroupIds[1]");
  const fromMap = prepare({ api: "hai/2023-08-12/RunInstances", region: hai.region, params: asMap }, DEMO_CREDENTIALS, { timestamp: 1700000000 });
  assert.equal(fromMap.request.body, prepare(call({ SystemDisk: hai.params.SystemDisk ?? { DiskSize: 80 } }), DEMO_CREDENTIALS, { timestamp: 1700000000 }).request.body);
  // The refused value does not hide the call's other problems, and an unknown API is still one.
  const both = validate({ api: "hai/2023-08-12/RunInstances", region: hai.region, params: { SystemDisk: { DiskSize: NaN } } });
  assert.deepEqual(both.map((v) => v.path), ["SystemDisk.DiskSize", "ApplicationId", "BundleType"]);
  assert.match(both[0].message_zh, /^SystemDisk\.DiskSize 是 NaN，JSON 无法表示/);
  assert.throws(() => validate({ api: "nope/2020-01-01/X", params: { A: NaN } }), (e) => e.code === "UnknownApi");
  assert.throws(() => prepare({ api: "hai/2023-08-12/RunInstances", region: hai.region, params: { SystemDisk: { DiskSize: NaN } } }, DEMO_CREDENTIALS),
    (e) => e.code === "Validation" && e.violations.length === 3 && e.path === "SystemDisk.DiskSize");
  // allow_invalid sends a call with problems as it is; a value JSON cannot carry would not be sent as it is.
  assert.throws(() => prepare(call({ InstanceCount: NaN }), DEMO_CREDENTIALS, { allow_invalid: true }), (e) => e.code === "Validation" && e.path === "InstanceCount");
  assert.match(validate(call({ InstanceName: Promise.resolve("x") }))[0].message_zh, /是 Promise：请先 await/);
  // Each cause is said in Chinese as itself (the Chinese is found by the English words).
  const causes = [NaN, Infinity, -Infinity, () => 1, Symbol("s"), Promise.resolve(1), new Uint8Array(2), /x/, new WeakMap(), new Date("x"), "a\ud800", 2 ** 60];
  for (const value of causes) {
    const [first] = validate(call({ InstanceCount: value }));
    assert.equal(first.path, "InstanceCount", String(value));
    assert.doesNotMatch(first.message_zh, /的值无法原样以 JSON 发送/, `${String(value)}: ${first.message}`);
  }
  // An undefined member is a field not given, as JSON has it.
  assert.deepEqual(validate(call({ InstanceName: undefined })), []);
  // An integer past 2^53 has lost its last digits before it is read (2**60 is written as
  // 1152921504606847000, 1e21 as 1e+21): refused, where a decimal string or a BigInt is exact.
  refused(() => validate(call({ InstanceCount: 2 ** 60 })), "InvalidField", "call.params.InstanceCount");
  refused(() => prepare(call({ SystemDisk: { DiskType: "CLOUD_PREMIUM", DiskSize: 1e21 } }), DEMO_CREDENTIALS, { timestamp: 1700000000 }), "InvalidField", "call.params.SystemDisk.DiskSize");
  assert.match(validate(call({ InstanceCount: 2 ** 60 }))[0].message, /decimal string or a BigInt/);
  const ms = { api: "ms/2018-04-08/CreateResourceInstances", params: { Pid: 12750, TimeUnit: "m", TimeSpan: 6, ResourceNum: 10 } };
  assert.deepEqual(validate({ ...ms, params: { ...ms.params, Pid: 2n ** 60n } }), []);
  assert.deepEqual(validate({ ...ms, params: { ...ms.params, Pid: "1152921504606846976" } }), []);
  assert.deepEqual(validate({ ...ms, params: { ...ms.params, Pid: 9007199254740991 } }), [], "2^53 - 1 is exact");
  // A lone surrogate, as a value or a name, deep in a list.
  refused(() => validate(call({ InstanceName: "a\ud800b" })), "InvalidJson", "call.params.InstanceName");
  refused(() => validate(call({ Tags: [{ Key: "k", Value: "v" }, { ["\udc00"]: 1 }] })), "InvalidJson", "call.params.Tags[1].\\udc00");
  // What JSON carries as given is read as before: null, and text that only looks like an escape.
  const nulls = validate(call({ InstanceName: null }));
  assert.ok(Array.isArray(nulls));
  const p = prepare(call({ InstanceName: "C:\\udata null" }), DEMO_CREDENTIALS, { timestamp: 1700000000 });
  assert.match(p.request.body, /C:\\\\udata null/);
});

test("argument errors name the member at fault and say what to do", () => {
  const hai = describe("hai/2023-08-12/RunInstances").examples[0];
  const call = { api: "hai/2023-08-12/RunInstances", region: hai.region, params: hai.params };
  const at = (code, path, message = /./) => (e) => e.name === "CloudplayError" && e.code === code && e.path === path && message.test(e.message);
  assert.throws(() => prepare(call, {}), at("MissingField", "credentials.secret_id"));
  // The call is read straight from its text: its errors name the member all the same.
  assert.throws(() => prepare({ params: {} }, DEMO_CREDENTIALS), at("MissingField", "call.api"));
  assert.throws(() => validate({ api: 7 }), at("InvalidField", "call.api"));
  assert.throws(() => validate({ api: "hai/2023-08-12/RunInstances", parms: {} }), at("InvalidField", "call.parms", /not a known field/));
  // camelCase names are told the names, not that secret_id is missing.
  assert.throws(() => prepare(call, { secretId: "AKID", secretKey: "k" }), at("InvalidField", "credentials.secretId", /the field is 'secret_id'/));
  assert.throws(() => prepare(call, { secret_id: "AKID" }), at("MissingField", "credentials.secret_key"));
  assert.throws(() => prepare(call, DEMO_CREDENTIALS, { timestamp: "1700000000" }), at("InvalidField", "options.timestamp", /expected an integer$/));
  assert.throws(() => prepare(call, DEMO_CREDENTIALS, { timestamp: 1.5 }), at("InvalidField", "options.timestamp", /the number `1.5`, expected an integer$/));
  assert.throws(() => prepare(call, DEMO_CREDENTIALS, { timestamp: 1700000000, allowInvalid: true }), at("InvalidField", "options.allowInvalid", /not a known field: expected one of `timestamp`/));
  assert.throws(() => prepare(call, DEMO_CREDENTIALS, { timestamp: 1700000000123 }), at("TimestampOutOfRange", "options.timestamp", /looks like milliseconds/));
  // A nonce the caller gave is sent as given, or refused: never an empty one, never one whose digits JS lost.
  assert.throws(() => prepare(call, DEMO_CREDENTIALS, { nonce: "" }), at("InvalidField", "options.nonce", /leave it out for a random one/));
  assert.throws(() => prepare(call, DEMO_CREDENTIALS, { nonce: 2 ** 60 }), at("InvalidField", "options.nonce", /give it as a string/));
  assert.equal(prepare(call, DEMO_CREDENTIALS, JSON.stringify({ nonce: 2 ** 60, timestamp: 1700000000 })).violations.length, 0);
  assert.equal(prepare(call, DEMO_CREDENTIALS, { nonce: "1152921504606846977", timestamp: 1700000000 }).violations.length, 0);
  assert.throws(() => verifyWire({ method: "POST", url: "https://hai.tencentcloudapi.com/", credentials: [DEMO_CREDENTIALS] }), at("MissingField", "now"));
  assert.throws(() => verifyWire({ method: "POST", url: "https://hai.tencentcloudapi.com/", credentials: "AKID", now: 1 }), at("InvalidField", "credentials", /: must be \{secret_id, secret_key, token\?\} or a list of them/));
  assert.throws(() => verifyWire({ method: "POST", url: "https://hai.tencentcloudapi.com/", credentials: [DEMO_CREDENTIALS], now: 1700000000123 }), at("InvalidField", "now", /milliseconds/));
  // Paths are the input's own wherever the fault is found: in JS before crossing, or as text.
  assert.throws(() => verifyWire({ method: "POST", url: "https://hai.tencentcloudapi.com/", credentials: [DEMO_CREDENTIALS], now: NaN }), at("InvalidField", "now"));
  assert.throws(() => verifyWire({ method: "POST", url: "https://hai.tencentcloudapi.com/", headers: { "X-A": "\ud800" }, credentials: [DEMO_CREDENTIALS], now: 1 }), at("InvalidJson", "headers.X-A"));
  for (const [whole, code] of [[42, "InvalidJson"], ["{", "InvalidJson"], ["[1]", "InvalidField"], [[1], "InvalidField"]]) {
    assert.throws(() => verifyWire(whole), at(code, "input"), JSON.stringify(whole));
  }
  // A secret given in the wrong shape is never quoted back (serde quotes what it refuses).
  const secret = 987654321987;
  for (const [credentials, path] of [
    [{ secret_id: "AKID", secret_key: secret }, "credentials.secret_key"],
    [{ secret_id: "AKID", secret_key: "k", token: secret }, "credentials.token"],
    [`"${secret}"`, "credentials"],
  ]) {
    assert.throws(() => prepare(call, credentials), (e) => e.code !== "MissingField" && e.path === path && !`${e.message} ${e.stack}`.includes(String(secret)), path);
  }
  const verify = { method: "POST", url: "https://hai.tencentcloudapi.com/", credentials: [{ secret_id: "AKID", secret_key: secret }], now: 1 };
  assert.throws(() => verifyWire(verify), (e) => e.path === "credentials[0]" && !e.message.includes(String(secret)));
  assert.throws(() => verifyWire({ ...verify, credentials: verify.credentials[0] }), (e) => e.path === "credentials.secret_key" && !e.message.includes(String(secret)));
});

test("credentials are an object with the three names: a list or another name is refused", () => {
  const call = { api: "hai/2023-08-12/RunInstances", region: "ap-guangzhou", params: { ApplicationId: "app-jknfna", BundleType: "XL" } };
  const { secret_id, secret_key } = DEMO_CREDENTIALS;
  // A swapped pair read in order would have put the secret where the id goes, and sent it.
  for (const credentials of [[secret_key, secret_id], [secret_id, secret_key, "token"], JSON.stringify([secret_key, secret_id])]) {
    assert.throws(
      () => prepare(call, credentials, { timestamp: 1700000000 }),
      (e) => e.code === "InvalidField" && e.path === "credentials" && !e.message.includes(secret_key),
    );
  }
  // Other SDKs' names for the same fields (Alibaba's, AWS's) are told the names too.
  for (const name of ["sessionToken", "security_token", "secretKey", "accessKeyId", "AccessKeySecret", "access_key_secret", "secretAccessKey", "stsToken"]) {
    assert.throws(
      () => prepare(call, { secret_id, secret_key, [name]: "t0ken-value" }, { timestamp: 1700000000 }),
      (e) => e.code === "InvalidField" && e.path === `credentials.${name}` && !e.message.includes("t0ken-value"),
    );
  }
  // A key or token as a file or the clipboard gives it (a line break, a space) is refused at
  // its field, before a signature that fails only at the server, or a header fetch refuses.
  for (const [credentials, path] of [
    [{ secret_id, secret_key: `${secret_key}\n` }, "credentials.secret_key"],
    [{ secret_id: ` ${secret_id}`, secret_key }, "credentials.secret_id"],
    [{ secret_id, secret_key, token: "t0ken\r\nX-Evil: 1" }, "credentials.token"],
  ]) {
    assert.throws(
      () => prepare(call, credentials, { timestamp: 1700000000 }),
      (e) => e.code === "InvalidField" && e.path === path && !e.message.includes("t0ken") && !e.message.includes(secret_key),
      path,
    );
  }
  // Swapped, the secret would be sent as the id: refused, without quoting either.
  for (const id of ["AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "LTAI5tExampleKeyId"]) {
    assert.throws(
      () => prepare(call, { secret_id: secret_key, secret_key: id }, { timestamp: 1700000000 }),
      (e) => e.code === "InvalidField" && e.path === "credentials.secret_key" && /swapped/.test(e.message) && !e.message.includes(id) && !e.message.includes(secret_key),
    );
  }
  // The key in both fields would be sent in clear as the id.
  assert.throws(
    () => prepare(call, { secret_id: secret_key, secret_key }, { timestamp: 1700000000 }),
    (e) => e.code === "InvalidField" && e.path === "credentials.secret_id" && /same as secret_key/.test(e.message) && !e.message.includes(secret_key),
  );
  // Any other name is the caller's own: a demo account passes whole, profile and all.
  assert.equal(prepare(call, { secret_id, secret_key, profile: "ordinary" }, { timestamp: 1700000000 }).violations.length, 0);
});

test("the slips of passing one function's answer or a JS time on are named with what to pass", async () => {
  const { simulate, send } = await import("cloudplay");
  const ex = describe("hai/2023-08-12/RunInstances").examples[0];
  const call = { api: "hai/2023-08-12/RunInstances", params: ex.params, region: ex.region };
  const p = prepare(call, DEMO_CREDENTIALS, { timestamp: 1700000000 });
  // prepare's whole answer where its request is wanted.
  const whole = (e) => e.code === "InvalidField" && e.path === "signed" && /\.request/.test(e.message);
  assert.throws(() => simulate(p), whole);
  assert.throws(() => snippet(call, "curl", p), whole);
  await assert.rejects(send(p, { via: "simulator" }), whole);
  assert.equal(simulate(p.request, { now: 1700000000 }).status, 200);
  // verifyWire takes prepare's request as it is, as well as a url.
  for (const request of [p.request, { ...p.request, scheme: undefined }]) {
    assert.equal(verifyWire({ ...request, credentials: [DEMO_CREDENTIALS], now: 1700000010 }).ok, true);
  }
  assert.throws(
    () => verifyWire({ ...received(p, 1700000010), host: p.request.host }),
    (e) => e.code === "InvalidField" && e.path === "host" && /not both/.test(e.message),
  );
  // A Date where unix seconds are wanted: told how to get them.
  assert.throws(
    () => prepare(call, DEMO_CREDENTIALS, { timestamp: new Date(1700000000000) }),
    (e) => e.path === "options.timestamp" && /getTime\(\) \/ 1000/.test(e.message),
  );
  // A BigInt a number holds is taken as that number.
  assert.equal(prepare(call, DEMO_CREDENTIALS, { timestamp: 1700000000n }).trace.signature, p.trace.signature);
  // A snippet of an edited call with the request signed before the edit.
  const edited = { ...call, params: { ...call.params, InstanceName: "renamed" } };
  assert.throws(() => snippet(edited, "curl", p.request), (e) => e.path === "signed" && /other parameters/.test(e.message));
});

test("a null parameter is left out as if absent, at any depth, as the README says", () => {
  const params = { ApplicationId: "app-jknfna", BundleType: "XL" };
  const call = (extra) => ({ api: "hai/2023-08-12/RunInstances", region: "ap-guangzhou", params: { ...params, ...extra } });
  const sent = (extra) => JSON.parse(prepare(call(extra), DEMO_CREDENTIALS, { timestamp: 1700000000 }).request.body);
  assert.deepEqual(validate(call({ InstanceName: null })), []);
  assert.deepEqual(sent({ InstanceName: null }), params);
  assert.deepEqual(sent({ SystemDisk: { DiskSize: null } }), { ...params, SystemDisk: {} });
  // A required one set to null is missing.
  assert.deepEqual(validate(call({ ApplicationId: null })).map((v) => [v.path, v.code]), [["ApplicationId", "MissingParameter"]]);
});

test("a node:http server's req.headers goes to verifyWire as it is, Set-Cookie's list included", async () => {
  const { createServer, request } = await import("node:http");
  const id = "hai/2023-08-12/RunInstances";
  const ex = describe(id).examples[0];
  const now = Math.floor(Date.now() / 1000);
  const p = prepare({ api: id, params: ex.params, region: ex.region }, DEMO_CREDENTIALS, { timestamp: now });
  const outcomes = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      // No try/catch: a throw here would take the server down, as the README's gate would be.
      const headers = { ...req.headers, host: p.request.host };
      outcomes.push({ list: Array.isArray(req.headers["set-cookie"]), v: verifyWire({ method: req.method, url: `https://${p.request.host}${req.url}`, headers, body, credentials: [DEMO_CREDENTIALS], now }) });
      res.end();
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const send = (extra) => new Promise((resolve, reject) => {
    const r = request({ host: "127.0.0.1", port: server.address().port, method: p.request.method, path: p.request.path, headers: { ...p.request.headers, ...extra } }, (res) => res.resume().on("end", resolve));
    r.on("error", reject);
    r.end(p.request.body);
  });
  try {
    await send({ "Set-Cookie": ["a=1", "b=2"] });
    await send({ "Set-Cookie": "a=1", "X-Tc-Timestamp": String(now + 1) });
  } finally {
    server.close();
  }
  assert.equal(outcomes[0].list, true, "Node holds Set-Cookie as a list");
  assert.equal(outcomes[0].v.ok, true, JSON.stringify(outcomes[0].v));
  // A request changed after signing is refused, not thrown.
  assert.equal(outcomes[1].v.ok, false);
  assert.equal(outcomes[1].v.code, "AuthFailure.SignatureFailure");
});

test("an error logged as JSON keeps its English message beside the Chinese, from the module and from send", async () => {
  const { send } = await import("cloudplay");
  let thrown;
  try {
    const ex = describe("hai/2023-08-12/RunInstances").examples[0];
    prepare({ api: "hai/2023-08-12/RunInstances", params: ex.params, region: ex.region }, DEMO_CREDENTIALS, { timestamp: "soon" });
  } catch (e) {
    thrown = e;
  }
  assert.equal(thrown.code, "InvalidField");
  const logged = JSON.parse(JSON.stringify(thrown));
  assert.equal(logged.message, thrown.message);
  assert.equal(logged.code, thrown.code);
  assert.ok(thrown instanceof Error && thrown.stack.includes(thrown.message.split("\n")[0]));
  // A network failure of send, made by the JS glue.
  const ex = describe("hai/2023-08-12/RunInstances").examples[0];
  const p = prepare({ api: "hai/2023-08-12/RunInstances", params: ex.params, region: ex.region }, DEMO_CREDENTIALS);
  const failed = await send({ ...p.request, host: "127.0.0.1:1", scheme: "http" }, { via: "direct", timeout: 2000 }).catch((e) => e);
  assert.equal(failed.code, "NetworkError");
  assert.equal(JSON.parse(JSON.stringify(failed)).message, failed.message);
});
