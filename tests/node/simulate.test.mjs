// simulate, send, demoAccounts and the simulator's state in the packed package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { getEventListeners } from "node:events";
import { join } from "node:path";
import { describe, prepare, simulate, send, demoAccounts, simulatorState, restoreSimulator, parseRequest, importAlibabaMeta } from "cloudplay";
import { FIXTURES, alibabaBundle, declaredCodes } from "./helpers.mjs";

const SEEDS = [
  "ms/2018-04-08/CreateResourceInstances",
  "postgres/2017-03-12/CreateResource",
  "hai/2023-08-12/RunInstances",
  "bssopenapi/2017-12-14/CreateInstance",
];
const ordinary = () => demoAccounts().find((a) => a.profile === "ordinary" && !a.token);

function body(r) {
  return JSON.parse(r.body);
}

test("demo accounts, one per scenario", () => {
  const profiles = demoAccounts().map((a) => a.profile);
  for (const p of ["ordinary", "not-allow-listed", "arrears", "incomplete-information"]) assert.ok(profiles.includes(p), p);
  assert.ok(demoAccounts().some((a) => a.token), "a temporary (STS) account");
});

test("every seed example runs in the simulator and gets the documented success shape", () => {
  const creds = ordinary();
  const now = 1700000000;
  for (const api of SEEDS) {
    const spec = describe(api);
    const ex = spec.examples[0];
    for (const algorithm of spec.algorithms) {
      const p = prepare({ api, params: ex.params, region: ex.region }, creds, { timestamp: now, algorithm });
      const r = simulate(p.request, { now: now + 1, seed: 7 });
      assert.equal(r.status, 200, `${api} ${algorithm}: ${r.body}`);
      assert.equal(r.code, undefined, `${api} ${algorithm}: ${r.body}`);
      assert.equal(r.api, api);
      const b = body(r);
      if (api.startsWith("bssopenapi")) {
        assert.ok(b.RequestId && b.Data && b.Data.OrderId, r.body);
      } else {
        assert.ok(b.Response && b.Response.RequestId, r.body);
        assert.equal(b.Response.Error, undefined, r.body);
      }
      if (api.startsWith("ms")) assert.match(b.Response.ResourceSet[0], /^mspro_\d{8}_[0-9a-z]{8}_0$/);
      if (api.startsWith("postgres")) assert.match(b.Response.ResourceIdList[0], /^postgres-[0-9a-z]{8}$/);
    }
  }
});

test("Alibaba V3 with a form body is accepted by the simulator", () => {
  const ex = describe("bssopenapi/2017-12-14/CreateInstance").examples[0];
  const p = prepare({ api: "bssopenapi/2017-12-14/CreateInstance", params: ex.params }, ordinary(), {
    timestamp: 1700000000,
    algorithm: "ACS3-HMAC-SHA256",
    content_type: "application/x-www-form-urlencoded",
  });
  assert.equal(p.request.headers["content-type"], "application/x-www-form-urlencoded");
  const r = simulate(p.request, { now: 1700000001 });
  assert.equal(r.status, 200, r.body);
});

test("a wrong secret gets the vendor's signature error, with the server's trace to compare", () => {
  const creds = { ...ordinary(), secret_key: "not-the-secret" };
  const now = 1700000000;
  const hai = describe("hai/2023-08-12/RunInstances").examples[0];
  const p = prepare({ api: "hai/2023-08-12/RunInstances", params: hai.params, region: hai.region }, creds, { timestamp: now });
  const r = simulate(p.request, { now });
  assert.equal(r.status, 200);
  assert.equal(r.code, "AuthFailure.SignatureFailure");
  assert.equal(body(r).Response.Error.Code, "AuthFailure.SignatureFailure");
  // Same canonical request (the request is fine), different signature (the key is not).
  assert.equal(r.expected.canonical_request, p.trace.canonical_request);
  assert.notEqual(r.expected.signature, p.trace.signature);

  const bss = describe("bssopenapi/2017-12-14/CreateInstance").examples[0];
  const q = prepare({ api: "bssopenapi/2017-12-14/CreateInstance", params: bss.params }, creds, { timestamp: now, algorithm: "ACS-RPC-HMAC-SHA1" });
  const a = simulate(q.request, { now });
  assert.equal(a.status, 400);
  assert.equal(body(a).Code, "SignatureDoesNotMatch");
  assert.equal(body(a).Message.split(":").slice(1).join(":"), q.trace.string_to_sign);
});

