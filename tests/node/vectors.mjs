// Loads the signing vectors (the repo's copy, plus CLOUDPLAY_EXTRA_VECTORS) and maps each onto
// the signWire contract exactly as vectors/README.md defines it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const fixture = fileURLToPath(new URL("../fixtures/signing.json", import.meta.url));

export function loadVectors() {
  const files = [fixture, ...(process.env.CLOUDPLAY_EXTRA_VECTORS || "").split(":").filter(Boolean)];
  return files.flatMap((f) => JSON.parse(readFileSync(f, "utf8")).vectors);
}

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
