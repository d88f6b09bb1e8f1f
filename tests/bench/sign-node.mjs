// Speed of the npm package against the official Node signing code, in one Node process, on
// the same requests (official-SDK vectors): median µs per signature and the ratio, for the
// main module's signWire and prepare and the signing-only module's signWire.
//
//   cargo xtask pkg && node tests/bench/sign-node.mjs
//
// Official code: tencentcloud-sdk-nodejs-common's Sign.sign3 (TC3), @alicloud/openapi-util's
// getAuthorization (ACS3, with the body hash it needs) and getRPCSignature (RPC).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { contractInput } from "../node/helpers.mjs";

const require = createRequire(import.meta.url);
const cloudplay = require("../../pkg/node/cloudplay.js");
// The signing-only module ("cloudplay/sign"), built for size rather than speed.
const signOnly = require("../../pkg/sign/node/cloudplay.js");
const TcSign = require("tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js").default;
const AliUtil = require("@alicloud/openapi-util").default;

const vectors = JSON.parse(readFileSync(new URL("../fixtures/signing.json", import.meta.url))).vectors;
const byId = (id) => vectors.find((v) => v.id === id);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Median µs per call of each function, over `rounds` timed batches taken in turn (a batch of
 * each, then again), so a change in the machine's speed during the run hits all of them alike
 * and the ratios stay fair on a shared machine.
 */
function measure(fns, { rounds = 31, batch = 300 } = {}) {
  for (const fn of fns) for (let i = 0; i < batch * 3; i++) fn();
  const per = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, k) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) fn();
      per[k].push(Number(process.hrtime.bigint() - t0) / 1000 / batch);
    });
  }
  return per.map(median);
}

const cases = [];

// TC3: the Node SDK's own vector (hai RunInstances POST).
{
  const v = byId("pub-node-tc3-hai-post-001");
  const input = contractInput(v);
  const want = v.expected.authorization;
  // sign3 takes the payload as an object and serializes it itself, as the SDK's client does.
  const payload = JSON.parse(v.expected.body);
  const official = () =>
    TcSign.sign3({
      method: v.method,
      url: `https://${v.api.host}${v.api.path}`,
      payload,
      timestamp: v.timestamp,
      service: v.api.service,
      secretId: v.credentials.secret_id,
      secretKey: v.credentials.secret_key,
      headers: { "Content-Type": v.expected.headers["Content-Type"] },
    });
  if (official() !== want || cloudplay.signWire(input).authorization !== want) throw new Error("TC3 outputs differ");
  const call = { api: "hai/2023-08-12/RunInstances", params: v.params, region: v.api.region };
  const creds = v.credentials;
  const opts = { timestamp: v.timestamp, method: "POST", allow_invalid: true };
  cases.push(["TC3-HMAC-SHA256", official, () => cloudplay.signWire(input), () => cloudplay.prepare(call, creds, opts), () => signOnly.signWire(input)]);
}

// ACS3: the Node SDK's own vector (BSS CreateInstance).
{
  const v = byId("pub-node-acs3-bss-post-001");
  const input = contractInput(v);
  const want = v.expected.authorization;
  const headers = Object.fromEntries(Object.entries(v.expected.headers).filter(([k]) => k !== "Authorization"));
  const query = Object.fromEntries(new URLSearchParams(v.expected.query));
  const official = () => {
    const payload = AliUtil.hexEncode(AliUtil.hash(Buffer.from(v.expected.body), "ACS3-HMAC-SHA256"));
    return AliUtil.getAuthorization({ method: v.method, pathname: v.api.path, headers, query }, "ACS3-HMAC-SHA256", payload, v.credentials.secret_id, v.credentials.secret_key);
  };
  if (official() !== want || cloudplay.signWire(input).authorization !== want) throw new Error("ACS3 outputs differ");
  const call = { api: "bssopenapi/2017-12-14/CreateInstance", params: v.params };
  const opts = { timestamp: v.timestamp, nonce: v.nonce, algorithm: "ACS3-HMAC-SHA256", allow_invalid: true };
  cases.push(["ACS3-HMAC-SHA256", official, () => cloudplay.signWire(input), () => cloudplay.prepare(call, v.credentials, opts), () => signOnly.signWire(input)]);
}

// RPC: a tea-openapi vector (BSS CreateInstance, RPC v1).
{
  const v = byId("pub-acsrpc-tea-002");
  const input = contractInput(v);
  const params = Object.fromEntries(v.expected.signed_params);
  const official = () => AliUtil.getRPCSignature(params, v.method, v.credentials.secret_key);
  if (official() !== v.expected.signature || cloudplay.signWire(input).signature !== v.expected.signature) throw new Error("RPC outputs differ");
  const call = { api: "bssopenapi/2017-12-14/CreateInstance", params: v.params };
  const opts = { timestamp: v.timestamp, nonce: v.nonce, algorithm: "ACS-RPC-HMAC-SHA1", allow_invalid: true };
  cases.push(["ACS-RPC-HMAC-SHA1", official, () => cloudplay.signWire(input), () => cloudplay.prepare(call, v.credentials, opts), () => signOnly.signWire(input)]);
}

console.log(`node ${process.version}, cloudplay ${cloudplay.version()}`);
console.log("algorithm           official µs  signWire µs  ratio   prepare µs  ratio   cloudplay/sign µs  ratio");
for (const [name, official, sign, prep, signSmall] of cases) {
  if (signSmall().signature !== sign().signature) throw new Error(`${name}: the two modules sign differently`);
  const [o, s, p, small] = measure([official, sign, prep, signSmall]);
  const ratio = (t) => `${(o / t).toFixed(2).padStart(5)}x`;
  console.log(
    `${name.padEnd(18)} ${o.toFixed(2).padStart(11)}  ${s.toFixed(2).padStart(11)}  ${ratio(s)}` +
      `  ${p.toFixed(2).padStart(10)}  ${ratio(p)}  ${small.toFixed(2).padStart(17)}  ${ratio(small)}`,
  );
}
