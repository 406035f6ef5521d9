/**
 * Prints flashcards as a reviewer reads them: type, front, back, explanation
 * and the cited passages, a seeded sample spread over card types. For judging
 * card quality by eye:
 *
 *   npx tsx test/support/print-flashcards.ts [--count 60] [--seed 1]
 */
import { parseArgs } from "node:util";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { allCards } from "../../server/study/flashcards/card-index.ts";
import { loadGraphSnapshot } from "../../server/study/graph-snapshot.ts";
import { seededRandom } from "../../server/study/seeded-random.ts";
import { SEEDS_DIR, SOURCES_DIR } from "./seed-paths.ts";
import { createTestDatabase } from "./test-database.ts";

const { values } = parseArgs({ options: { count: { type: "string", default: "60" }, seed: { type: "string", default: "1" } } });
const database = await createTestDatabase();
try {
  await seed(database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  const graph = await loadGraphSnapshot(database.db, "print");
  const passages = new Map<string, string>();
  for (const row of await database.db.query.passages.findMany()) passages.set(`${row.sourceId}: ${row.locator}`, row.text);
  const cards = seededRandom(Number(values.seed)).shuffle(allCards(graph));
  // The same number of each type, as far as each type has cards.
  const byType = new Map<string, typeof cards>();
  for (const card of cards) byType.set(card.type, [...(byType.get(card.type) ?? []), card]);
  const perType = Math.ceil(Number(values.count) / byType.size);
  let n = 0;
  for (const [type, ofType] of byType) {
    console.log(`\n######## ${type} (${ofType.length} cards in all)\n`);
    for (const card of ofType.slice(0, perType)) {
      console.log(`C${++n}. [${type}] about ${card.subject}`);
      console.log(`   FRONT: ${card.front}`);
      console.log(`   BACK: ${card.back}`);
      console.log(`   Explanation: ${card.explanation}`);
      for (const c of card.citations) console.log(`   Source ${c.sourceId}: ${c.locator} — ${passages.get(`${c.sourceId}: ${c.locator}`) ?? "(passage not found)"}`);
      console.log("");
    }
  }
} finally {
  await database.drop();
}