test("an expired timestamp and a reused nonce get their errors", () => {
  const creds = ordinary();
  const ex = describe("ms/2018-04-08/CreateResourceInstances").examples[0];
  const p = prepare({ api: "ms/2018-04-08/CreateResourceInstances", params: ex.params, region: ex.region }, creds, { timestamp: 1700000000 });
  assert.equal(simulate(p.request, { now: 1700000000 + 3600 }).code, "AuthFailure.SignatureExpire");
  const bss = describe("bssopenapi/2017-12-14/CreateInstance").examples[0];
  const q = prepare({ api: "bssopenapi/2017-12-14/CreateInstance", params: bss.params }, creds, { timestamp: 1700000100, nonce: "same-nonce-twice" });
  assert.equal(simulate(q.request, { now: 1700000100 }).code, undefined);
  assert.equal(simulate(q.request, { now: 1700000101 }).code, "SignatureNonceUsed");
});

test("state exports, restores, and answers are deterministic for a seed", () => {
  const creds = ordinary();
  const ex = describe("ms/2018-04-08/CreateResourceInstances").examples[0];
  const call = { api: "ms/2018-04-08/CreateResourceInstances", params: ex.params, region: ex.region };
  const p = prepare(call, creds, { timestamp: 1800000000 });
  const saved = simulatorState();
  const a = simulate(p.request, { now: 1800000000, seed: 42 });
  restoreSimulator(saved);
  const b = simulate(p.request, { now: 1800000000, seed: 42 });
  assert.equal(a.body, b.body);
  assert.ok(JSON.parse(simulatorState()));
  assert.throws(() => restoreSimulator("{not json"), (e) => e.code === "InvalidJson" && e.path === "state" && e.message.split("InvalidJson").length === 2);
  // Each problem of an export is named where it is, once.
  const state = JSON.parse(simulatorState());
  delete state.format;
  assert.throws(() => restoreSimulator(state), (e) => e.code === "MissingField" && e.path === "state.format");
  assert.throws(() => restoreSimulator({ ...state, format: 9 }), (e) => e.code === "InvalidField" && e.path === "state.format" && /format 1/.test(e.message));
});

test("a state restored from its parsed JSON still knows its tokens and nonces", () => {
  const creds = ordinary();
  const ex = describe("hai/2023-08-12/RunInstances").examples[0];
  const call = { api: "hai/2023-08-12/RunInstances", params: { ...ex.params, ClientToken: "retry-me-after-restore" }, region: ex.region };
  const ids = (r) => JSON.parse(r.body).Response.InstanceIdSet;
  const first = ids(simulate(prepare(call, creds, { timestamp: 1800000000 }).request, { now: 1800000000 }));
  const bss = describe("bssopenapi/2017-12-14/CreateInstance").examples[0];
  const once = prepare({ api: "bssopenapi/2017-12-14/CreateInstance", params: bss.params }, creds, { timestamp: 1800000000, nonce: "once-across-a-restore" });
  assert.equal(simulate(once.request, { now: 1800000000 }).code, undefined);
  // JSON.parse reads every number as a JS number: the keys must survive that.
  restoreSimulator(JSON.parse(simulatorState()));
  const again = ids(simulate(prepare(call, creds, { timestamp: 1800000010 }).request, { now: 1800000010 }));
  assert.deepEqual(again, first);
  assert.equal(simulate(once.request, { now: 1800000001 }).code, "SignatureNonceUsed");
  for (const r of JSON.parse(simulatorState()).idempotency) assert.ok(Number.isSafeInteger(r.key), String(r.key));
});

