// The requests the benchmarks time (tests/bench/sign-node.mjs for speed, count.mjs for
// instructions), in one place: for each algorithm an official-SDK vector, the official Node
// signing code called on it, and the same request as cloudplay takes it.
//
// Official code: tencentcloud-sdk-nodejs-common's Sign.sign3 (TC3), @alicloud/openapi-util's
// getAuthorization (ACS3, with the body hash it needs) and getRPCSignature (RPC).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { contractInput } from "../node/helpers.mjs";

const require = createRequire(import.meta.url);
const vectors = JSON.parse(readFileSync(new URL("../fixtures/signing.json", import.meta.url))).vectors;
const byId = (id) => vectors.find((v) => v.id === id);

/** Both Alibaba cases are BSS CreateInstance vectors: the same call, signed two ways. */
const bssCase = (v, algorithm) => ({
  input: contractInput(v),
  call: { api: "bssopenapi/2017-12-14/CreateInstance", params: v.params },
  credentials: v.credentials,
  options: { timestamp: v.timestamp, nonce: v.nonce, algorithm, allow_invalid: true },
});

/**
 * `{ name, official, want, field, input, call, credentials, options }` per algorithm: `official()`
 * returns `want`, which is the trace's `field` for `signWire(input)`; `prepare(call, credentials,
 * options)` builds and signs the same API call.
 */
export function benchCases() {
  const TcSign = require("tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js").default;
  const AliUtil = require("@alicloud/openapi-util").default;
  const cases = {};

  // TC3: the Node SDK's own vector (hai RunInstances POST).
  {
    const v = byId("pub-node-tc3-hai-post-001");
    // sign3 takes the payload as an object and serializes it itself, as the SDK's client does.
    const payload = JSON.parse(v.expected.body);
    const args = {
      method: v.method,
      url: `https://${v.api.host}${v.api.path}`,
      payload,
      timestamp: v.timestamp,
      service: v.api.service,
      secretId: v.credentials.secret_id,
      secretKey: v.credentials.secret_key,
      headers: { "Content-Type": v.expected.headers["Content-Type"] },
    };
    cases.tc3 = {
      name: "TC3-HMAC-SHA256",
      official: () => TcSign.sign3(args),
      want: v.expected.authorization,
      field: "authorization",
      input: contractInput(v),
      call: { api: "hai/2023-08-12/RunInstances", params: v.params, region: v.api.region },
      credentials: v.credentials,
      options: { timestamp: v.timestamp, method: "POST", allow_invalid: true },
    };
  }

  // ACS3: the Node SDK's own vector (BSS CreateInstance).
  {
    const v = byId("pub-node-acs3-bss-post-001");
    const headers = Object.fromEntries(Object.entries(v.expected.headers).filter(([k]) => k !== "Authorization"));
    const request = { method: v.method, pathname: v.api.path, headers, query: Object.fromEntries(new URLSearchParams(v.expected.query)) };
    const body = Buffer.from(v.expected.body);
    cases.acs3 = {
      name: "ACS3-HMAC-SHA256",
      official: () => {
        const hashed = AliUtil.hexEncode(AliUtil.hash(body, "ACS3-HMAC-SHA256"));
        return AliUtil.getAuthorization(request, "ACS3-HMAC-SHA256", hashed, v.credentials.secret_id, v.credentials.secret_key);
      },
      want: v.expected.authorization,
      field: "authorization",
      ...bssCase(v, "ACS3-HMAC-SHA256"),
    };
  }

  // RPC: a tea-openapi vector (BSS CreateInstance, RPC v1).
  {
    const v = byId("pub-acsrpc-tea-002");
    const params = Object.fromEntries(v.expected.signed_params);
    cases.rpc = {
      name: "ACS-RPC-HMAC-SHA1",
      official: () => AliUtil.getRPCSignature(params, v.method, v.credentials.secret_key),
      want: v.expected.signature,
      field: "signature",
      ...bssCase(v, "ACS-RPC-HMAC-SHA1"),
    };
  }
  return cases;
}
