// Shared by the package's Node tests. They run from a clean folder where the packed tarball
// is installed, so fixtures are found through CLOUDPLAY_FIXTURES (set by `cargo xtask test`),
// falling back to this repository's tests/fixtures when run in place.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES = process.env.CLOUDPLAY_FIXTURES || fileURLToPath(new URL("../fixtures", import.meta.url));

const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));

/** signing.json, the differential generator's regressions (differential.json), and any extra files. */
export function loadVectors() {
  const files = [
    join(FIXTURES, "signing.json"),
    join(FIXTURES, "differential.json"),
    ...(process.env.CLOUDPLAY_EXTRA_VECTORS || "").split(":").filter(Boolean),
  ];
  return files.flatMap((f) => readJson(f).vectors);
}

/** The official SDKs disagree with each other on this vector's contract input: signWire follows
 * the Python SDKs, so only verifyWire is held to it. */
export const diverges = (v) => (v.tags || []).some((t) => t.startsWith("divergence:"));

const rfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The verifyWire input of a vector: the request as sent, checked at its own timestamp
 * (as cloudplay_core::conformance::received_request builds it). */
export function receivedRequest(v) {
  const e = v.expected;
  let url = e.url;
  if (!url && (v.algorithm === "TC3-HMAC-SHA256" || v.algorithm === "ACS3-HMAC-SHA256")) {
    url = `https://${v.api.host}${v.api.path}${e.query ? `?${e.query}` : ""}`;
  } else if (!url) {
    const q = e.signed_params.map(([n, x]) => `${rfc3986(n)}=${rfc3986(x)}&`).join("");
    url = `https://${v.api.host}${v.api.path}?${q}Signature=${rfc3986(e.signature)}`;
  }
  const headers = { ...(e.headers || {}) };
  if (!Object.keys(headers).some((k) => k.toLowerCase() === "host")) headers.Host = v.api.host;
  return { method: v.method, url, headers, body: e.body ?? "", credentials: [v.credentials], now: v.timestamp };
}

/** The signWire input of a vector, exactly as vectors/README.md defines it. */
export function contractInput(v) {
  const input = {
    algorithm: v.algorithm,
    method: v.method,
    host: v.api.host,
    path: v.api.path,
    service: v.api.service,
    credentials: v.credentials,
    timestamp: v.timestamp,
  };
  if ("timestamp_iso" in v) input.timestamp_iso = v.timestamp_iso;
  if ("nonce" in v) input.nonce = v.nonce;
  if (v.algorithm === "TC3-HMAC-SHA256" || v.algorithm === "ACS3-HMAC-SHA256") {
    input.query = v.expected.query;
    input.headers = Object.fromEntries(
      Object.entries(v.expected.headers).filter(([k]) => k.toLowerCase() !== "authorization"),
    );
    input.body = v.expected.body;
    input.signed_headers = v.expected.signed_headers;
  } else {
    input.params = v.expected.signed_params;
  }
  return input;
}

export const COMPARED = [
  "canonical_request",
  "hashed_canonical_request",
  "hashed_payload",
  "credential_scope",
  "string_to_sign",
  "signature",
  "authorization",
];

/** tccli metadata folders (`<service>-<version>/api.json`), from CLOUDPLAY_TCCLI_DIR. */
export function tccliDirs() {
  const dir = process.env.CLOUDPLAY_TCCLI_DIR;
  if (!dir) throw new Error("CLOUDPLAY_TCCLI_DIR is not set: run the tests with `cargo xtask test`");
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, "api.json")))
    .sort()
    .map((d) => ({ name: d, api: readFileSync(join(dir, d, "api.json"), "utf8"), examples: readFileSync(join(dir, d, "examples.json"), "utf8") }));
}

/** An import bundle from a folder in the aliyun-openapi-meta layout. */
export function alibabaBundle(dir, product, version, productFiles) {
  const actions = {};
  const index = {};
  for (const lang of ["metadatas", "en-US", "zh-CN"]) {
    const folder = join(dir, lang, product);
    if (!existsSync(folder)) continue;
    actions[lang] = [];
    for (const f of readdirSync(folder).sort()) {
      if (f === "version.json") index[lang] = readJson(join(folder, f));
      else if (f.endsWith(".json")) actions[lang].push(readJson(join(folder, f)));
    }
  }
  return { product, version, products: productFiles.map(readJson), index, actions };
}

export const DEMO_CREDENTIALS = { secret_id: "AKIDnodetest00000000000000000000", secret_key: "node-test-secret-not-real" };

/** The error codes the package's TypeScript declarations promise (`ErrorKind | SendErrorKind`):
 *  a code thrown outside them would slip past a TypeScript user's `switch`. */
let declared;
export function declaredCodes() {
  declared ??= readDeclaredCodes();
  return declared;
}
function readDeclaredCodes() {
  const dts = readFileSync(new URL("./cloudplay.d.ts", import.meta.resolve("cloudplay")), "utf8");
  const union = (name) => [...(new RegExp(`export type ${name} = ([^;]+);`).exec(dts)?.[1] ?? "").matchAll(/"(\w+)"/g)].map((m) => m[1]);
  const codes = new Set([...union("ErrorKind"), ...union("SendErrorKind")]);
  if (!codes.has("MissingField") || !codes.has("Timeout")) throw new Error(`the declarations' codes, misread: ${[...codes]}`);
  return codes;
}
