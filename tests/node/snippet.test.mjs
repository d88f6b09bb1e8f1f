// snippet and parseRequest in the packed package: every language for every seed API, no
// secret in any of them, and the curl snippet parses back to the request it came from.
import { test } from "node:test";
import assert from "node:assert/strict";
import { describe, prepare, snippet, parseRequest, signWire } from "cloudplay";
import { DEMO_CREDENTIALS } from "./helpers.mjs";

const SEEDS = [
  "ms/2018-04-08/CreateResourceInstances",
  "postgres/2017-03-12/CreateResource",
  "hai/2023-08-12/RunInstances",
  "bssopenapi/2017-12-14/CreateInstance",
];
const SECRET = "S3cr3t-must-never-appear-0123456789";
const TOKEN = "T0ken-must-never-appear-9876543210";
const CREDS = { secret_id: "AKIDsnippettest", secret_key: SECRET, token: TOKEN };

test("every language for every seed API, and never the secret or the token", () => {
  for (const api of SEEDS) {
    const ex = describe(api).examples[0];
    const call = { api, params: ex.params, region: ex.region };
    const signed = prepare(call, CREDS, { timestamp: 1700000000 }).request;
    for (const language of ["curl", "python", "node", "go", "cli"]) {
      const text = snippet(call, language, signed);
      assert.equal(typeof text, "string");
      assert.ok(text.length > 40, `${api} ${language}`);
      assert.ok(!text.includes(SECRET), `${api} ${language} leaks the secret`);
      assert.ok(!text.includes(TOKEN), `${api} ${language} leaks the token`);
    }
    const py = snippet(call, "python");
    assert.ok(/os\.environ/.test(py), "python reads credentials from the environment");
  }
});

test("the SDK and CLI snippets take a session token from the environment, for temporary credentials", () => {
  // The API 2.0 Python SDK (qcloudapi) has no token setting; everything else does.
  const cases = [
    ["hai/2023-08-12/RunInstances", ["python", "node", "go"], "TENCENTCLOUD_SESSION_TOKEN"],
    ["ms/2018-04-08/CreateResourceInstances", ["python", "node", "go"], "TENCENTCLOUD_SESSION_TOKEN"],
    ["bssopenapi/2017-12-14/CreateInstance", ["python", "node", "go"], "ALIBABA_CLOUD_SECURITY_TOKEN"],
    // The CLIs read their own variables: tccli's is TENCENTCLOUD_TOKEN.
    ["hai/2023-08-12/RunInstances", ["cli"], "TENCENTCLOUD_TOKEN"],
    ["bssopenapi/2017-12-14/CreateInstance", ["cli"], "ALIBABA_CLOUD_SECURITY_TOKEN"],
  ];
  for (const [api, languages, variable] of cases) {
    const ex = describe(api).examples[0];
    for (const language of languages) {
      assert.ok(snippet({ api, params: ex.params, region: ex.region }, language).includes(variable), `${api} ${language}`);
    }
  }
});

test("the curl snippet parses back to the signed request", () => {
  const api = "hai/2023-08-12/RunInstances";
  const ex = describe(api).examples[0];
  const call = { api, params: ex.params, region: ex.region };
  const signed = prepare(call, { secret_id: "AKIDx", secret_key: "k" }, { timestamp: 1700000000 }).request;
  const back = parseRequest(snippet(call, "curl", signed));
  assert.equal(back.method, signed.method);
  assert.equal(back.host, signed.host);
  assert.equal(back.body, signed.body);
  assert.deepEqual(back.headers, signed.headers);
  // A request signed for another call (kept from before a switch) is refused, not shown.
  const ms = describe("ms/2018-04-08/CreateResourceInstances").examples[0];
  const other = { api: "ms/2018-04-08/CreateResourceInstances", params: ms.params, region: "ap-guangzhou" };
  assert.throws(() => snippet(other, "curl", signed), (e) => e.code === "InvalidField" && e.path === "signed" && /RunInstances/.test(e.message));
});

test("parseRequest reads raw HTTP too, and explains what it cannot read", () => {
  const r = parseRequest("POST /?a=1 HTTP/1.1\r\nHost: hai.tencentcloudapi.com\r\nContent-Type: application/json\r\n\r\n{}");
  assert.deepEqual([r.method, r.host, r.path, r.query, r.body], ["POST", "hai.tencentcloudapi.com", "/", "a=1", "{}"]);
  assert.throws(() => parseRequest("GET / HTTP/1.1\nHost: a\nHost: b\n\n"), (e) => e.code === "DuplicateHeader");
  assert.throws(() => parseRequest(42), (e) => e.code === "InvalidField");
  assert.throws(() => snippet({ api: SEEDS[0], params: {} }, "cobol"), (e) => e.code === "InvalidField" && e.path === "language");
  assert.throws(() => snippet({ api: SEEDS[0], params: {} }, "curl"), (e) => e.code === "MissingField" && e.path === "signed");
});

test("a language that is not one, and a field of the wrong type, are told in a caller's words", () => {
  const call = { api: "hai/2023-08-12/RunInstances", params: describe("hai/2023-08-12/RunInstances").examples[0].params, region: "ap-guangzhou" };
  assert.throws(() => snippet(call, 5), (e) => e.code === "InvalidField" && e.path === "language" && /must be a string, one of curl/.test(e.message));
  assert.throws(() => snippet(call, "rust"), (e) => e.path === "language" && /'rust' is not one of curl/.test(e.message));
  assert.throws(() => snippet({ ...call, region: 5 }, "curl"), (e) => e.path === "call.region" && /the number `5`, expected a string/.test(e.message));
  // The code signWire gives an algorithm no API signs with.
  assert.throws(() => prepare(call, DEMO_CREDENTIALS, { algorithm: "HMAC" }), (e) => e.code === "UnknownAlgorithm" && e.path === "options.algorithm" && /^UnknownAlgorithm at options.algorithm: 'HMAC' is not one of `TC3-HMAC-SHA256`/.test(e.message));
  assert.throws(() => signWire({ algorithm: "HMAC" }), (e) => e.code === "UnknownAlgorithm");
  // Not a name at all: a type error, as for any field.
  assert.throws(() => prepare(call, DEMO_CREDENTIALS, { algorithm: 5 }), (e) => e.code === "InvalidField" && e.path === "options.algorithm");
});
