/**
 * `npm start` as a newcomer runs it: on an empty data folder it migrates, seeds
 * and answers /health; after a restart a learner's progress is still there and
 * the graph is not seeded again.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { createScratchPostgres, onPostgres } from "../support/test-database.ts";
import { connect } from "../../server/db/connect.ts";
import { ensureSeeded } from "../../server/seed/ensure-seeded.ts";
import { copyOfSeeds, SOURCES_DIR } from "../support/seed-paths.ts";
import { spawnServer } from "../support/spawn-server.ts";

function startServer(env: Record<string, string>) {
  return spawnServer({ SOURCES_DIR: SOURCES_DIR ?? "", ...env });
}

async function health(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(20_000) });
  return { status: response.status, body: await response.json() };
}

async function graphql<T>(url: string, query: string, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: T }).data;
}

/** A learner who rated one card, as a browser would. */
async function learnerWithProgress(url: string): Promise<string> {
  const { startLearner } = await graphql<{ startLearner: { token: string } }>(url, "mutation { startLearner { token } }");
  await graphql(url, `mutation { review(cardId: "term:docker", rating: GOOD, reviewId: "first") { reps } }`, startLearner.token);
  return startLearner.token;
}

async function repsOf(url: string, token: string): Promise<number> {
  const { flashcard } = await graphql<{ flashcard: { progress: { reps: number } } }>(url, `{ flashcard(id: "term:docker") { progress { reps } } }`, token);
  return flashcard.progress.reps;
}

async function conceptCount(url: string): Promise<number> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ search(query: "container", first: 50) { slug } }` }),
  });
  const body = (await response.json()) as { data: { search: unknown[] } };
  return body.data.search.length;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

// Each test starts the real server twice (seeding the first time): give them room on a busy 2-core machine.
const TWO_STARTS = 180_000;

describe("start-up", () => {
  it.skipIf(onPostgres)("on an empty data folder serves a seeded graph, and a restart keeps the data", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "graphdeck-start-")), ".data");
    const first = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "" });
    expect(await health(first.url)).toEqual({ status: 200, body: { status: "ok", db: "pglite" } });
    expect(first.output()).toMatch(/graph seeded: \d+ concepts/);
    expect(await conceptCount(first.url)).toBeGreaterThan(5);
    await first.waitForOutput(/study material ready/);
    expect((await fetch(`${first.url}/health/ready`)).status).toBe(200);
    const token = await learnerWithProgress(first.url);
    expect(await first.stop()).toBe(0);
    const direct = await PGlite.create(join(dataDir, "pglite"));
    const seededAt = (await direct.query<{ seeded_at: Date }>("select seeded_at from seed_state where id = 'graph'")).rows[0]?.seeded_at;
    await direct.close();

    const second = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "" });
    expect((await health(second.url)).status).toBe(200);
    expect(second.output()).not.toMatch(/graph seeded/);
    expect(await conceptCount(second.url)).toBeGreaterThan(5);
    expect(await repsOf(second.url, token)).toBe(1);
    expect(await second.stop()).toBe(0);

    const after = await PGlite.create(join(dataDir, "pglite"));
    expect((await after.query<{ seeded_at: Date }>("select seeded_at from seed_state where id = 'graph'")).rows[0]?.seeded_at).toEqual(seededAt);
    await after.close();
  }, TWO_STARTS);

  it.runIf(onPostgres)("with DATABASE_URL serves from PostgreSQL, and a restart does not re-seed", async () => {
    const scratch = await createScratchPostgres();
    cleanups.push(scratch.drop);
    const first = await startServer({ DATABASE_URL: scratch.url });
    expect(await health(first.url)).toEqual({ status: 200, body: { status: "ok", db: "postgres" } });
    expect(first.output()).toMatch(/graph seeded/);
    const token = await learnerWithProgress(first.url);
    expect(await first.stop()).toBe(0);
    const second = await startServer({ DATABASE_URL: scratch.url });
    expect(second.output()).not.toMatch(/graph seeded/);
    expect(await conceptCount(second.url)).toBeGreaterThan(5);
    expect(await repsOf(second.url, token)).toBe(1);
    expect(await second.stop()).toBe(0);
  }, TWO_STARTS);

  it.runIf(onPostgres)("builds the study material ahead, at start and again after a re-seed by another process", async () => {
    const scratch = await createScratchPostgres();
    cleanups.push(scratch.drop);
    // One worker, so "ready twice" means built again after the re-seed (not two workers each once).
    const server = await startServer({ DATABASE_URL: scratch.url, WORKERS: "1" });
    try {
      const ready = /study material ready in [\d.]+ s: (\d+) flashcards, (\d+) quiz question candidates/;
      const first = ready.exec(await server.waitForOutput(ready));
      expect(Number(first?.[1])).toBeGreaterThan(100);
      expect(Number(first?.[2])).toBeGreaterThan(100);

      // Another process changes a concept's summary: the server hears of it and builds again.
      const dir = copyOfSeeds();
      const file = join(dir, "concepts/practices.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("A popular system-on-chip board", "A well-liked system-on-chip board"));
      const other = await connect({ databaseUrl: scratch.url, maxConnections: 1 });
      expect((await ensureSeeded(other.db, { seedsDir: dir, sourcesDir: SOURCES_DIR })).seeded).toBe(true);
      await other.close();
      await server.waitForOutput(/study material ready[^]*study material ready/);

      const { flashcard } = await graphql<{ flashcard: { back: string } }>(server.url, `{ flashcard(id: "term:raspberry-pi") { back } }`);
      expect(flashcard.back).toMatch(/^A well-liked system-on-chip board/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, TWO_STARTS);

  it.runIf(onPostgres)("stays live (/health 200) but not ready (/health/ready 503) while the database is unreachable", async () => {
    const scratch = await createScratchPostgres();
    cleanups.push(scratch.drop);
    const server = await startServer({ DATABASE_URL: scratch.url });
    const admin = postgres(process.env.DATABASE_URL as string, { max: 1, onnotice: () => {} });
    const name = new URL(scratch.url).pathname.slice(1);
    await admin.unsafe(`alter database "${name}" with allow_connections false`);
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    // Each request gets a time limit, and a failure says which request and shows what the server
    // printed (a request once hung here: see connection-cut-mid-query.test.ts).
    let step = "";
    const fetch = (url: string, init: RequestInit = {}) => {
      step = `${init.method ?? "GET"} ${new URL(url).pathname} at ${new Date().toISOString()}`;
      return globalThis.fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
    };
    try {
      step = "GET /health";
      expect(await health(server.url)).toEqual({ status: 200, body: { status: "ok", db: "postgres" } });
      const ready = await fetch(`${server.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: "unavailable", database: "unreachable" });
      // A request that needs the database fails fast and says why.
      const started = performance.now();
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "mutation { startLearner { token } }" }),
      });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe("UNAVAILABLE");
      expect(performance.now() - started).toBeLessThan(3000);
    } catch (error) {
      throw new Error(`${String(error)} (during ${step})\nserver output:\n${server.output()}`);
    } finally {
      await admin.unsafe(`alter database "${name}" with allow_connections true`);
      await admin.end();
      await server.stop();
    }
  }, TWO_STARTS);
});
