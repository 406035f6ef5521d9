/**
 * `npm start`: a supervising primary runs WORKERS worker processes (one per
 * core by default; one with PGlite) and starts another at once when one dies.
 * Each worker opens the database (PGlite under DATA_DIR unless DATABASE_URL is
 * set), applies migrations, seeds when the seeds changed, then serves; all
 * share one port. WORKERS=0 serves from this process, unsupervised.
 */
import cluster, { type Worker } from "node:cluster";
import { loadConfig, type Config } from "./config.ts";
import type { Database } from "./db/connect.ts";

/**
 * V8's heap sizing for the workers. With Node's default limit (a quarter of the machine's memory,
 * over 2 GB) V8 lets the old generation grow to up to four times what survived the last full
 * collection before the next one, and less the lower the limit: under 256 connections each worker's
 * old space reached 90-135 MB for 25-30 MB of live objects. A 1 GB limit (still 30 times the live heap)
 * caps that factor near 1.6; 4 MB semi-spaces (16 by default) keep the young generation at 8 MB. The
 * load bench measured 296 MB rather than 429 MB for the primary and two workers, and no more CPU per
 * uncached request (see docs/benchmarks.md, "Memory under load"). Flags given to node come after
 * these, so they win.
 */
const WORKER_HEAP_FLAGS = ["--max-old-space-size=1024", "--max-semi-space-size=4"];

const config = loadConfig();
const where = config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`;

if (config.workers > 0 && cluster.isPrimary) supervise(config);
else {
  await serve(config).catch(async (error: unknown) => {
    // The database unreachable at start, say: one line, then exit (a supervised worker is
    // started again after a pause that grows while this keeps happening).
    const { describeError } = await import("./http/safe-log.ts");
    console.error(`start-up failed: ${describeError(error)}`);
    process.exit(1);
  });
}

interface ListeningMessage {
  type: "graphdeck:listening";
  port: number;
}

function supervise(config: Config): void {
  const SHUTDOWN_GRACE_MS = 10_000;
  // With one worker (always, with PGlite) the primary's round-robin only delays: it hands each new
  // connection over on its own, waiting for the busy worker to acknowledge it before the next, and
  // 256 connections opened at once waited up to 3 s. The worker then accepts them itself. Several
  // workers keep round-robin, which balances the connections between them.
  if (config.workers === 1) cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({ execArgv: [...WORKER_HEAP_FLAGS, ...process.execArgv] });
  let stopping = false;
  let announced = false;
  // Workers that die soon after starting (the database down at start, say) are restarted
  // after a pause that doubles, up to 5 s, so a crash loop does not spin the CPU.
  const recentExits: number[] = [];

  const start = (): Worker => {
    const worker = cluster.fork();
    worker.on("message", (message: ListeningMessage) => {
      if (message?.type !== "graphdeck:listening" || announced) return;
      announced = true;
      console.log(`Graphdeck listening on http://localhost:${message.port} (GraphQL at /graphql, ${where}, ${config.workers} worker${config.workers === 1 ? "" : "s"})`);
    });
    return worker;
  };

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    recentExits.push(now);
    while (recentExits.length && (recentExits[0] as number) < now - 30_000) recentExits.shift();
    const delay = recentExits.length <= 1 ? 0 : Math.min(5000, 100 * 2 ** (recentExits.length - 2));
    console.error(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another${delay ? ` in ${delay} ms` : ""}`);
    setTimeout(() => {
      if (!stopping) start();
    }, delay);
  });

  for (let i = 0; i < config.workers; i++) start();

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
      const exited = Promise.all(workers.map((w) => (w.isDead() ? null : new Promise((resolve) => w.once("exit", resolve)))));
      for (const w of workers) w.process.kill("SIGTERM");
      const deadline = setTimeout(() => {
        for (const w of workers) if (!w.isDead()) w.process.kill("SIGKILL");
      }, SHUTDOWN_GRACE_MS);
      void exited.then(() => {
        clearTimeout(deadline);
        process.exit(0);
      });
    });
  }
}

/** Migrations and seeding, one process at a time (an advisory lock on PostgreSQL). */
async function prepareDatabase(database: Database, config: Config): Promise<void> {
  const [{ sql }, { migrate }, { ensureSeeded }, { refreshStaleStudyRows }] = await Promise.all([
    import("drizzle-orm"),
    import("./db/migrate.ts"),
    import("./seed/ensure-seeded.ts"),
    import("./seed/study-rows.ts"),
  ]);
  const work = async () => {
    await migrate(database);
    if (config.seedOnStart) {
      const outcome = await ensureSeeded(database.db, { seedsDir: config.seedsDir, sourcesDir: config.sourcesDir });
      if (outcome.seeded) {
        console.log(`graph seeded: ${outcome.counts.concepts} concepts, ${outcome.counts.relations} relations, ${outcome.counts.claims} claims`);
      }
    }
    // After any seed, which makes them itself: only a graph whose rows are missing or stale pays for this.
    // On a graph of a million concepts this takes about two minutes, before the server listens.
    const made = await refreshStaleStudyRows(database.db, () =>
      console.log("study rows missing, made before the last seed, or of an older format: making them again (about two minutes a million concepts)"),
    );
    if (made) console.log(`study rows made again for ${made} concepts`);
  };
  if (database.kind === "pglite") return work();
  // The transaction only holds the lock (released at its end); the work uses other connections.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('graphdeck:start-up'))`);
    await work();
  });
}

