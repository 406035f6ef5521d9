import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser tests: real Chromium against the real server. `npm run test:e2e`.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