test("send via the simulator, and direct to a local server: answers, network errors, timeouts, aborts", async () => {
  const creds = ordinary();
  const ex = describe("hai/2023-08-12/RunInstances").examples[0];
  const p = prepare({ api: "hai/2023-08-12/RunInstances", params: ex.params, region: ex.region }, creds);
  const viaSim = await send(p.request);
  assert.equal(viaSim.via, "simulator");
  assert.equal(viaSim.status, 200);
  assert.ok(viaSim.ms >= 0);

  const seen = [];
  const server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: data });
      if (req.url.includes("slow")) return; // never answers
      res.writeHead(400, { "Content-Type": "application/json" });
      res.end('{"Response":{"Error":{"Code":"InvalidParameter","Message":"x"},"RequestId":"r"}}');
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const port = server.address().port;
  try {
    const local = { ...p.request, scheme: "http", host: `127.0.0.1:${port}` };
    const r = await send(local, { via: "direct" });
    assert.equal(r.status, 400, "an API error is an answer, not an exception");
    assert.equal(r.via, "direct");
    // Header names read alike whichever way the call went: as fetch gives them.
    assert.equal(r.headers["content-type"], "application/json");
    assert.match(viaSim.headers["content-type"], /^application\/json/);
    assert.deepEqual(Object.keys(viaSim.headers).filter((k) => k !== k.toLowerCase()), []);
    assert.equal(seen[0].body, p.request.body);
    assert.equal(seen[0].headers.authorization, p.request.headers.Authorization);

    await assert.rejects(send({ ...local, path: "/slow" }, { via: "direct", timeout: 200 }), (e) => e.code === "Timeout" && declaredCodes().has(e.code));
    const ctl = new AbortController();
    const pending = send({ ...local, path: "/slow" }, { via: "direct", signal: ctl.signal });
    setTimeout(() => ctl.abort(), 50);
    await assert.rejects(pending, (e) => e.code === "Aborted" && declaredCodes().has(e.code) && e.message === "Aborted: the request was aborted");
    // One signal for a batch of sends (a page's "cancel all"): Node warns of a leak past ten
    // listeners on one signal, so the sends share one; all of them still abort with it.
    const warnings = [];
    const onWarning = (w) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      const batch = new AbortController();
      const many = Array.from({ length: 24 }, () => send({ ...local, path: "/slow" }, { via: "direct", signal: batch.signal }));
      setTimeout(() => batch.abort(), 100);
      const outcomes = await Promise.allSettled(many);
      assert.deepEqual(outcomes.map((o) => o.status === "rejected" && o.reason.code), many.map(() => "Aborted"));
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(warnings.filter((w) => w === "MaxListenersExceededWarning"), []);
      // While sends are pending, their signal holds one listener; when they are done, none.
      const kept = new AbortController();
      const slow = Array.from({ length: 12 }, () => send({ ...local, path: "/slow" }, { via: "direct", signal: kept.signal, timeout: 300 }));
      const quick = Array.from({ length: 3 }, () => send(local, { via: "direct", signal: kept.signal }));
      await new Promise((r) => setTimeout(r, 30));
      assert.equal(getEventListeners(kept.signal, "abort").length, 1);
      assert.deepEqual((await Promise.all(quick)).map((r) => r.status), [400, 400, 400]);
      assert.equal(getEventListeners(kept.signal, "abort").length, 1, "the slow sends still follow the signal");
      assert.deepEqual((await Promise.allSettled(slow)).map((o) => o.reason?.code), slow.map(() => "Timeout"));
      assert.equal(getEventListeners(kept.signal, "abort").length, 0);
    } finally {
      process.off("warning", onWarning);
    }
  } finally {
    server.closeAllConnections?.();
    server.close();
  }
  const closed = { ...p.request, scheme: "http", host: `127.0.0.1:${port}` };
  await assert.rejects(send(closed, { via: "direct", timeout: 5000 }), (e) => e.code === "NetworkError" && declaredCodes().has(e.code) && e.name === "CloudplayError");
  // The reason fetch gives (a refused connection: nothing listens on a port just given back)
  // is kept, in the message and as `cause`.
  const gone = createServer();
  await new Promise((r) => gone.listen(0, "127.0.0.1", r));
  const free = gone.address().port;
  await new Promise((r) => gone.close(r));
  const nobody = { ...p.request, scheme: "http", host: `127.0.0.1:${free}` };
  await assert.rejects(send(nobody, { via: "direct", timeout: 5000 }), (e) => e.code === "NetworkError" && declaredCodes().has(e.code) && /ECONNREFUSED/.test(e.message) && e.cause !== undefined
    && /^无法连接 127\.0\.0\.1:\d+：/.test(e.message_zh) && !/plain http/.test(e.message));
  // https to this machine: the error says a local server speaks plain http.
  await assert.rejects(send({ ...nobody, scheme: "https" }, { via: "direct", timeout: 5000 }),
    (e) => e.code === "NetworkError" && new RegExp(`speaks plain http: sign the call with endpoint "http://127\\.0\\.0\\.1:${free}"`).test(e.message));
  await answersAndProxies(p.request);
  // Outside a page, "the page's own /proxy" does not exist: the error says what to give.
  await assert.rejects(send(p.request, { via: "proxy" }), (e) => e.code === "InvalidField" && e.path === "options.proxyUrl" && /http:\/\/127\.0\.0\.1/.test(e.message));
  await assert.rejects(send(p.request, { via: "carrier-pigeon" }), (e) => e.code === "InvalidField" && e.path === "options.via");
  // A misspelt option is told every option there is, the live `signal` too.
  await assert.rejects(send(p.request, { signl: 1 }),
    (e) => e.code === "InvalidField" && e.path === "options.signl" && /`via`.*`timeout`.*`proxyUrl`.*`now`.*`seed`, `signal`/.test(e.message));
});

