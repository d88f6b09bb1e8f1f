// Shared set-up of the browser tests and the benchmark: start `cloudplay serve` on a free
// port, launch Debian's Chromium through playwright-core with a fresh profile, and watch every
// page for console errors and CSP violations.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const OUT = join(ROOT, "tests/out");
export const CHROMIUM = process.env.CLOUDPLAY_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** The simulator's public demo key (see the README's Simulator section). */
export const DEMO = { id: "AKIDcloudplayDemoOrdinary00000001", key: "cloudplayDemoSecretOrdinary00001" };

/** The four seed APIs: a search word that finds each, and the shape of its documented success. */
export const SEEDS = [
  { id: "ms/2018-04-08/CreateResourceInstances", query: "CreateResourceInstances", successKeys: ["Response.RequestId", "Response.ResourceSet"] },
  { id: "postgres/2017-03-12/CreateResource", query: "postgres", successKeys: ["Response.RequestId", "Response.ResourceIdList"] },
  { id: "hai/2023-08-12/RunInstances", query: "hai 实例", successKeys: ["Response.RequestId", "Response.InstanceIdSet"] },
  { id: "bssopenapi/2017-12-14/CreateInstance", query: "billing", successKeys: ["RequestId", "Data.OrderId"] },
];

/** Starts `cloudplay serve --port 0` (with extra environment) and resolves {url, port, stop}. */
export async function startServer({ env = {} } = {}) {
  const bin = process.env.CLOUDPLAY_BIN ?? join(ROOT, "target/debug/cloudplay");
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run cargo build -p cloudplay-server`);
  const pkg = process.env.CLOUDPLAY_PKG ?? join(ROOT, "pkg");
  if (!existsSync(join(pkg, "web/cloudplay.js"))) throw new Error(`${pkg}/web is missing: run cargo xtask pkg`);
  const child = spawn(bin, ["serve", "--port", "0", "--root", join(ROOT, "www"), "--pkg", pkg], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let errText = "";
  child.stderr.on("data", (d) => (errText = (errText + d).slice(-4000)));
  const url = await new Promise((res, rej) => {
    let out = "";
    const timer = setTimeout(() => rej(new Error(`cloudplay serve did not start: ${out} ${errText}`)), 15000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /playground: (http:\/\/[^\s]+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    });
    child.on("exit", (code) => rej(new Error(`cloudplay serve exited (${code}): ${errText}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    stop: () => new Promise((res) => {
      if (child.exitCode !== null) return res();
      child.once("exit", () => res());
      child.kill("SIGTERM");
    }),
  };
}

/** Launches Chromium with a fresh profile; resolves {context, dir, close}. */
export async function launch({ viewport = { width: 1366, height: 900 } } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "cloudplay-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  return {
    context,
    /** Closes the browser and counts what its password manager recorded: `stats` rows (a
     *  "save password?" offer made) and `logins` (passwords saved), read with Python's sqlite3. */
    savedLogins: async () => {
      await context.close();
      const read = "import sqlite3,sys; c=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro',uri=True); print(*[c.execute('select count(*) from '+t).fetchone()[0] for t in ('stats','logins')])";
      const file = join(dir, "Default", "Login Data");
      if (!existsSync(file)) throw new Error(`no ${file}: where does this Chromium keep its passwords?`);
      const [stats, logins] = execFileSync("python3", ["-c", read, file], { encoding: "utf8" }).trim().split(" ").map(Number);
      return { stats, logins };
    },
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collects console errors, page errors, failed module loads and CSP violations of a page. */
export function watch(page) {
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  return problems;
}

/** Opens the playground and waits until it is ready (wasm loaded, catalog rendered). */
export async function openPlayground(context, url, { path = "", clean = true } = {}) {
  const page = await context.newPage();
  if (clean) {
    // A new page starts with an empty sessionStorage; localStorage is the origin's.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Storage.clearDataForOrigin", { origin: new URL(url).origin, storageTypes: "local_storage" });
    await cdp.detach();
  }
  const problems = watch(page);
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url + path);
  await page.waitForSelector("body[data-ready='true']", { timeout: 20000 });
  return { page, problems };
}

export function screenshotPath(name) {
  mkdirSync(OUT, { recursive: true });
  return join(OUT, `${name}.png`);
}

/** Reads a dotted path (`Response.RequestId`) in a JSON value. */
export function dig(value, path) {
  return path.split(".").reduce((v, k) => (v == null ? undefined : v[k]), value);
}

