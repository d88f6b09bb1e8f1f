// The playground page in real headless Chromium: each seed API end to end, the failures, the
// secrets rules, drafts, permalink, language, keyboard and a narrow screen. Screenshots go to
// tests/out/.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { createHash, createHmac } from "node:crypto";
import { startServer, launch, openPlayground, watch, screenshotPath, dig, settle, contrastOf, contrastRatio, accessibilityProblems, applyTextSpacing, setDefaultFontSize, sidewaysOverflow, smallTargets, SEEDS, DEMO, ROOT } from "./helpers.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Whether the loaded package has a function (simulate, send, …). */
async function chooseBySearch(page, query, id) {
  await page.fill("#search", query);
  const hit = page.locator(`#search-results button[data-api="${id}"]`);
  await hit.waitFor();
  await hit.click();
  await settle(page);
  assert.equal(await page.inputValue("#api-picker"), id);
}

async function useDemoKey(page) {
  await page.click("#cred-demo");
  await settle(page);
}

async function sendAndRead(page) {
  await page.click("#send-button");
  await page.waitForSelector("#response [data-outcome]", { timeout: 15000 });
  const outcome = await page.getAttribute("#response [data-outcome]", "data-outcome");
  const code = await page.getAttribute("#response [data-outcome]", "data-code");
  const body = await page.textContent('#response [data-step="body"] pre').catch(() => "");
  let json = null;
  try {
    json = JSON.parse(body);
  } catch {
    json = null;
  }
  return { outcome, code, json };
}

function noProblems(problems) {
  assert.deepEqual(problems, [], `console errors or CSP violations:\n${problems.join("\n")}`);
}

test("the page loads under its Content-Security-Policy with the catalog rendered", async () => {
  const page = await browser.context.newPage();
  const resp = await page.goto(server.url);
  const csp = resp.headers()["content-security-policy"] ?? "";
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /style-src 'self'/);
  await page.close();
  const { page: p, problems } = await openPlayground(browser.context, server.url);
  assert.equal(await p.locator("#search-results button").count(), 4);
  assert.equal(await p.locator("#api-picker option").count(), 4);
  // No inline scripts, no style attributes in the served document.
  const inline = await p.evaluate(() => ({
    scripts: [...document.scripts].filter((s) => !s.src).length,
    styled: document.querySelectorAll("[style]").length,
  }));
  assert.deepEqual(inline, { scripts: 0, styled: 0 });
  await p.screenshot({ path: screenshotPath("page-ready"), fullPage: true });
  noProblems(problems);
  await p.close();
});

test("an API the vendor has deprecated says so in the search results and among its facts, in either language", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  const marked = await page.locator("#search-results button:has(.deprecated)").evaluateAll((bs) => bs.map((b) => b.dataset.api));
  assert.deepEqual(marked, ["ms/2018-04-08/CreateResourceInstances"]);
  // A first visit opens neither the deprecated API nor the API 2.0 one ahead of it.
  assert.equal(await page.inputValue("#api-picker"), "hai/2023-08-12/RunInstances");
  assert.equal(await page.locator("#api-facts dd.deprecated").count(), 0);
  // A length with no minimum reads as a maximum.
  assert.match(await page.locator('#form [data-path="InstanceName"]').evaluate((el) => document.getElementById(el.getAttribute("aria-describedby").split(" ")[0]).textContent), /at most 128 characters/);
  await chooseBySearch(page, "CreateResourceInstances", "ms/2018-04-08/CreateResourceInstances");
  assert.match(await page.textContent("#api-facts dd.deprecated"), /^Deprecated by the vendor/);
  await page.selectOption("#lang", "zh");
  assert.match(await page.textContent("#api-facts dd.deprecated"), /^厂商已废弃/);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  assert.equal(await page.locator("#api-facts .deprecated").count(), 0);
  noProblems(problems);
  await page.close();
});

for (const seed of SEEDS) {
  describe(`seed API ${seed.id}`, () => {
    test("found by search, example loaded, preview shown, valid", async () => {
      const { page, problems } = await openPlayground(browser.context, server.url);
      await chooseBySearch(page, seed.query, seed.id);
      const spec = await page.evaluate(async (id) => (await import("/pkg/web/cloudplay.js")).describe(id), seed.id);
      await page.click('#examples button[data-example="0"]');
      await settle(page);
      const params = JSON.parse(await page.inputValue("#json"));
      assert.deepEqual(params, spec.examples[0].params, "the JSON editor holds the example");
      assert.equal(await page.getAttribute("#violations", "data-state"), "valid");
      assert.equal(await page.textContent('#preview [data-fact="algorithm"]'), spec.algorithms[0]);
      const sts = await page.textContent('#preview [data-step="string_to_sign"] pre');
      assert.ok(sts.length > 20, "a string to sign is shown");
      const http = await page.textContent('#preview [data-step="http"] pre');
      assert.ok(http.includes(spec.endpoints.default), "the final request goes to the API's host");
      for (const step of await page.locator("#preview [data-step]").all()) {
        assert.equal(await step.locator("button.copy").count(), 1, "each step has a copy button");
      }
      await page.screenshot({ path: screenshotPath(`seed-${seed.id.split("/")[0]}-preview`), fullPage: true });
      noProblems(problems);
      await page.close();
    });

    test("runs in the in-page simulator and gets the documented success shape", async () => {
      const { page, problems } = await openPlayground(browser.context, server.url);
      await chooseBySearch(page, seed.query, seed.id);
      await page.click('#examples button[data-example="0"]');
      await useDemoKey(page);
      const r = await sendAndRead(page);
      assert.equal(r.outcome, "ok", `expected success, got ${r.code}: ${JSON.stringify(r.json)}`);
      for (const key of seed.successKeys) assert.notEqual(dig(r.json, key), undefined, `${key} in the answer`);
      const requestId = await page.textContent('#response [data-fact="requestId"]');
      assert.ok(requestId.length > 8, "the RequestId is shown");
      await page.locator("#send-card").screenshot({ path: screenshotPath(`seed-${seed.id.split("/")[0]}-success`) });
      noProblems(problems);
      await page.close();
    });
  });
}

test("a missing required field blocks sending, with the field marked", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  const field = page.locator('#form [data-path="ApplicationId"]');
  await field.fill("");
  await settle(page);
  // Live: marked at the field and in the summary as soon as it is typed.
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  assert.equal(await page.getAttribute("#violations", "data-state"), "invalid");
  assert.equal(await page.locator('#violation-list li[data-path="ApplicationId"]').count(), 1);
  await page.click("#send-button");
  assert.equal(await page.getAttribute("#send-status", "data-state"), "blocked");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.path), "ApplicationId", "focus goes to the field");
  const message = await page.locator('#form .field.invalid .field-error').first().textContent();
  assert.match(message, /ApplicationId/);
  assert.equal(await page.locator("#response [data-outcome]").count(), 0, "nothing was sent");
  await page.screenshot({ path: screenshotPath("fail-missing-required"), fullPage: true });
  // Region is required by hai too: clearing it marks the region field.
  await page.fill("#region", "");
  await settle(page);
  assert.equal(await page.getAttribute("#region", "aria-invalid"), "true");
  noProblems(problems);
  await page.close();
});

test("typing where nothing is wrong leaves the live regions (Validation, status) alone; a change in the problems is said", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.fill('#form [data-path="ApplicationId"]', "bad");
  await settle(page);
  const before = await page.textContent("#violation-list");
  assert.match(before, /ApplicationId/);
  await page.evaluate(() => {
    window.__changed = [];
    for (const region of document.querySelectorAll("[aria-live]")) {
      new MutationObserver(() => window.__changed.push(region.id)).observe(region, { childList: true, subtree: true, characterData: true });
    }
  });
  await page.focus('#form [data-path="InstanceName"]');
  await page.keyboard.type("abcde", { delay: 40 });
  await settle(page);
  assert.deepEqual(await page.evaluate(() => window.__changed), [], "each keystroke re-announced these");
  await page.fill('#form [data-path="ApplicationId"]', "");
  await settle(page);
  assert.ok((await page.evaluate(() => window.__changed)).includes("violations"));
  assert.notEqual(await page.textContent("#violation-list"), before);
  noProblems(problems);
  await page.close();
});

test("primary buttons are readable in light and dark (WCAG AA, 4.5:1)", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    const ratio = await contrastOf(page.locator("#send-button"));
    assert.ok(ratio >= 4.5, `${colorScheme}: ${ratio.toFixed(2)}:1`);
  }
  noProblems(problems);
  await page.close();
});

test("the send line follows the call: a fixed call clears 'fix first', an answer to an older call says so", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  const first = await sendAndRead(page);
  assert.equal(first.outcome, "ok");
  const field = page.locator('#form [data-path="ApplicationId"]');
  const id = await field.inputValue();
  await field.fill("");
  await settle(page);
  assert.equal(await page.getAttribute("#send-status", "data-state"), "stale");
  assert.ok(await page.locator("#response.stale").count(), "the old answer is marked");
  await page.click("#send-button");
  assert.equal(await page.getAttribute("#send-status", "data-state"), "blocked");
  await field.fill(id);
  await settle(page);
  // Back to the call that was sent: nothing to fix, nothing stale, its answer's line again.
  assert.equal(await page.getAttribute("#send-status", "data-state"), "ok");
  assert.equal(await page.locator("#response.stale").count(), 0);
  // The same call signed otherwise is another request: its answer is not this one's.
  for (const [change, undo] of [
    [() => page.selectOption("#algorithm", "TC-HmacSHA1"), () => page.selectOption("#algorithm", "TC3-HMAC-SHA256")],
    [() => page.check("#ts-fixed"), () => page.check("#ts-now")],
  ]) {
    await change();
    await settle(page);
    assert.equal(await page.getAttribute("#send-status", "data-state"), "stale");
    assert.ok(await page.locator("#response.stale").count());
    await undo();
    await settle(page);
    assert.equal(await page.getAttribute("#send-status", "data-state"), "ok");
  }
  noProblems(problems);
  await page.close();
});

for (const [id, query, code] of [
  ["hai/2023-08-12/RunInstances", "RunInstances", "AuthFailure.SignatureFailure"],
  ["bssopenapi/2017-12-14/CreateInstance", "bssopenapi", "SignatureDoesNotMatch"],
]) {
  test(`a wrong secret gets the signature error and the diff (${id.split("/")[0]})`, async () => {
    const { page, problems } = await openPlayground(browser.context, server.url);
    await chooseBySearch(page, query, id);
    await page.click('#examples button[data-example="0"]');
    await page.fill("#secret-id", DEMO.id);
    await page.fill("#secret-key", "not-the-right-secret");
    await settle(page);
    const r = await sendAndRead(page);
    assert.equal(r.outcome, "error");
    assert.equal(r.code, code);
    const diff = page.locator('#response [data-role="signature-diff"]');
    await diff.waitFor();
    // The first step that differs is the signature: the request is the same, the key is not.
    assert.equal(await diff.locator(".diff-first").getAttribute("data-first-step"), "signature");
    assert.equal(await diff.locator('tr[data-step="signature"]').getAttribute("data-state"), "differs");
    assert.ok((await diff.locator(".diff-meaning").textContent()).length > 20);
    await page.locator("#send-card").screenshot({ path: screenshotPath(`fail-wrong-secret-${id.split("/")[0]}`) });
    noProblems(problems);
    await page.close();
  });
}

for (const [scheme, width, language] of [["light", 1366, "en"], ["dark", 360, "zh"]]) {
  test(`axe-core finds no WCAG 2.2 A/AA problem on the page: with problems, answered, and with a signature that differs (${scheme}, ${width} px, ${language})`, async () => {
    const { page, problems } = await openPlayground(browser.context, server.url);
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    if (language === "zh") await page.selectOption("#lang", "zh");
    const openAll = () => page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    const found = [];
    const check = async (state) => found.push(...(await accessibilityProblems(page)).map((p) => `${state}: ${p}`));
    await chooseBySearch(page, "bssopenapi", "bssopenapi/2017-12-14/CreateInstance");
    // A problem in the form, in the summary and on the send line; every fold open.
    await page.locator('#form [data-path="ProductCode"]').fill("");
    await settle(page);
    await page.click("#send-button");
    await openAll();
    await check("blocked");
    await page.locator('#form [data-path="ProductCode"]').fill("rds");
    await useDemoKey(page);
    assert.equal((await sendAndRead(page)).outcome, "ok");
    await check("answered");
    // The comparison table of a signature the server computed otherwise, its differences marked.
    await page.fill("#secret-key", "not-the-right-secret");
    await settle(page);
    assert.equal((await sendAndRead(page)).outcome, "error");
    await page.locator('#response [data-role="signature-diff"]').waitFor();
    await page.click("#verify-current");
    await page.fill("#verify-secret", "wrong-secret");
    await page.click("#verify-button");
    await page.locator("#verify-output .diff-first").waitFor();
    await check("signature differs");
    // An answer to an earlier call, marked stale once the call is edited, keeps its contrast.
    await page.locator('#form [data-path="ProductCode"]').fill("oss");
    await settle(page);
    assert.equal(await page.locator("#response.stale").count(), 1);
    await check("stale answer");
    assert.deepEqual(found, []);
    noProblems(problems);
    await page.close();
  });
}

for (const [id, query, code] of [
  ["ms/2018-04-08/CreateResourceInstances", "CreateResourceInstances", "AuthFailure.SignatureExpire"],
  ["bssopenapi/2017-12-14/CreateInstance", "bssopenapi", "InvalidTimeStamp.Expired"],
]) {
  test(`an expired timestamp gets its error (${id.split("/")[0]})`, async () => {
    const { page, problems } = await openPlayground(browser.context, server.url);
    await chooseBySearch(page, query, id);
    await page.click('#examples button[data-example="0"]');
    await useDemoKey(page);
    await page.check("#ts-fixed");
    await page.fill("#ts-value", String(Math.floor(Date.now() / 1000) - 3600));
    await settle(page);
    const r = await sendAndRead(page);
    assert.equal(r.outcome, "error");
    assert.equal(r.code, code);
    assert.ok((await page.textContent("#response .explain")).length > 10, "the code is explained");
    await page.locator("#send-card").screenshot({ path: screenshotPath(`fail-expired-${id.split("/")[0]}`) });
    noProblems(problems);
    await page.close();
  });
}

test("a fixed timestamp that is empty or not whole seconds in range is marked at its field, and nothing is sent", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await useDemoKey(page);
  await page.check("#ts-fixed");
  const marked = async () => ({
    invalid: await page.getAttribute("#ts-value", "aria-invalid"),
    said: (await page.isVisible("#ts-err")) ? await page.textContent("#ts-err") : "",
  });
  for (const [typed, rule] of [
    ["-5", /whole number of seconds/],
    ["1700000000.5", /whole number of seconds/],
    ["1e9", /whole number of seconds/],
    ["0x10", /whole number of seconds/],
    ["99999999999999", /outside 0\.\.=253402300799.*milliseconds/],
  ]) {
    await page.fill("#ts-value", typed);
    await settle(page);
    const m = await marked();
    assert.equal(m.invalid, "true", `${typed} is marked`);
    assert.match(m.said, rule, `${typed}: the rule is said under the field`);
  }
  await page.fill("#ts-value", " 1700000000 ");
  await settle(page);
  assert.deepEqual(await marked(), { invalid: null, said: "" });
  assert.match(await page.textContent('#preview [data-fact="timestamp"]'), /^1700000000 /);
  // Cleared: it used to sign as 0 (1970) and send.
  await page.fill("#ts-value", "");
  await page.click("#send-button");
  await settle(page);
  assert.deepEqual(await marked(), { invalid: "true", said: "Enter a timestamp (whole seconds since 1970), or choose Now." });
  assert.equal(await page.evaluate(() => document.activeElement.id), "ts-value");
  assert.equal(await page.locator("#response [data-outcome]").count(), 0, "nothing sent");
  assert.equal(await page.locator("#history-list li.history-entry").count(), 0);
  assert.doesNotMatch(await page.textContent("#preview"), /1970-01-01/);
  // Back to now: nothing to mark.
  await page.check("#ts-now");
  await settle(page);
  assert.deepEqual(await marked(), { invalid: null, said: "" });
  noProblems(problems);
  await page.close();
});

test("secrets stay out of localStorage, the URL, the history, drafts and snippets", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  const secret = { id: "AKIDsecretIdTyped1234", key: "SecretKeyTypedByTheUser98765", token: "SessionTokenTyped55555" };
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.fill("#secret-id", secret.id);
  await page.fill("#secret-key", secret.key);
  await page.fill("#token", secret.token);
  await page.fill('#form [data-path="InstanceName"]', "changed");
  await settle(page);
  await page.click("#send-button"); // whatever the outcome, a history entry may be written
  await settle(page);
  for (const lang of ["curl", "python", "node", "go", "cli"]) {
    await page.selectOption("#snippet-lang", lang);
    const text = await page.textContent("#snippet");
    assert.ok(!text.includes(secret.key) && !text.includes(secret.token), `no secret in the ${lang} snippet`);
  }
  const seen = await page.evaluate(() => ({
    local: Object.entries(localStorage).map(([k, v]) => `${k}=${v}`).join("\n"),
    session: Object.entries(sessionStorage).map(([k, v]) => `${k}=${v}`).join("\n"),
    url: location.href,
    permalink: document.getElementById("permalink").value,
    historyState: JSON.stringify(history.state),
  }));
  for (const [where, text] of Object.entries(seen)) {
    for (const s of Object.values(secret)) assert.ok(!text.includes(s), `${where} must not hold a credential`);
  }
  assert.ok(seen.local.includes("changed"), "the draft was saved (without the secrets)");
  // Opting in keeps them in sessionStorage only; Clear wipes memory and storage.
  await page.check("#remember");
  let stored = await page.evaluate(() => ({ s: JSON.stringify(sessionStorage), l: JSON.stringify(localStorage) }));
  assert.ok(stored.s.includes(secret.key));
  assert.ok(!stored.l.includes(secret.key));
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.inputValue("#secret-key"), secret.key, "remembered in this tab after opting in");
  // The verify panel's copy of the request carries the token: the browser keeps none of it
  // for the page brought back by Back (Chromium writes restorable form text to its session
  // files), and Clear empties it.
  await page.click("#verify-current");
  assert.ok((await page.inputValue("#verify-input")).includes(secret.token), "the pasted request holds the token");
  await page.goto(new URL("docs-demo.html", server.url).href, { waitUntil: "networkidle" });
  await page.goBack();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.inputValue("#verify-input"), "", "no pasted request comes back with the page");
  await page.click("#verify-current");
  await page.fill("#verify-own", `X-TC-Token: ${secret.token}`);
  await page.fill("#verify-secret", secret.key);
  // A parameter holding the token is redacted while the page knows it for one; Clear must
  // not let it out afterwards, when the page no longer does.
  await page.fill('#form [data-path="InstanceName"]', `my-${secret.token}`);
  await settle(page);
  await page.click("#cred-clear");
  await settle(page);
  stored = await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage) + location.href + document.getElementById("permalink").value);
  for (const s of Object.values(secret)) assert.ok(!stored.includes(s));
  assert.equal(await page.inputValue('#form [data-path="InstanceName"]'), "my-<redacted>", "the copy in a parameter is cleared too");
  assert.ok(!(await page.inputValue("#json")).includes(secret.token));
  assert.equal(await page.inputValue("#secret-key"), "");
  assert.equal(await page.inputValue("#verify-secret"), "", "the verify panel's key is a credential too");
  for (const box of ["#verify-input", "#verify-own"]) assert.equal(await page.inputValue(box), "", `${box} quoted the token`);
  assert.equal(await page.isChecked("#remember"), false);
  // Without the opt-in a reload forgets them.
  await page.fill("#secret-key", secret.key);
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.inputValue("#secret-key"), "");
  noProblems(problems);
  await page.close();
});

