/**
 * The scripts other sites load, each one self-contained file (IIFE):
 *   vite build -c web/vite.embed.config.ts --mode card   → dist/embed/embed.js
 *   vite build -c web/vite.embed.config.ts --mode frame  → dist/embed/report-height.js
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const entries = {
  card: { entry: "embed/embed.ts", fileName: "embed" },
  frame: { entry: "embed/report-height.ts", fileName: "report-height" },
} as const;

export default defineConfig(({ mode }) => {
  const target = entries[mode as keyof typeof entries];
  if (!target) throw new Error(`--mode must be one of ${Object.keys(entries).join(", ")}`);
  return {
    root: fileURLToPath(new URL(".", import.meta.url)),
    plugins: [solid()],
    build: {
      outDir: fileURLToPath(new URL("../dist/embed", import.meta.url)),
      emptyOutDir: false,
      target: "es2020",
      lib: {
        entry: fileURLToPath(new URL(target.entry, import.meta.url)),
        name: `graphdeck_${mode}`,
        formats: ["iife"],
        fileName: () => `${target.fileName}.js`,
      },
    },
  };
});
