// With the JS intrinsics frozen, as SES's lockdown() leaves a page, every function still
// answers: the module defines the properties of what it returns (as JSON.parse does) instead
// of assigning them, and no JS exception can leave it stuck mid-call. Node's own test runner
// does not survive frozen intrinsics, so the checks run in a child process.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { importAlibabaMeta, prepare, verifyWire, signWire, catalog, describe, simulate, send, demoAccounts } from "cloudplay";
import { FIXTURES, alibabaBundle, DEMO_CREDENTIALS, loadVectors, contractInput } from "./helpers.mjs";

async function underFrozenIntrinsics() {
  const dir = join(FIXTURES, "alibaba");
  const bundle = alibabaBundle(dir, "demoshop", "2024-01-01", [join(dir, "products.demoshop.json")]);
  // Header parameters whose names Object.prototype already has.
  for (const action of bundle.actions.metadatas) {
    if (action.name !== "CreateOrder") continue;
    for (const name of ["constructor", "toString", "hasOwnProperty"]) {
      action.parameters.push({ name, position: "Header", type: "String", required: false });
    }
  }
  assert.deepEqual(importAlibabaMeta(bundle).added, ["demoshop/2024-01-01/CreateOrder"]);

  for (const o of [Object.prototype, Array.prototype, Function.prototype, Error.prototype, String.prototype]) Object.freeze(o);

  const call = {
    api: "demoshop/2024-01-01/CreateOrder",
    params: { ItemCode: "x1", constructor: "c", toString: "t", hasOwnProperty: "h" },
    region: "cn-hangzhou",
  };
  const opts = { timestamp: 1700000000, nonce: "n-1", algorithm: "ACS3-HMAC-SHA256", allow_invalid: true };
  for (let round = 0; round < 3; round++) {
    const p = prepare(call, DEMO_CREDENTIALS, opts);
    for (const [name, value] of [["constructor", "c"], ["toString", "t"], ["hasOwnProperty", "h"]]) {
      assert.ok(Object.hasOwn(p.request.headers, name), name);
      assert.equal(p.request.headers[name], value);
    }
    const r = p.request;
    const verified = verifyWire({
      method: r.method,
      url: `${r.scheme}://${r.host}${r.path}${r.query ? `?${r.query}` : ""}`,
      headers: r.headers,
      body: r.body,
      credentials: [DEMO_CREDENTIALS],
      now: 1700000000,
    });
    assert.equal(verified.ok, true, JSON.stringify(verified));
  }

  // The web build before its init: a CloudplayError still, and isCloudplayError answers.
  const web = await import("cloudplay/web");
  const early = (() => { try { web.catalog(); } catch (e) { return e; } })();
  assert.ok(early.name === "CloudplayError" && early.code === "NotInitialized", String(early));
  assert.equal(web.isCloudplayError(early), true);

  // Errors are CloudplayErrors still.
  assert.throws(() => signWire({ algorithm: "nope" }), (e) => e.name === "CloudplayError" && e.code === "UnknownAlgorithm");
  assert.throws(() => prepare({ api: "no/such/Api" }, DEMO_CREDENTIALS), (e) => e.name === "CloudplayError" && e.code === "UnknownApi");

  // And the rest of the module works as before.
  assert.ok(catalog().length >= 5);
  assert.equal(describe("hai/2023-08-12/RunInstances").action, "RunInstances");
  const v = loadVectors()[0];
  assert.equal(signWire(contractInput(v)).signature, v.expected.signature);
  const demo = demoAccounts()[0];
  const hai = describe("hai/2023-08-12/RunInstances").examples[0];
  const signed = prepare({ api: "hai/2023-08-12/RunInstances", params: hai.params, region: hai.region }, demo, { timestamp: 1700000000 });
  assert.equal(simulate(signed.request, { now: 1700000005, seed: 7 }).status, 200);

  // send's own errors too (fetch refuses port 9 outright).
  const refused = { ...signed.request, scheme: "http", host: "127.0.0.1:9" };
  await assert.rejects(send(refused, { via: "direct", timeout: 5000 }), (e) => e.name === "CloudplayError" && e.code === "NetworkError");
}

if (process.env.CLOUDPLAY_FROZEN_CHILD) {
  await underFrozenIntrinsics();
} else {
  test("frozen intrinsics: headers named like Object.prototype's members, errors, and everything after", () => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, CLOUDPLAY_FROZEN_CHILD: "1" },
      encoding: "utf8",
    });
    assert.equal(child.status, 0, child.stderr);
  });
}
