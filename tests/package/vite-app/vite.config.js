import { defineConfig } from "vite";
import wasm from "vite-plugin-wasm";

export default defineConfig({
  // Relative asset URLs, so the build can be served from any folder.
  base: "./",
  plugins: [wasm()],
  build: {
    target: "esnext",
    outDir: "dist",
    emptyOutDir: true,
    // The package's default entry (index.html) and its widget (widget.html).
    rollupOptions: { input: { index: "index.html", widget: "widget.html" } },
  },
  logLevel: "warn",
});