/** `send` against a local server standing in for the vendors and for proxies: each answer
 *  as the vendor's error `code` (or none), each kind of proxy answer as its own outcome. */
async function answersAndProxies(signed) {
  const seen = [];
  const answers = {
    "/tc3-error": [200, {}, '{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"x"},"RequestId":"r"}}'],
    "/tc3-ok": [200, {}, '{"Response":{"RequestId":"r"}}'],
    "/v2-error": [200, {}, '{"code":4100,"message":"x","codeDesc":"AuthFailure"}'],
    "/v2-ok": [200, {}, '{"code":0,"message":"","codeDesc":"Success"}'],
    "/acs-error": [400, {}, '{"Code":"SignatureDoesNotMatch","Message":"x","RequestId":"r"}'],
    "/acs-ok": [200, {}, '{"RequestId":"r","Data":{}}'],
    "/acs-200-error": [200, {}, '{"Code":"InvalidOwner","Success":false,"RequestId":"r"}'],
    "/acs-200-success": [200, {}, '{"Code":"Success","Success":true,"RequestId":"r"}'],
    "/html-error": [502, {}, "<html>bad gateway</html>"],
    "/forwarded": [200, { "x-cloudplay-proxy": "forwarded" }, '{"Response":{"Error":{"Code":"InvalidParameter","Message":"x"},"RequestId":"r"}}'],
    "/refused": [403, { "x-cloudplay-proxy-error": "ForeignHost" }, '{"code":"ForeignHost","message":"only the vendors\' API hosts are forwarded"}'],
    "/unresolvable": [502, { "x-cloudplay-proxy-error": "Unresolvable" }, '{"code":"Unresolvable","message":"cannot resolve hai.tencentcloudapi.com"}'],
    "/slow-upstream": [504, { "x-cloudplay-proxy-error": "UpstreamTimeout" }, '{"code":"UpstreamTimeout","message":"no answer within 30 s"}'],
  };
  const server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      seen.push({ url: req.url, headers: req.headers, body: data });
      const [status, headers, body] = answers[req.url] ?? [404, {}, "<html>not found</html>"];
      res.writeHead(status, { "Content-Type": "application/json", ...headers });
      res.end(body);
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const local = (path) => ({ ...signed, scheme: "http", host: base.slice(7), path });
    for (const [path, code] of [["/tc3-error", "AuthFailure.SignatureFailure"], ["/tc3-ok", undefined], ["/v2-error", "4100"], ["/v2-ok", undefined], ["/acs-error", "SignatureDoesNotMatch"], ["/acs-ok", undefined], ["/acs-200-error", "InvalidOwner"], ["/acs-200-success", undefined], ["/html-error", "HTTP 502"]]) {
      const r = await send(local(path), { via: "direct" });
      assert.equal(r.code, code, path);
      assert.equal("code" in r, code !== undefined, `${path}: no code member for a success`);
    }
    // An empty POST body goes as no body: fetch would have added a Content-Type of text/plain.
    await send({ ...local("/acs-ok"), method: "POST", body: "", headers: {} }, { via: "direct" });
    assert.equal(seen.at(-1).headers["content-type"], undefined);
    // Through a proxy: forwarded (the vendor's answer, its code read), refused, failed on the
    // way to the vendor, or not a proxy at all.
    const proxied = (path) => send(signed, { via: "proxy", proxyUrl: `${base}${path}` });
    assert.equal((await proxied("/forwarded")).code, "InvalidParameter");
    await assert.rejects(proxied("/refused"), (e) => e.code === "ProxyRefused" && e.reason === "ForeignHost" && e.message === "ProxyRefused: the proxy refused the request: ForeignHost: only the vendors' API hosts are forwarded");
    await assert.rejects(proxied("/unresolvable"), (e) => e.code === "NetworkError" && e.reason === "Unresolvable" && e.message.includes(`could not get an answer from ${signed.host}: cannot resolve`));
    await assert.rejects(proxied("/slow-upstream"), (e) => e.code === "Timeout" && e.reason === "UpstreamTimeout");
    await assert.rejects(proxied("/proxy"), (e) => e.code === "NoProxy" && declaredCodes().has(e.code) && /HTTP 404\) is not the proxy of `cloudplay serve`: forward/.test(e.message) && !e.message.includes("forwards at"));
    // The server's own address, as its banner shows it: the proxy's path is named.
    await assert.rejects(proxied("/"), (e) => e.code === "NoProxy" && e.message.endsWith(`\`cloudplay serve\` forwards at /proxy (${base}/proxy)`));
    // A dev server whose cloudplay serve is down answers 502: said as a likely reason.
    await assert.rejects(proxied("/html-error"), (e) => e.code === "NoProxy" && /HTTP 502\) is not the proxy of `cloudplay serve`; if it forwards to one, that `cloudplay serve` is not running/.test(e.message) && !e.message.includes("forwards at"));
  } finally {
    server.closeAllConnections?.();
    server.close();
  }
}

