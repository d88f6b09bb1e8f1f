// Deno without --allow-net: `send` must reject as a network failure that says why, not throw
// something else or hang.
import { demoAccounts, prepare, send } from "cloudplay";

const call = { api: "hai/2023-08-12/RunInstances", region: "ap-guangzhou", params: { ApplicationId: "app-jknfna", BundleType: "XL" } };
const { request } = prepare(call, demoAccounts()[0], { allow_invalid: true });
try {
  await send(request, { via: "direct", timeout: 5000 });
  console.log(JSON.stringify({ sent: true }));
} catch (e) {
  console.log(JSON.stringify({ code: e.code, message: e.message }));
}
