// The package in a real browser (Debian's headless Chromium, driven by playwright-core):
// the default entry built by Vite, and the `web` target loaded as plain ES modules. Run from
// the clean folder where the packed tarball is installed (see xtask/src/npm_test.rs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, extname, resolve } from "node:path";
import { chromium } from "playwright-core";

const HERE = process.cwd();
const OUT = process.env.CLOUDPLAY_OUT || join(HERE, "out");
const MIME = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json" };
const EXPECTED = "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"; // Tencent's documented example

let server;
let base;
let browser;

/** Serves `routes` (URL prefix → folder) with the right MIME types; nothing outside them. */
function serve(routes) {
  return createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const [prefix, dir] = routes.find(([p]) => (p.endsWith("/") ? path.startsWith(p) : path === p)) || [];
    // A route to a folder serves what is below it; a route to a file serves that file.
    const file = dir && (prefix.endsWith("/") ? resolve(dir, "." + path.slice(prefix.length - 1)) : dir);
    if (!file || !file.startsWith(resolve(dir)) || path.includes("..")) {
      res.writeHead(404).end();
      return;
    }
    try {
      const target = path.endsWith("/") ? join(file, "index.html") : file;
      const body = await readFile(target);
      res.writeHead(200, { "Content-Type": MIME[extname(target)] || "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}

before(async () => {
  const vite = resolve(HERE, "..", "..", "node_modules", ".bin", "vite");
  const built = spawnSync(vite, ["build"], { cwd: join(HERE, "vite-app"), encoding: "utf8" });
  assert.equal(built.status, 0, `vite build failed:\n${built.stdout}\n${built.stderr}`);
  server = serve([
    ["/vite/", join(HERE, "vite-app", "dist")],
    ["/pkg/", join(HERE, "node_modules", "cloudplay")],
    ["/shared-checks.js", join(HERE, "shared-checks.js")],
    ["/web/", join(HERE, "web-app")],
  ]);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}`;
  await mkdir(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function check(url, shot) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => window.__cloudplay, null, { timeout: 30000 });
  const r = await page.evaluate(() => window.__cloudplay);
  await page.screenshot({ path: join(OUT, shot) });
  await page.close();
  assert.deepEqual(problems, []);
  assert.equal(r.failure, undefined, r.failure);
  assert.equal(r.signature, EXPECTED);
  assert.equal(r.signOnly, EXPECTED);
  assert.equal(r.status, 200);
  assert.equal(r.code, null);
  assert.match(r.requestId, /^[0-9a-f-]{36}$/);
  assert.equal(r.errorCode, "UnknownAlgorithm");
  return r;
}

test("a Vite build of the default entry works in Chromium", async () => {
  assert.ok(existsSync(join(HERE, "vite-app", "dist", "index.html")));
  await check(`${base}/vite/`, "package-vite.png");
});

test("the web target works in Chromium as plain ES modules", async () => {
  await check(`${base}/web/`, "package-web.png");
});
