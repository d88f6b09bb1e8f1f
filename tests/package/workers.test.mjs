// The package in Cloudflare's Workers runtime (workerd, through `wrangler dev --local`): the
// default entry and `cloudplay/sign`, imported as a Node user would. Wrangler is installed by
// `cargo xtask test` into .cache (CLOUDPLAY_WRANGLER); run from the clean folder where the
// packed tarball is installed (see xtask/src/npm_test.rs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

const WRANGLER = process.env.CLOUDPLAY_WRANGLER;
const EXPECTED = "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"; // Tencent's documented example

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

test("a Worker imports cloudplay and cloudplay/sign as in Node, signs, and runs a call against the simulator", { skip: !WRANGLER && "CLOUDPLAY_WRANGLER is not set (cargo xtask test sets it)" }, async () => {
  const port = await freePort();
  const dev = spawn(WRANGLER, ["dev", "--local", "--ip", "127.0.0.1", "--port", String(port)], {
    cwd: join(process.cwd(), "workers"),
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_API_TOKEN: "" },
    detached: true,
  });
  let log = "";
  dev.stdout.on("data", (d) => (log += d));
  dev.stderr.on("data", (d) => (log += d));
  try {
    const ready = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), 60000);
      const look = () => /Ready on/.test(log) && (clearTimeout(timer), resolve(true));
      dev.stdout.on("data", look);
      dev.stderr.on("data", look);
      dev.on("exit", () => resolve(false));
    });
    assert.ok(ready, `wrangler dev did not start:\n${log}`);
    const signed = await (await fetch(`http://127.0.0.1:${port}/sign`)).json();
    assert.equal(signed.signature, EXPECTED, JSON.stringify(signed));
    const ran = await fetch(`http://127.0.0.1:${port}/simulate`);
    const answer = await ran.json();
    assert.equal(ran.status, 200, JSON.stringify(answer));
    assert.equal(answer.status, 200, JSON.stringify(answer));
    assert.ok(Array.isArray(answer.body.Response.InstanceIdSet), JSON.stringify(answer));
  } finally {
    try {
      process.kill(-dev.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
});
