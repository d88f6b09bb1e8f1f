// A plain-ES-modules user: the `web` target with its explicit init(), no bundler.
import init, { signWire, describe, prepare, simulate, demoAccounts, version } from "/pkg/web/cloudplay.js";
import initSign, { signWire as signOnly } from "/pkg/sign/web/cloudplay.js";
import { run } from "/shared-checks.js";

await Promise.all([init(), initSign()]);
run({ signWire, describe, prepare, simulate, demoAccounts, version, signOnly });
