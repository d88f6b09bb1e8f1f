// The Node SDKs as oracles for tests/differential/gen_cases.py: reads a JSON list of case specs
// on stdin, signs each with the vendor's own code, writes the vectors (signing.json format).
//
// tencentcloud-sdk-nodejs-common's HttpConnection.doRequestWithSign3 runs as is, with its fetch
// and clock replaced; @alicloud/openapi-util's getAuthorization and getRPCSignature sign
// requests assembled the way @alicloud/openapi-client 0.4.15 assembles them. Hash and HMAC
// inputs are recorded, so the canonical request and string to sign are the SDK's own.
"use strict";

const crypto = require("crypto");
const querystring = require("querystring");

const hashed = [];
const hmaced = [];
const realCreateHash = crypto.createHash;
const realCreateHmac = crypto.createHmac;
crypto.createHash = function (alg, ...rest) {
  const h = realCreateHash.call(crypto, alg, ...rest);
  const parts = [];
  const update = h.update.bind(h);
  h.update = (data, enc) => {
    parts.push(Buffer.isBuffer(data) ? data : Buffer.from(data, enc || "utf8"));
    return update(data, enc);
  };
  hashed.push(parts);
  return h;
};
crypto.createHmac = function (alg, key, ...rest) {
  const h = realCreateHmac.call(crypto, alg, key, ...rest);
  const update = h.update.bind(h);
  h.update = (data, enc) => {
    hmaced.push(Buffer.isBuffer(data) ? data.toString("utf8") : String(data));
    return update(data, enc);
  };
  return h;
};

const RealDate = Date;
let fixedMs = 0;
class FixedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(fixedMs);
    else super(...args);
  }
  static now() {
    return fixedMs;
  }
}
global.Date = FixedDate;

const fetchModule = require("tencentcloud-sdk-nodejs-common/tencentcloud/common/http/fetch");
let lastFetch = null;
fetchModule.default = async (url, config) => {
  lastFetch = { url, config };
  return { ok: true };
};
const { HttpConnection } = require("tencentcloud-sdk-nodejs-common/tencentcloud/common/http/http_connection");
const { sdkVersion } = require("tencentcloud-sdk-nodejs-common/tencentcloud/common/sdk_version");
const OpenApiUtil = require("@alicloud/openapi-util").default;

const lastHashInput = () => Buffer.concat(hashed[hashed.length - 1]).toString("utf8");

async function tc3(spec) {
  fixedMs = spec.timestamp * 1000;
  await HttpConnection.doRequestWithSign3({
    method: spec.method,
    url: `https://${spec.host}/`,
    data: JSON.parse(JSON.stringify(spec.params)),
    service: spec.service,
    action: spec.action,
    region: spec.region,
    version: spec.version,
    secretId: spec.credentials.secret_id,
    secretKey: spec.credentials.secret_key,
    token: spec.credentials.token,
    requestClient: `SDK_NODEJS_${sdkVersion}`,
    language: spec.language,
    headers: {},
  });
  // Sign.sign3 hashes the payload, then the canonical request, then HMACs the string to sign.
  const canonical = lastHashInput();
  const sts = hmaced[hmaced.length - 1];
  const headers = Object.fromEntries(Object.entries(lastFetch.config.headers).map(([k, v]) => [k, String(v)]));
  const auth = headers.Authorization;
  // What goes on the wire is the WHATWG-normalized URL (node-fetch parses it with `new URL`).
  const sent = new URL(lastFetch.url);
  const lines = sts.split("\n");
  return {
    id: spec.id,
    source: "sdk",
    sdk: `tencentcloud-sdk-nodejs-common==${sdkVersion}`,
    algorithm: "TC3-HMAC-SHA256",
    api: { service: spec.service, host: spec.host, path: "/", action: spec.action, version: spec.version, region: spec.region },
    method: spec.method,
    credentials: spec.credentials,
    timestamp: spec.timestamp,
    nonce: null,
    params: spec.params,
    options: { language: spec.language, unsigned_payload: false },
    tags: ["node-sdk", spec.method.toLowerCase()],
    expected: {
      canonical_request: canonical,
      hashed_canonical_request: lines[3],
      hashed_payload: canonical.slice(canonical.lastIndexOf("\n") + 1),
      credential_scope: lines[2],
      signed_headers: auth.split("SignedHeaders=")[1].split(",")[0],
      string_to_sign: sts,
      signature: auth.slice(auth.lastIndexOf("Signature=") + 10),
      authorization: auth,
      url: sent.href,
      query: sent.search.slice(1),
      url_as_built: lastFetch.url,
      headers,
      body: spec.method === "POST" ? lastFetch.config.body : "",
    },
  };
}

