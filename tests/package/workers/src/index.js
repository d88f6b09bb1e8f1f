// A Worker's code: the package's two entries imported as in Node or a bundler. Workers refuse
// to compile WebAssembly from bytes; the `workerd` export condition brings the .wasm in as a
// module instead.
import { prepare, send, demoAccounts, describe } from "cloudplay";
import { signWire } from "cloudplay/sign";
import { TC3 } from "../../shared-checks.js"; // Tencent's documented example, as the browser checks sign it

export default {
  async fetch(request) {
    try {
      const { pathname } = new URL(request.url);
      if (pathname === "/sign") return Response.json({ signature: signWire(TC3).signature });
      const example = describe("hai/2023-08-12/RunInstances").examples[0];
      const call = { api: "hai/2023-08-12/RunInstances", params: example.params, region: example.region };
      const { request: signed } = prepare(call, demoAccounts()[0]);
      const answer = await send(signed, { via: "simulator" });
      return Response.json({ status: answer.status, body: JSON.parse(answer.body) });
    } catch (e) {
      return Response.json({ error: String(e), code: e?.code }, { status: 500 });
    }
  },
};