test("every signing step of every algorithm says how it is made, in English and Chinese", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  const seen = new Set();
  for (const [query, id] of [["RunInstances", "hai/2023-08-12/RunInstances"], ["billing", "bssopenapi/2017-12-14/CreateInstance"], ["postgres", "postgres/2017-03-12/CreateResource"]]) {
    await chooseBySearch(page, query, id);
    for (const algorithm of await page.locator("#algorithm option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean))) {
      await page.selectOption("#algorithm", algorithm);
      await settle(page);
      for (const lang of ["en", "zh"]) {
        await page.selectOption("#lang", lang);
        await settle(page);
        const steps = await page.locator("#preview [data-step]").evaluateAll((els) => els.map((el) => ({
          step: el.dataset.step, summary: el.querySelector("details.how summary")?.textContent, text: el.querySelector("details.how p")?.textContent ?? "",
        })));
        assert.equal(await page.textContent('#preview [data-fact="algorithm"]'), algorithm);
        for (const s of steps.filter((s) => s.step !== "http")) {
          assert.equal(s.summary, lang === "en" ? "How it is made" : "计算方法", `${algorithm} ${s.step}`);
          assert.ok(s.text.length > 20 && (lang === "en" ? !/[\u4e00-\u9fff]/.test(s.text) : /[\u4e00-\u9fff]/.test(s.text)), `${algorithm} ${s.step} ${lang}: ${s.text}`);
        }
        if (lang === "en") steps.forEach((s) => seen.add(`${algorithm} ${s.step}`));
      }
    }
  }
  for (const algorithm of ["TC3-HMAC-SHA256", "ACS3-HMAC-SHA256", "ACS-RPC-HMAC-SHA1", "TC-HmacSHA1", "TC-HmacSHA256"]) {
    assert.ok(seen.has(`${algorithm} signature`), `${algorithm} was shown: ${[...seen].join(", ")}`);
  }
  // The facts a learner most often gets wrong are in the words.
  await page.selectOption("#lang", "en");
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.selectOption("#algorithm", "TC3-HMAC-SHA256");
  await settle(page);
  assert.match(await page.textContent('#preview [data-step="credential_scope"] details.how p'), /UTC date/);
  noProblems(problems);
  await page.close();
});

test("a line of a signing step too long for its box wraps indented, so the wrap is not taken for a line break", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await page.setViewportSize({ width: 360, height: 740 });
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  const shape = await page.evaluate(() => {
    const pre = document.querySelector('#preview [data-step="canonical_request"] pre');
    const node = pre.firstChild;
    const text = node.textContent;
    // The last line, the payload's 64 hex digits, is wider than a phone's box.
    const range = document.createRange();
    range.setStart(node, text.lastIndexOf("\n") + 1);
    range.setEnd(node, text.length);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const line = document.createRange();
    line.setStart(node, 0);
    line.setEnd(node, text.indexOf("\n"));
    return { rows: rects.length, first: rects[0].left, next: rects[1]?.left, lineStart: line.getClientRects()[0].left, text };
  });
  assert.ok(shape.rows >= 2, "the payload hash wraps on a phone");
  assert.equal(Math.round(shape.first), Math.round(shape.lineStart), "a line starts at the margin");
  assert.ok(shape.next - shape.first > 8, `its wrapped part is indented (${shape.next - shape.first}px)`);
  assert.ok(!/\n[ \t]/.test(shape.text), "the text itself is unchanged: no indent in it");
  noProblems(problems);
  await page.close();
});

test("the preview keeps its nonce while the call is edited; with a fixed time a fixed nonce is signed and sent, and a second send is refused as reused", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "billing", "bssopenapi/2017-12-14/CreateInstance");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  const nonceShown = async () => /(?:SignatureNonce=|x-acs-signature-nonce: )([^&\s]+)/i.exec(await page.textContent('#preview [data-step="http"] pre'))?.[1];
  const first = await nonceShown();
  assert.ok(first, "the request carries a nonce");
  assert.ok(await page.isDisabled("#nonce-value"), "a nonce is fixed only with a fixed time");
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.equal(await nonceShown(), first, "re-signed in another language, the same nonce");
  await page.check("#ts-fixed");
  await page.fill("#nonce-value", "learner-nonce-1");
  await settle(page);
  assert.equal(await nonceShown(), "learner-nonce-1");
  const sent = await sendAndRead(page);
  assert.equal(sent.outcome, "ok", sent.body);
  await page.click("#send-button");
  await page.waitForFunction(() => document.querySelector("#response [data-outcome]")?.dataset.code === "SignatureNonceUsed", null, { timeout: 15000 });
  // Blank again: the preview's own nonce for this call and time, and each send a fresh one.
  await page.fill("#nonce-value", "");
  await settle(page);
  const own = await nonceShown();
  assert.notEqual(own, "learner-nonce-1");
  await page.selectOption("#lang", "en");
  await settle(page);
  assert.equal(await nonceShown(), own, "the same call at the same time keeps its nonce");
  // Another call gets another nonce: its copied request must not be a replay of the first's.
  await page.evaluate(() => {
    const box = document.getElementById("json");
    const params = JSON.parse(box.value);
    params.Period = (params.Period ?? 1) + 12;
    box.value = JSON.stringify(params, null, 2);
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await settle(page);
  assert.notEqual(await nonceShown(), own, "an edited call is signed with a new nonce");
  await page.click("#send-button");
  await page.waitForFunction(() => document.querySelector("#response [data-outcome]")?.dataset.outcome === "ok", null, { timeout: 15000 });
  const before = await page.textContent('#response [data-fact="requestId"]');
  await page.click("#send-button");
  await page.waitForFunction((id) => {
    const outcome = document.querySelector("#response [data-outcome]");
    const now = document.querySelector('#response [data-fact="requestId"]')?.textContent;
    return outcome?.dataset.outcome === "ok" && now && now !== id;
  }, before, { timeout: 15000 });
  noProblems(problems);
  await page.close();
});

test("Ctrl+Enter sends from the field being typed in, as the Send button does", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  await page.fill('#form [data-path="InstanceName"]', "by-keyboard");
  await page.focus('#form [data-path="InstanceName"]');
  await page.keyboard.press("Control+Enter");
  await page.waitForSelector("#response [data-outcome]", { timeout: 15000 });
  assert.equal(await page.getAttribute("#response [data-outcome]", "data-outcome"), "ok");
  assert.equal(await page.inputValue('#form [data-path="InstanceName"]'), "by-keyboard", "the field keeps what was typed");
  assert.equal(await page.getAttribute("#send-button", "aria-keyshortcuts"), "Control+Enter Meta+Enter");
  // Enter alone in a field sends nothing, nor does Ctrl+Enter outside the call (the verify panel).
  const before = await page.textContent('#response [data-fact="requestId"]');
  await page.keyboard.press("Enter");
  await page.focus("#verify-input");
  await page.keyboard.press("Control+Enter");
  await page.waitForTimeout(300);
  assert.equal(await page.textContent('#response [data-fact="requestId"]'), before);
  noProblems(problems);
  await page.close();
});

test("the snippet language and where to send are kept across a reload, and the widget keeps neither", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  assert.equal(await page.inputValue("#snippet-lang"), "curl", "a first visit starts with curl");
  assert.ok(await page.isChecked("#via-simulator"), "and sends to the simulator");
  await page.selectOption("#snippet-lang", "go");
  await page.check("#via-proxy");
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.inputValue("#snippet-lang"), "go");
  assert.match(await page.textContent("#snippet"), /package main/, "the kept language's code is shown");
  assert.ok(await page.isChecked("#via-proxy"), "the kept choice of where to send");
  // A value this version does not offer (an older or edited preference) falls back to the defaults.
  await page.evaluate(() => {
    localStorage.setItem("cloudplay.pref.snippetLang", JSON.stringify("cobol"));
    localStorage.setItem("cloudplay.pref.via", JSON.stringify("carrier-pigeon"));
  });
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.inputValue("#snippet-lang"), "curl");
  assert.ok(await page.isChecked("#via-simulator"));
  // A widget box on a docs page, same origin, writes no preference of the page's.
  await page.selectOption("#snippet-lang", "python");
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  await page.goto(new URL("docs-demo.html", server.url).href, { waitUntil: "networkidle" });
  const box = page.locator('cloudplay-try[api="hai/2023-08-12/RunInstances"]');
  await box.locator("details.code summary").click();
  await box.locator('[data-step="snippet-python"]').waitFor({ timeout: 5000 });
  await box.getByLabel("Language").selectOption("go");
  await box.locator('[data-step="snippet-go"]').waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => localStorage.getItem("cloudplay.pref.snippetLang")), JSON.stringify("python"));
  assert.ok(before.includes("snippetLang"));
  noProblems(problems);
  await page.close();
});

test("the secret fields are password fields the browser's password manager does not offer to save", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  for (const id of ["#secret-key", "#token", "#verify-secret"]) {
    const field = await page.locator(id).evaluate((el) => ({ type: el.type, autocomplete: el.autocomplete, spellcheck: el.spellcheck }));
    // A one-time code is never offered for saving; a password field's value reaches screen
    // readers as bullets, where a masked text field's would be read out.
    assert.deepEqual(field, { type: "password", autocomplete: "one-time-code", spellcheck: false }, id);
  }
  // The page a Back brings up again has them empty (with the back/forward cache off, as here).
  for (const id of ["#secret-key", "#token", "#verify-secret"]) await page.fill(id, "SecretTypedHere123");
  await page.goto(new URL("docs-demo.html", server.url).href, { waitUntil: "networkidle" });
  await page.goBack();
  await page.waitForSelector("body[data-ready='true']");
  for (const id of ["#secret-key", "#token", "#verify-secret"]) assert.equal(await page.inputValue(id), "", `${id} came back`);
  noProblems(problems);
  await page.close();

  // Chromium's own record: a "save password?" offer leaves a row in the profile's Login Data.
  // A key typed, then a setting changed and another API opened (a same-page navigation, which
  // Chromium takes for a login submitted) made it offer to save the key.
  const own = await launch();
  let offered;
  try {
    const tab = await own.context.newPage();
    await tab.goto(server.url);
    await tab.waitForSelector("body[data-ready='true']");
    await tab.fill("#secret-id", "AKIDpasswordManagerCheck");
    await tab.fill("#secret-key", "SecretTypedHere123");
    await tab.fill("#token", "TokenTypedHere123");
    await tab.selectOption("#method", "GET");
    await tab.selectOption("#api-picker", "bssopenapi/2017-12-14/CreateInstance");
    await settle(tab);
    // Chromium decides after the navigation it took for a submission: given time to.
    await tab.waitForTimeout(1500);
    offered = await own.savedLogins();
  } finally {
    await own.close();
  }
  assert.deepEqual(offered, { stats: 0, logins: 0 });
});

test("a parameter holding the secret, or named like one, stays out of the link, the address, the draft and the history", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await useDemoKey(page);
  const params = (p) => {
    const m = /params=([^&]+)/.exec(p);
    return m ? Buffer.from(m[1], "base64url").toString() : "";
  };
  const kept = () => page.evaluate(() => ({
    url: location.href,
    permalink: document.getElementById("permalink").value,
    local: JSON.stringify({ ...localStorage }),
  }));
  const assertOut = (seen, what) => {
    assert.ok(!params(seen.url).includes(DEMO.key) && !seen.url.includes(DEMO.key), `${what}: not in the address`);
    assert.ok(!params(seen.permalink).includes(DEMO.key), `${what}: not in the permalink`);
    assert.ok(!seen.local.includes(DEMO.key), `${what}: not in localStorage`);
  };
  assert.equal(await page.isVisible("#secret-left-out"), false);
  // A member named like a credential, typed in the JSON.
  await page.fill("#json", JSON.stringify({ ApplicationId: "app-jknfna", BundleType: "S", SecretKey: DEMO.key }));
  await settle(page);
  let seen = await kept();
  assertOut(seen, "SecretKey member");
  assert.equal(JSON.parse(params(seen.permalink)).ApplicationId, "app-jknfna", "the rest of the call is in the link");
  assert.match(await page.textContent("#secret-left-out"), /left out of the link, the draft and the history/);
  // The key pasted into an ordinary field: its value is replaced, as in the snippets.
  await page.fill("#json", JSON.stringify({ ApplicationId: "app-jknfna", BundleType: "S" }));
  await settle(page);
  assert.equal(await page.isVisible("#secret-left-out"), false, "nothing left out: no notice");
  await page.fill('#form [data-path="InstanceName"]', DEMO.key);
  await settle(page);
  seen = await kept();
  assertOut(seen, "InstanceName");
  assert.equal(JSON.parse(params(seen.permalink)).InstanceName, "<redacted>");
  assert.equal(await page.isVisible("#secret-left-out"), true);
  await page.click("#send-button");
  await page.waitForSelector("#response [data-outcome]");
  assertOut(await kept(), "after sending");
  assert.ok((await page.evaluate(() => localStorage.getItem("cloudplay.history"))).includes("<redacted>"), "the history entry has the call, without the key");
  // The field still holds what was typed: it is signed with it.
  assert.equal(await page.inputValue('#form [data-path="InstanceName"]'), DEMO.key);
  noProblems(problems);
  await page.close();
});

test("text replaced because it matches a short secret key is said to be replaced by <redacted>, not left out", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.fill('#form [data-path="InstanceName"]', "test-vm-01");
  await page.fill("#secret-id", "AKIDtest");
  await page.fill("#secret-key", "test");
  await settle(page);
  const linked = JSON.parse(Buffer.from(/params=([^&]+)/.exec(await page.inputValue("#permalink"))[1], "base64url").toString());
  assert.equal(linked.InstanceName, "<redacted>-vm-01");
  const said = await page.textContent("#secret-left-out");
  assert.match(said, /matches your secret key or token is replaced by <redacted> in the link, the draft and the history/);
  assert.doesNotMatch(said, /named like a credential/, "no member was left out");
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.match(await page.textContent("#secret-left-out"), /被替换为 <redacted>/);
  noProblems(problems);
  await page.close();
});

test("form and JSON stay in sync; arrays add and remove; required-only filter", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "bssopenapi", "bssopenapi/2017-12-14/CreateInstance");
  await page.click('#examples button[data-example="0"]');
  await page.fill('#form [data-path="Parameter[0].Value"]', "ssd");
  await settle(page);
  assert.equal(JSON.parse(await page.inputValue("#json")).Parameter[0].Value, "ssd");
  await page.click('#form button[data-add-for="Parameter"]');
  await settle(page);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.path), "Parameter[1].Code", "focus moves to the new item");
  assert.equal(await page.locator('#violation-list li[data-path="Parameter[1].Code"]').count(), 1, "the new item's required fields are reported");
  await page.fill('#form [data-path="Parameter[1].Code"]', "Region");
  await page.fill('#form [data-path="Parameter[1].Value"]', "cn-hangzhou");
  await settle(page);
  assert.equal(JSON.parse(await page.inputValue("#json")).Parameter.length, 2);
  await page.getByRole("button", { name: "Remove Parameter[0]" }).click();
  await settle(page);
  assert.deepEqual(JSON.parse(await page.inputValue("#json")).Parameter, [{ Code: "Region", Value: "cn-hangzhou" }]);
  // Focus goes on to Add, which would not say what happened: a status line does.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.addFor), "Parameter");
  await page.waitForFunction(() => [...document.querySelectorAll("[role=status]")].some((el) => el.textContent === "Parameter[0] removed."));
  // A problem of the list as a whole is said where focus goes for it: the Add button.
  await page.fill("#json", JSON.stringify({ ...JSON.parse(await page.inputValue("#json")), Parameter: [] }, null, 2));
  await settle(page);
  const described = await page.evaluate(() => {
    const add = document.querySelector('#form button[data-add-for="Parameter"]');
    return document.getElementById(add.getAttribute("aria-describedby"))?.textContent;
  });
  assert.match(described, /Parameter has 0 items; it needs at least 1/);
  await page.getByRole("button", { name: "Add item to Parameter" }).click();
  await page.fill('#form [data-path="Parameter[0].Code"]', "Region");
  await page.fill('#form [data-path="Parameter[0].Value"]', "cn-hangzhou");
  await settle(page);
  assert.deepEqual(JSON.parse(await page.inputValue("#json")).Parameter, [{ Code: "Region", Value: "cn-hangzhou" }]);
  // JSON → form, including an allowed-values choice and a type error reported at its field.
  const params = JSON.parse(await page.inputValue("#json"));
  params.SubscriptionType = "PayAsYouGo";
  params.Period = "twelve";
  await page.fill("#json", JSON.stringify(params, null, 2));
  await settle(page);
  assert.equal(await page.inputValue('#form [data-path="SubscriptionType"]'), '"PayAsYouGo"');
  assert.equal(await page.getAttribute('#form [data-path="Period"]', "aria-invalid"), "true");
  // An integer typed past 2^53 keeps every digit (a JS number would round it).
  const exact = { ...JSON.parse(await page.inputValue("#json")), Period: 12, RenewPeriod: "@" };
  await page.fill("#json", JSON.stringify(exact).replace('"@"', "18446744073709551615"));
  await settle(page);
  assert.equal(await page.inputValue('#form [data-path="RenewPeriod"]'), "18446744073709551615");
  // Broken JSON is reported and keeps the form as it was.
  await page.fill("#json", "{ \"ProductCode\": ");
  await settle(page);
  assert.equal(await page.isVisible("#json-status"), true);
  assert.equal(await page.inputValue('#form [data-path="ProductCode"]'), "rds");
  // Required only hides the empty optional fields: one holding a value is sent, so it stays
  // in view; one emptied while being edited goes when it loses focus.
  await page.check("#required-only");
  assert.equal(await page.isVisible('#form [data-path="ProductCode"]'), true);
  assert.equal(await page.inputValue('#form [data-path="ProductType"]'), "rds");
  assert.equal(await page.isVisible('#form [data-path="ProductType"]'), true);
  await page.fill('#form [data-path="ProductType"]', "");
  await settle(page);
  assert.equal(await page.isVisible('#form [data-path="ProductType"]'), true, "not while it has focus");
  await page.focus('#form [data-path="ProductCode"]');
  assert.equal(await page.isVisible('#form [data-path="ProductType"]'), false);
  assert.equal(await page.isVisible('#form [data-path="RenewalStatus"]'), true);
  await page.uncheck("#required-only");
  assert.equal(await page.isVisible('#form [data-path="ProductType"]'), true);
  // An optional list's new item shows its required fields, and the cursor goes into the first.
  await page.check("#required-only");
  await page.click('#form button[data-add-for="Parameter"]');
  await settle(page);
  assert.equal(await page.isVisible('#form [data-path="Parameter[1].Code"]'), true);
  assert.equal(await page.isVisible('#form [data-path="Parameter[1].Value"]'), true);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.path), "Parameter[1].Code");
  assert.equal(await page.isChecked("#required-only"), true);
  noProblems(problems);
  await page.close();
});

test("nothing is lost switching APIs or reloading (drafts), and the permalink restores a call", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.fill('#form [data-path="InstanceName"]', "kept-across-switches");
  await page.fill("#region", "ap-shanghai");
  await settle(page);
  await chooseBySearch(page, "CreateResourceInstances", "ms/2018-04-08/CreateResourceInstances");
  await page.fill('#form [data-path="TimeSpan"]', "7");
  await settle(page);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  assert.equal(await page.inputValue('#form [data-path="InstanceName"]'), "kept-across-switches");
  assert.equal(await page.inputValue("#region"), "ap-shanghai");
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.inputValue("#api-picker"), "hai/2023-08-12/RunInstances");
  assert.equal(await page.inputValue('#form [data-path="InstanceName"]'), "kept-across-switches");
  const link = await page.inputValue("#permalink");
  assert.match(link, /#api=hai%2F2023-08-12%2FRunInstances&params=[A-Za-z0-9_-]+&region=ap-shanghai$/);
  // A fresh profile-less page: storage cleared, the link alone restores the call.
  const { page: other, problems: otherProblems } = await openPlayground(browser.context, server.url, { path: link.slice(server.url.length) });
  assert.equal(await other.inputValue("#api-picker"), "hai/2023-08-12/RunInstances");
  assert.equal(await other.inputValue('#form [data-path="InstanceName"]'), "kept-across-switches");
  assert.equal(await other.inputValue("#region"), "ap-shanghai");
  noProblems(problems);
  noProblems(otherProblems);
  await page.close();
  await other.close();
});

