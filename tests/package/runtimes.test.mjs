// The package under Deno and Bun, installed as a Node user installs it (npm, into node_modules).
// Deno takes the `deno` export condition (the bundler build: no permission asked to load the
// .wasm), Bun the `bun` one (the .wasm imported as a file, so `bun build --compile` embeds it).
// Both are installed by `cargo xtask test` into .cache (CLOUDPLAY_RUNTIMES); run from the clean
// folder where the packed tarball is installed (see xtask/src/npm_test.rs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const BIN = process.env.CLOUDPLAY_RUNTIMES;
const skip = !BIN && "CLOUDPLAY_RUNTIMES is not set (cargo xtask test sets it)";
const EXPECTED = "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"; // Tencent's documented example
const FLOW = join("runtimes", "flow.mjs");
// No update checks, no telemetry, no prompt for a permission: a refusal fails the run.
const quiet = { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1", DO_NOT_TRACK: "1" };

async function run(command, args, options = {}) {
  const { stdout } = await promisify(execFile)(command, args, { env: quiet, maxBuffer: 1 << 24, ...options });
  return stdout;
}
const lastLine = (out) => JSON.parse(out.trim().split("\n").at(-1));

let node;
async function nodeResult() {
  node ??= lastLine(await run(process.execPath, [FLOW]));
  return node;
}

test("Node runs the flow: the baseline the other runtimes must match", { skip }, async () => {
  const result = await nodeResult();
  assert.equal(result.failure, undefined, JSON.stringify(result));
  assert.equal(result.signature, EXPECTED);
  assert.equal(result.signOnly, EXPECTED);
  assert.equal(result.status, 200);
  assert.equal(result.code, null);
  assert.ok(result.instances > 0, JSON.stringify(result));
  assert.equal(result.verified, true);
  assert.equal(result.snippetKeepsSecret, true);
  assert.equal(result.refusal, "UnknownAlgorithm");
  assert.equal(result.afterRefusal, true);
});

test("Deno imports both entries with no permission granted, and gives Node's results", { skip }, async () => {
  const out = await run(join(BIN, "deno"), ["run", "--no-prompt", FLOW]);
  assert.deepEqual(lastLine(out), await nodeResult());
  // What it calls may ask for one: `send` without --allow-net says so as a network failure.
  const denied = lastLine(await run(join(BIN, "deno"), ["run", "--no-prompt", join("runtimes", "no-net.mjs")]));
  assert.equal(denied.code, "NetworkError", JSON.stringify(denied));
  assert.match(denied.message, /allow-net/);
});

test("deno check reads the declarations through the deno condition; Deno and Bun run them alike", { skip }, async () => {
  await run(join(BIN, "deno"), ["check", join("runtimes", "typed.ts")]);
  const out = lastLine(await run(join(BIN, "deno"), ["run", "--no-prompt", join("runtimes", "typed.ts")]));
  assert.equal(out.signature, EXPECTED);
  assert.equal(out.code, "Validation");
  // Bun strips the types and runs it alike.
  assert.deepEqual(lastLine(await run(join(BIN, "bun"), [join("runtimes", "typed.ts")])), out);
});

test("Bun runs the flow and gives Node's results", { skip }, async () => {
  const out = await run(join(BIN, "bun"), [FLOW]);
  assert.deepEqual(lastLine(out), await nodeResult());
});

test("bun build --compile makes one program that carries the .wasm and runs anywhere", { skip }, async () => {
  const dir = await mkdtemp(join(tmpdir(), "cloudplay-bun-"));
  try {
    const program = join(dir, "flow");
    await run(join(BIN, "bun"), ["build", "--compile", FLOW, "--outfile", program]);
    // Run from elsewhere: nothing of node_modules is within reach.
    const out = await run(program, [], { cwd: dir });
    assert.deepEqual(lastLine(out), await nodeResult());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
