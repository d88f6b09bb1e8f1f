// One program for every JS runtime the package names (Node, Deno, Bun, and Bun's single-file
// build): both entries imported as a user of that runtime would, a signature, a call run
// against the simulator and verified, a snippet, and a refusal after which the module still
// works. It prints one JSON line; the test compares the runtimes' lines.
import { demoAccounts, describe, isCloudplayError, prepare, send, signWire, snippet, verifyWire } from "cloudplay";
import { signWire as signOnly } from "cloudplay/sign";
import { TC3 } from "../shared-checks.js";

const result = {};
try {
  result.signature = signWire(TC3).signature;
  result.signOnly = signOnly(TC3).signature;
  const api = "hai/2023-08-12/RunInstances";
  const example = describe(api).examples[0];
  const account = demoAccounts().find((a) => a.profile === "ordinary" && !a.token);
  const call = { api, params: example.params, region: example.region };
  // A fixed clock signs alike everywhere; the simulator wants the time of the call.
  result.authorization = prepare(call, account, { timestamp: 1764633600 }).trace.authorization;
  const now = Math.floor(Date.now() / 1000);
  const { request } = prepare(call, account, { timestamp: now });
  const answer = await send(request, { via: "simulator" });
  result.status = answer.status;
  result.code = answer.code ?? null;
  result.instances = JSON.parse(answer.body).Response.InstanceIdSet?.length ?? null;
  result.verified = verifyWire({ ...request, credentials: account, now }).ok;
  const curl = snippet(call, "curl", request);
  result.snippetKeepsSecret = !curl.includes(account.secret_key);
  try {
    signOnly({ algorithm: "nope" });
  } catch (e) {
    result.refusal = isCloudplayError(e) ? e.code : `not a CloudplayError: ${e}`;
  }
  result.afterRefusal = signOnly(TC3).signature === result.signOnly;
} catch (e) {
  result.failure = `${e?.name}: ${e?.message}`;
}
console.log(JSON.stringify(result));
