// Every entry point resolves to its declarations under each of TypeScript's module resolutions
// (compiled three times: node10, nodenext, bundler). node10 reads no `exports`: the subpaths
// reach their declarations through `typesVersions`, `cloudplay/node` through its folder's
// package.json.
import { catalog, type SigningTrace } from "cloudplay";
import { signWire } from "cloudplay/sign";
import { signWire as signWireWeb } from "cloudplay/sign/web";
import { prepare as prepareWeb } from "cloudplay/web";
import { prepare as prepareNode } from "cloudplay/node";
import { CloudplayTry } from "cloudplay/widget";

const trace: SigningTrace = signWire("{}");
const fromWeb: SigningTrace = signWireWeb("{}");
const ids: string[] = catalog().map((a) => a.id);
// Importing the widget types <cloudplay-try> and its events for the DOM.
const box: CloudplayTry | null = document.querySelector("cloudplay-try");
box?.addEventListener("cloudplay:error", (e) => console.log(e.detail.message.length));
// Its attributes are properties too, as a framework sets them.
if (box) {
  box.params = { BundleType: "XL" };
  box.example = 0;
  const api: string | null = box.api;
  void api;
}
void [trace, fromWeb, ids, prepareWeb, prepareNode, box];
