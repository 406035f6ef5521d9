/** The web app: `vite build -c web/vite.app.config.ts` → dist/app (each route its own chunk). */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [solid()],
  build: {
    outDir: fileURLToPath(new URL("../dist/app", import.meta.url)),
    emptyOutDir: true,
    target: "es2020",
    assetsDir: "assets",
  },
});
