/**
 * `npm run seed`: validate seeds/ and (re)write the graph. Learner data is left alone.
 * `npm run seed -- --report`: validate and print, per source, how many substantive
 * passages the seeds cite and which are still uncited; the database is not touched.
 */
import { loadConfig } from "../config.ts";
import { connect } from "../db/connect.ts";
import { migrate } from "../db/migrate.ts";
import { seed } from "./ensure-seeded.ts";
import { loadSeeds, SeedValidationError } from "./load-seeds.ts";
import { coverageReport, formatCoverageReport } from "./seed-report.ts";

const config = loadConfig();

if (process.argv.slice(2).includes("--report")) {
  try {
    if (!config.sourcesDir) throw new Error("--report needs the source documents: set SOURCES_DIR.");
    const graph = loadSeeds({ seedsDir: config.seedsDir, sourcesDir: config.sourcesDir });
    console.log(
      `${graph.concepts.length} concepts, ${graph.relations.length} relations, ${graph.claims.length} claims ` +
        `(${graph.claims.filter((c) => c.outdated).length + graph.relations.filter((r) => r.outdated).length} marked outdated)`,
    );
    console.log(formatCoverageReport(coverageReport(graph)));
  } catch (error) {
    process.exitCode = 1;
    console.error(error instanceof SeedValidationError || error instanceof Error ? error.message : error);
  }
} else {
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
}