test("a session token is not sent over plain http to another machine, in a header or as a parameter", async () => {
  const token = "session-t0ken-value";
  const credentials = { ...ordinary(), token };
  const hai = describe("hai/2023-08-12/RunInstances").examples[0];
  const bss = describe("bssopenapi/2017-12-14/CreateInstance").examples[0];
  const signed = [
    prepare({ api: "hai/2023-08-12/RunInstances", params: hai.params, region: hai.region }, credentials, { timestamp: 1700000000 }).request,
    prepare({ api: "bssopenapi/2017-12-14/CreateInstance", params: bss.params, region: bss.region }, credentials, { timestamp: 1700000000, algorithm: "ACS-RPC-HMAC-SHA1" }).request,
  ];
  for (const request of signed) {
    // In any case: a URL reads HTTP:// as http.
    for (const scheme of ["http", "HTTP", "Http"]) {
      await assert.rejects(send({ ...request, scheme }, { via: "direct" }), (e) => e.code === "InvalidField" && e.path === "signed.scheme" && !e.message.includes(token), `${scheme} ${request.host}`);
    }
    // A scheme that is neither is refused as such, token or not.
    await assert.rejects(send({ ...request, scheme: "ftp" }, { via: "direct" }), (e) => e.code === "InvalidField" && e.path === "signed.scheme" && /not http or https/.test(e.message));
    // A name that only starts like a loopback address is another machine.
    await assert.rejects(send({ ...request, scheme: "http", host: "127.attacker.test" }, { via: "direct" }), (e) => e.code === "InvalidField" && e.path === "signed.scheme", "127.attacker.test");
    // The proxy is sent the whole request: it is held to the same rule.
    for (const proxyUrl of ["http://proxy.example/proxy", "http://127.0.0.1.example:8080/proxy"]) {
      await assert.rejects(send(request, { via: "proxy", proxyUrl }), (e) => e.code === "InvalidField" && e.path === "options.proxyUrl" && e.message.includes("the proxy at") && !e.message.includes(token), proxyUrl);
    }
    // To this machine (a simulator or `cloudplay serve` of one's own) it goes: nothing listens
    // on port 9 here.
    for (const host of ["127.0.0.1:9", "[::1]:9", "localhost:9"]) {
      await assert.rejects(send({ ...request, scheme: "http", host }, { via: "direct", timeout: 5000 }), (e) => e.code === "NetworkError", host);
    }
    await assert.rejects(send(request, { via: "proxy", proxyUrl: "http://127.0.0.1:9/proxy", timeout: 5000 }), (e) => e.code === "NetworkError");
  }
  // Without a token, plain http is the caller's choice.
  const plain = prepare({ api: "hai/2023-08-12/RunInstances", params: hai.params, region: hai.region }, ordinary(), { timestamp: 1700000000 }).request;
  await assert.rejects(send({ ...plain, scheme: "http", host: "127.0.0.2.example:9" }, { via: "direct", timeout: 5000 }), (e) => e.code === "NetworkError");
});

