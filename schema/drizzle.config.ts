import { defineConfig } from "drizzle-kit";

// `npm run db:generate` diffs these tables against migrations/ and writes the next migration.
export default defineConfig({
  dialect: "postgresql",
  schema: "./schema/index.ts",
  out: "./migrations",
});