test("a reload keeps the call's settings and the JSON being typed; a garbled link says so", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "CreateResource", "postgres/2017-03-12/CreateResource");
  await page.selectOption("#algorithm", "TC-HmacSHA1");
  await page.selectOption("#method", "POST");
  await page.check("#ts-fixed");
  await page.fill("#ts-value", "1796100000");
  await page.check("#required-only");
  await settle(page);
  // The address holds this call's permalink: a reload is that link, and must not reset the rest.
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.inputValue("#api-picker"), "postgres/2017-03-12/CreateResource");
  assert.equal(await page.inputValue("#algorithm"), "TC-HmacSHA1");
  assert.equal(await page.inputValue("#method"), "POST");
  assert.equal(await page.isChecked("#ts-fixed"), true);
  assert.equal(await page.inputValue("#ts-value"), "1796100000");
  assert.equal(await page.isChecked("#required-only"), true);
  // JSON that does not parse yet is kept as typed.
  const typing = '{"ProjectId": 0, "Storage": ';
  await page.fill("#json", typing);
  await settle(page);
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.inputValue("#json"), typing);
  assert.equal(await page.inputValue("#algorithm"), "TC-HmacSHA1");
  // Unless that text names or holds a credential: no parse can take it out, so it is not kept.
  const secret = "SKtyped-into-the-json-0001";
  await page.fill("#json", `{"ProjectId": 0, "SecretKey": "${secret}", `);
  await settle(page);
  assert.ok(!(await page.evaluate(() => JSON.stringify(localStorage))).includes(secret));
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.ok(!(await page.inputValue("#json")).includes(secret));
  noProblems(problems);
  await page.close();

  // Someone else's link to an API you have a draft for shows their call, and your draft
  // stays saved until you edit theirs.
  const mine = await openPlayground(browser.context, server.url);
  await chooseBySearch(mine.page, "RunInstances", "hai/2023-08-12/RunInstances");
  await mine.page.fill('#form [data-path="InstanceName"]', "my-own-draft");
  await settle(mine.page);
  await mine.page.close();
  const theirs = { ApplicationId: "app-theirs", BundleType: "S", InstanceName: "their-call" };
  const link = `#api=hai%2F2023-08-12%2FRunInstances&params=${Buffer.from(JSON.stringify(theirs)).toString("base64url")}&region=ap-guangzhou`;
  const opened = await openPlayground(browser.context, server.url, { path: link, clean: false });
  assert.equal(await opened.page.inputValue('#form [data-path="InstanceName"]'), "their-call");
  await opened.page.close();
  const back = await openPlayground(browser.context, server.url, { clean: false });
  assert.equal(await back.page.inputValue("#api-picker"), "hai/2023-08-12/RunInstances");
  assert.equal(await back.page.inputValue('#form [data-path="InstanceName"]'), "my-own-draft");
  noProblems([...mine.problems, ...opened.problems, ...back.problems]);
  await back.page.close();

  // The signing settings travel with the link when they are not the API's defaults, so the
  // one who opens it signs the same request; one this API does not offer is named.
  const chooser = await openPlayground(browser.context, server.url);
  await chooseBySearch(chooser.page, "CreateResource", "postgres/2017-03-12/CreateResource");
  await chooser.page.selectOption("#algorithm", "TC-HmacSHA1");
  await chooser.page.selectOption("#method", "POST");
  await settle(chooser.page);
  const withSettings = await chooser.page.inputValue("#permalink");
  assert.match(withSettings, /&algorithm=TC-HmacSHA1&method=POST$/);
  const signedBy = async (page) => (await page.textContent("#preview")).match(/SignatureMethod=(HmacSHA\d+)/)?.[1];
  assert.equal(await signedBy(chooser.page), "HmacSHA1");
  await chooser.page.close();
  const receiver = await openPlayground(browser.context, server.url, { path: withSettings.slice(server.url.length) });
  assert.equal(await receiver.page.inputValue("#algorithm"), "TC-HmacSHA1");
  assert.equal(await receiver.page.inputValue("#method"), "POST");
  assert.equal(await signedBy(receiver.page), "HmacSHA1");
  assert.equal(await receiver.page.isVisible("#load-status"), false);
  noProblems([...chooser.problems, ...receiver.problems]);
  await receiver.page.close();
  const edited = withSettings.slice(server.url.length).replace("TC-HmacSHA1", "TC-HmacMD5");
  const { page: odd, problems: oddProblems } = await openPlayground(browser.context, server.url, { path: edited });
  assert.equal(await odd.inputValue("#algorithm"), "TC-HmacSHA256");
  assert.equal(await odd.inputValue("#method"), "POST");
  assert.match(await odd.textContent("#load-status"), /cannot use TC-HmacMD5 as the link asks/);
  noProblems(oddProblems);
  await odd.close();

  // A link without parameters opens the draft or the example with the link's settings; one
  // whose content type cannot go with its method says so, and shows what is sent.
  const bare = await openPlayground(browser.context, server.url, { path: "#api=postgres%2F2017-03-12%2FCreateResource&algorithm=TC-HmacSHA1&method=POST" });
  assert.equal(await bare.page.inputValue("#algorithm"), "TC-HmacSHA1");
  assert.equal(await bare.page.inputValue("#method"), "POST");
  assert.equal(await bare.page.isVisible("#load-status"), false);
  noProblems(bare.problems);
  await bare.page.close();
  const getJson = await openPlayground(browser.context, server.url, { path: "#api=ms%2F2018-04-08%2FCreateResourceInstances&params=e30&method=GET&content_type=application%2Fjson" });
  assert.equal(await getJson.page.inputValue("#method"), "GET");
  assert.equal(await getJson.page.inputValue("#content-type"), "", "a GET shows no body type");
  assert.match(await getJson.page.textContent("#load-status"), /cannot use application\/json as the link asks/);
  noProblems(getJson.problems);
  await getJson.page.close();

  // A link to an API this page does not have: another API opens, and the page says why.
  const { page: gone, problems: goneProblems } = await openPlayground(browser.context, server.url, { path: "#api=cvm%2F2017-03-12%2FRunInstances&params=e30" });
  assert.equal(await gone.inputValue("#api-picker"), "hai/2023-08-12/RunInstances");
  assert.equal(await gone.isVisible("#load-status"), true);
  assert.match(await gone.textContent("#load-status"), /cvm\/2017-03-12\/RunInstances is not in this page's catalog/);
  assert.match(await gone.textContent("#load-status"), /did you mean hai\/2023-08-12\/RunInstances/);
  assert.doesNotMatch(await gone.textContent("#load-status"), /UnknownApi.*UnknownApi/, "the code is said once");
  // The same typed into the address of an open page: the address goes back to the call on
  // show, and Back to it clears the banner.
  const shown = await gone.inputValue("#permalink");
  await gone.evaluate(() => (location.hash = "#api=nope%2F1%2FX&params=e30"));
  await gone.waitForFunction(() => !location.hash.includes("nope"));
  assert.equal(gone.url(), shown);
  assert.match(await gone.textContent("#load-status"), /nope\/1\/X is not in this page's catalog/);
  // With no near name, the advice is what this page can do: import a tccli file.
  assert.match(await gone.textContent("#load-status"), /opens once its product's tccli api\.json is imported/);
  assert.doesNotMatch(await gone.textContent("#load-status"), /Alibaba API meta/);
  noProblems(goneProblems);
  await gone.close();

  // A link cut short: the API opens with its example, and the page says why.
  const { page: cut, problems: cutProblems } = await openPlayground(browser.context, server.url, { path: "#api=hai%2F2023-08-12%2FRunInstances&params=eyJBcHBsaWNhdGlvbklkIjoi" });
  assert.equal(await cut.inputValue("#api-picker"), "hai/2023-08-12/RunInstances");
  assert.equal(await cut.isVisible("#load-status"), true);
  assert.match(await cut.textContent("#load-status"), /could not be read/);
  noProblems(cutProblems);
  await cut.close();
});

test("JSON being typed survives a reload with a parameter like ClientToken; a held secret in it is kept out", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "bssopenapi", "bssopenapi/2017-12-14/CreateInstance");
  await useDemoKey(page);
  const typing = '{"ProductCode": "rds", "ClientToken": "order-0001", "Note": "no token here", "Extra": ';
  await page.fill("#json", typing);
  await settle(page);
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.inputValue("#json"), typing, "a parameter named like ClientToken is no credential");
  // The held key pasted into the text: kept without it, as everywhere else.
  await useDemoKey(page);
  await page.fill("#json", `{"ProductCode": "rds", "Note": "${DEMO.key}", `);
  await settle(page);
  const draft = await page.evaluate(() => localStorage.getItem("cloudplay.draft.bssopenapi/2017-12-14/CreateInstance"));
  assert.ok(!draft.includes(DEMO.key));
  assert.equal(JSON.parse(draft).options.jsonText, '{"ProductCode": "rds", "Note": "<redacted>", ');
  noProblems(problems);
  await page.close();
});

test("JSON being typed that names a credential, and so is not kept in the draft, says so until it parses", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  const draftText = () => page.evaluate(() => JSON.parse(localStorage.getItem("cloudplay.draft.hai/2023-08-12/RunInstances")).options.jsonText);
  assert.equal(await page.isVisible("#json-not-kept"), false);
  await page.fill("#json", '{\n  "InstanceName": "keep me",\n  "Token": "abc"\n  "oops"');
  await settle(page);
  assert.equal(await draftText(), undefined, "the text is not in the draft");
  assert.match(await page.textContent("#json-not-kept"), /not kept in the draft: it names a credential/);
  await page.selectOption("#lang", "zh");
  assert.match(await page.textContent("#json-not-kept"), /^这段文本无法解析期间不会保存到草稿/);
  await page.selectOption("#lang", "en");
  // Parsed, the member is left out as anywhere else: nothing more to say.
  await page.fill("#json", '{"InstanceName": "keep me", "Token": "abc"}');
  await settle(page);
  assert.equal(await page.isVisible("#json-not-kept"), false);
  // A parameter like ClientToken is no credential: the text is kept, and nothing is said.
  await page.fill("#json", '{"InstanceName": "keep me", "ClientToken": "abc", ');
  await settle(page);
  assert.equal(await draftText(), '{"InstanceName": "keep me", "ClientToken": "abc", ');
  assert.equal(await page.isVisible("#json-not-kept"), false);
  noProblems(problems);
  await page.close();
});

test("Chinese and English switch, with violation messages from the core in each", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.fill('#form [data-path="BundleType"]', "");
  await settle(page);
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await page.textContent("#params-heading"), "参数");
  assert.match(await page.textContent('#violation-list li[data-path="BundleType"]'), /缺少必填参数 BundleType/);
  assert.match(await page.textContent("#api-title"), /创建实例/);
  await page.fill("#search", "费用");
  assert.equal(await page.locator('#search-results button[data-api="bssopenapi/2017-12-14/CreateInstance"]').count(), 1, "search in Chinese");
  await page.screenshot({ path: screenshotPath("page-zh"), fullPage: true });
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.textContent("#params-heading"), "参数", "the language is remembered");
  await page.selectOption("#lang", "en");
  await settle(page);
  assert.match(await page.textContent('#violation-list li[data-path="BundleType"]'), /BundleType is required/);
  noProblems(problems);
  await page.close();
});

/** A TC3 request for hai RunInstances signed the way Tencent's signing page writes it: over
 *  x-tc-action too, its value in lower case; `sentBody` may differ from the body signed. */
function docStyleRequest(signedBody, sentBody = signedBody) {
  const ts = Math.floor(Date.now() / 1000);
  const date = new Date(ts * 1000).toISOString().slice(0, 10);
  const sha = (x) => createHash("sha256").update(x).digest("hex");
  const hmac = (k, x) => createHmac("sha256", k).update(x).digest();
  const canonical = ["POST", "/", "", "content-type:application/json", "host:hai.tencentcloudapi.com", "x-tc-action:runinstances", "",
    "content-type;host;x-tc-action", sha(signedBody)].join("\n");
  const scope = `${date}/hai/tc3_request`;
  const sts = ["TC3-HMAC-SHA256", ts, scope, sha(canonical)].join("\n");
  const key = hmac(hmac(hmac(`TC3${DEMO.key}`, date), "hai"), "tc3_request");
  const signature = createHmac("sha256", key).update(sts).digest("hex");
  const text = ["POST / HTTP/1.1", "Host: hai.tencentcloudapi.com", "Content-Type: application/json", "X-TC-Action: RunInstances",
    "X-TC-Version: 2023-08-12", `X-TC-Timestamp: ${ts}`, "X-TC-Region: ap-guangzhou",
    `Authorization: TC3-HMAC-SHA256 Credential=${DEMO.id}/${scope}, SignedHeaders=content-type;host;x-tc-action, Signature=${signature}`,
    "", sentBody].join("\n");
  return { text, canonical };
}

test("a signer that writes header values in lower case, as Tencent's page does, verifies; with another slip, the comparison points at that one", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  const body = '{"ApplicationId":"app-jknfna","BundleType":"S","SystemDisk":{"DiskType":"CLOUD_PREMIUM","DiskSize":250},"InstanceName":"hai"}';
  const good = docStyleRequest(body);
  await page.fill("#verify-input", good.text);
  await page.fill("#verify-secret", DEMO.key);
  await page.fill("#verify-own", good.canonical);
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "ok");
  assert.equal(await page.locator("#verify-output .diff-first").count(), 0, "nothing is set side by side for a request that verifies");
  // Signed over one body, sent with another: the first difference is the payload hash (line 9),
  // not the lower-case action its signer was told to write.
  const bad = docStyleRequest(body, body.replace('"hai"}', '"hax"}'));
  await page.fill("#verify-input", bad.text);
  await page.fill("#verify-own", bad.canonical);
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-code"), "AuthFailure.SignatureFailure");
  assert.match(await page.textContent("#verify-output .diff-first"), /line 9\b/);
  noProblems(problems);
  await page.close();
});

test("a pasted request without Content-Length whose text ends in a line break verifies in the reading that holds, and says which; the page's own request has Content-Length", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  const body = '{"ApplicationId":"app-jknfna","BundleType":"S","InstanceName":"hai"}';
  const check = async (text) => {
    await page.fill("#verify-input", text);
    await page.fill("#verify-secret", DEMO.key);
    await page.click("#verify-button");
    const outcome = await page.getAttribute("#verify-output [data-outcome]", "data-outcome");
    const note = page.locator('#verify-output [data-note="body-line-breaks"]');
    return { outcome, note: (await note.count()) ? await note.textContent() : null };
  };
  // Signed over a body that ends in a line break, and sent so.
  let r = await check(docStyleRequest(`${body}\n`).text);
  assert.equal(r.outcome, "ok");
  assert.match(r.note, /kept in the body/);
  // Signed without it, the paste adding one: verifies, and says a client sending it would not.
  r = await check(`${docStyleRequest(body).text}\n`);
  assert.equal(r.outcome, "ok");
  assert.match(r.note, /left out of the body/);
  // With nothing to choose between, nothing is said.
  r = await check(docStyleRequest(body).text);
  assert.deepEqual(r, { outcome: "ok", note: null });
  // A wrong key fails in both readings: no note.
  await page.fill("#verify-input", `${docStyleRequest(body).text}\n`);
  await page.fill("#verify-secret", "another key");
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "error");
  assert.equal(await page.locator('#verify-output [data-note="body-line-breaks"]').count(), 0);
  // The page's own final request says where its body ends (in bytes, not UTF-16 units).
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.fill('#form [data-path="InstanceName"]', "测试");
  await settle(page);
  const http = await page.textContent('#preview [data-step="http"] pre');
  const sent = http.split("\n\n").slice(1).join("\n\n");
  assert.equal(Number(/Content-Length: (\d+)/.exec(http)?.[1]), Buffer.byteLength(sent), http);
  noProblems(problems);
  await page.close();
});

test("an ACS3 signer that writes header values in lower case (as TC3's reading allows) is shown that difference, not told its key is wrong", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  const sha = (x) => createHash("sha256").update(x).digest("hex");
  const body = "Period=1";
  const date = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace(/\.\d+Z$/, "Z");
  const headers = [["host", "business.aliyuncs.com"], ["x-acs-action", "CreateInstance"], ["x-acs-content-sha256", sha(body)],
    ["x-acs-date", date], ["x-acs-signature-nonce", "n0nce42"], ["x-acs-version", "2017-12-14"]];
  const signed = headers.map(([k]) => k).join(";");
  // The slip: each signed value lower-cased before it is signed; the request sends them as they are.
  const canonical = ["POST", "/", "", ...headers.map(([k, v]) => `${k}:${v.toLowerCase()}`), "", signed, sha(body)].join("\n");
  const signature = createHmac("sha256", DEMO.key).update(`ACS3-HMAC-SHA256\n${sha(canonical)}`).digest("hex");
  const text = ["POST / HTTP/1.1", ...headers.map(([k, v]) => `${k}: ${v}`), "content-type: application/x-www-form-urlencoded",
    `Authorization: ACS3-HMAC-SHA256 Credential=${DEMO.id},SignedHeaders=${signed},Signature=${signature}`, "", body].join("\n");
  await page.fill("#verify-input", text);
  await page.fill("#verify-secret", DEMO.key);
  await page.fill("#verify-own", canonical);
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "error");
  // The first lower-cased value is x-acs-action's, the canonical request's fifth line.
  assert.match(await page.textContent("#verify-output .diff-first"), /line 5\b/);
  const computed = await page.locator('#verify-output tr[data-step="canonical_request"] td').nth(1).textContent();
  assert.ok(computed.includes("x-acs-action:CreateInstance"), "the server's canonical request is shown as the server computed it");
  assert.match(await page.textContent("#verify-output table.diff thead"), /In the request, and what you pasted/, "the column holds the pasted canonical request");
  const words = await page.locator("#verify-output > p").allTextContents();
  assert.ok(words.every((w) => !/^[a-z]/.test(w)), `each line starts as a sentence: ${words.join(" | ")}`);
  noProblems(problems);
  await page.close();
});

test("a one-line string to sign (RPC) or an ACS3 canonical query that differs says where, and names a + for a space, a single encoding, an escape too many or too few, or another order", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  const said = await page.evaluate(async () => {
    const { renderDiff } = await import("/js/diff.js");
    const theirs = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribe%26Name%3Da%2520b%26Version%3D2014-05-26";
    const cases = {
      plus: theirs.replace("a%2520b", "a%2Bb"),
      once: theirs.replace("a%2520b", "a%20b"),
      order: "GET&%2F&Action%3DDescribe%26AccessKeyId%3Dtestid%26Name%3Da%2520b%26Version%3D2014-05-26",
      raw: "GET&%2F&AccessKeyId=testid&Action=Describe&Name=a%20b&Version=2014-05-26",
      other: theirs.replace("testid", "testie"),
      star: theirs.replace("a%2520b", "a%2520*"),
    };
    const out = {};
    const meaningOf = (yours, theirs) => {
      const box = document.createElement("div");
      renderDiff(box, { yours, theirs });
      return [box.querySelector(".diff-first").textContent, box.querySelector(".diff-meaning").textContent];
    };
    for (const [name, yours] of Object.entries(cases)) out[name] = meaningOf({ string_to_sign: yours, signature: "x" }, { string_to_sign: theirs, signature: "y" });
    // A character the canonical query encodes, left as it is, and one it leaves, encoded.
    const withStar = theirs.replace("a%2520b", "a%252Ab");
    out.unencoded = meaningOf({ string_to_sign: withStar.replace("%252A", "*"), signature: "x" }, { string_to_sign: withStar, signature: "y" });
    const withTilde = theirs.replace("a%2520b", "a~b");
    out.overEncoded = meaningOf({ string_to_sign: withTilde.replace("~", "%257E"), signature: "x" }, { string_to_sign: withTilde, signature: "y" });
    // ACS3's canonical query (a canonical request's third line) is encoded once.
    const acs3 = (query) => ({ algorithm: "ACS3-HMAC-SHA256", canonical_request: `POST\n/\n${query}\nhost:business.aliyuncs.com\n\nhost\nabc`, signature: "x" });
    const query = "Name=a%20b&Note=%2A~&Z=1";
    out.acs3Plus = meaningOf(acs3(query.replace("%20", "+")), acs3(query));
    out.acs3Star = meaningOf(acs3(query.replace("%2A", "*")), acs3(query));
    out.acs3Tilde = meaningOf(acs3(query.replace("~", "%7E")), acs3(query));
    out.acs3Order = meaningOf(acs3("Note=%2A~&Name=a%20b&Z=1"), acs3(query));
    // TC3's canonical query is the query as sent: no encoding slip is read into it.
    out.tc3Star = meaningOf({ ...acs3(query.replace("%2A", "*")), algorithm: "TC3-HMAC-SHA256" }, { ...acs3(query), algorithm: "TC3-HMAC-SHA256" });
    return out;
  });
  assert.match(said.unencoded[1], /leaves \* as it is .*\(\* is %2A\)/);
  assert.match(said.overEncoded[1], /percent-encodes ~, which the canonical query leaves/);
  assert.doesNotMatch(said.unencoded[1], /encoded once/, "a * left as it is is not the query encoded once");
  assert.doesNotMatch(said.star[1], /leaves|encoded once/, "a * where the server's has an encoded space is no escape slip");
  assert.match(said.acs3Plus[1], /space written as \+.*%20/);
  assert.match(said.acs3Star[1], /leaves \* as it is/);
  assert.match(said.acs3Tilde[1], /percent-encodes ~/);
  assert.match(said.acs3Order[1], /same parameters in another order/);
  assert.doesNotMatch(said.tc3Star[1], /leaves/);
  assert.match(said.plus[1], /space written as \+/);
  assert.match(said.once[1], /encodes the canonical query a second time/);
  assert.match(said.order[1], /same parameters in another order/);
  assert.match(said.raw[1], /percent-encoded once more/);
  assert.match(said.other[1], /differ at line 1/);
  // One line, so the character is what tells where.
  assert.match(said.other[0], /line 1, character \d+/);
  noProblems(problems);
  await page.close();
});

