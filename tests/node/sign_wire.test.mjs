// signWire under Node reproduces every official-SDK vector, and answers bad input with
// Error objects carrying code and path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { signWire } from "cloudplay";
import { loadVectors, contractInput, COMPARED } from "./helpers.mjs";

test("every vector is reproduced exactly", () => {
  const vectors = loadVectors();
  assert.ok(vectors.length >= 48);
  for (const v of vectors) {
    const out = signWire(contractInput(v));
    for (const field of COMPARED) {
      if (field in v.expected) assert.equal(out[field], v.expected[field], `${v.id} ${field}`);
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
