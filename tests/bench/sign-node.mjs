// Speed of the npm package against the official Node signing code, in one Node process, on
// the same requests (official-SDK vectors): median µs per signature and the ratio, for the
// main module's signWire and prepare and the signing-only module's signWire.
//
//   cargo xtask pkg && node tests/bench/sign-node.mjs
//
// The requests and the official code are in cases.mjs.
import { createRequire } from "node:module";
import { benchCases } from "./cases.mjs";

const require = createRequire(import.meta.url);
const cloudplay = require("../../pkg/node/cloudplay.js");
// The signing-only module ("cloudplay/sign"), built for size rather than speed.
const signOnly = require("../../pkg/sign/node/cloudplay.js");

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Median µs per call of each function, over `rounds` timed batches taken in turn (a batch of
 * each, then again), so a change in the machine's speed during the run hits all of them alike
 * and the ratios stay fair on a shared machine.
 */
function measure(fns, { rounds = 31, batch = 300 } = {}) {
  for (const fn of fns) for (let i = 0; i < batch * 3; i++) fn();
  const per = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, k) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) fn();
      per[k].push(Number(process.hrtime.bigint() - t0) / 1000 / batch);
    });
  }
  return per.map(median);
}

const cases = Object.values(benchCases()).map((c) => {
  if (c.official() !== c.want || cloudplay.signWire(c.input)[c.field] !== c.want) throw new Error(`${c.name}: outputs differ`);
  return [c.name, c.official, () => cloudplay.signWire(c.input), () => cloudplay.prepare(c.call, c.credentials, c.options), () => signOnly.signWire(c.input)];
});

console.log(`node ${process.version}, cloudplay ${cloudplay.version()}`);
console.log("algorithm           official µs  signWire µs  ratio   prepare µs  ratio   cloudplay/sign µs  ratio");
for (const [name, official, sign, prep, signSmall] of cases) {
  if (signSmall().signature !== sign().signature) throw new Error(`${name}: the two modules sign differently`);
  const [o, s, p, small] = measure([official, sign, prep, signSmall]);
  const ratio = (t) => `${(o / t).toFixed(2).padStart(5)}x`;
  console.log(
    `${name.padEnd(18)} ${o.toFixed(2).padStart(11)}  ${s.toFixed(2).padStart(11)}  ${ratio(s)}` +
      `  ${p.toFixed(2).padStart(10)}  ${ratio(p)}  ${small.toFixed(2).padStart(17)}  ${ratio(small)}`,
  );
}
