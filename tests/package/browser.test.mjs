// The package in a real browser (Debian's headless Chromium, driven by playwright-core):
// the default entry built by Vite and by webpack 5, and the `web` target loaded as plain ES
// modules. Run from
// the clean folder where the packed tarball is installed (see xtask/src/npm_test.rs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
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
  // webpack from the workspace's node_modules, above the clean folder (as Vite is).
  const { default: webpack } = await import("webpack");
  const config = (await import(pathToFileURL(join(HERE, "webpack-app", "webpack.config.mjs")).href)).default;
  const stats = await new Promise((done, fail) => webpack(config, (e, s) => (e ? fail(e) : done(s))));
  assert.ok(!stats.hasErrors() && !stats.hasWarnings(), `webpack build:\n${stats.toString({ all: false, errors: true, warnings: true })}`);
  server = serve([
    ["/vite/", join(HERE, "vite-app", "dist")],
    ["/webpack/", join(HERE, "webpack-app")],
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

test("a webpack 5 build of the default entry works in Chromium, with no settings for the package", async () => {
  await check(`${base}/webpack/`, "package-webpack.png");
});

test("the web target works in Chromium as plain ES modules", async () => {
  await check(`${base}/web/`, "package-web.png");
});

/** A documentation page with two boxes of `cloudplay/widget`: the first signs and sends to the
 *  in-page simulator; the second (lang="zh", with a `playground` attribute) links to it. */
async function checkWidget(url, shot, { boxes = 2 } = {}) {
  const page = await browser.newPage();
  const problems = [];
  const fetched = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("requestfinished", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(url);
  await page.waitForFunction((n) => {
    const boxes = [...document.querySelectorAll("cloudplay-try")];
    return boxes.length === n && boxes.every((b) => b.dataset.ready === "true" || "error" in b.dataset);
  }, boxes, { timeout: 30000 });
  const [hai, bss] = [page.locator("cloudplay-try").nth(0), page.locator("cloudplay-try").nth(1)];
  assert.equal(await hai.getAttribute("data-error"), null);
  assert.equal(await bss.getAttribute("data-error"), null);
  assert.match(await hai.locator('[data-step="string_to_sign"] pre').textContent(), /^TC3-HMAC-SHA256\n/);
  // The package has no playground page: no link, unless a box names one.
  assert.equal(await hai.locator("a.open").count(), 0);
  assert.match(await bss.locator("a.open").getAttribute("href"), /^https:\/\/play\.example\/#api=bssopenapi%2F2017-12-14%2FCreateInstance/);
  assert.equal(await bss.getByRole("button", { name: "发送" }).count(), 1, "the second box speaks its own lang");
  await hai.getByRole("button", { name: "Send" }).click();
  await hai.locator(".response [data-outcome]").waitFor({ timeout: 15000 });
  assert.equal(await hai.locator(".response [data-outcome]").getAttribute("data-outcome"), "ok");
  // The stylesheet reached the shadow root: adopted, and the Send button has the accent colour.
  assert.equal(await hai.evaluate((e) => e.shadowRoot.adoptedStyleSheets.length), 1);
  const styled = await hai.getByRole("button", { name: "Send" }).evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(styled, "rgb(11, 92, 173)");
  if (boxes === 3) {
    // Set as properties before the element was defined: read as the attributes they set.
    const framework = page.locator("#framework cloudplay-try");
    assert.equal(await framework.getAttribute("data-error"), null);
    assert.equal(await framework.getAttribute("params"), '{"BundleType":"XL"}');
    assert.equal(await framework.getAttribute("theme"), "dark");
    assert.equal(await framework.getByLabel("Region").inputValue(), "ap-singapore");
    assert.equal(await framework.locator('.form [data-path="BundleType"]').inputValue(), "XL");
    // And after: a property set now loads the box again.
    await framework.evaluate((e) => (e.params = { BundleType: "M" }));
    await page.waitForFunction((e) => e.shadowRoot.querySelector('.form [data-path="BundleType"]')?.value === "M", await framework.elementHandle(), { timeout: 5000 });
  }
  await page.screenshot({ path: join(OUT, shot), fullPage: true });
  await page.close();
  assert.deepEqual(problems, []);
  assert.equal(fetched.filter((p) => p.endsWith(".wasm")).length, 1, `one engine for both boxes: ${fetched.join(" ")}`);
  // Its stylesheet is a module, adopted by the boxes: no .css file for a bundler to extract.
  assert.equal(fetched.filter((p) => p.endsWith(".css")).length, 0, `no stylesheet file: ${fetched.join(" ")}`);
  return fetched;
}

test("cloudplay/widget in a Vite build: one import, and the engine split off", async () => {
  const fetched = await checkWidget(`${base}/vite/widget.html`, "package-widget-vite.png");
  // The engine's glue is its own chunk, not in the page's entry script.
  const entry = fetched.find((p) => /\/assets\/widget-[^/]*\.js$/.test(p));
  assert.ok(entry, fetched.join(" "));
  const text = await readFile(join(HERE, "vite-app", "dist", entry.replace(/^\/vite\//, "")), "utf8");
  assert.ok(!text.includes("__wbindgen"), "the engine's glue is not in the entry chunk");
  // Nor the box's body and its strings: those come with the first box, in a chunk of their own.
  assert.ok(!text.includes("Add item"), "the box's strings are not in the entry chunk");
});

test("cloudplay/widget in a webpack 5 build (as Docusaurus builds a site)", async () => {
  await checkWidget(`${base}/webpack/widget.html`, "package-widget-webpack.png");
});

test("cloudplay/widget loaded from the package's files, as from a CDN", async () => {
  await checkWidget(`${base}/web/widget.html`, "package-widget-web.png", { boxes: 3 });
});
