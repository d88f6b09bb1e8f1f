// A Worker's code: the package's two entries imported as in Node or a bundler. Workers refuse
// to compile WebAssembly from bytes; the `workerd` export condition brings the .wasm in as a
// module instead.
import { prepare, send, demoAccounts, describe } from "cloudplay";
import { signWire } from "cloudplay/sign";

const TC3 = {
  algorithm: "TC3-HMAC-SHA256",
  method: "POST",
  host: "cvm.tencentcloudapi.com",
  path: "/",
  service: "cvm",
  credentials: { secret_id: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", secret_key: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE" },
  timestamp: 1551113065,
  query: "",
  headers: { "Content-Type": "application/json; charset=utf-8", Host: "cvm.tencentcloudapi.com" },
  body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  signed_headers: "content-type;host",
};

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
