/**
 * `npm start`: open the database (PGlite under DATA_DIR unless DATABASE_URL is
 * set), apply migrations, seed when the seeds changed, then serve.
 */
import { loadConfig } from "./config.ts";
import { connect } from "./db/connect.ts";
import { migrate } from "./db/migrate.ts";
import { trackGraphVersion } from "./graph-version.ts";
import { createHttpServer } from "./http/create-server.ts";
import { ensureSeeded } from "./seed/ensure-seeded.ts";

const config = loadConfig();
const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrate(database);
if (config.seedOnStart) {
  const outcome = await ensureSeeded(database.db, { seedsDir: config.seedsDir, sourcesDir: config.sourcesDir });
  if (outcome.seeded) {
    console.log(`graph seeded: ${outcome.counts.concepts} concepts, ${outcome.counts.relations} relations, ${outcome.counts.claims} claims`);
  }
}

const graphVersion = await trackGraphVersion(database);
const server = createHttpServer({ database, graphVersion, trustedOrigins: config.trustedOrigins, quizSecret: config.quizSecret });
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const where = database.kind === "pglite" ? `PGlite in ${config.dataDir}` : "PostgreSQL";
  console.log(`Graphdeck listening on http://localhost:${port} (GraphQL at /graphql, ${where})`);
  warmUp();
});

// Build the study material (cards, quiz questions, matching) in the background now and after
// each re-seed, so the first learner does not wait for it: seconds on a graph of 100k concepts.
// A failure only means the first request builds it instead.
function warmUp(): void {
  const started = performance.now();
  server.warmUp().then(
    (outcome) => {
      if (!outcome.finished) return;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`study material ready in ${seconds} s: ${outcome.cards} flashcards, ${outcome.quizCandidates} quiz question candidates`);
    },
    (error: unknown) => {
      if (!stopping) console.warn(`study material not built ahead (the first request will): ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}
const stopWarmingUp = graphVersion.onChange(warmUp);

// On SIGINT/SIGTERM: stop accepting, let requests in flight finish (5 s at most), then
// close the database cleanly so PGlite's files are consistent on the next start.
const SHUTDOWN_GRACE_MS = 5000;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // Connections can close (a client giving up) while their request is still being handled.
    const drained = closed.then(() => server.idle());
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    stopWarmingUp();
    void Promise.race([drained, deadline])
      .then(() => graphVersion.stop())
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}