/** What an instance shares through Redis (REDIS_URL): room events, the response cache and the graph version. */
async function connectShared(redisUrl: string, databaseIdentity: string) {
  const [{ connectRedis }, { redisRoomEvents }, { redisResponseStore }, { redisVersionChannel }] = await Promise.all([
    import("./redis/connect-redis.ts"),
    import("./redis/redis-room-events.ts"),
    import("./redis/redis-response-store.ts"),
    import("./redis/redis-graph-version.ts"),
  ]);
  const clients = connectRedis(redisUrl, databaseIdentity);
  return { clients, roomEvents: redisRoomEvents(clients), responses: redisResponseStore(clients.commands, clients.namespace), versions: redisVersionChannel(clients) };
}

async function serve(config: Config): Promise<void> {
  // Imported here, not at the top: the supervising primary never loads the server (~150 MB).
  const [{ connect }, { trackGraphVersion }, { createHttpServer }, { describeError }, { createRedisRateLimiter }] = await Promise.all([
    import("./db/connect.ts"),
    import("./graph-version.ts"),
    import("./http/create-server.ts"),
    import("./http/safe-log.ts"),
    import("./graphql/plugins/redis-rate-limit.ts"),
  ]);
  const supervised = cluster.isWorker;
  // A failure nothing caught: one safe line (Node's own report would print a failed query's
  // parameters, the quiz key among them), then exit; the primary starts another worker.
  for (const event of ["uncaughtException", "unhandledRejection"] as const) {
    process.on(event, (error: unknown) => {
      console.error(`${event}: ${describeError(error)}; exiting`);
      process.exit(1);
    });
  }
  const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // Loaded only with REDIS_URL: ioredis is not needed otherwise.
  const redis = config.redisUrl ? await connectShared(config.redisUrl, config.databaseUrl ?? config.dataDir) : undefined;
  await prepareDatabase(database, config);

  const graphVersion = await trackGraphVersion(database, { shared: redis?.versions });
  const server = createHttpServer({
    database,
    graphVersion,
    trustedOrigins: config.trustedOrigins,
    quizSecret: config.quizSecret,
    publicUrl: config.publicUrl,
    port: config.port,
    rateLimiter: config.rateLimitRedisUrl ? createRedisRateLimiter(config.rateLimitRedisUrl, redis && `${redis.clients.namespace}rate:`) : undefined,
    trustProxy: config.trustProxy,
    studyWholeGraphLimit: config.studyWholeGraphLimit,
    roomEvents: redis?.roomEvents,
    sharedResponses: redis?.responses,
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    server.setPort(port);
    if (supervised) process.send?.({ type: "graphdeck:listening", port } satisfies ListeningMessage);
    else console.log(`Graphdeck listening on http://localhost:${port} (GraphQL at /graphql, ${where})`);
    warmUp();
  });

  // Build the study material (cards, quiz questions, matching) in the background now and after
  // each re-seed, so the first learner does not wait for it: seconds on a graph of 100k concepts.
  // A failure only means the first request builds it instead.
  // A failed build (the database away for a moment) is tried again after 1, 2, 4… s (30 s at
  // most), as long as the graph has not changed meanwhile (the change starts its own build).
  function warmUp(attempt = 0): void {
    const started = performance.now();
    const version = graphVersion.current();
    server.warmUp().then(
      (outcome) => {
        if (!outcome.finished) return;
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          outcome.regions
            ? `study material ready in ${seconds} s: the graph is studied in regions; ${outcome.cards} flashcards in the ${outcome.decks} decks' first windows`
            : `study material ready in ${seconds} s: ${outcome.cards} flashcards, ${outcome.quizCandidates} quiz question candidates`,
        );
      },
      (error: unknown) => {
        if (stopping) return;
        const delay = Math.min(30_000, 1000 * 2 ** attempt);
        console.warn(`study material not built ahead (trying again in ${delay / 1000} s): ${describeError(error)}`);
        setTimeout(() => {
          if (!stopping && graphVersion.current() === version) warmUp(attempt + 1);
        }, delay).unref();
      },
    );
  }
  const stopWarmingUp = graphVersion.onChange(() => warmUp());

  // On SIGINT/SIGTERM: stop accepting, let requests in flight finish (5 s at most), then
  // close the database cleanly so PGlite's files are consistent on the next start.
  const SHUTDOWN_GRACE_MS = 5000;
  /** How long closing the graph's listener, Redis and the pool may take after that (the pool's own timeout is 5 s). */
  const SHUTDOWN_CLOSE_MS = 7000;
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // Subscriptions would hold their connections open forever; their clients reconnect elsewhere.
    server.endStreams();
    // Connections can close (a client giving up) while their request is still being handled.
    const drained = closed.then(() => server.idle());
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    // Closing can itself wait on a database that is away or just back (an UNLISTEN on a connection being
    // made again): a stop asked for must end the process whatever the database does.
    setTimeout(() => {
      console.error(`closing took over ${(SHUTDOWN_GRACE_MS + SHUTDOWN_CLOSE_MS) / 1000} s; exiting without waiting for it`);
      process.exit(0);
    }, SHUTDOWN_GRACE_MS + SHUTDOWN_CLOSE_MS).unref();
    stopWarmingUp();
    void Promise.race([drained, deadline])
      .then(() => graphVersion.stop())
      .then(() => redis?.clients.close())
      .then(() => database.close())
      .finally(() => process.exit(0));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, shutdown);
  // A worker whose primary is gone has no one to restart it: stop cleanly.
  if (supervised) process.on("disconnect", shutdown);
}