test("a pasted curl line runs in the simulator", () => {
  const creds = ordinary();
  const ex = describe("hai/2023-08-12/RunInstances").examples[0];
  const p = prepare({ api: "hai/2023-08-12/RunInstances", params: ex.params, region: ex.region }, creds, { timestamp: 1700000000 });
  const line = `curl -X POST 'https://${p.request.host}/' ${Object.entries(p.request.headers).map(([k, v]) => `-H '${k}: ${v}'`).join(" ")} --data-raw '${p.request.body}'`;
  const r = simulate(parseRequest(line), { now: 1700000005 });
  assert.equal(r.code, undefined, r.body);
});

test("a clock in milliseconds is named as such, not answered as an expired signature", async () => {
  const creds = ordinary();
  const ex = describe("hai/2023-08-12/RunInstances").examples[0];
  const p = prepare({ api: "hai/2023-08-12/RunInstances", params: ex.params, region: ex.region }, creds, { timestamp: 1700000000 });
  const ms = 1700000000123;
  const named = (path) => (e) => e.name === "CloudplayError" && e.code === "InvalidField" && e.path === path && /milliseconds/.test(e.message);
  assert.throws(() => simulate(p.request, { now: ms }), named("options.now"));
  await assert.rejects(send(p.request, { now: ms }), named("options.now"));
  assert.equal(simulate(p.request, { now: 1700000005 }).status, 200);
});

