// Minimal signing page: the input box is signed in the browser by the wasm build.
import init, { signWire } from "/pkg/web/cloudplay.js";

// The public example of Tencent Cloud's signature documentation (its key is published there).
const EXAMPLE = {
  algorithm: "TC3-HMAC-SHA256",
  method: "POST",
  host: "cvm.tencentcloudapi.com",
  path: "/",
  service: "cvm",
  credentials: { secret_id: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", secret_key: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE" },
  timestamp: 1551113065,
  query: "",
  headers: {
    "Content-Type": "application/json; charset=utf-8",
    Host: "cvm.tencentcloudapi.com",
    "X-TC-Action": "DescribeInstances",
    "X-TC-Timestamp": "1551113065",
    "X-TC-Version": "2017-03-12",
    "X-TC-Region": "ap-guangzhou",
  },
  body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  signed_headers: "content-type;host",
};

const input = document.getElementById("input");
const button = document.getElementById("sign");
const status = document.getElementById("status");
const trace = document.getElementById("trace");

function show(result) {
  trace.replaceChildren();
  for (const [key, value] of Object.entries(result)) {
    const dt = document.createElement("dt");
    dt.textContent = key;
    const dd = document.createElement("dd");
    const pre = document.createElement("pre");
    pre.textContent = value;
    dd.append(pre);
    trace.append(dt, dd);
  }
}

function sign() {
  try {
    const result = signWire(input.value);
    show(result);
    status.textContent = "Signed.";
    status.dataset.state = "ok";
  } catch (e) {
    trace.replaceChildren();
    status.textContent = `${e.code ?? "Error"}${e.path ? ` at ${e.path}` : ""}: ${e.message}`;
    status.dataset.state = "error";
  }
}

await init();
input.value = JSON.stringify(EXAMPLE, null, 2);
button.disabled = false;
button.addEventListener("click", sign);
sign();