test("verify a pasted request: it verifies with the right secret; with a wrong one, the first differing step", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await useDemoKey(page);
  await page.click("#verify-current");
  assert.match(await page.inputValue("#verify-input"), /^POST \/ HTTP\/1.1\n/);
  await page.fill("#verify-secret", DEMO.key);
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "ok");
  await page.fill("#verify-secret", "wrong-secret");
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-code"), "AuthFailure.SignatureFailure");
  assert.equal(await page.getAttribute("#verify-output .diff-first", "data-first-step"), "signature");
  // A signature is one word of hex: no line and character to point at.
  assert.doesNotMatch(await page.textContent("#verify-output .diff-first"), /line|character/);
  assert.match(await page.textContent("#verify-output .diff-meaning"), /either the secret key is different/);
  // The right key, the hex in upper case: the slip is named instead of blaming the key.
  const signed = await page.inputValue("#verify-input");
  await page.fill("#verify-input", signed.replace(/Signature=([0-9a-f]{64})/, (_, hex) => `Signature=${hex.toUpperCase()}`));
  await page.fill("#verify-secret", DEMO.key);
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-code"), "AuthFailure.SignatureFailure");
  assert.match(await page.textContent("#verify-output .diff-meaning"), /hex digits are upper case/);
  // Date.now() where seconds belong: said as such, with the clock check off too.
  await page.fill("#verify-input", signed.replace(/X-TC-Timestamp: (\d+)/i, (_, ts) => `X-TC-Timestamp: ${ts}000`));
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-code"), "AuthFailure.SignatureExpire");
  assert.match(await page.textContent("#verify-output"), /X-TC-Timestamp \d+000 is in milliseconds; it must be unix seconds/);
  assert.match(await page.textContent("#verify-output"), /the second of the request's timestamp, which is in milliseconds/);
  await page.fill("#verify-input", signed);
  // A request changed after signing: the client's own string to sign pinpoints the line.
  const own = await page.textContent('#preview [data-step="string_to_sign"] pre');
  const raw = (await page.inputValue("#verify-input")).replace('"InstanceName":"hai"', '"InstanceName":"hax"');
  await page.fill("#verify-input", raw);
  await page.fill("#verify-secret", DEMO.key);
  await page.fill("#verify-own", own);
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "error");
  assert.equal(await page.getAttribute("#verify-output .diff-first", "data-first-step"), "string_to_sign");
  assert.match(await page.textContent("#verify-output .diff-first"), /line 4/);
  // A curl line (the curl snippet) reads too.
  await page.selectOption("#snippet-lang", "curl");
  const curl = await page.textContent('#snippet [data-step="snippet-curl"] pre');
  await page.fill("#verify-input", curl);
  await page.fill("#verify-own", "");
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "ok");
  await page.locator("#verify-output").screenshot({ path: screenshotPath("verify-curl") });
  // The result on show follows the language, as the rest of the page does.
  await page.selectOption("#lang", "zh");
  assert.match(await page.textContent("#verify-output [data-outcome]"), /^签名验证通过/);
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "ok");
  await page.selectOption("#lang", "en");
  noProblems(problems);
  await page.close();
});

test("import a file of API specs (an API of one's own) and explore it, send it to the simulator, and find it again after a reload", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  const specs = [{ product: "ownshop", version: "2025-01-01", action: "ListOrders", style: "alibaba-rpc",
    title: { en: "List the orders", zh: "列出订单" }, endpoints: { default: "ownshop.aliyuncs.com", path: "/" },
    methods: ["POST", "GET"], content_types: ["application/x-www-form-urlencoded"], algorithms: ["ACS3-HMAC-SHA256", "ACS-RPC-HMAC-SHA1"],
    params: [{ name: "PageSize", type: "int64", min: 1, max: 50 }],
    examples: [{ params: { PageSize: 10 }, response: { RequestId: "doc", Orders: [{ Id: "o-1" }] } }, { params: { PageSize: 500 } }] }];
  await page.click("details.import summary");
  await page.setInputFiles("#import-api", { name: "ownshop.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(specs)) });
  await page.click("#import-button");
  await page.waitForFunction(() => document.getElementById("api-picker").value === "ownshop/2025-01-01/ListOrders");
  assert.match(await page.textContent("#import-status"), /^Added 1 API \(0 skipped\)\. Added, but 1 example\(s\) break their own spec, and show as they are: ownshop\/2025-01-01\/ListOrders \(example 1 breaks the spec: PageSize .*500.*\)\. Kept for your next visit\./);
  await page.fill('#form [data-path="PageSize"]', "99");
  await settle(page);
  assert.equal(await page.locator('#violation-list li[data-path="PageSize"]').count(), 1);
  await page.fill('#form [data-path="PageSize"]', "20");
  await settle(page);
  await useDemoKey(page);
  await page.click("#send-button");
  await page.waitForSelector('#response [data-outcome="ok"]');
  assert.match(await page.textContent("#response"), /o-1/);
  await page.reload();
  await page.waitForFunction(() => document.getElementById("api-picker").value === "ownshop/2025-01-01/ListOrders");
  assert.equal(await page.inputValue('#form [data-path="PageSize"]'), "20");
  // Another file of the same product is another import: both are kept.
  await page.click("details.import summary");
  const more = [{ ...specs[0], action: "GetOrder", examples: [] }];
  await page.setInputFiles("#import-api", { name: "ownshop-more.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(more)) });
  await page.click("#import-button");
  await page.waitForFunction(() => document.getElementById("api-picker").value === "ownshop/2025-01-01/GetOrder");
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  const listed = await page.locator("#api-picker option").evaluateAll((os) => os.map((o) => o.value));
  assert.ok(listed.includes("ownshop/2025-01-01/ListOrders") && listed.includes("ownshop/2025-01-01/GetOrder"), listed.join());
  // A spec that does not check is refused with its place, and nothing is added.
  await page.click("details.import summary");
  const bad = [{ ...specs[0], action: "Bad", endpoints: { default: "evil.example.com", path: "/" } }];
  await page.setInputFiles("#import-api", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await page.click("#import-button");
  await page.waitForFunction(() => document.getElementById("import-status").textContent.startsWith("Import failed"));
  assert.match(await page.textContent("#import-status"), /endpoints/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("import a tccli api.json and explore the new API", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await page.click("details.import summary");
  const dir = join(ROOT, "tests/browser/fixtures/tccli-cpdemo");
  await page.setInputFiles("#import-api", join(dir, "api.json"));
  await page.setInputFiles("#import-examples", join(dir, "examples.json"));
  await page.click("#import-button");
  await page.waitForFunction(() => document.getElementById("api-picker").value === "cpdemo/2024-01-01/DescribeWidgets");
  assert.match(await page.textContent("#import-status"), /^Added 1 API \(/);
  await page.fill("#search", "小组件");
  assert.equal(await page.locator('#search-results button[data-api="cpdemo/2024-01-01/DescribeWidgets"]').count(), 1);
  await page.click('#form button[data-add-for="Filters"]');
  await page.fill('#form [data-path="Filters[0].Name"]', "zone");
  await settle(page);
  assert.equal(await page.locator('#violation-list li[data-path="Filters[0].Values"]').count(), 1);
  assert.match(await page.textContent('#preview [data-step="http"] pre'), /cpdemo\.tencentcloudapi\.com/);
  // What the user imported is still there after a reload.
  await page.reload();
  await page.waitForFunction(() => document.getElementById("api-picker").value === "cpdemo/2024-01-01/DescribeWidgets");
  await page.fill("#search", "DescribeWidgets");
  assert.equal(await page.locator('#search-results button[data-api="cpdemo/2024-01-01/DescribeWidgets"]').count(), 1);
  // And it can be forgotten: after that the catalog is the built-in one again.
  // A file that is not JSON: the reason, said as a sentence (not by its code), with the detail.
  await page.click("details.import summary");
  await page.setInputFiles("#import-api", { name: "api.json", mimeType: "application/json", buffer: Buffer.from("{not json") });
  await page.setInputFiles("#import-examples", []);
  await page.click("#import-button");
  await page.waitForFunction(() => document.getElementById("import-status").textContent.startsWith("Import failed"));
  const failed = await page.textContent("#import-status");
  assert.match(failed, /^Import failed: Not valid JSON: .*line 1/);
  assert.doesNotMatch(failed, /InvalidJson/);
  await Promise.all([page.waitForEvent("load"), page.click("#import-forget")]);
  await page.waitForSelector("body[data-ready='true']");
  await page.fill("#search", "DescribeWidgets");
  await settle(page);
  assert.equal(await page.locator('#search-results button[data-api="cpdemo/2024-01-01/DescribeWidgets"]').count(), 0);
  assert.equal(await page.isHidden("#import-forget"), true);
  noProblems(problems);
  await page.close();
});

test("a link to an imported API this browser does not have keeps its address, and opens with its parameters once the API is imported", async () => {
  const id = "widget/2024-01-01/DescribeWidgets";
  const theirs = { Name: "shared-by-colleague", Limit: 7 };
  const hash = `#api=${encodeURIComponent(id)}&params=${Buffer.from(JSON.stringify(theirs)).toString("base64url")}`;
  const { page, problems } = await openPlayground(browser.context, server.url, { path: hash });
  assert.match(await page.textContent("#load-status"), /widget\/2024-01-01\/DescribeWidgets is not in this page's catalog/);
  assert.equal(new URL(page.url()).hash, hash, "the address still holds the link");
  // Working on the API shown meanwhile does not write over it either.
  await page.fill('#form [data-path="InstanceName"]', "meanwhile");
  await settle(page);
  assert.equal(new URL(page.url()).hash, hash);
  // Another API chosen: the address is that one's (a link never to be imported does not hold
  // the address for the whole visit).
  await page.selectOption("#api-picker", "postgres/2017-03-12/CreateResource");
  await settle(page);
  assert.match(decodeURIComponent(new URL(page.url()).hash), /^#api=postgres\/2017-03-12\/CreateResource/);
  // A product's api.json with another action besides, first in its list.
  const member = (name, type) => ({ name, type, member: type === "int" ? "int64" : "string", required: false, document: name });
  const api = {
    metadata: { apiVersion: "2024-01-01", serviceShortName: "widget", serviceNameCN: "小部件服务", serviceNameEN: "Widgets" },
    actions: {
      CreateWidget: { name: "创建小部件", document: "Creates a widget.", input: "CreateWidgetRequest", output: "Out", status: "online" },
      DescribeWidgets: { name: "查询小部件", document: "Lists widgets.", input: "DescribeWidgetsRequest", output: "Out", status: "online" },
    },
    objects: {
      CreateWidgetRequest: { members: [member("WidgetName", "string")] },
      DescribeWidgetsRequest: { members: [member("Limit", "int"), member("Name", "string")] },
      Out: { members: [{ name: "RequestId", type: "string", member: "string", document: "id" }] },
    },
  };
  await page.click("details.import summary");
  await page.setInputFiles("#import-api", { name: "api.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(api)) });
  await page.click("#import-button");
  await page.waitForFunction(() => /^Added 2 APIs/.test(document.getElementById("import-status").textContent));
  await settle(page);
  assert.equal(await page.inputValue("#api-picker"), id, "the linked action opens, not the import's first");
  assert.deepEqual(JSON.parse(await page.inputValue("#json")), theirs);
  assert.equal(new URL(page.url()).hash, hash, "the address is the call's own again");
  noProblems(problems);
  await page.close();
});

test("import Alibaba Cloud metadata files: sorted by what each holds, the product and version read from them, kept for the next visit", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await page.click("details.import-ali summary");
  const dir = join(ROOT, "tests/fixtures/alibaba");
  const actions = ["metadatas/demoshop/CreateOrder.json", "metadatas/demoshop/Inspect.json", "en-US/demoshop/CreateOrder.json", "zh-CN/demoshop/CreateOrder.json"].map((f) => join(dir, f));
  const status = () => page.textContent("#import-ali-status");
  // Action files alone: the product code must be typed (their names carry no folder).
  await page.setInputFiles("#import-ali-files", actions);
  await page.click("#import-ali-button");
  await page.waitForFunction(() => document.getElementById("import-ali-status").textContent !== "");
  assert.match(await status(), /Which product\?/);
  await page.fill("#import-ali-product", "demoshop");
  await page.click("#import-ali-button");
  await page.waitForFunction(() => /Which version/.test(document.getElementById("import-ali-status").textContent));
  // With the version index and the product's entry, nothing needs typing.
  await page.fill("#import-ali-product", "");
  await page.setInputFiles("#import-ali-files", [...actions, join(dir, "en-US/demoshop/version.json"), join(dir, "products.demoshop.json")]);
  await page.click("#import-ali-button");
  await page.waitForFunction(() => document.getElementById("api-picker").value.startsWith("demoshop/2024-01-01/"));
  assert.match(await status(), /^Added 1 API \(1 skipped\)\. Left out: Inspect \(.+\)\. Kept for your next visit\./);
  assert.equal(await page.inputValue("#api-picker"), "demoshop/2024-01-01/CreateOrder");
  // An Integer's 32-bit bounds are its type's, said as such rather than as a range.
  const quantityHelp = await page.locator('#form [data-path="Quantity"]').evaluate((el) => document.getElementById(el.getAttribute("aria-describedby").split(" ")[0])?.textContent ?? "");
  assert.match(quantityHelp, /32-bit integer/);
  assert.doesNotMatch(quantityHelp, /2147483647/);
  // Signed as an Alibaba call (V3 first, RPC v1 offered) to the product's endpoint.
  assert.equal(await page.inputValue("#algorithm"), "ACS3-HMAC-SHA256");
  assert.equal(await page.locator('#algorithm option[value="ACS-RPC-HMAC-SHA1"]').count(), 1);
  assert.match(await page.textContent('#preview [data-step="http"] pre'), /demoshop\.[a-z0-9-]+\.aliyuncs\.com/);
  await page.selectOption("#lang", "zh");
  assert.match(await page.textContent("#form"), /[\u4e00-\u9fff]/, "the zh-CN file's docs show in Chinese");
  await page.selectOption("#lang", "en");
  // Another action of the same product, imported on its own later, joins the first (a copy of
  // CreateOrder under another name stands in for it).
  const other = JSON.parse(readFileSync(join(dir, "metadatas/demoshop/CreateOrder.json"), "utf8"));
  other.name = "CancelOrder";
  // The product's entry in the `metadatas` form (its actions listed in `apis`) is an entry, not an index.
  const entry = JSON.parse(readFileSync(join(dir, "products.demoshop.json"), "utf8"));
  const metadatasEntry = { code: entry.code, version: entry.version, apis: ["CreateOrder", "CancelOrder"], global_endpoint: "", regional_endpoints: null };
  const asFile = (name, value) => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(value)) });
  await page.setInputFiles("#import-ali-files", [asFile("CancelOrder.json", other), asFile("products.json", metadatasEntry)]);
  await page.click("#import-ali-button");
  await page.waitForFunction(() => document.getElementById("api-picker").value === "demoshop/2024-01-01/CancelOrder");
  // A product typed that the picked entry does not name is refused, not imported under it.
  await page.fill("#import-ali-product", "othershop");
  await page.click("#import-ali-button");
  await page.waitForFunction(() => /entries picked are for demoshop/.test(document.getElementById("import-ali-status").textContent));
  await page.fill("#import-ali-product", "");
  // Nothing imported (an ROA action is skipped): nothing is said of keeping it.
  await page.setInputFiles("#import-ali-files", [join(dir, "metadatas/demoshop/GetRoute.json"), join(dir, "products.demoshop.json")]);
  await page.click("#import-ali-button");
  await page.waitForFunction(() => document.getElementById("import-ali-status").textContent.startsWith("Added 0"));
  assert.doesNotMatch(await status(), /kept|storage/i);
  assert.match(await status(), /Left out: GetRoute \(path pattern .*ROA-style/, "why it was left out");
  // In Chinese, the reason is said in Chinese.
  await page.selectOption("#lang", "zh");
  assert.match(await status(), /GetRoute（路径模式 .*ROA 风格的接口，不受支持）/);
  await page.selectOption("#lang", "en");
  // Both actions are kept for the next visit.
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  await page.fill("#search", "Order demoshop");
  await settle(page);
  for (const action of ["CreateOrder", "CancelOrder"]) {
    assert.equal(await page.locator(`#search-results button[data-api="demoshop/2024-01-01/${action}"]`).count(), 1, `${action} kept`);
  }
  await page.fill("#search", "CreateOrder");
  await settle(page);
  // A file of another kind is named, not imported.
  await page.click("details.import-ali summary");
  await page.setInputFiles("#import-ali-files", [join(ROOT, "tests/browser/fixtures/tccli-cpdemo/api.json")]);
  await page.click("#import-ali-button");
  await page.waitForFunction(() => document.getElementById("import-ali-status").textContent.startsWith("Import failed"));
  assert.match(await status(), /api\.json is not an action file, a version\.json or a products\.json entry/);
  // The browser keeps five imports: the one that makes room is named.
  await page.evaluate(() => {
    const list = JSON.parse(localStorage.getItem("cloudplay.imports"));
    for (let i = 0; i < 4; i++) list.push({ key: `old/${i}`, api: "{}", examples: null });
    localStorage.setItem("cloudplay.imports", JSON.stringify(list));
  });
  await page.setInputFiles("#import-ali-files", [join(dir, "metadatas/demoshop/CreateOrder.json")]);
  await page.fill("#import-ali-product", "demoshop");
  await page.fill("#import-ali-version", "2025-01-01");
  await page.click("#import-ali-button");
  await page.waitForFunction(() => document.getElementById("import-ali-status").textContent.startsWith("Added 1"));
  assert.match(await status(), /The oldest import \(old\/3\) made room: this browser keeps 5\./);
  await Promise.all([page.waitForEvent("load"), page.click("#import-forget")]);
  await page.waitForSelector("body[data-ready='true']");
  await page.fill("#search", "CreateOrder");
  await settle(page);
  assert.equal(await page.locator('#search-results button[data-api="demoshop/2024-01-01/CreateOrder"]').count(), 0);
  noProblems(problems);
  await page.close();
});

test("screen readers: typing bad JSON is said once, not at each key; answers are not read whole; Send keeps focus while it sends", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  // Live regions on the page: none holds a whole answer or a step table.
  const live = await page.evaluate(() => [...document.querySelectorAll("[aria-live], [role=alert], [role=status]")].map((el) => el.id));
  for (const whole of ["response", "verify-output", "json-status"]) assert.ok(!live.includes(whole), `#${whole} is not live: ${live}`);
  // Each key of a broken text changes the status line (its position), not what is said aloud.
  const said = [];
  await page.exposeFunction("noteSaid", (text) => said.push(text));
  await page.evaluate(() => new MutationObserver(() => window.noteSaid(document.getElementById("json-said").textContent)).observe(document.getElementById("json-said"), { childList: true, subtree: true, characterData: true }));
  await page.focus("#json");
  await page.keyboard.press("End");
  await page.keyboard.press("Control+End");
  for (const key of [..." ,\"Foo\": "]) await page.keyboard.type(key);
  await settle(page);
  assert.equal(await page.isVisible("#json-status"), true);
  assert.deepEqual(said.filter(Boolean), ["Not valid JSON yet; the form keeps the last valid parameters."], `said: ${JSON.stringify(said)}`);
  for (let i = 0; i < 9; i++) await page.keyboard.press("Backspace");
  await settle(page);
  assert.equal(await page.isVisible("#json-status"), false);
  assert.equal(await page.textContent("#json-said"), "", "nothing is left to say once it parses");
  // Sending through the proxy takes a while: focus stays on Send, which says it is busy.
  await useDemoKey(page);
  await page.check("#via-proxy");
  await page.route("**/proxy", async (route) => {
    await new Promise((r) => setTimeout(r, 300));
    await route.fulfill({ status: 200, headers: { "x-cloudplay-proxy": "forwarded", "content-type": "application/json" }, body: '{"Response":{"RequestId":"r-1","InstanceIdSet":["hai-1"]}}' });
  });
  await page.focus("#send-button");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("send-button").getAttribute("aria-disabled") === "true");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "send-button", "focus stays while it sends");
  // A second press while busy sends nothing more.
  await page.keyboard.press("Enter");
  await page.waitForSelector("#response [data-outcome]");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "send-button", "focus stays after the answer");
  assert.equal(await page.getAttribute("#send-button", "aria-disabled"), null);
  assert.equal(await page.locator("#history-list li.history-entry").count(), 1, "one send, not two");
  noProblems(problems);
  await page.close();
});

test("keyboard: every main control is reachable by Tab, with a visible focus ring", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  const reached = new Set();
  let focusVisible = true;
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = el ? getComputedStyle(el) : null;
      return { key: el?.dataset.path || el?.id || el?.dataset.api || el?.dataset.example || el?.className || el?.tagName, outline: style?.outlineStyle };
    });
    reached.add(info.key);
    if (info.outline === "none" && info.key !== "BODY") focusVisible = false;
  }
  for (const id of ["lang", "search", "api-picker", "Region", "algorithm", "ts-now", "required-only", "json", "secret-id", "secret-key", "remember", "cred-demo", "preview", "via-simulator", "send-button"]) {
    if (id === "preview") continue;
    assert.ok(reached.has(id), `Tab reaches #${id} (reached: ${[...reached].join(", ")})`);
  }
  assert.ok(reached.has("BundleType"), "Tab reaches the form fields");
  assert.ok(focusVisible, "the focused control shows a focus outline");
  // Every form control has a label.
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea")].filter((el) => el.type !== "hidden" && el.labels?.length === 0 && !el.getAttribute("aria-label")).map((el) => el.id || el.outerHTML.slice(0, 60)));
  assert.deepEqual(unlabelled, []);
  // Arrow keys on the API picker walk its options: each switches the API, and focus stays.
  await page.focus("#api-picker");
  const before = await page.inputValue("#api-picker");
  await page.keyboard.press("ArrowDown");
  await settle(page);
  await page.keyboard.press("ArrowDown");
  await settle(page);
  assert.notEqual(await page.inputValue("#api-picker"), before);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "api-picker");
  noProblems(problems);
  await page.close();
});

