// What the browser tests check, whichever way the package was loaded. The result goes to
// window.__cloudplay for the test to read (and to the page, for the screenshot).
export const TC3 = {
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

export function run(api) {
  const result = {};
  try {
    result.version = api.version();
    result.signature = api.signWire(TC3).signature;
    result.signOnly = api.signOnly(TC3).signature;
    const ex = api.describe("hai/2023-08-12/RunInstances").examples[0];
    const creds = api.demoAccounts().find((a) => a.profile === "ordinary" && !a.token);
    const p = api.prepare({ api: "hai/2023-08-12/RunInstances", params: ex.params, region: ex.region }, creds);
    const r = api.simulate(p.request);
    result.status = r.status;
    result.code = r.code ?? null;
    result.requestId = JSON.parse(r.body).Response.RequestId;
    try {
      api.signWire({ algorithm: "nope" });
    } catch (e) {
      result.errorCode = e.code;
    }
  } catch (e) {
    result.failure = `${e.name}: ${e.message}`;
  }
  window.__cloudplay = result;
  document.getElementById("out").textContent = JSON.stringify(result, null, 2);
}
