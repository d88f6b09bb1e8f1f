// Benchmark of the playground in headless Chromium (run by hand or `cargo xtask browser-bench`):
//   - time to ready: navigation start → wasm loaded → catalog rendered → page ready,
//     cold (HTTP cache disabled) and warm;
//   - preview update per keystroke: from the input event to the re-signed preview in the DOM
//     (validate + prepare + render, plus the debounce), median and p95 over ~100 keystrokes.
import { startServer, launch } from "./helpers.mjs";

const LOADS = Number(process.env.BENCH_LOADS ?? 9);
const KEYS = Number(process.env.BENCH_KEYS ?? 100);

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
}

const fmt = (x) => `${x.toFixed(1)} ms`;

async function timeToReady(context, url, { cold }) {
  const marks = { wasm: [], catalog: [], ready: [], response: [] };
  for (let i = 0; i < LOADS; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: cold });
    await page.goto(url);
    await page.waitForSelector("body[data-ready='true']");
    const m = await page.evaluate(() => {
      const get = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
      return { wasm: get("cloudplay:wasm"), catalog: get("cloudplay:catalog"), ready: get("cloudplay:ready"), response: performance.getEntriesByType("navigation")[0].responseEnd };
    });
    for (const k of Object.keys(marks)) marks[k].push(m[k]);
    await page.close();
  }
  return Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, stats(v)]));
}

async function perKeystroke(context, url, { api, field, example = 0 }) {
  const page = await context.newPage();
  await page.goto(`${url}#api=${encodeURIComponent(api)}`);
  await page.waitForSelector("body[data-ready='true']");
  await page.click(`#examples button[data-example="${example}"]`);
  await page.click("#cred-demo");
  await page.evaluate(() => {
    window.__bench = [];
    document.addEventListener("cloudplay:preview", (e) => window.__bench.push(e.detail));
  });
  const input = page.locator(`#form [data-path="${field}"]`);
  await input.fill("");
  await page.waitForTimeout(100);
  await input.focus();
  await page.evaluate(() => (window.__bench.length = 0));
  const text = "abcdefghij";
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type(text[i % text.length]);
    await page.waitForFunction((n) => window.__bench.length >= n, i + 1);
  }
  const events = await page.evaluate(() => window.__bench);
  await page.close();
  return {
    total: stats(events.map((e) => e.renderedAt - e.inputAt)),
    work: stats(events.map((e) => e.renderedAt - e.startedAt)),
  };
}

const server = await startServer();
const browser = await launch();
try {
  const version = browser.context.browser()?.version() ?? "chromium";
  console.log(`cloudplay playground benchmark — Chromium ${version}, ${LOADS} loads, ${KEYS} keystrokes`);
  for (const cold of [true, false]) {
    const r = await timeToReady(browser.context, server.url, { cold });
    console.log(`\ntime to ready (${cold ? "cold, HTTP cache disabled" : "warm"}), median [p95] from navigation start:`);
    console.log(`  HTML received      ${fmt(r.response.median)} [${fmt(r.response.p95)}]`);
    console.log(`  wasm loaded        ${fmt(r.wasm.median)} [${fmt(r.wasm.p95)}]`);
    console.log(`  catalog rendered   ${fmt(r.catalog.median)} [${fmt(r.catalog.p95)}]`);
    console.log(`  page ready         ${fmt(r.ready.median)} [${fmt(r.ready.p95)}]`);
  }
  for (const [api, field] of [
    ["hai/2023-08-12/RunInstances", "InstanceName"],
    ["bssopenapi/2017-12-14/CreateInstance", "ClientToken"],
  ]) {
    const r = await perKeystroke(browser.context, server.url, { api, field });
    console.log(`\npreview per keystroke, ${api} (${field}), ${r.total.n} keystrokes:`);
    console.log(`  input → preview re-rendered median ${fmt(r.total.median)}, p95 ${fmt(r.total.p95)} (includes the debounce)`);
    console.log(`  validate + sign + render    median ${fmt(r.work.median)}, p95 ${fmt(r.work.p95)}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