test("a 360 px wide screen: no sideways scrolling", async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 760 });
  const { problems } = { problems: [] };
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='true']");
  await page.click('#examples button[data-example="0"]');
  await settle(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 361, `page width ${width} fits 360 px`);
  // In one column, Send comes right after the credentials, not below the whole preview.
  const y = await page.evaluate(() => Object.fromEntries(["cred-heading", "send-button", "preview-heading"].map((id) => [id, document.getElementById(id).getBoundingClientRect().top])));
  assert.ok(y["cred-heading"] < y["send-button"] && y["send-button"] < y["preview-heading"], JSON.stringify(y));
  // A signature diff stacks its rows: each cell still says whose value it is.
  await page.evaluate(async () => {
    const { renderDiff } = await import("./js/diff.js");
    const box = document.createElement("div");
    box.id = "diff-probe";
    document.body.append(box);
    renderDiff(box, { yours: { string_to_sign: "a", signature: "1" }, theirs: { string_to_sign: "b", signature: "2" } });
  });
  const rows = await page.evaluate(() => [...document.querySelectorAll("#diff-probe tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => [td.dataset.label, Math.round(td.getBoundingClientRect().width)])));
  assert.ok(rows.length === 2, JSON.stringify(rows));
  for (const [yours, theirs, state] of rows) {
    assert.ok(yours[0] && theirs[0] && yours[0] !== theirs[0], `the two values are labelled: ${JSON.stringify(rows)}`);
    assert.ok([yours, theirs, state].every(([, w]) => w > 250), `each cell takes the width: ${JSON.stringify(rows)}`);
  }
  await page.evaluate(() => document.getElementById("diff-probe").remove());
  // The verify panel's explanation quotes a string to sign with a 64-digit hash in one word.
  await page.selectOption("#api-picker", "bssopenapi/2017-12-14/CreateInstance");
  await page.selectOption("#algorithm", "ACS3-HMAC-SHA256");
  await settle(page);
  await page.click("#verify-current");
  await page.fill("#verify-secret", "a-wrong-secret");
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "error");
  const afterVerify = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(afterVerify <= 361, `page width ${afterVerify} fits 360 px with a verify result`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath("page-narrow-360") });
  await page.screenshot({ path: screenshotPath("page-narrow-360-full"), fullPage: true });
  noProblems(problems);
  await page.close();
});

test("at 320 px (400% zoom, WCAG 1.4.10) every API's documented error codes wrap inside the card; at a desktop width each is one line", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await page.setViewportSize({ width: 320, height: 640 });
  // The box stays open from one API to the next.
  await page.evaluate(() => (document.getElementById("api-errors-box").open = true));
  const codesWiderThanTheirList = () => page.evaluate(() => {
    const list = document.getElementById("api-errors");
    return [...list.querySelectorAll("dt")].filter((dt) => dt.scrollWidth > list.clientWidth).map((dt) => dt.textContent);
  });
  let checked = 0;
  for (const { id } of SEEDS) {
    await page.selectOption("#api-picker", id);
    await settle(page);
    if (await page.locator("#api-errors-box").isHidden()) continue;
    checked++;
    const { width, outside } = await sidewaysOverflow(page);
    assert.ok(width <= 320, `${id}: page width ${width} at 320 px; past the edge: ${outside.join(", ")}`);
    assert.deepEqual(await codesWiderThanTheirList(), [], id);
  }
  assert.ok(checked >= 1, "an API with documented errors was checked");
  await page.locator("#api-errors-box").scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("page-320-error-codes") });
  // hai's longest code (70 letters) fits a desktop card's width: no code is broken there.
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.selectOption("#api-picker", "hai/2023-08-12/RunInstances");
  await settle(page);
  const lines = await page.evaluate(() => [...document.querySelectorAll("#api-errors dt")].map((dt) => dt.getBoundingClientRect().height / parseFloat(getComputedStyle(dt).lineHeight)));
  assert.ok(lines.length > 10 && lines.every((n) => n < 1.5), `lines per code: ${lines.map((n) => n.toFixed(1))}`);
  noProblems(problems);
  await page.close();
});

test("with WCAG 1.4.12 text spacing at 320 px nothing scrolls sideways: the Send to choices wrap beside their radios, file inputs fit", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await page.setViewportSize({ width: 320, height: 640 });
  await applyTextSpacing(page);
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await settle(page);
  const { width, outside } = await sidewaysOverflow(page);
  assert.deepEqual(outside, [], `past the right edge at 320 px (page width ${width})`);
  assert.ok(width <= 320, `page width ${width}`);
  // A radio stays on the left of its label, whose words wrap.
  const choices = await page.evaluate(() => [...document.querySelectorAll(".choice")].map((c) => {
    const [radio, label] = [c.querySelector("input").getBoundingClientRect(), c.querySelector("label").getBoundingClientRect()];
    return { id: c.querySelector("input").id, beside: radio.right <= label.left && radio.bottom > label.top && radio.top < label.bottom };
  }));
  assert.ok(choices.length === 5 && choices.every((c) => c.beside), JSON.stringify(choices));
  await page.locator("fieldset.via").scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("page-320-text-spacing-send-to") });
  noProblems(problems);
  await page.close();
});

test("a larger default font set in the browser makes the page's text larger (not a fixed 15 px), and at 320 px it still reflows", async () => {
  const usual = await openPlayground(browser.context, server.url);
  assert.equal(await usual.page.evaluate(() => getComputedStyle(document.documentElement).fontSize), "15px", "15 px at the usual 16 px");
  await usual.page.close();
  const page = await browser.context.newPage();
  const problems = watch(page);
  await setDefaultFontSize(browser.context, page, 24);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='true']");
  const size = (selector) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).fontSize);
  // 15 of 16 px, scaled: 22.5 of 24; help text and code in proportion.
  assert.equal(await size("html"), "22.5px");
  assert.equal(await size("#form label"), "22.5px");
  assert.equal(await size("#form .doc"), "18.9px");
  assert.equal(await size("#json"), "18.9px");
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await page.fill("#search", "a");
  await settle(page);
  const { width, outside } = await sidewaysOverflow(page);
  assert.deepEqual(outside, [], `past the right edge at 320 px with a 24 px default font (page width ${width})`);
  assert.ok(width <= 320, `page width ${width}`);
  await page.screenshot({ path: screenshotPath("page-320-font-24"), fullPage: true });
  noProblems(problems);
  await page.close();
});

for (const scheme of ["light", "dark"]) {
  test(`a field's edge is 3:1 against the card and against the field's own fill (WCAG 1.4.11) (${scheme})`, async () => {
    const { page, problems } = await openPlayground(browser.context, server.url);
    await page.emulateMedia({ colorScheme: scheme });
    const edges = await page.evaluate(() => ["#search", "#api-picker", "#region", "#algorithm", '#form input[type="text"]', "#method", "#json", "#secret-id", "#secret-key", "#permalink", "#verify-input", "#import-ali-product"].map((selector) => {
      const field = document.querySelector(selector);
      const style = getComputedStyle(field);
      return { selector, border: style.borderTopColor, fill: style.backgroundColor, card: getComputedStyle(field.closest(".card")).backgroundColor };
    }));
    for (const { selector, border, fill, card } of edges) {
      for (const [against, colour] of [["card", card], ["field", fill]]) {
        const ratio = contrastRatio(border, colour);
        assert.ok(ratio >= 3, `${selector}'s border ${border} on the ${against}'s ${colour}: ${ratio.toFixed(2)}:1`);
      }
    }
    noProblems(problems);
    await page.close();
  });
}

test("checkboxes, radio buttons, file inputs and <summary> rows are targets of 24 by 24 CSS px at least (WCAG 2.5.8), on a desktop and a phone", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  for (const width of [1366, 375]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await smallTargets(page), [], `${width} px`);
  }
  // Not bloated: a checkbox is the 24 px asked, a summary row one line and a little.
  assert.deepEqual(await page.locator("#required-only").boundingBox().then((b) => [b.width, b.height]), [24, 24]);
  assert.ok((await page.locator("#api-errors-box summary").boundingBox()).height < 30);
  noProblems(problems);
  await page.close();
});

test("fields typed verbatim (parameters, Region, key id, JSON, search) are not capitalised, corrected or spell-checked; the secret fields stay password fields", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  for (const id of ["hai/2023-08-12/RunInstances", "bssopenapi/2017-12-14/CreateInstance"]) {
    await page.selectOption("#api-picker", id);
    await settle(page);
    const loose = await page.evaluate(() => [...document.querySelectorAll('#app input:not([type]), #app input[type="text"], #app input[type="search"], #app input[type="password"], #app textarea')]
      .filter((el) => !el.readOnly)
      .filter((el) => el.getAttribute("autocapitalize") !== "off" || el.getAttribute("autocorrect") !== "off" || el.spellcheck !== false)
      .map((el) => el.id));
    assert.deepEqual(loose, [], id);
    assert.ok(await page.locator('#form input[type="text"]').count() > 3, "the form's fields were checked");
  }
  for (const id of ["#secret-key", "#token", "#verify-secret"]) {
    assert.deepEqual(await page.locator(id).evaluate((el) => [el.type, el.autocomplete]), ["password", "one-time-code"], id);
  }
  noProblems(problems);
  await page.close();
});

test("verify: every algorithm verifies with the right secret and points at the signature with a wrong one", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await useDemoKey(page);
  // With a session token, which the result masks as the signing preview does, in every form
  // a request carries it (percent-encoded once, and twice in an RPC string to sign).
  const token = "Sess+Token/ForVerify=7777";
  const forms = [token, encodeURIComponent(token), encodeURIComponent(encodeURIComponent(token))];
  await page.fill("#token", token);
  for (const [id, algorithm, method] of [
    ["bssopenapi/2017-12-14/CreateInstance", "ACS-RPC-HMAC-SHA1", "GET"],
    ["bssopenapi/2017-12-14/CreateInstance", "ACS3-HMAC-SHA256", "POST"],
    ["postgres/2017-03-12/CreateResource", "TC-HmacSHA256", "POST"],
    ["postgres/2017-03-12/CreateResource", "TC-HmacSHA1", "GET"],
    ["ms/2018-04-08/CreateResourceInstances", "TC3-HMAC-SHA256", "GET"],
  ]) {
    await page.selectOption("#api-picker", id);
    await settle(page);
    await page.selectOption("#algorithm", algorithm);
    await page.selectOption("#method", method);
    await settle(page);
    await page.click("#verify-current");
    await page.fill("#verify-secret", DEMO.key);
    await page.click("#verify-button");
    assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "ok", `${algorithm} ${method} verifies`);
    await page.fill("#verify-secret", "a-wrong-secret");
    await page.click("#verify-button");
    assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "error");
    assert.equal(await page.getAttribute("#verify-output .diff-first", "data-first-step"), "signature", `${algorithm} ${method}`);
    const shown = await page.textContent("#verify-output");
    for (const form of forms) assert.ok(!shown.includes(form), `${algorithm} ${method}: the token (${form}) is masked in the result`);
    // TC3 signs the token's header only when asked to; the others sign it as a parameter.
    if (algorithm !== "TC3-HMAC-SHA256") assert.ok(shown.includes("Sess•••"), `${algorithm} ${method}: the masked token shows`);
  }
  // Clear credentials takes the result too: it was about a request that held them.
  await page.click("#cred-clear");
  assert.equal((await page.textContent("#verify-output")).trim(), "");
  noProblems(problems);
  await page.close();
});

test("verify: a snippet's stand-in for the token is named as the reason; a refusal is explained in the page's language; no step table where no signature was recomputed", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await useDemoKey(page);
  const token = "SessionTokenForVerify7777";
  await page.fill("#token", token);
  await page.selectOption("#api-picker", "bssopenapi/2017-12-14/CreateInstance");
  await settle(page);
  await page.selectOption("#algorithm", "ACS-RPC-HMAC-SHA1");
  await page.selectOption("#method", "GET");
  await settle(page);
  await page.selectOption("#snippet-lang", "curl");
  const curl = await page.textContent('#snippet [data-step="snippet-curl"] pre');
  assert.ok(curl.includes("SecurityToken=SESSION-TOKEN") && !curl.includes(token), "the snippet leaves the token out");
  await page.fill("#verify-input", curl);
  await page.fill("#verify-secret", DEMO.key);
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "error");
  assert.match(await page.textContent('#verify-output [data-note="token-placeholder"]'), /stand-in \(SESSION-TOKEN\)/);
  await page.fill("#verify-input", curl.replace("SecurityToken=SESSION-TOKEN", `SecurityToken=${token}`));
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "ok", "with the token put back it verifies");
  assert.equal(await page.locator('#verify-output [data-note="token-placeholder"]').count(), 0);
  // A refusal, said again in Chinese when the page switches.
  await page.fill("#verify-secret", "a-wrong-secret");
  await page.click("#verify-button");
  await page.selectOption("#lang", "zh");
  assert.match(await page.textContent("#verify-output"), /签名与服务端计算的不一致/);
  assert.equal(await page.locator("#verify-output table.diff").count(), 1);
  // Without its Signature parameter the request has nothing to compare: the reason, no table.
  await page.fill("#verify-input", curl.replace("SecurityToken=SESSION-TOKEN", `SecurityToken=${token}`).replace(/([?&])Signature=[^&'"\s]*&?/, "$1"));
  await page.click("#verify-button");
  assert.equal(await page.getAttribute("#verify-output [data-outcome]", "data-outcome"), "error");
  assert.equal(await page.locator("#verify-output table.diff").count(), 0);
  // With nothing signed (an empty fixed timestamp), pasting the current request says so.
  await page.check("#ts-fixed");
  await page.fill("#ts-value", "");
  await settle(page);
  const before = await page.inputValue("#verify-input");
  await page.click("#verify-current");
  assert.equal(await page.locator('#verify-output [data-note="nothing-to-paste"]').count(), 1);
  assert.equal(await page.inputValue("#verify-input"), before, "the box keeps what it held");
  await page.selectOption("#lang", "en");
  assert.match(await page.textContent('#verify-output [data-note="nothing-to-paste"]'), /^There is no signed request to paste/);
  // Signed again, the paste works and the notice goes, in any language.
  await page.check("#ts-now");
  await settle(page);
  await page.click("#verify-current");
  assert.notEqual(await page.inputValue("#verify-input"), before);
  assert.equal(await page.locator('#verify-output [data-note="nothing-to-paste"]').count(), 0);
  await page.selectOption("#lang", "zh");
  assert.equal(await page.locator('#verify-output [data-note="nothing-to-paste"]').count(), 0);
  noProblems(problems);
  await page.close();
});

test("the signature diff of a refused answer, from the vendor's envelope (rendering only; the core's verifier stands in for the server's refusal)", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  const results = await page.evaluate(async ({ demo }) => {
    const cp = await import("/pkg/web/cloudplay.js");
    const { renderResponse } = await import("/js/send.js");
    const { requestUrl } = await import("/js/preview.js");
    const out = {};
    for (const [id, region] of [["hai/2023-08-12/RunInstances", "ap-guangzhou"], ["bssopenapi/2017-12-14/CreateInstance", undefined]]) {
      const spec = cp.describe(id);
      const call = { api: id, params: spec.examples[0].params, region };
      const wrong = { secret_id: demo.id, secret_key: "a-wrong-secret" };
      const ts = Math.floor(Date.now() / 1000);
      const prepared = cp.prepare(call, wrong, { timestamp: ts });
      const r = prepared.request;
      // What the server says: the core's verifier with the key the server holds.
      const verdict = cp.verifyWire({ method: r.method, url: requestUrl(r), headers: r.headers, body: r.body, credentials: [{ secret_id: demo.id, secret_key: demo.key }], now: ts });
      const body = spec.style === "alibaba-rpc"
        ? { RequestId: "R", Code: verdict.code, Message: verdict.message }
        : { Response: { Error: { Code: verdict.code, Message: verdict.message }, RequestId: "R" } };
      const resp = { status: spec.style === "alibaba-rpc" ? 400 : 200, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), ms: 1, via: "simulator" };
      const box = document.createElement("div");
      renderResponse(box, resp, { spec, prepared, credentials: wrong, timestamp: ts });
      out[id] = {
        code: box.querySelector("[data-outcome]")?.dataset.code,
        first: box.querySelector(".diff-first")?.dataset.firstStep,
        sts: box.querySelector('tr[data-step="string_to_sign"]')?.dataset.state,
        meaning: box.querySelector(".diff-meaning")?.textContent ?? "",
      };
    }
    return out;
  }, { demo: DEMO });
  const hai = results["hai/2023-08-12/RunInstances"];
  assert.equal(hai.code, "AuthFailure.SignatureFailure");
  assert.equal(hai.first, "signature");
  assert.equal(hai.sts, "same", "inferred: the request verifies with the sender's own key");
  assert.match(hai.meaning, /secret key/);
  const bss = results["bssopenapi/2017-12-14/CreateInstance"];
  assert.equal(bss.code, "SignatureDoesNotMatch");
  assert.equal(bss.first, "signature");
  assert.equal(bss.sts, "same", "the server's string to sign, read from its Message");
  assert.match(bss.meaning, /secret key/);
  noProblems(problems);
  await page.close();
});

