/**
 * The server against a PostgreSQL that restarts under a review load: the process
 * lives, requests during the outage fail fast with 503 UNAVAILABLE, service
 * resumes by itself within seconds, and every acknowledged review is stored
 * exactly once. Runs on a private cluster of its own (never the shared server).
 */
import { execSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCES_DIR } from "../support/seed-paths.ts";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.ts";
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from "./private-postgres.ts";

const RESTARTS = 3;
const LEARNERS = 8;

let cluster: PrivatePostgres;
let server: SpawnedServer;

beforeAll(async () => {
  if (!postgresBinDir) return;
  cluster = await startPrivatePostgres();
  // The committed seeds (the working tree's may be mid-edit by someone else).
  const seeds = mkdtempSync(join(tmpdir(), "graphdeck-seeds-"));
  execSync(`git archive HEAD seeds | tar -x -C ${seeds}`);
  server = await spawnServer({ DATABASE_URL: cluster.url, SOURCES_DIR: SOURCES_DIR ?? "", SEEDS_DIR: join(seeds, "seeds"), WORKERS: "2" });
  await server.waitForOutput(/study material ready/, 90_000);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  cluster?.destroy();
});

interface Outcome {
  status: number;
  code?: string | undefined;
  ok: boolean;
  ms: number;
}

