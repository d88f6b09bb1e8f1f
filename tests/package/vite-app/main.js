// A bundler user's code: the package's default entry, built by Vite, run in a browser.
import { signWire, describe, prepare, simulate, demoAccounts, version } from "cloudplay";
import { signWire as signOnly } from "cloudplay/sign";
import { run } from "../shared-checks.js";

run({ signWire, describe, prepare, simulate, demoAccounts, version, signOnly });