test("send through cloudplay serve's forwarding proxy (its upstream a local simulator server: nothing leaves the machine)", async () => {
  const upstream = await startServer();
  const front = await startServer({ env: { CLOUDPLAY_PROXY_UPSTREAM: `127.0.0.1:${upstream.port}` } });
  try {
    const { page, problems } = await openPlayground(browser.context, front.url);
    await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
    await page.click('#examples button[data-example="0"]');
    await useDemoKey(page);
    await page.check("#via-proxy");
    const r = await sendAndRead(page);
    assert.equal(r.outcome, "ok", `${r.code}: ${JSON.stringify(r.json)}`);
    assert.ok(Array.isArray(dig(r.json, "Response.InstanceIdSet")));
    assert.match(await page.textContent("#response"), /Through cloudplay serve's proxy/);
    await page.locator("#send-card").screenshot({ path: screenshotPath("send-via-proxy") });
    noProblems(problems);
    await page.close();
  } finally {
    await front.stop();
    await upstream.stop();
  }
});

test("send through the proxy from a page of another origin says the proxy serves only its own pages", async () => {
  // The same server under another name is another origin.
  const page = await browser.context.newPage();
  await page.goto(`http://localhost:${server.port}/favicon.svg`);
  const said = await page.evaluate(async (port) => {
    const cp = await import(`/pkg/web/cloudplay.js`);
    await cp.default();
    const { request } = cp.prepare({ api: "hai/2023-08-12/RunInstances", params: cp.describe("hai/2023-08-12/RunInstances").examples[0].params, region: "ap-guangzhou" }, { secret_id: "AKIDexample", secret_key: "example-key" });
    try {
      await cp.send(request, { via: "proxy", proxyUrl: `http://127.0.0.1:${port}/proxy` });
      return { code: "none" };
    } catch (e) {
      return { code: e.code, message: e.message };
    }
  }, server.port);
  assert.equal(said.code, "NetworkError");
  assert.match(said.message, new RegExp(`from a page at http://localhost:${server.port}: .*takes requests only from pages it serves itself`));
  await page.close();
});

test("a page on this machine's dev server calls the simulator of cloudplay serve directly; a site elsewhere may not read it", async () => {
  // A dev server of its own on this machine (another origin, as Vite's is), with no
  // Content-Security-Policy; the package comes from cloudplay serve, which lets any page load it.
  const { createServer } = await import("node:http");
  const dev = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end("<!doctype html><title>dev</title>");
  });
  await new Promise((resolve) => dev.listen(0, "127.0.0.1", resolve));
  const page = await browser.context.newPage();
  try {
    await page.goto(`http://localhost:${dev.address().port}/`);
    const answer = await page.evaluate(async (port) => {
      const cp = await import(`http://127.0.0.1:${port}/pkg/web/cloudplay.js`);
      await cp.default();
      const hai = cp.describe("hai/2023-08-12/RunInstances").examples[0];
      const { request } = cp.prepare({ api: "hai/2023-08-12/RunInstances", params: hai.params, region: "ap-guangzhou", endpoint: `http://127.0.0.1:${port}` }, cp.demoAccounts()[0]);
      const r = await cp.send(request, { via: "direct" });
      return { status: r.status, body: JSON.parse(r.body), type: r.headers["content-type"], code: r.code ?? null };
    }, server.port);
    assert.equal(answer.status, 200);
    assert.equal(answer.code, null, JSON.stringify(answer.body));
    assert.equal(answer.body.Response.InstanceIdSet.length, 1);
    assert.match(answer.type, /^application\/json/);
  } finally {
    dev.close();
  }
  // A page of another site may send, as any page can, but is not let read the answer.
  await page.route("https://docs.example/", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>elsewhere</title>" }));
  await page.goto("https://docs.example/");
  const elsewhere = await page.evaluate(async (port) => {
    try {
      // A simple request (no preflight): what is refused is reading its answer.
      await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "{}" });
      return "read";
    } catch (e) {
      return e.name;
    }
  }, server.port);
  assert.equal(elsewhere, "TypeError");
  await page.close();
});

test("send directly: a vendor answer the browser may not read is reported as CORS (the request stops in the browser)", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  // The request never leaves the browser: it fails there, as a CORS refusal does.
  await page.route(/^https:\/\/[a-z0-9.-]+\.(tencentcloudapi\.com|api\.qcloud\.com|aliyuncs\.com)\//, (route) => route.abort("failed"));
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await useDemoKey(page);
  await page.check("#via-direct");
  await page.click("#send-button");
  await page.waitForSelector('#response [data-outcome="failed"]');
  assert.equal(await page.getAttribute("#response [data-outcome]", "data-code"), "CorsError");
  assert.match(await page.textContent("#response"), /proxy/);
  // The browser's own CORS console message is expected here; anything else is not.
  assert.deepEqual(problems.filter((p) => !/CORS|Access-Control|ERR_FAILED|net::/i.test(p)), []);
  await page.close();
});

test("search finds an API by its vendor or its product's name, and the page names the product", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await page.fill("#search", "阿里云");
  assert.equal(await page.textContent("#search-count"), "1 matching API");
  await chooseBySearch(page, "阿里云", "bssopenapi/2017-12-14/CreateInstance");
  assert.match(await page.textContent("#api-id"), /· Expenses and Costs$/);
  await page.fill("#search", "Tencent");
  await page.locator("#search-results button[data-api]").first().waitFor();
  assert.equal(await page.locator("#search-results button[data-api]").count(), 3);
  await chooseBySearch(page, "云数据库 PostgreSQL", "postgres/2017-03-12/CreateResource");
  assert.match(await page.textContent("#api-id"), /· TencentDB for PostgreSQL$/);
  noProblems(problems);
  await page.close();
});

test("sent from a problem to a field 'required only' hides, the form shows everything and the checkbox says so", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.check("#required-only");
  // A subnet needs its VPC (a rule of the spec): the problem is at VpcId, empty and optional.
  const params = { ...JSON.parse(await page.inputValue("#json")), SubnetId: "subnet-1" };
  await page.fill("#json", JSON.stringify(params));
  await settle(page);
  assert.equal(await page.isVisible('#form [data-path="VpcId"]'), false);
  await page.click('#violation-list li[data-path="VpcId"] button');
  assert.equal(await page.isVisible('#form [data-path="VpcId"]'), true);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.path), "VpcId");
  assert.equal(await page.isChecked("#required-only"), false);
  noProblems(problems);
  await page.close();
});

test("the settings offer only what can be signed: no JSON body for API 2.0 signatures, no body for a GET", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.selectOption("#content-type", "application/json");
  await settle(page);
  const jsonOption = page.locator('#content-type option[value="application/json"]');
  assert.equal(await jsonOption.isDisabled(), false);
  await page.selectOption("#algorithm", "TC-HmacSHA1");
  await settle(page);
  assert.equal(await page.inputValue("#content-type"), "", "an impossible choice goes back to the default");
  assert.equal(await jsonOption.isDisabled(), true);
  assert.equal(await page.locator("#preview [data-error]").count(), 0, "the preview signs");
  await page.selectOption("#content-type", "application/x-www-form-urlencoded");
  await page.selectOption("#method", "GET");
  await settle(page);
  assert.equal(await page.isDisabled("#content-type"), true);
  assert.equal(await page.locator("#preview [data-error]").count(), 0);
  await page.selectOption("#algorithm", "TC3-HMAC-SHA256");
  await page.selectOption("#method", "POST");
  await settle(page);
  assert.equal(await jsonOption.isDisabled(), false);
  assert.equal(await page.isDisabled("#content-type"), false);
  noProblems(problems);
  await page.close();
});

test("the call history records sends without secrets and loads a call back", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "CreateResourceInstances", "ms/2018-04-08/CreateResourceInstances");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  await page.fill('#form [data-path="ResourceNum"]', "3");
  await sendAndRead(page);
  assert.equal(await page.locator("#history-list li.history-entry").count(), 1);
  const stored = await page.evaluate(() => localStorage.getItem("cloudplay.history"));
  assert.ok(stored.includes('"ResourceNum":3'));
  assert.ok(!stored.includes(DEMO.key) && !stored.includes(DEMO.id), "no credential in the history");
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.getByRole("button", { name: /Load call 1/ }).click();
  await settle(page);
  assert.equal(await page.inputValue("#api-picker"), "ms/2018-04-08/CreateResourceInstances");
  assert.equal(await page.inputValue('#form [data-path="ResourceNum"]'), "3");
  // The example is a GET; the call comes back with the method it was sent with.
  assert.equal(await page.inputValue("#algorithm"), "TC3-HMAC-SHA256");
  assert.equal(await page.inputValue("#method"), "GET");
  // A call sent with other signing settings comes back with them.
  await page.selectOption("#algorithm", "TC-HmacSHA256");
  await page.selectOption("#method", "POST");
  await sendAndRead(page);
  assert.equal(await page.locator("#history-list li.history-entry").count(), 2);
  await page.selectOption("#algorithm", "TC-HmacSHA1");
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.getByRole("button", { name: /Load call 1/ }).click();
  await settle(page);
  assert.equal(await page.inputValue("#algorithm"), "TC-HmacSHA256");
  assert.equal(await page.inputValue("#method"), "POST");
  await page.getByRole("button", { name: /Load call 2/ }).click();
  await settle(page);
  assert.equal(await page.inputValue("#algorithm"), "TC3-HMAC-SHA256");
  assert.equal(await page.inputValue("#method"), "GET");
  assert.equal(await page.evaluate(() => document.activeElement.id), "params-heading", "Load goes on to the form");
  assert.ok(await page.locator("#params-heading").evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight), "the form is in view");
  // The loaded call is now the draft: away and back, and after a reload, it is still there.
  await page.fill('#form [data-path="ResourceNum"]', "");
  await page.getByRole("button", { name: /Load call 2/ }).click();
  await settle(page);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await chooseBySearch(page, "CreateResourceInstances", "ms/2018-04-08/CreateResourceInstances");
  assert.equal(await page.inputValue('#form [data-path="ResourceNum"]'), "3");
  assert.equal(await page.inputValue("#method"), "GET");
  noProblems(problems);
  await page.close();
});

test("Load from the history and Load example offer Undo, which brings back the unsent call, its draft, and the loaded API's own draft", async () => {
  const hai = "hai/2023-08-12/RunInstances";
  const ms = "ms/2018-04-08/CreateResourceInstances";
  const field = '#form [data-path="InstanceName"]';
  const draftOf = (page, api) => page.evaluate((key) => JSON.parse(localStorage.getItem(key))?.params, `cloudplay.draft.${api}`);
  const undo = (page, name = "Undo") => page.locator("#call-status").getByRole("button", { name });
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", hai);
  await useDemoKey(page);
  await page.fill(field, "sent-one");
  await sendAndRead(page);
  await page.fill(field, "unsent-work");
  await settle(page);
  await page.getByRole("button", { name: /Load call 1/ }).click();
  await settle(page);
  assert.equal(await page.inputValue(field), "sent-one");
  assert.equal((await draftOf(page, hai)).InstanceName, "sent-one");
  assert.match(await page.textContent("#call-status"), /^Loaded from the history: hai\/2023-08-12\/RunInstances\./);
  await undo(page).click();
  await settle(page);
  assert.equal(await page.inputValue(field), "unsent-work");
  assert.equal((await draftOf(page, hai)).InstanceName, "unsent-work", "the draft is the unsent call again");
  assert.match(await page.textContent("#call-status"), /The call you had before is back/);
  assert.equal(await page.evaluate(() => document.activeElement.id), "params-heading");
  // Load example, in Chinese.
  await page.selectOption("#lang", "zh");
  await page.click('#examples button[data-example="0"]');
  await settle(page);
  assert.notEqual(await page.inputValue(field), "unsent-work");
  assert.match(await page.textContent("#call-status"), /^已载入示例/);
  await undo(page, "撤销").click();
  await settle(page);
  assert.equal(await page.inputValue(field), "unsent-work");
  assert.equal((await draftOf(page, hai)).InstanceName, "unsent-work");
  assert.match(await page.textContent("#call-status"), /^之前的调用已恢复/);
  await page.selectOption("#lang", "en");
  // An edit of the loaded call withdraws the offer: undoing would lose that edit.
  await page.click('#examples button[data-example="0"]');
  await settle(page);
  assert.equal(await undo(page).count(), 1);
  await page.fill(field, "edited-after-loading");
  await settle(page);
  assert.equal(await undo(page).count(), 0);
  // A call of another API: undone, that API's own draft comes back too.
  await chooseBySearch(page, "CreateResourceInstances", ms);
  await page.fill('#form [data-path="ResourceNum"]', "3");
  await sendAndRead(page);
  await page.fill('#form [data-path="ResourceNum"]', "5");
  await settle(page);
  await chooseBySearch(page, "RunInstances", hai);
  await page.getByRole("button", { name: /Load call 1: ms/ }).click();
  await settle(page);
  assert.equal(await page.inputValue("#api-picker"), ms);
  assert.equal((await draftOf(page, ms)).ResourceNum, 3);
  await undo(page).click();
  await settle(page);
  assert.equal(await page.inputValue("#api-picker"), hai);
  assert.equal(await page.inputValue(field), "edited-after-loading");
  assert.equal((await draftOf(page, ms)).ResourceNum, 5, "the loaded API's draft is as it was");
  noProblems(problems);
  await page.close();
});

test("every page string exists in English and Chinese", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  const diff = await page.evaluate(async () => {
    const { STRINGS } = await import("/js/i18n.js");
    const en = Object.keys(STRINGS.en);
    const zh = Object.keys(STRINGS.zh);
    return { enOnly: en.filter((k) => !zh.includes(k)), zhOnly: zh.filter((k) => !en.includes(k)), empty: zh.filter((k) => STRINGS.zh[k] === "" && STRINGS.en[k] !== "") };
  });
  assert.deepEqual(diff, { enOnly: [], zhOnly: [], empty: [] });
  noProblems(problems);
  await page.close();
});

test("one of a thing is said in the singular: '1 problem', '1 matching API', in English and Chinese", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.fill('#form [data-path="BundleType"]', "");
  await settle(page);
  assert.equal(await page.locator("#violation-list li").count(), 1);
  assert.match(await page.textContent("#preview .notice.warn"), /^Signed although the call has 1 problem, /);
  await page.fill("#search", "阿里云");
  assert.equal(await page.textContent("#search-count"), "1 matching API");
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.match(await page.textContent("#preview .notice.warn"), /^调用有 1 个问题，/);
  await page.fill("#search", "阿里云");
  assert.equal(await page.textContent("#search-count"), "找到 1 个接口");
  // Every `.one` form has its Chinese: t() looks it up in the page's language.
  const missing = await page.evaluate(async () => {
    const { STRINGS } = await import("/js/i18n.js");
    return Object.keys(STRINGS.en).filter((k) => k.endsWith(".one") && !(k in STRINGS.zh));
  });
  assert.deepEqual(missing, []);
  noProblems(problems);
  await page.close();
});

test("the session token is masked in the signing preview, as in its password field; only the request's Copy carries it, and says so", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  const token = "SessionTokenTyped/+=55555";
  await page.evaluate(() => {
    // The copy as written to the clipboard (headless Chromium has no clipboard to read).
    navigator.clipboard.writeText = async (text) => void (window.copied = text);
  });
  const cases = [
    // TC3: an X-TC-Token header; TC-HmacSHA1: Token in the query and the string to sign;
    // ACS3: x-acs-security-token, signed in the canonical request; RPC: SecurityToken,
    // encoded twice in the string to sign.
    ["RunInstances", "hai/2023-08-12/RunInstances", "TC3-HMAC-SHA256"],
    ["RunInstances", "hai/2023-08-12/RunInstances", "TC-HmacSHA1"],
    ["billing", "bssopenapi/2017-12-14/CreateInstance", "ACS3-HMAC-SHA256"],
    ["billing", "bssopenapi/2017-12-14/CreateInstance", "ACS-RPC-HMAC-SHA1"],
  ];
  for (const [query, id, algorithm] of cases) {
    await chooseBySearch(page, query, id);
    await useDemoKey(page);
    await page.fill("#token", token);
    await page.selectOption("#algorithm", algorithm);
    await settle(page);
    const shown = await page.textContent("#preview");
    for (const form of [token, encodeURIComponent(token), encodeURIComponent(encodeURIComponent(token))]) {
      assert.ok(!shown.includes(form), `${algorithm}: the preview shows the token (${form})`);
    }
    assert.match(await page.textContent('#preview [data-step="http"] pre'), /Sess•••/, algorithm);
    assert.match(await page.textContent('#preview [data-note="token-masked"]'), /Sess•••/);
    // What is signed and sent is the token itself: the request's Copy holds it, and says so.
    const copy = page.locator('#preview [data-step="http"] button.copy');
    const noteId = await copy.getAttribute("aria-describedby");
    assert.match(await page.textContent(`[id="${noteId}"]`), /includes your session token/);
    await copy.click();
    const copied = await page.evaluate(() => window.copied);
    assert.ok(copied.includes(token) || copied.includes(encodeURIComponent(token)), `${algorithm}: the copied request carries the token`);
    assert.ok(!copied.includes("•••"));
  }
  // The server's answer to a wrong key compares the steps: masked there too (ACS3 signs the token).
  const sts = { id: "STS.cloudplayDemoTemporary0000005", token: "cloudplayDemoSessionToken0005" };
  await page.selectOption("#algorithm", "ACS3-HMAC-SHA256");
  await page.click('#examples button[data-example="0"]');
  await page.fill("#secret-id", sts.id);
  await page.fill("#secret-key", "not-the-right-secret");
  await page.fill("#token", sts.token);
  await settle(page);
  assert.equal((await sendAndRead(page)).code, "SignatureDoesNotMatch");
  const diff = page.locator('#response [data-role="signature-diff"]');
  await diff.waitFor();
  const compared = await diff.textContent();
  assert.ok(!compared.includes(sts.token) && compared.includes("clou•••"), "the signature comparison shows the token");
  noProblems(problems);
  await page.close();
});

test("'Use current time' works only in Fixed mode, where its box is, and follows the mode back after a reload", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  assert.equal(await page.isChecked("#ts-now"), true);
  assert.equal(await page.isDisabled("#ts-value"), true);
  assert.equal(await page.isDisabled("#ts-set-now"), true, "in Now mode it would write into the unused box");
  await page.check("#ts-fixed");
  assert.equal(await page.isDisabled("#ts-set-now"), false);
  await page.fill("#ts-value", "1700000000");
  await page.click("#ts-set-now");
  const now = Math.floor(Date.now() / 1000);
  assert.ok(Math.abs(Number(await page.inputValue("#ts-value")) - now) < 60);
  await settle(page);
  // The draft reopens in Fixed mode: the button comes back enabled with it.
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.isChecked("#ts-fixed"), true);
  assert.equal(await page.isDisabled("#ts-set-now"), false);
  await page.check("#ts-now");
  assert.equal(await page.isDisabled("#ts-set-now"), true);
  // The clock is the page's: Fixed chosen on one API holds on the next, and Now chosen there
  // holds on the way back (the first API's draft was left in Fixed mode).
  await page.check("#ts-fixed");
  await page.fill("#ts-value", "1700000000");
  await settle(page);
  await chooseBySearch(page, "bssopenapi", "bssopenapi/2017-12-14/CreateInstance");
  assert.equal(await page.isChecked("#ts-fixed"), true);
  assert.equal(await page.inputValue("#ts-value"), "1700000000");
  await page.check("#ts-now");
  await settle(page);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  assert.equal(await page.isChecked("#ts-now"), true, "Now, as last chosen");
  noProblems(problems);
  await page.close();
});