async function post(query: string, variables: Record<string, unknown>, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

const REVIEW = `mutation ($card: ID!, $id: ID!) { review(cardId: $card, rating: GOOD, reviewId: $id) { reps } }`;

describe.skipIf(!postgresBinDir)("PostgreSQL restarts under a review load (skipped without PostgreSQL 15 binaries to run a private cluster)", () => {
  it("keeps the process alive, fails fast while down, resumes within 10 s, and stores every acknowledged review once", async () => {
    const cards = ["term:docker", "term:podman", "term:container", "term:virtual-machine"];
    const tokens: string[] = [];
    for (let i = 0; i < LEARNERS; i++) {
      const { body } = await post("mutation { startLearner { token } }", {});
      tokens.push(body.data.startLearner.token);
    }
    const acknowledged = new Map<string, Set<string>>(tokens.map((t) => [t, new Set()]));
    // Reviews still unacknowledged when the load stopped: stored at most once, maybe not at all.
    const unsettled = new Set<string>();
    const outcomes: Outcome[] = [];
    let running = true;
    // Each learner reviews in a loop; a review that was not acknowledged is retried with the same
    // reviewId until it is, as the app does.
    const load = tokens.map(async (token, learner) => {
      let n = 0;
      while (running) {
        const reviewId = `l${learner}-r${n}`;
        const card = cards[n % cards.length] as string;
        for (;;) {
          const started = performance.now();
          let outcome: Outcome;
          try {
            const { status, body } = await post(REVIEW, { card, id: reviewId }, token);
            outcome = { status, code: body?.errors?.[0]?.extensions?.code, ok: status === 200 && Boolean(body?.data?.review), ms: performance.now() - started };
          } catch {
            outcome = { status: 0, ok: false, ms: performance.now() - started };
          }
          outcomes.push(outcome);
          if (outcome.ok) {
            acknowledged.get(token)?.add(reviewId);
            // A steady pace: 8 learners stay under the per-address limit on writes (600 a minute).
            await new Promise((resolve) => setTimeout(resolve, 200));
            break;
          }
          if (!running) {
            unsettled.add(reviewId);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        n++;
      }
    });

    const recoveries: number[] = [];
    const outages: number[] = [];
    for (let i = 0; i < RESTARTS; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const down = performance.now();
      await cluster.restart();
      const before = outcomes.length;
      const back = performance.now();
      outages.push(Math.round(back - down));
      // Service is back when a review made after the restart is acknowledged.
      while (!outcomes.slice(before).some((o) => o.ok) && performance.now() - back < 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      recoveries.push(Math.round(performance.now() - back));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    running = false;
    await Promise.all(load);

    const failed = outcomes.filter((o) => !o.ok);
    console.log(
      `postgres restarts: ${RESTARTS}, reviews acknowledged: ${[...acknowledged.values()].reduce((n, s) => n + s.size, 0)}, ` +
        `attempts: ${outcomes.length}, failed: ${failed.length} (${JSON.stringify(countBy(failed.map((o) => `${o.status} ${o.code ?? ""}`)))}), ` +
        `slowest failure: ${Math.round(Math.max(0, ...failed.map((o) => o.ms)))} ms, ` +
        `pg_ctl restart took: ${outages.join(", ")} ms, first acknowledged review after PostgreSQL was back: ${recoveries.join(", ")} ms`,
    );
    if (/Cannot read properties of null|uncaught|worker \d+ exited/i.test(server.output())) console.log(server.output().slice(-4000));
    expect(server.output()).not.toMatch(/Cannot read properties of null|uncaught|worker \d+ exited/i);
    for (const o of failed) {
      expect(o.status).toBe(503);
      expect(o.code).toBe("UNAVAILABLE");
    }
    for (const ms of recoveries) expect(ms).toBeLessThan(10_000);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    // Every acknowledged review is stored once, and nothing else is.
    const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
    try {
      // A re-seed after the restarts still reaches the server (NOTIFY, or the poll if the
      // re-listen was lost): each worker builds its study material again.
      const builds = () => (server.output().match(/study material ready/g) ?? []).length;
      const before = builds();
      await sql`update seed_state set hash = 'after-restarts' where id = 'graph'`;
      await sql`select pg_notify('graph_seeded', 'after-restarts')`;
      const waited = performance.now();
      while (builds() < before + 2 && performance.now() - waited < 15_000) await new Promise((resolve) => setTimeout(resolve, 100));
      if (builds() < before + 2) console.log(server.output().slice(-3000));
      expect(builds()).toBeGreaterThanOrEqual(before + 2);

      const rows = await sql<{ review_id: string; n: number }[]>`select review_id, count(*)::int as n from review_logs group by review_id`;
      const stored = new Map(rows.map((r) => [r.review_id, r.n]));
      const expected = [...acknowledged.values()].flatMap((s) => [...s]);
      expect(expected.length).toBeGreaterThan(0);
      expect([...stored.values()].every((n) => n === 1)).toBe(true);
      for (const id of expected) expect(stored.get(id)).toBe(1);
      for (const id of stored.keys()) expect(expected.includes(id) || unsettled.has(id)).toBe(true);
      expect(unsettled.size).toBe(0);
    } finally {
      await sql.end();
    }
  }, 180_000);
});

describe.skipIf(!postgresBinDir)("supervision", () => {
  it("replaces a worker that dies, and the port keeps answering", async () => {
    const port = new URL(server.url).port;
    // The primary holds the listening socket; its children are the workers.
    const listener = /pid=(\d+)/.exec(execSync(`ss -ltnpH 'sport = :${port}'`, { encoding: "utf8" }))?.[1];
    // Node children only (tsx may run an esbuild service beside them).
    const workers = () =>
      execSync(`ps -o pid=,comm= --ppid ${listener}`, { encoding: "utf8" })
        .split("\n")
        .map((line) => line.trim().split(/\s+/))
        .filter(([pid, command]) => pid && command === "node")
        .map(([pid]) => pid as string);
    // Both workers up first (on a loaded machine the second may still be starting).
    for (const until = performance.now() + 30_000; workers().length < 2 && performance.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 100));
    const before = workers();
    expect(before).toHaveLength(2);
    process.kill(Number(before[0]), "SIGKILL");
    const started = performance.now();
    let replaced = false;
    while (performance.now() - started < 30_000) {
      const now = workers();
      if (now.length === 2 && !now.includes(before[0] as string)) {
        replaced = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(replaced).toBe(true);
    console.log(`worker replaced after ${Math.round(performance.now() - started)} ms`);
    // Each on a fresh connection: a pooled socket to the killed worker would fail for the client's reasons.
    const health = () =>
      new Promise<number>((resolve, reject) =>
        get(`${server.url}/health`, { agent: false }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        }).on("error", reject),
      );
    for (let i = 0; i < 10; i++) expect(await health()).toBe(200);
  }, 90_000);
});

describe.skipIf(!postgresBinDir)("PostgreSQL down at start", () => {
  it("keeps the primary alive, retrying workers, and serves within seconds of the database's arrival", async () => {
    cluster.stop();
    const seeds = mkdtempSync(join(tmpdir(), "graphdeck-seeds-"));
    execSync(`git archive HEAD seeds | tar -x -C ${seeds}`);
    let failedOnce = () => {};
    const firstFailure = new Promise<void>((resolve) => (failedOnce = resolve));
    const starting = spawnServer(
      { DATABASE_URL: cluster.url, SOURCES_DIR: SOURCES_DIR ?? "", SEEDS_DIR: join(seeds, "seeds"), WORKERS: "1" },
      { onOutput: (output) => /start-up failed/.test(output) && failedOnce() },
    );
    let late: SpawnedServer | undefined;
    try {
      // PostgreSQL comes back only once a worker has tried and failed (on a loaded machine tsx alone can
      // take many seconds to compile the server), so the test always sees the retry.
      await Promise.race([firstFailure, new Promise((resolve) => setTimeout(resolve, 60_000))]);
      cluster.start();
      const up = performance.now();
      late = await starting;
      const ms = Math.round(performance.now() - up);
      console.log(`database down at start: listening ${ms} ms after PostgreSQL came up; ${(late.output().match(/start-up failed/g) ?? []).length} failed starts before`);
      expect(late.output()).toMatch(/start-up failed: Error ECONNREFUSED/);
      expect(ms).toBeLessThan(15_000);
      expect((await fetch(`${late.url}/health`)).status).toBe(200);
    } finally {
      await (late ?? (await starting.catch(() => undefined)))?.stop();
    }
  }, 120_000);
});

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
