// Runs one function N times, for counting instructions per call (tests/bench/instructions.sh):
// a count is repeatable to about 1% where wall time on a shared machine swings by 20%, so it
// tells two builds apart. What counts is the difference between two N, not one run.
//
//   node tests/bench/count.mjs MODULE WHAT N
//
// MODULE: a module path (e.g. pkg/node/cloudplay.js). WHAT: `sign-`, `prepare-`, `validate-` or
// `official-` followed by `tc3`, `acs3` or `rpc`: the calls tests/bench/sign-node.mjs times, and
// validate of prepare's call.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { contractInput } from "../node/helpers.mjs";

const [modulePath, what, n] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const require = createRequire(import.meta.url);
const [kind, algorithm] = what.split("-");
const id = { tc3: "pub-node-tc3-hai-post-001", acs3: "pub-node-acs3-bss-post-001", rpc: "pub-acsrpc-tea-002" }[algorithm];
const vectors = JSON.parse(readFileSync(new URL("../fixtures/signing.json", import.meta.url))).vectors;
const v = vectors.find((x) => x.id === id);
if (!v || !Number.isInteger(n) || !["sign", "prepare", "validate", "official"].includes(kind)) {
  throw new Error("usage: count.mjs MODULE (sign|prepare|validate|official)-(tc3|acs3|rpc) N");
}

let call;
if (kind === "official") {
  if (algorithm === "tc3") {
    const TcSign = require("tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js").default;
    const payload = JSON.parse(v.expected.body);
    const headers = { "Content-Type": v.expected.headers["Content-Type"] };
    const url = `https://${v.api.host}${v.api.path}`;
    const { secret_id: secretId, secret_key: secretKey } = v.credentials;
    call = () => TcSign.sign3({ method: v.method, url, payload, timestamp: v.timestamp, service: v.api.service, secretId, secretKey, headers });
  } else {
    const AliUtil = require("@alicloud/openapi-util").default;
    if (algorithm === "acs3") {
      const headers = Object.fromEntries(Object.entries(v.expected.headers).filter(([k]) => k !== "Authorization"));
      const query = Object.fromEntries(new URLSearchParams(v.expected.query));
      const request = { method: v.method, pathname: v.api.path, headers, query };
      call = () => {
        const payload = AliUtil.hexEncode(AliUtil.hash(Buffer.from(v.expected.body), "ACS3-HMAC-SHA256"));
        return AliUtil.getAuthorization(request, "ACS3-HMAC-SHA256", payload, v.credentials.secret_id, v.credentials.secret_key);
      };
    } else {
      const params = Object.fromEntries(v.expected.signed_params);
      call = () => AliUtil.getRPCSignature(params, v.method, v.credentials.secret_key);
    }
  }
} else {
  const m = require(resolve(modulePath));
  if (kind === "sign") {
    const input = contractInput(v);
    call = () => m.signWire(input);
  } else {
    const tc3 = algorithm === "tc3";
    const api = tc3 ? { api: "hai/2023-08-12/RunInstances", params: v.params, region: v.api.region } : { api: "bssopenapi/2017-12-14/CreateInstance", params: v.params };
    const options = tc3
      ? { timestamp: v.timestamp, method: "POST", allow_invalid: true }
      : { timestamp: v.timestamp, nonce: v.nonce, algorithm: algorithm === "acs3" ? "ACS3-HMAC-SHA256" : "ACS-RPC-HMAC-SHA1", allow_invalid: true };
    // validate takes the call as JSON text, as prepare's call crosses: the reading and the
    // checking, without building and signing.
    const text = JSON.stringify(api);
    call = kind === "validate" ? () => m.validate(text) : () => m.prepare(api, v.credentials, options);
  }
}
for (let i = 0; i < n; i++) call();
