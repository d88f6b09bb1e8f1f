// webpack 5 as a user sets it up, with nothing for the package: since webpack 5.109 a .wasm
// module is read as one by default (older 5.x needs `experiments: { asyncWebAssembly: true }`).
// The entries are the Vite app's, so that both bundlers build the same code.
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default {
  mode: "production",
  context: here("."),
  entry: { index: "../vite-app/main.js", widget: "../vite-app/widget.js" },
  output: { path: here("dist"), publicPath: "auto", clean: true },
  performance: { hints: false },
};
