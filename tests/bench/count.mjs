// Runs one function N times, for counting instructions per call (tests/bench/instructions.sh):
// a count is repeatable to about 1% where wall time on a shared machine swings by 20%, so it
// tells two builds apart. What counts is the difference between two N, not one run; compare
// counts taken with the same N (at a few hundred calls, JIT warm-up still shows).
//
//   node tests/bench/count.mjs MODULE WHAT N
//
// MODULE: a module path (e.g. pkg/node/cloudplay.js). WHAT: `sign-`, `prepare-`, `validate-` or
// `official-` followed by `tc3`, `acs3` or `rpc`: the calls tests/bench/sign-node.mjs times, and
// validate of prepare's call.
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { benchCases } from "./cases.mjs";

const [modulePath, what, n] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const [kind, algorithm] = what.split("-");
const c = benchCases()[algorithm];
if (!c || !Number.isInteger(n) || !["sign", "prepare", "validate", "official"].includes(kind)) {
  throw new Error("usage: count.mjs MODULE (sign|prepare|validate|official)-(tc3|acs3|rpc) N");
}

let call = c.official;
if (kind !== "official") {
  const m = createRequire(import.meta.url)(resolve(modulePath));
  // validate takes the call as JSON text, as prepare's call crosses: the reading and the
  // checking, without building and signing.
  const text = JSON.stringify(c.call);
  call = {
    sign: () => m.signWire(c.input),
    prepare: () => m.prepare(c.call, c.credentials, c.options),
    validate: () => m.validate(text),
  }[kind];
}
for (let i = 0; i < n; i++) call();
