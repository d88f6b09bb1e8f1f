// signWire under Node reproduces every official-SDK vector, and answers bad input with
// Error objects carrying code and path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { signWire, verifyWire } from "cloudplay";
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
    // Control characters and odd types take the JSON path and are signed the same way.
    const odd = { ...input, body: `${input.body ?? ""}\u0001`, query: input.query };
    if (odd.algorithm === "TC3-HMAC-SHA256" || odd.algorithm === "ACS3-HMAC-SHA256") {
      assert.deepEqual(signWire(odd), signWire(JSON.stringify(odd)), `${v.id} with a control character`);
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
    ["{not json", "InvalidJson", undefined],
  ];
  for (const [input, code, path] of cases) {
    assert.throws(
      () => signWire(input),
      (e) => e instanceof Error && e.code === code && e.path === path && e.message.length > 0,
      `${code} ${path}`,
    );
  }
  assert.equal(signWire(good).signed_headers, "content-type;host");
});
