/**
 * Prints every cited passage as "[source: locator]" and its text, the way the
 * seed stores it. Reviewers check each statement in seeds/ against this dump:
 *
 *   npx tsx test/support/print-passages.ts > /tmp/passages.txt
 */
import { seed } from "../../server/seed/ensure-seeded.ts";
import { SEEDS_DIR, SOURCES_DIR } from "./seed-paths.ts";
import { createTestDatabase } from "./test-database.ts";

const database = await createTestDatabase();
try {
  await seed(database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  const rows = await database.db.query.passages.findMany();
  rows.sort((a, b) => a.sourceId.localeCompare(b.sourceId) || a.ordinal - b.ordinal);
  for (const row of rows) console.log(`[${row.sourceId}: ${row.locator}]\n${row.text}\n`);
} finally {
  await database.drop();
}
