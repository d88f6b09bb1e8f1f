// The package's Node build as a client of `cloudplay serve` (no browser): the README's way to
// call the simulator server from Node, and what `send` says when pointed at the proxy instead.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startServer, ROOT, DEMO, SEEDS, dig } from "./helpers.mjs";

let server;
let cp;

before(async () => {
  server = await startServer();
  const pkg = process.env.CLOUDPLAY_PKG ?? join(ROOT, "pkg");
  cp = await import(pathToFileURL(join(pkg, "node/cloudplay.js")).href);
});

after(async () => {
  await server?.stop();
});

test("from Node, a call signed for cloudplay serve's address and sent direct over http is answered by its simulator, for every seed API", async () => {
  const endpoint = `127.0.0.1:${server.port}`;
  for (const seed of SEEDS) {
    const ex = cp.describe(seed.id).examples[0];
    // As the README has it: sign for the server, send there over http.
    const { request } = cp.prepare({ api: seed.id, params: ex.params, region: ex.region, endpoint: `http://${endpoint}` }, { secret_id: DEMO.id, secret_key: DEMO.key });
    assert.equal(request.host, endpoint);
    assert.equal(request.scheme, "http");
    const answer = await cp.send(request, { via: "direct" });
    assert.equal(answer.code, undefined, `${seed.id}: ${answer.body}`);
    const body = JSON.parse(answer.body);
    for (const key of seed.successKeys) assert.notEqual(dig(body, key), undefined, `${seed.id} answers ${key}`);
    // Signed with another key, the server's verifier refuses it, as the vendor would.
    const wrong = cp.prepare({ api: seed.id, params: ex.params, region: ex.region, endpoint: `http://${endpoint}` }, { secret_id: DEMO.id, secret_key: "not-the-key" }).request;
    assert.match((await cp.send(wrong, { via: "direct" })).code ?? "", /Signature|4100/, seed.id);
  }
});

test("from Node, the proxy refuses (it serves only its own pages) and says to send direct; its address without /proxy is named", async () => {
  const hai = cp.describe("hai/2023-08-12/RunInstances").examples[0];
  const { request } = cp.prepare({ api: "hai/2023-08-12/RunInstances", params: hai.params, region: hai.region }, { secret_id: DEMO.id, secret_key: DEMO.key });
  await assert.rejects(cp.send(request, { via: "proxy", proxyUrl: `${server.url}proxy` }),
    (e) => e.code === "ProxyRefused" && e.reason === "WrongOrigin" && /from Node, send direct/.test(e.message));
  await assert.rejects(cp.send(request, { via: "proxy", proxyUrl: server.url }),
    (e) => e.code === "NoProxy" && e.message.endsWith(`forwards at /proxy (${server.url}proxy)`));
});

test("the official tencentcloud-sdk-nodejs is answered by the simulator with cloudplay serve as its endpoint (it signs for the service '127') and as its proxy (a CONNECT tunnel)", async () => {
  const { CommonClient } = (await import("tencentcloud-sdk-nodejs-common")).default;
  const ways = {
    endpoint: (service) => ({ endpoint: `127.0.0.1:${server.port}`, protocol: "http://" }),
    proxy: (service) => ({ endpoint: `${service}.tencentcloudapi.com`, protocol: "http://", proxy: `http://127.0.0.1:${server.port}` }),
  };
  for (const [way, httpProfile] of Object.entries(ways)) {
    const client = (service, version, secretKey = DEMO.key) => new CommonClient(`${service}.tencentcloudapi.com`, version, {
      credential: { secretId: DEMO.id, secretKey },
      region: "ap-guangzhou",
      profile: { httpProfile: httpProfile(service) },
    });
    for (const seed of SEEDS.filter((s) => /^(ms|hai)\//.test(s.id))) {
      const [service, version, action] = seed.id.split("/");
      const ex = cp.describe(seed.id).examples[0];
      const answer = await client(service, version).request(action, ex.params);
      for (const key of seed.successKeys) assert.notEqual(dig({ Response: answer }, key), undefined, `${way}: ${seed.id} answers ${key}`);
      await assert.rejects(client(service, version, "not-the-key").request(action, ex.params),
        (e) => e.code === "AuthFailure.SignatureFailure", `${way}: ${seed.id}`);
    }
  }
});