test("Clear history clears at once and offers Undo, which brings every entry back (kept for the next visit)", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await useDemoKey(page);
  await sendAndRead(page);
  await page.fill('#form [data-path="InstanceName"]', "second");
  await settle(page);
  await sendAndRead(page);
  const entries = () => page.locator("#history-list .history-entry").count();
  assert.equal(await entries(), 2);
  await page.click("#history-clear");
  assert.equal(await entries(), 0);
  assert.match(await page.textContent("#history-status"), /History cleared/);
  await page.locator("#history-status").getByRole("button", { name: "Undo" }).click();
  assert.equal(await entries(), 2);
  assert.match(await page.textContent("#history-status"), /History restored/);
  assert.equal(await page.evaluate(() => document.activeElement.id), "history-clear");
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await entries(), 2, "the restored history is saved");
  noProblems(problems);
  await page.close();
});

test("two tabs share one history: each keeps the other's sends, and one tab's clear stays cleared in the other", async () => {
  const { page: a, problems } = await openPlayground(browser.context, server.url);
  const { page: b, problems: problemsB } = await openPlayground(browser.context, server.url, { clean: false });
  for (const page of [a, b]) {
    await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
    await useDemoKey(page);
  }
  const entries = (page) => page.locator("#history-list .history-entry").count();
  // Another tab's change arrives as a storage event: waited for, not assumed to be there.
  const shows = (page, n, why) => page.waitForFunction((k) => document.querySelectorAll("#history-list .history-entry").length === k, n, { timeout: 5000 })
    .catch(async () => assert.fail(`${why}: ${await entries(page)} entries, not ${n}`));
  await sendAndRead(a);
  await sendAndRead(a);
  await sendAndRead(b);
  assert.equal(await entries(b), 3, "B's send kept A's two");
  await shows(a, 3, "A shows B's send without a reload");
  const stored = await a.evaluate(() => JSON.parse(localStorage.getItem("cloudplay.history")).length);
  assert.equal(stored, 3);
  await b.click("#history-clear");
  await shows(a, 0, "A shows the clear");
  await sendAndRead(a);
  assert.equal(await entries(a), 1, "A's next send does not bring the cleared entries back");
  // B's Undo brings back what it cleared, below the send A made since.
  await b.locator("#history-status").getByRole("button", { name: "Undo" }).click();
  assert.equal(await entries(b), 4);
  await shows(a, 4, "A shows the undo");
  const times = await a.evaluate(() => JSON.parse(localStorage.getItem("cloudplay.history")).map((e) => e.at));
  assert.deepEqual(times, [...times].sort((x, y) => y - x), "newest first");
  noProblems(problems);
  noProblems(problemsB);
  await b.close();
  await a.close();
});

test("a tab that was not edited writes nothing over another tab's newer draft: not when it is closed or reloaded; it takes that draft when the user comes back to it", async () => {
  const hai = "hai/2023-08-12/RunInstances";
  const draftName = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)).params.InstanceName, `cloudplay.draft.${hai}`);
  const shownName = (page) => page.inputValue('#form [data-path="InstanceName"]');
  const { page: a, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(a, "RunInstances", hai);
  await a.fill('#form [data-path="InstanceName"]', "A-name");
  await settle(a);
  // B opens the same draft and goes on with it; A is left as it was.
  const { page: b, problems: problemsB } = await openPlayground(browser.context, server.url, { clean: false });
  assert.equal(await shownName(b), "A-name");
  await b.fill('#form [data-path="InstanceName"]', "B-name-long-work");
  await settle(b);
  assert.equal(await draftName(b), "B-name-long-work");
  // A reload of A (which opens the call in its address), then closing B and then A: B's work
  // stays the draft.
  await a.reload();
  await a.waitForSelector("body[data-ready='true']");
  assert.equal(await draftName(a), "B-name-long-work", "reloading A kept B's draft");
  await b.fill('#form [data-path="InstanceName"]', "B-name-longer-work");
  await settle(b);
  await b.close({ runBeforeUnload: true });
  await a.close({ runBeforeUnload: true });
  const { page: next, problems: problemsNext } = await openPlayground(browser.context, server.url, { clean: false });
  assert.equal(await shownName(next), "B-name-longer-work", "closing the older tab kept the newer draft");
  // A tab with no edits of its own takes the other's draft when the user comes back to it
  // (headless Chromium keeps every tab visible and focused: the focus is dispatched).
  const { page: other, problems: problemsOther } = await openPlayground(browser.context, server.url, { clean: false });
  await other.fill('#form [data-path="InstanceName"]', "from-the-other-tab");
  await settle(other);
  await next.evaluate(() => window.dispatchEvent(new Event("focus")));
  await settle(next);
  assert.equal(await shownName(next), "from-the-other-tab");
  assert.match(await next.textContent("#load-status"), /changed in another tab/);
  // Its next edit goes on from there.
  await next.fill('#form [data-path="InstanceCount"]', "3");
  await settle(next);
  const draft = await next.evaluate((key) => JSON.parse(localStorage.getItem(key)).params, `cloudplay.draft.${hai}`);
  assert.equal(draft.InstanceName, "from-the-other-tab");
  assert.equal(draft.InstanceCount, 3);
  for (const p of [problems, problemsB, problemsNext, problemsOther]) noProblems(p);
  await other.close();
  await next.close();
});

test("JSON that does not parse blocks Send with the reason, Validation says so, and the typed text stays", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  const example = await page.inputValue("#json");
  const typed = '{ "ApplicationId": "app-1", "BundleType": ';
  await page.fill("#json", typed);
  await settle(page);
  assert.equal(await page.getAttribute("#violations", "data-state"), "invalid");
  assert.match(await page.textContent("#violation-count"), /JSON box does not parse/);
  assert.doesNotMatch(await page.textContent("#violation-count"), /No problems/);
  await page.click("#send-button");
  await settle(page);
  assert.equal(await page.getAttribute("#send-status", "data-state"), "blocked");
  assert.match(await page.textContent("#send-status"), /Not sent: the JSON box does not parse/);
  assert.equal(await page.locator("#response [data-outcome]").count(), 0, "nothing was sent");
  assert.equal(await page.locator("#history-list li.history-entry").count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), "json", "the cursor goes to the box");
  assert.equal(await page.inputValue("#json"), typed, "what was typed is kept");
  // Parsing again: the reason goes, and the call is checked and sent as it now stands.
  await page.fill("#json", example);
  await settle(page);
  assert.equal(await page.getAttribute("#send-status", "data-state"), "");
  assert.equal(await page.getAttribute("#violations", "data-state"), "valid");
  assert.equal((await sendAndRead(page)).outcome, "ok");
  noProblems(problems);
  await page.close();
});

test("a form edit while the JSON does not parse keeps the typed text (also over a reload) until the user replaces it", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await settle(page);
  const typed = '{ "ApplicationId": "app-typed", "BundleType": ';
  await page.fill("#json", typed);
  await settle(page);
  assert.equal(await page.isVisible("#json-kept"), false, "nothing to say before the form changes");
  await page.fill('#form [data-path="ApplicationId"]', "app-from-form");
  await settle(page);
  assert.equal(await page.inputValue("#json"), typed, "the typed text is not written over");
  assert.match(await page.textContent("#json-kept"), /The form changed while this text did not parse/);
  assert.equal(await page.inputValue('#form [data-path="ApplicationId"]'), "app-from-form");
  await page.click("#send-button");
  assert.equal(await page.getAttribute("#send-status", "data-state"), "blocked", "still not sent: the box does not parse");
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.inputValue("#json"), typed, "kept over a reload");
  assert.equal(await page.inputValue('#form [data-path="ApplicationId"]'), "app-from-form");
  assert.equal(await page.isVisible("#json-kept"), true, "and still said");
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.match(await page.textContent("#json-kept-text"), /^这段文本尚不合法时表单有了改动/);
  assert.equal(await page.textContent("#json-replace"), "用表单的参数替换");
  await page.selectOption("#lang", "en");
  await settle(page);
  // Replacing is the user's choice: the box then holds the form's parameters, which parse.
  await page.click("#json-replace");
  await settle(page);
  assert.equal(JSON.parse(await page.inputValue("#json")).ApplicationId, "app-from-form");
  assert.equal(await page.isVisible("#json-kept"), false);
  assert.equal(await page.isVisible("#json-status"), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), "json");
  const draft = await page.evaluate(() => JSON.parse(localStorage.getItem("cloudplay.draft.hai/2023-08-12/RunInstances")));
  assert.equal(draft.options.jsonText, undefined);
  // Kept text fixed so that it parses instead: it takes over, and the notice goes.
  await page.fill("#json", "{ oops");
  await page.fill('#form [data-path="ApplicationId"]', "app-again");
  await settle(page);
  assert.equal(await page.isVisible("#json-kept"), true);
  await page.fill("#json", '{ "ApplicationId": "app-fixed" }');
  await settle(page);
  assert.equal(await page.isVisible("#json-kept"), false);
  assert.equal(await page.inputValue('#form [data-path="ApplicationId"]'), "app-fixed");
  noProblems(problems);
  await page.close();
});

test("switching to another API clears the send line with the answer it spoke of", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  assert.equal((await sendAndRead(page)).outcome, "ok");
  assert.match(await page.textContent("#send-status"), /HTTP 200/);
  await page.selectOption("#api-picker", "bssopenapi/2017-12-14/CreateInstance");
  await settle(page);
  assert.equal(await page.locator("#response [data-outcome]").count(), 0);
  assert.equal(await page.textContent("#send-status"), "");
  // Nor does it come back on an edit of the new call, as a stale note of the old answer.
  await page.fill('#form [data-path="ProductCode"]', "ecs");
  await settle(page);
  assert.equal(await page.textContent("#send-status"), "");
  noProblems(problems);
  await page.close();
});

test("switching language says the send line, the JSON box's error and the credentials line again in the new language", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  const example = await page.inputValue("#json");
  assert.equal((await sendAndRead(page)).outcome, "ok");
  await page.fill("#json", "{ oops");
  await settle(page);
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.equal(await page.textContent("#send-status"), "返回 HTTP 200。");
  // Where the text breaks is said in the page's language, not the browser's.
  assert.match(await page.textContent("#json-status"), /^JSON 格式有误（第 1 行第 3 列）/);
  assert.doesNotMatch(await page.textContent("#json-status"), /position|column|Unexpected|Expected/);
  assert.equal(await page.textContent("#cred-status"), "已填入模拟器公开的演示密钥，它只对模拟器有效。");
  await page.click("#send-button");
  assert.match(await page.textContent("#send-status"), /^未发送：JSON 框/);
  await page.selectOption("#lang", "en");
  await settle(page);
  assert.match(await page.textContent("#send-status"), /^Not sent: the JSON box does not parse/);
  assert.match(await page.textContent("#json-status"), /^Not valid JSON yet/);
  assert.match(await page.textContent("#cred-status"), /^The simulator's public demo key is filled in/);
  // A line said of the answer while in another language comes back in this one.
  await page.fill("#json", JSON.stringify({ ...JSON.parse(example), InstanceName: "other" }));
  await settle(page);
  assert.equal(await page.getAttribute("#send-status", "data-state"), "stale");
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.match(await page.textContent("#send-status"), /^下面的响应/);
  await page.fill("#json", example);
  await settle(page);
  assert.equal(await page.textContent("#send-status"), "返回 HTTP 200。");
  noProblems(problems);
  await page.close();
});

test("in Chinese, the module's errors are said in Chinese with the field, the English detail after; a proxy's refusal by its code and message", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await page.selectOption("#lang", "zh");
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await useDemoKey(page);
  await page.check("#ts-fixed");
  await page.fill("#ts-value", "99999999999999");
  await settle(page);
  assert.match(await page.textContent("#ts-err"), /^时间戳超出范围：.*253402300799/);
  assert.match(await page.textContent("#preview"), /时间戳超出范围（options\.timestamp）：/);
  await page.click("#send-button");
  const said = await page.textContent("#send-status");
  assert.match(said, /^时间戳超出范围（options\.timestamp）：.*253402300799/);
  assert.doesNotMatch(said, /TimestampOutOfRange/);
  await page.check("#ts-now");
  // The proxy refuses (as `cloudplay serve` does for a host it will not forward to).
  const refusal = { code: "ForeignHost", message: "only the vendors' API hosts are forwarded" };
  await page.route("**/proxy", (route) => route.fulfill({
    status: 403, headers: { "content-type": "application/json", "x-cloudplay-proxy-error": refusal.code }, body: JSON.stringify(refusal),
  }));
  await page.check("#via-proxy");
  await page.click("#send-button");
  await page.waitForSelector('#response [data-outcome="failed"]');
  const answer = await page.textContent("#response");
  assert.match(answer, /代理拒绝了该请求：ForeignHost：only the vendors' API hosts are forwarded/);
  assert.doesNotMatch(answer, /\{"code"/, "not the raw JSON");
  // The same error in English reads as a sentence too.
  await page.selectOption("#lang", "en");
  await page.click("#send-button");
  // The Chinese answer is on show until the new one comes: waiting for its outcome raced it.
  await page.waitForFunction(() => !/[\u4e00-\u9fff]/.test(document.getElementById("response").textContent));
  assert.match(await page.textContent("#response"), /The proxy refused the request: ForeignHost: only/);
  assert.deepEqual(problems.filter((p) => !/403/.test(p)), []);
  await page.close();
});

test("a page at /proxy that is not cloudplay serve's proxy (a dev server's 404) is said to be none, not taken for the vendor's answer", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await page.route("**/proxy", (route) => route.fulfill({ status: 404, headers: { "content-type": "text/html" }, body: "<html>Not found</html>" }));
  await useDemoKey(page);
  await page.check("#via-proxy");
  await page.click("#send-button");
  await page.waitForSelector('#response [data-outcome="failed"]');
  assert.equal(await page.getAttribute("#response [data-outcome]", "data-code"), "NoProxy");
  assert.match(await page.textContent("#response"), /No cloudplay proxy answered: what answers at http:\/\/127\.0\.0\.1:\d+\/proxy \(HTTP 404\) is not the proxy/);
  assert.deepEqual(problems.filter((p) => !/404/.test(p)), []);
  await page.close();
});

test("an answer that the key id does not exist says so, not that the secret key is wrong (API 3.0, API 2.0's 4100, Alibaba)", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  for (const [id, algorithm] of [
    ["hai/2023-08-12/RunInstances", "TC3-HMAC-SHA256"],
    ["postgres/2017-03-12/CreateResource", "TC-HmacSHA256"],
    ["bssopenapi/2017-12-14/CreateInstance", "ACS3-HMAC-SHA256"],
  ]) {
    await page.selectOption("#api-picker", id);
    await settle(page);
    await page.selectOption("#algorithm", algorithm);
    await page.fill("#secret-id", "AKIDnoSuchKeyAnywhere000000000001");
    await page.fill("#secret-key", "some-secret-key");
    await settle(page);
    const r = await sendAndRead(page);
    assert.equal(r.outcome, "error", id);
    assert.equal(await page.locator('#response [data-role="signature-diff"]').count(), 0, `${id}: no signature comparison`);
    const note = await page.textContent('#response [data-note="unknown-key-id"]');
    assert.match(note, /does not know the key id AKIDnoSuchKeyAnywhere000000000001/, id);
    assert.doesNotMatch(await page.textContent("#response"), /secret key (used to sign )?is not the one/);
  }
  noProblems(problems);
  await page.close();
});

test("changing the credentials or where to send marks the answer out of date, as editing a parameter does, each said as it is", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  assert.equal((await sendAndRead(page)).outcome, "ok");
  await page.check("#via-proxy");
  assert.equal(await page.getAttribute("#send-status", "data-state"), "stale");
  assert.ok(await page.locator("#response.stale").count(), "the old answer is marked");
  assert.equal(await page.textContent("#send-status"), "The answer below came from “In-page simulator”; the call now goes elsewhere (Send to has changed).");
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.equal(await page.textContent("#send-status"), "下面的响应来自“页面内模拟器”；现在调用会发往别处（“发送到”已更改）。");
  await page.selectOption("#lang", "en");
  await settle(page);
  // A parameter edited too: now the call itself has changed, and the line says that.
  const field = page.locator('#form [data-path="ApplicationId"]');
  const id = await field.inputValue();
  await field.fill(`${id}x`);
  await settle(page);
  assert.match(await page.textContent("#send-status"), /the call has changed since/);
  await field.fill(id);
  await settle(page);
  assert.match(await page.textContent("#send-status"), /came from “In-page simulator”/);
  await page.check("#via-simulator");
  assert.equal(await page.getAttribute("#send-status", "data-state"), "ok", "back to where it was sent");
  assert.equal(await page.locator("#response.stale").count(), 0);
  for (const change of [() => page.click("#cred-demo"), () => page.fill("#secret-key", "another-secret")]) {
    await change();
    await settle(page);
    assert.equal(await page.getAttribute("#send-status", "data-state"), "stale");
    assert.match(await page.textContent("#send-status"), /the credentials have changed since/);
    assert.doesNotMatch(await page.textContent("#send-status"), /call has changed/);
    assert.ok(await page.locator("#response.stale").count());
    await useDemoKey(page);
    assert.equal((await sendAndRead(page)).outcome, "ok");
    assert.equal(await page.getAttribute("#send-status", "data-state"), "ok");
  }
  noProblems(problems);
  await page.close();
});