/** Waits until the preview has re-signed after the latest change. */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 60)));
}

/** The WCAG contrast ratio of an element's text colour on its own background colour, or on
 *  that of `background` (another locator) when the element's own is transparent. */
export async function contrastOf(locator, background = locator) {
  const colourOf = (l, prop) => l.evaluate((el, p) => getComputedStyle(el)[p], prop);
  return contrastRatio(await colourOf(locator, "color"), await colourOf(background, "backgroundColor"));
}

/** The WCAG contrast ratio of two computed colours. */
export function contrastRatio(one, other) {
  // Chromium gives rgb(0-255 …), or color(srgb 0-1 …) for a color-mix().
  const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map((v) => (c.startsWith("color(") ? v * 255 : Number(v)));
  const channel = (v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const lum = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const [a, b] = [lum(rgb(one)), lum(rgb(other))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** WCAG 1.4.12's text spacing, as a reader's bookmarklet or extension sets it, on the page and
 *  in each open shadow root (a constructed stylesheet: the page's CSP allows no <style>). */
export async function applyTextSpacing(page) {
  await page.evaluate(() => {
    const css = "*, *::before, *::after { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } p { margin-bottom: 2em !important; }";
    const add = (root) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    };
    add(document);
    for (const el of document.querySelectorAll("*")) if (el.shadowRoot) add(el.shadowRoot);
  });
}

/** Sets the browser's default font size (its font settings; zoom is another thing) for a page
 *  not loaded yet. */
export async function setDefaultFontSize(context, page, px) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Page.enable");
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: px, fixed: Math.round((px * 13) / 16) } });
}

/** How wide the page scrolls, and the rendered elements (in open shadow roots too) that reach
 *  past the viewport's right edge, by their box or by text that runs out of it (the innermost
 *  such element), those inside a box that scrolls sideways of its own left out:
 *  `{ width, viewport, outside: ["input#import-api", "dt.mono", …] }`. */
export async function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const outside = [];
    const name = (el) => `${el.localName}${el.id ? `#${el.id}` : ""}${typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`;
    const scrolls = (el) => /auto|scroll|hidden|clip/.test(getComputedStyle(el).overflowX);
    // Whether anything in `root` was reported.
    const walk = (root) => {
      let found = false;
      for (const el of root.children) {
        const box = el.getBoundingClientRect();
        const within = () => Boolean((el.shadowRoot ? walk(el.shadowRoot) : false) | walk(el));
        // No box of its own (display: contents, none): its children may still have one.
        if (box.width === 0 && box.height === 0) {
          found = within() || found;
          continue;
        }
        const own = box.right > viewport + 1;
        // What a box that scrolls of its own holds does not widen the page.
        const clips = el !== document.body && scrolls(el);
        const inner = !clips && within();
        const text = !clips && !inner && el !== document.body && box.left + el.scrollWidth > viewport + 1;
        if (own || text) outside.push(name(el));
        found ||= own || text || inner;
      }
      return found;
    };
    walk(document.documentElement);
    return { width: document.documentElement.scrollWidth, viewport, outside };
  });
}

/** The visible checkboxes, radio buttons, file inputs and <summary> rows (in open shadow roots
 *  too) smaller than WCAG 2.5.8's 24 by 24 CSS px, as "what w×h". */
export async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll("*")) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (!el.matches('input[type="checkbox"], input[type="radio"], input[type="file"], summary')) continue;
        const { width, height } = el.getBoundingClientRect();
        if (width === 0 || height === 0) continue;
        if (width < 24 || height < 24) small.push(`${el.id || el.textContent.trim()} ${width.toFixed(1)}×${height.toFixed(1)}`);
      }
    };
    walk(document);
    return small;
  });
}

/** The rules axe-core checks a page against: WCAG 2.2 A and AA, and its best practices
 *  (heading order, landmarks, a label that starts with the button's text). */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
let axeSource;

/** What axe-core finds wrong on the page as it is shown now, open shadow roots (the widget's)
 *  included: one line per element, "rule: where — what to fix". Only what is rendered is
 *  checked, so a test opens what it wants checked (details, a response) first. */
export async function accessibilityProblems(page) {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  // Evaluated through the DevTools protocol: the page's CSP, which allows no inline script,
  // does not stop it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const { violations } = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }), AXE_TAGS);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} — ${n.failureSummary.replace(/\s*\n\s*/g, " ")}`));
}