/** A vector of BSS CreateInstance signed by @alicloud/openapi-util, around what it computed. */
function bssVector(spec, algorithm, expected) {
  return {
    id: spec.id,
    source: "sdk",
    sdk: "@alicloud/openapi-util==0.3.3",
    algorithm,
    api: { service: "bssopenapi", host: "business.aliyuncs.com", path: "/", action: "CreateInstance", version: "2017-12-14", region: spec.region },
    method: spec.method,
    credentials: spec.credentials,
    timestamp: spec.timestamp,
    timestamp_iso: spec.timestamp_iso,
    nonce: spec.nonce,
    params: spec.query,
    tags: ["node-sdk", spec.method.toLowerCase()],
    expected,
  };
}

function acs3(spec) {
  const query = OpenApiUtil.query(spec.query);
  const headers = {
    host: "business.aliyuncs.com",
    "x-acs-version": "2017-12-14",
    "x-acs-action": "CreateInstance",
    "x-acs-date": spec.timestamp_iso,
    "x-acs-signature-nonce": spec.nonce,
  };
  const payload = OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from("", "utf8"), "ACS3-HMAC-SHA256"));
  headers["x-acs-content-sha256"] = payload;
  headers["x-acs-credentials-provider"] = spec.credentials.token ? "static_sts" : "static_ak";
  if (spec.credentials.token) {
    headers["x-acs-accesskey-id"] = spec.credentials.secret_id;
    headers["x-acs-security-token"] = spec.credentials.token;
  }
  const request = { method: spec.method, pathname: "/", headers, query };
  const auth = OpenApiUtil.getAuthorization(
    request,
    "ACS3-HMAC-SHA256",
    payload,
    spec.credentials.secret_id,
    spec.credentials.secret_key,
  );
  headers.Authorization = auth;
  const canonical = lastHashInput();
  const sts = hmaced[hmaced.length - 1];
  const wire = querystring.stringify(query);
  return bssVector(spec, "ACS3-HMAC-SHA256", {
    canonical_request: canonical,
    hashed_canonical_request: sts.split("\n")[1],
    hashed_payload: payload,
    signed_headers: auth.split("SignedHeaders=")[1].split(",")[0],
    string_to_sign: sts,
    signature: auth.slice(auth.lastIndexOf("Signature=") + 10),
    authorization: auth,
    url: "https://business.aliyuncs.com/" + (wire ? `?${wire}` : ""),
    query: wire,
    headers,
    body: "",
  });
}

function rpc(spec) {
  const query = {
    Action: "CreateInstance",
    Format: "json",
    Version: "2017-12-14",
    Timestamp: spec.timestamp_iso,
    SignatureNonce: spec.nonce,
    ...OpenApiUtil.query(spec.query),
  };
  if (spec.credentials.token) query.SecurityToken = spec.credentials.token;
  query.SignatureMethod = "HMAC-SHA1";
  query.SignatureVersion = "1.0";
  query.AccessKeyId = spec.credentials.secret_id;
  const signed = { ...query };
  query.Signature = OpenApiUtil.getRPCSignature(signed, spec.method, spec.credentials.secret_key);
  const sts = hmaced[hmaced.length - 1];
  const wire = querystring.stringify(query);
  return bssVector(spec, "ACS-RPC-HMAC-SHA1", {
    string_to_sign: sts,
    signature: query.Signature,
    signed_params: Object.entries(signed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    url: `https://business.aliyuncs.com/?${wire}`,
    query: wire,
    headers: { host: "business.aliyuncs.com", "x-acs-version": "2017-12-14", "x-acs-action": "CreateInstance" },
    body: "",
  });
}

async function main() {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const out = [];
  for (const spec of JSON.parse(input)) {
    hashed.length = 0;
    hmaced.length = 0;
    if (spec.kind === "tc3") out.push(await tc3(spec));
    else if (spec.kind === "acs3") out.push(acs3(spec));
    else out.push(rpc(spec));
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
