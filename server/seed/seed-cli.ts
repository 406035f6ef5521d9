/** `npm run seed`: validate seeds/ and (re)write the graph. Learner data is left alone. */
import { loadConfig } from "../config.ts";
import { connect } from "../db/connect.ts";
import { migrate } from "../db/migrate.ts";
import { seed } from "./ensure-seeded.ts";
import { SeedValidationError } from "./load-seeds.ts";

const config = loadConfig();
const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrate(database);
  const outcome = await seed(database.db, { seedsDir: config.seedsDir, sourcesDir: config.sourcesDir });
  if (outcome.seeded) {
    const c = outcome.counts;
    console.log(
      `seeded (${database.kind}): ${c.concepts} concepts, ${c.relations} relations, ${c.claims} claims, ` +
        `${c.citations} citations, ${c.passages} passages, ${c.mentions} mentions` +
        (config.sourcesDir ? "" : " (SOURCES_DIR not set: locators not checked, passages not ingested)"),
    );
  }
} catch (error) {
  process.exitCode = 1;
  console.error(error instanceof SeedValidationError ? error.message : error);
} finally {
  await database.close();
}