test("a 390 px screen in Chinese: CreateResource's long description and error lines wrap inside the card", async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='true']");
  await page.selectOption("#lang", "zh");
  await page.selectOption("#api-picker", "postgres/2017-03-12/CreateResource");
  await settle(page);
  // Unbroken text where the page shows what was typed or answered.
  await page.check("#ts-fixed");
  await page.fill("#ts-value", "9".repeat(60));
  await page.fill("#json", `{ "${"x".repeat(300)}`);
  await settle(page);
  await page.click("#send-button");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page width ${width} fits 390 px`);
  const overflowing = await page.evaluate(() => [...document.querySelectorAll("#api-desc, #api-title, .field-error, #send-status, #violation-count")]
    .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.id || el.className));
  assert.deepEqual(overflowing, []);
  await page.screenshot({ path: screenshotPath("page-narrow-390-zh"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("a call too long for a link (2 MB pasted) is not written into the address; the page says so and keeps up with typing", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await settle(page);
  assert.equal(await page.isVisible("#link-too-long"), false);
  const params = JSON.parse(await page.inputValue("#json"));
  const big = JSON.stringify({ ...params, InstanceName: "x".repeat(2_000_000) });
  await page.fill("#json", big);
  await settle(page);
  // One more keystroke: the address is not rewritten with it.
  const writes = await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args) => (n += 1, replace(...args));
    const box = document.getElementById("json");
    document.addEventListener("cloudplay:preview", () => resolve(n), { once: true });
    box.value = box.value.replace(/x"/, 'xy"');
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }));
  assert.equal(writes, 0);
  const hash = await page.evaluate(() => location.hash);
  assert.equal(hash, "#api=hai%2F2023-08-12%2FRunInstances", "the address names the API alone");
  assert.equal(await page.inputValue("#permalink"), "");
  assert.match(await page.textContent("#link-too-long"), /too long for a link/);
  await page.click("#permalink-copy");
  assert.match(await page.textContent("#share-status"), /too long for a link/);
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.match(await page.textContent("#link-too-long"), /太长/);
  assert.match(await page.textContent("#share-status"), /太长/);
  // The call itself is kept: a reload (the address names the API) opens it as the draft.
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(JSON.parse(await page.inputValue("#json")).InstanceName.length, 2_000_001);
  // Back under the limit, the link holds the call again.
  await page.fill("#json", JSON.stringify(params));
  await settle(page);
  assert.equal(await page.isVisible("#link-too-long"), false);
  assert.match(await page.evaluate(() => location.hash), /params=/);
  noProblems(problems);
  await page.close();
});

/** Fills the page's localStorage until the browser refuses (to within 16 characters); the keys
 *  it added, to free it. */
function fillStorage(page, prefix = "filler") {
  return page.evaluate((prefix) => {
    const keys = [];
    for (let size = 1 << 20; size >= 16; size >>= 1) {
      for (;;) {
        const key = `${prefix}-${keys.length}`;
        try {
          localStorage.setItem(key, "f".repeat(size));
        } catch {
          break;
        }
        keys.push(key);
      }
    }
    return keys;
  }, prefix);
}

/** The playground where the browser refuses the page its storage, as a strict privacy setting
 *  does: reading localStorage or sessionStorage throws. */
async function openWithoutStorage() {
  const page = await browser.context.newPage();
  const problems = watch(page);
  await page.addInitScript(() => {
    for (const name of ["localStorage", "sessionStorage"]) {
      Object.defineProperty(window, name, { get() { throw new DOMException("Access is denied for this document.", "SecurityError"); } });
    }
  });
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='true']", { timeout: 20000 });
  return { page, problems };
}

test("a draft the browser's storage refuses (full, or off) is kept for the visit: another API and back still has it, and the page says a reload would lose it", async () => {
  const hai = "hai/2023-08-12/RunInstances";
  const field = '#form [data-path="InstanceName"]';
  const awayAndBack = async (page) => {
    await chooseBySearch(page, "postgres", "postgres/2017-03-12/CreateResource");
    await chooseBySearch(page, "RunInstances", hai);
  };
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", hai);
  const fillers = await fillStorage(page);
  const typed = `typed-while-full-${"y".repeat(100)}`;
  await page.fill(field, typed);
  await settle(page);
  assert.match(await page.textContent("#draft-status"), /could not be saved as the API's draft .*kept only while this page stays open/);
  await awayAndBack(page);
  assert.equal(await page.inputValue(field), typed, "the edit came back with its API");
  assert.equal(await page.isVisible("#draft-status"), true, "and it is still not saved");
  // Room again: the next edit is saved, and it is the stored draft that comes back.
  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), fillers);
  await page.fill(field, "after-freeing");
  await settle(page);
  assert.equal(await page.isVisible("#draft-status"), false);
  await page.evaluate((key) => localStorage.setItem(key, localStorage.getItem(key).replace("after-freeing", "stored")), `cloudplay.draft.${hai}`);
  await awayAndBack(page);
  assert.equal(await page.inputValue(field), "stored");
  noProblems(problems);
  await page.close();
  // No storage at all: each switch used to open the example again.
  const { page: off, problems: offProblems } = await openWithoutStorage();
  await chooseBySearch(off, "RunInstances", hai);
  await off.fill(field, "no-storage-typed");
  await settle(off);
  assert.equal(await off.isVisible("#draft-status"), true);
  await awayAndBack(off);
  assert.equal(await off.inputValue(field), "no-storage-typed");
  noProblems(offProblems);
  await off.close();
});

test("'Remember in this tab' where sessionStorage is blocked: unticked, and the page says the credentials cannot be remembered", async () => {
  const { page, problems } = await openWithoutStorage();
  await useDemoKey(page);
  // Clicked, not checked: page.check would insist that the box ends up ticked.
  await page.click("#remember");
  assert.equal(await page.isChecked("#remember"), false, "the box does not claim they are remembered");
  const said = await page.textContent("#cred-status");
  assert.match(said, /cannot be remembered in this tab: they are in memory only/);
  assert.doesNotMatch(said, /kept in this tab's sessionStorage/);
  await page.selectOption("#lang", "zh");
  assert.match(await page.textContent("#cred-status"), /无法在本标签页中记住凭证/);
  noProblems(problems);
  await page.close();
});

test("a call over 256 KB goes into the history without its parameters, and says so; the call stays as the draft", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  const params = JSON.parse(await page.inputValue("#json"));
  await page.fill("#json", JSON.stringify({ ...params, BundleType: "b".repeat(2_000_000) }));
  await settle(page);
  assert.equal(await page.getAttribute("#violations", "data-state"), "valid");
  await sendAndRead(page);
  assert.equal(await page.locator("#history-list li.history-entry").count(), 1);
  assert.match(await page.textContent("#history-status"), /over 256 KB: the history keeps how it went, not its parameters/);
  assert.match(await page.textContent("#history-list"), /parameters too large to keep/);
  assert.equal(await page.getByRole("button", { name: /Load call 1/ }).count(), 0, "nothing to load back");
  const stored = await page.evaluate(() => localStorage.getItem("cloudplay.history"));
  assert.ok(stored.length < 2000, `the stored history is small (${stored.length} characters)`);
  assert.equal(JSON.parse(stored)[0].api, "hai/2023-08-12/RunInstances");
  // A small call after it is kept whole.
  await page.fill("#json", JSON.stringify(params));
  await settle(page);
  await sendAndRead(page);
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem("cloudplay.history")))[0].params.ApplicationId, params.ApplicationId);
  assert.equal(await page.getByRole("button", { name: /Load call 1/ }).count(), 1);
  assert.equal(await page.isVisible("#draft-status"), false);
  noProblems(problems);
  await page.close();
});

test("with the storage full, the oldest history entries make room for a new one; a draft that cannot be saved says so, once", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  const params = JSON.parse(await page.inputValue("#json"));
  // Five earlier sends of about 200 KB each, oldest last.
  await page.evaluate((p) => localStorage.setItem("cloudplay.history", JSON.stringify([1, 2, 3, 4, 5].map((n) => ({
    api: "hai/2023-08-12/RunInstances", params: { ...p, BundleType: String(n).repeat(200_000) }, region: "ap-guangzhou", settings: {},
    via: "simulator", status: 200, code: "", requestId: `old-${n}`, at: Date.now() - n * 1000,
  })))), params);
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  await useDemoKey(page);
  assert.equal(await page.locator("#history-list li.history-entry").count(), 5);
  let fillers = await fillStorage(page);
  assert.ok(fillers.length > 0);
  assert.equal((await sendAndRead(page)).outcome, "ok");
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("cloudplay.history")));
  assert.deepEqual(stored.map((e) => e.requestId.startsWith("old-") ? e.requestId : "new"), ["new", "old-1", "old-2", "old-3", "old-4"]);
  assert.equal(await page.locator("#history-list li.history-entry").count(), 5, "the list shows what is kept");
  assert.match(await page.textContent("#history-status"), /storage is full: the oldest call was dropped from the history/);
  // Full to the last kilobyte: an edit that makes the draft longer cannot be saved.
  fillers = fillers.concat(await fillStorage(page, "filler-more"));
  const field = page.locator('#form [data-path="BundleType"]');
  await field.fill("z".repeat(4096));
  await settle(page);
  assert.equal(await page.isVisible("#draft-status"), true);
  assert.match(await page.textContent("#draft-status"), /could not be saved as the API's draft/);
  // Said once: more typing that cannot be saved either does not say it again.
  await page.evaluate(() => {
    const box = document.getElementById("draft-status");
    window.draftRewrites = 0;
    new MutationObserver((m) => (window.draftRewrites += m.length)).observe(box, { childList: true, characterData: true, subtree: true });
  });
  await field.fill("z".repeat(5000));
  await settle(page);
  assert.equal(await page.evaluate(() => window.draftRewrites), 0);
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.match(await page.textContent("#draft-status"), /^该调用无法保存为此接口的草稿/);
  await page.selectOption("#lang", "en");
  // Room again: the next edit is saved, and the notice goes.
  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), fillers);
  await field.fill("z".repeat(5001));
  await settle(page);
  assert.equal(await page.isVisible("#draft-status"), false);
  const draft = await page.evaluate(() => JSON.parse(localStorage.getItem("cloudplay.draft.hai/2023-08-12/RunInstances")));
  assert.equal(draft.params.BundleType.length, 5001);
  noProblems(problems);
  await page.close();
});

test("the history's notes (too large, not kept, cleared with Undo) switch language with the page", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  const params = JSON.parse(await page.inputValue("#json"));
  await page.fill("#json", JSON.stringify({ ...params, BundleType: "b".repeat(300_000) }));
  await settle(page);
  // Storage that refuses the history (not for being full): it is kept for this visit only.
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === "cloudplay.history") throw new TypeError("refused");
      return setItem.call(this, key, value);
    };
  });
  await sendAndRead(page);
  const status = page.locator("#history-status");
  assert.match(await status.textContent(), /over 256 KB.*not kept for your next visit/);
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.match(await status.textContent(), /^该调用超过 256 KB.*历史无法保存到下次访问/);
  await page.selectOption("#lang", "en");
  await settle(page);
  assert.match(await status.textContent(), /^This call is over 256 KB.*not kept for your next visit/);
  // The clear's line keeps its Undo in either language.
  await page.click("#history-clear");
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.match(await status.textContent(), /^历史已清除。/);
  await status.getByRole("button", { name: "撤销" }).click();
  assert.equal(await page.locator("#history-list li.history-entry").count(), 1);
  assert.match(await status.textContent(), /^历史已恢复。历史无法保存到下次访问/);
  // An entry's time (today's: no date) is written as the page's language writes times.
  const shownTime = (locale) => page.evaluate((l) => {
    const el = document.querySelector("#history-list time");
    return [el.textContent, new Date(el.dateTime).toLocaleTimeString(l ?? undefined)];
  }, locale);
  const [zhShown, zhWanted] = await shownTime("zh-CN");
  assert.equal(zhShown, zhWanted);
  await page.selectOption("#lang", "en");
  await settle(page);
  assert.match(await status.textContent(), /^History restored\. The history is not kept/);
  const [enShown, enWanted] = await shownTime("en");
  assert.equal(enShown, enWanted);
  noProblems(problems);
  await page.close();
});

test("JSON being typed that does not parse survives loading an example, a history entry, another API and back", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await useDemoKey(page);
  const example = JSON.parse(await page.inputValue("#json"));
  await sendAndRead(page);
  const typed = '{ "ApplicationId": "app-typed", "BundleType": ';
  await page.fill("#json", typed);
  await settle(page);
  await page.click('#examples button[data-example="0"]');
  await settle(page);
  assert.equal(await page.inputValue("#json"), typed, "loading the example does not write over the text");
  assert.match(await page.textContent("#json-kept-text"), /A call was loaded .* while this text did not parse/);
  assert.equal(await page.inputValue('#form [data-path="ApplicationId"]'), example.ApplicationId, "the form shows the example");
  // The user's choice to drop it, as after a form edit.
  await page.click("#json-replace");
  assert.deepEqual(JSON.parse(await page.inputValue("#json")), example);
  // A history entry of the same API (not the call on show, which would open as the draft).
  await page.fill('#form [data-path="ApplicationId"]', "app-other");
  await page.fill("#json", typed);
  await settle(page);
  await page.getByRole("button", { name: /Load call 1/ }).click();
  await settle(page);
  assert.equal(await page.inputValue("#json"), typed, "loading from the history does not write over it");
  assert.equal(await page.isVisible("#json-kept"), true);
  assert.equal(await page.inputValue('#form [data-path="ApplicationId"]'), example.ApplicationId);
  await page.selectOption("#lang", "zh");
  await settle(page);
  assert.match(await page.textContent("#json-kept-text"), /^这段文本尚不合法时载入了调用/);
  await page.selectOption("#lang", "en");
  // Another API and back: the text went with its API's draft.
  await chooseBySearch(page, "postgres", "postgres/2017-03-12/CreateResource");
  assert.notEqual(await page.inputValue("#json"), typed);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  assert.equal(await page.inputValue("#json"), typed, "back on its API, the text is there");
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(await page.inputValue("#json"), typed, "and over a reload");
  noProblems(problems);
  await page.close();
});

/** RunInstances' example with an InstanceName of `size` x's typed into the JSON box, once its
 *  draft is written: `key` is the draft's storage key, `params` the example's parameters. */
async function openWithLargeCall(size) {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await page.click('#examples button[data-example="0"]');
  await settle(page);
  const params = JSON.parse(await page.inputValue("#json"));
  await page.fill("#json", JSON.stringify({ ...params, InstanceName: "x".repeat(size) }));
  const key = "cloudplay.draft.hai/2023-08-12/RunInstances";
  await page.waitForFunction(([key, size]) => localStorage.getItem(key)?.length > size, [key, size]);
  return { page, problems, params, key };
}

test("a large draft is written once typing pauses, not on every keystroke, and a reload right after typing still has it", async () => {
  const { page, problems, params, key } = await openWithLargeCall(2_000_000);
  // Five keystrokes 50 ms apart, each re-signed before the next.
  const writes = await page.evaluate(async (key) => {
    let n = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) n += 1;
      return setItem.call(this, k, v);
    };
    const box = document.getElementById("json");
    for (let i = 0; i < 5; i++) {
      box.value = box.value.replace(/x(y*)"/, 'x$1y"');
      box.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
    }
    const whileTyping = n;
    await new Promise((r) => setTimeout(r, 700));
    return { whileTyping, after: n };
  }, key);
  assert.deepEqual(writes, { whileTyping: 0, after: 1 });
  const tail = (text, n = 12) => text.slice(-n);
  assert.equal(tail(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key)).params.InstanceName), "xxxxxxxyyyyy");
  // Typed, then reloaded at once: leaving the page writes what is waiting.
  await page.evaluate(() => {
    const box = document.getElementById("json");
    box.value = box.value.replace(/x(y*)"/, 'xz$1"');
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  assert.equal(tail(JSON.parse(await page.inputValue("#json")).InstanceName), "xxxxxxzyyyyy");
  // Text that does not parse, as large, is kept the same way.
  await page.evaluate(() => {
    const box = document.getElementById("json");
    box.value = box.value.replace(/}\s*$/, ", ");
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.reload();
  await page.waitForSelector("body[data-ready='true']");
  const kept = await page.inputValue("#json");
  assert.ok(kept.includes('xzyyyyy"') && kept.endsWith(", "), `the text that does not parse is back: …${tail(kept, 40)}`);
  // A small call is saved at once, as before.
  await page.fill("#json", JSON.stringify(params));
  await settle(page);
  await page.fill('#form [data-path="ApplicationId"]', "app-small");
  await settle(page);
  assert.equal(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key)).params.ApplicationId, "app-small");
  noProblems(problems);
  await page.close();
});

test("an edit to a large call survives re-opening the same API at once (its #api= link, or search)", async () => {
  const { page, problems, key } = await openWithLargeCall(20_000);
  const tail = async () => JSON.parse(await page.inputValue("#json")).InstanceName.slice(-3);
  // Edited, re-signed, then the API's own link opened well within the draft's 400 ms wait.
  await page.evaluate(() => new Promise((resolve) => {
    const box = document.getElementById("json");
    document.addEventListener("cloudplay:preview", () => {
      window.addEventListener("hashchange", () => setTimeout(resolve, 50), { once: true });
      location.hash = "#api=hai/2023-08-12/RunInstances";
    }, { once: true });
    box.value = box.value.replace(/x"/, 'xab"');
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }));
  assert.equal(await tail(), "xab");
  // Edited, then chosen again from the search at once.
  await page.evaluate(() => {
    const box = document.getElementById("json");
    box.value = box.value.replace(/xab"/, 'xabc"');
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.fill("#search", "RunInstances");
  await page.press("#search", "Enter");
  await settle(page);
  assert.equal(await page.inputValue("#api-picker"), "hai/2023-08-12/RunInstances");
  assert.equal(await tail(), "abc");
  await page.waitForTimeout(700);
  assert.equal(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key)).params.InstanceName.slice(-3), "abc");
  noProblems(problems);
  await page.close();
});

test("a keystroke in JSON that does not parse writes the small draft once", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  const key = "cloudplay.draft.hai/2023-08-12/RunInstances";
  const writes = await page.evaluate((key) => new Promise((resolve) => {
    let n = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) n += 1;
      return setItem.call(this, k, v);
    };
    const box = document.getElementById("json");
    document.addEventListener("cloudplay:preview", () => setTimeout(() => resolve(n), 100), { once: true });
    box.value = box.value.replace(/}\s*$/, ", ");
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }), key);
  assert.equal(writes, 1);
  assert.match(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key)).options.jsonText, /, $/);
  noProblems(problems);
  await page.close();
});

test("in Chinese, Tencent answers in Chinese once the call asks for zh-CN (Answer language): it is signed, kept in the link, pointed to until chosen, and Tencent's only", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await page.selectOption("#lang", "zh");
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await useDemoKey(page);
  await page.fill('#form [data-path="ApplicationId"]', "app-nothere");
  await settle(page);
  let r = await sendAndRead(page);
  assert.equal(r.code, "InvalidParameterValue.ApplicationIdNotFound");
  assert.doesNotMatch(r.json.Response.Error.Message, /[\u4e00-\u9fff]/, "not asked: English");
  assert.match(await page.textContent('#response [data-note="ask-chinese"]'), /返回语言/);

  await page.selectOption("#answer-lang", "zh-CN");
  await settle(page);
  assert.match(await page.textContent("#preview"), /X-TC-Language: zh-CN/);
  assert.match(await page.inputValue("#permalink"), /[#&]language=zh-CN/);
  r = await sendAndRead(page);
  assert.match(r.json.Response.Error.Message, /没有 ID 为 app-nothere 的应用/);
  assert.equal(await page.locator('#response [data-note="ask-chinese"]').count(), 0);
  // In English the page gives no such hint: it is for readers of Chinese.
  await page.selectOption("#answer-lang", "");
  await page.selectOption("#lang", "en");
  await sendAndRead(page);
  assert.equal(await page.locator('#response [data-note="ask-chinese"]').count(), 0);

  // Alibaba takes no language: the control says so and cannot be changed.
  await page.selectOption("#api-picker", "bssopenapi/2017-12-14/CreateInstance");
  await settle(page);
  assert.equal(await page.isDisabled("#answer-lang"), true);
  assert.match(await page.textContent("#answer-lang"), /Tencent Cloud only/);
  noProblems(problems);
  await page.close();
});

test("API 2.0's 4100 for a missing session token is not taken for a wrong signature; a wrong key still gets the comparison", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await page.selectOption("#api-picker", "postgres/2017-03-12/CreateResource");
  await settle(page);
  await page.fill("#secret-id", "STS.cloudplayDemoTemporary0000005");
  await page.fill("#secret-key", "cloudplayDemoSecretTemporary0005");
  await settle(page);
  let r = await sendAndRead(page);
  assert.equal(r.code, "4100");
  assert.match(r.json.message, /session token/);
  assert.equal(await page.locator('#response [data-role="signature-diff"]').count(), 0, "no signature comparison");
  await page.fill("#secret-key", "not-the-right-secret");
  await settle(page);
  r = await sendAndRead(page);
  assert.equal(r.code, "4100");
  await page.locator('#response [data-role="signature-diff"]').waitFor();
  noProblems(problems);
  await page.close();
});

test("in Chinese, the verify panel says why in Chinese: a wrong key, a pasted request that does not parse (at 第 N 行), and a key pasted into both credential fields", async () => {
  const { page, problems } = await openPlayground(browser.context, server.url);
  await page.selectOption("#lang", "zh");
  await chooseBySearch(page, "RunInstances", "hai/2023-08-12/RunInstances");
  await useDemoKey(page);
  await page.click("#verify-current");
  await page.fill("#verify-secret", "wrong-secret");
  await page.click("#verify-button");
  const out = page.locator("#verify-output");
  assert.equal(await out.locator("[data-outcome]").getAttribute("data-code"), "AuthFailure.SignatureFailure");
  assert.match(await out.textContent(), /签名与服务端按收到的请求计算出的签名不一致/);
  assert.doesNotMatch(await out.textContent(), /does not match the one computed/);
  // A request whose second line is no header.
  await page.fill("#verify-input", "POST / HTTP/1.1\nnot a header\n\n{}");
  await page.click("#verify-button");
  assert.match(await out.textContent(), /（第 2 行）：'not …' 不是请求头/);
  // The same key in both fields: the id would carry the key out in clear.
  await page.fill("#secret-id", DEMO.key);
  await page.fill("#secret-key", DEMO.key);
  await settle(page);
  assert.match(await page.textContent("#preview"), /与 SecretKey 相同/);
  await page.selectOption("#lang", "en");
  await settle(page);
  assert.match(await page.textContent("#preview"), /is the same as secret_key/);
  noProblems(problems);
  await page.close();
});
