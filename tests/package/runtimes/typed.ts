// The declarations as Deno's type checker reads them through the `deno` export condition
// (`deno check`), and as Bun runs TypeScript: typed use, and misuse each checker must refuse.
import { type CloudplayError, isCloudplayError, prepare, type SigningTrace } from "cloudplay";
import { signWire } from "cloudplay/sign";
import { TC3 } from "../shared-checks.js";

const trace: SigningTrace = signWire({ ...TC3, algorithm: "TC3-HMAC-SHA256" });
const signature: string = trace.signature;
// Never called: what must not type-check.
export function misuse() {
  // @ts-expect-error: not an algorithm
  signWire({ ...TC3, algorithm: "TC3" });
  // @ts-expect-error: a secret key is a string
  signWire({ ...TC3, credentials: { secret_id: "id", secret_key: 1 } });
}
try {
  prepare({ api: "hai/2023-08-12/RunInstances", params: {}, region: "ap-guangzhou" }, { secret_id: "id", secret_key: "key" });
} catch (e: unknown) {
  if (isCloudplayError(e)) {
    const failure: CloudplayError = e;
    console.log(JSON.stringify({ signature, code: failure.code, path: failure.path ?? null }));
  }
}