test("an answer says whether the simulator models the API or only checked the request", () => {
  const creds = ordinary();
  const ex = describe("hai/2023-08-12/RunInstances").examples[0];
  const seed = prepare({ api: "hai/2023-08-12/RunInstances", params: ex.params, region: ex.region }, creds, { timestamp: 1700000000 });
  const modelled = simulate(seed.request, { now: 1700000005, seed: 1 });
  assert.equal(modelled.status, 200);
  assert.equal(modelled.modelled, true);
  const dir = join(FIXTURES, "alibaba");
  importAlibabaMeta(alibabaBundle(dir, "demoshop", "2024-01-01", [join(dir, "products.demoshop.json")]));
  const call = { api: "demoshop/2024-01-01/CreateOrder", params: { ItemCode: "x1" }, region: "cn-hangzhou" };
  const imported = prepare(call, creds, { timestamp: 1700000000, nonce: "n-1", algorithm: "ACS3-HMAC-SHA256" });
  const answer = simulate(imported.request, { now: 1700000005, seed: 1 });
  assert.equal(answer.api, "demoshop/2024-01-01/CreateOrder");
  assert.equal(answer.modelled, false, JSON.stringify(answer));
});

test("send's options are checked before anything is sent, and signals are honoured on every route", async () => {
  const ex = describe("hai/2023-08-12/RunInstances").examples[0];
  const p = prepare({ api: "hai/2023-08-12/RunInstances", params: ex.params, region: ex.region }, ordinary());
  for (const timeout of [0, -1, Number.NaN, 1e308, 2 ** 31]) {
    await assert.rejects(send(p.request, { via: "direct", timeout }), (e) => e.code === "InvalidField" && e.path === "options.timeout", String(timeout));
  }
  for (const signal of [true, "abort", {}, { aborted: false }]) {
    await assert.rejects(send(p.request, { signal }), (e) => e.code === "InvalidField" && e.path === "options.signal" && e.message.startsWith("InvalidField at options.signal: must be an AbortSignal"), JSON.stringify(signal));
  }
  // Already aborted: the in-page simulator does not run either; the reason is kept.
  const why = new Error("user left");
  await assert.rejects(send(p.request, { signal: AbortSignal.abort(why) }), (e) => e.code === "Aborted" && declaredCodes().has(e.code) && e.cause === why);
  const late = AbortSignal.timeout(1);
  await new Promise((r) => setTimeout(r, 30));
  await assert.rejects(send(p.request, { signal: late }), (e) => e.code === "Timeout" && declaredCodes().has(e.code));
  // Options whose getter throws reject this send alone; the one beside it still answers.
  const hostile = { get via() { throw new Error("boom"); } };
  const [bad, good] = await Promise.allSettled([send(p.request, hostile), send(p.request)]);
  assert.ok(bad.status === "rejected" && bad.reason.code === "InvalidJson" && bad.reason.path === "options" && /boom/.test(bad.reason.message));
  assert.equal(good.status, "fulfilled");
  assert.equal((await send(p.request, { timeout: 2 ** 31 - 1 })).status, 200);
});

test("a header given twice in two spellings, or a scheme that is not http(s), is refused before the simulator reads it", async () => {
  const ex = describe("hai/2023-08-12/RunInstances").examples[0];
  const creds = demoAccounts().find((a) => !a.token);
  const { request } = prepare({ api: "hai/2023-08-12/RunInstances", params: ex.params, region: ex.region }, creds, {});
  for (const [name, value] of [["host", "evil.example.com"], ["x-tc-region", "ap-shanghai"], ["authorization", "garbage"]]) {
    const twice = { ...request, headers: { ...request.headers, [name]: value } };
    assert.throws(() => simulate(twice), (e) => e.code === "DuplicateHeader" && e.path === `signed.headers.${name}`, name);
    await assert.rejects(send(twice, { via: "simulator" }), (e) => e.code === "DuplicateHeader", name);
  }
  assert.throws(() => simulate({ ...request, scheme: "ftp" }), (e) => e.code === "InvalidField" && e.path === "signed.scheme");
  // Options that are not an object are refused, not read as none.
  for (const options of [5, "x", true, []]) {
    await assert.rejects(send(request, options), (e) => e.code === "InvalidField" && e.path === "options", JSON.stringify(options));
  }
  // In upper case it is still https, and the call goes through.
  assert.equal(simulate({ ...request, scheme: "HTTPS" }).status, 200);
});
