/**
 * Two server processes on one PostgreSQL and one Redis (REDIS_URL), as a deployment with two
 * instances behind a load balancer runs: an answer one made is served by the other from the shared
 * cache, a re-seed retires both caches, a review made through one is due on the other, and a rate
 * limit counts requests to both. Needs PostgreSQL (DATABASE_URL) and the Redis on 127.0.0.1:6379;
 * skipped otherwise (the PGlite run of the suite).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { connect } from "../../server/db/connect.ts";
import { LIMITS } from "../../server/http/limits.ts";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { copyOfSeeds, SOURCES_DIR } from "../support/seed-paths.ts";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.ts";
import { dropRedisKeysOf, REDIS_URL, redisUp } from "../support/local-redis.ts";
import { createScratchPostgres, onPostgres } from "../support/test-database.ts";

let a: SpawnedServer | undefined;
let b: SpawnedServer | undefined;
let scratch: { url: string; drop: () => Promise<void> } | undefined;
/** startLearner calls made so far from this address (127.0.0.1): the hourly limit counts all of them. */
let learnersStarted = 0;

interface Answer<T> {
  status: number;
  cache: string | null;
  text: string;
  data: T | undefined;
  errors: { message: string; extensions?: { code?: string } }[] | undefined;
}

async function post<T>(server: SpawnedServer | undefined, query: string, options: { token?: string; variables?: Record<string, unknown> } = {}): Promise<Answer<T>> {
  const response = await fetch(`${server?.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify({ query, ...(options.variables ? { variables: options.variables } : {}) }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: T; errors?: Answer<T>["errors"] };
  return { status: response.status, cache: response.headers.get("x-cache"), text, data: body.data, errors: body.errors };
}

async function startLearner(server: SpawnedServer | undefined): Promise<Answer<{ startLearner: { token: string } }>> {
  learnersStarted++;
  return post<{ startLearner: { token: string } }>(server, "mutation { startLearner { token } }");
}

const DOCKER = `{ concept(slug: "docker") { name summary } }`;
const PROGRESS = `query ($id: ID!) { flashcard(id: $id) { progress { state reps due } } }`;
const REVIEW = `mutation ($card: ID!, $rating: Rating!, $id: ID!) { review(cardId: $card, rating: $rating, reviewId: $id) { cardId reps due } }`;
type Docker = { concept: { name: string; summary: string } };
type Progress = { flashcard: { progress: { state: string; reps: number; due: string } } };

describe.skipIf(!onPostgres || !redisUp)("two server processes on one PostgreSQL and Redis (skipped without DATABASE_URL or a Redis on 127.0.0.1:6379)", () => {
  beforeAll(async () => {
    scratch = await createScratchPostgres();
    const env = { DATABASE_URL: scratch.url, REDIS_URL, WORKERS: "0" };
    // One after the other: the first migrates and seeds, the second finds it done.
    a = await spawnServer(env);
    b = await spawnServer(env);
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    if (scratch) {
      // What the two left in Redis (cached answers, counts) is under the scratch database's namespace.
      await dropRedisKeysOf(scratch.url);
      await scratch.drop();
    }
  });

  it("serves an answer one instance made from the shared cache on the other", async () => {
    const made = await post<Docker>(a, DOCKER);
    expect(made.status).toBe(200);
    expect(made.errors).toBeUndefined();
    expect(made.data?.concept.name).toBe("Docker");
    expect(made.cache).toBeNull();

    const shared = await post<Docker>(b, DOCKER);
    expect(shared.cache).toBe("hit-shared");
    expect(shared.text).toBe(made.text);

    const kept = await post<Docker>(b, DOCKER);
    expect(kept.cache).toBe("hit-memory");
    expect(kept.text).toBe(made.text);
  });

  it("retires both instances' cached answers when the graph is re-seeded, keeping learners' data", async () => {
    // A learner's review from before the re-seed.
    const token = (await startLearner(a)).data?.startLearner.token as string;
    expect(token).toBeTruthy();
    const reviewed = await post(a, REVIEW, { token, variables: { card: "term:docker", rating: "GOOD", id: "before-reseed" } });
    expect(reviewed.errors).toBeUndefined();

    // Both hold the summary (from the first test, or made now).
    const before = (await post<Docker>(a, DOCKER)).data?.concept.summary as string;
    expect(before).toBeTruthy();
    expect((await post<Docker>(a, DOCKER)).cache).toBe("hit-memory");
    expect((await post<Docker>(b, DOCKER)).cache).toMatch(/^hit-/);
    expect((await post<Docker>(b, DOCKER)).cache).toBe("hit-memory");

    // Re-seeded from outside both instances (as `npm run seed` would), with docker's summary changed.
    const dir = copyOfSeeds();
    const file = join(dir, "concepts/container-tools.yaml");
    const seeds = parseDocument(readFileSync(file, "utf8"));
    const index = (seeds.toJS() as { slug: string }[]).findIndex((concept) => concept.slug === "docker");
    expect(index).toBeGreaterThanOrEqual(0);
    const after = `Re-seeded: ${before}`;
    seeds.setIn([index, "summary"], after);
    writeFileSync(file, seeds.toString());
    const database = await connect({ databaseUrl: scratch?.url, maxConnections: 2 });
    try {
      await seed(database.db, { seedsDir: dir, sourcesDir: SOURCES_DIR });
    } finally {
      await database.close();
    }

    // Each instance answers the new summary (polled every 100 ms, for 10 s at most).
    const seen = await Promise.all(
      [a, b].map(async (server) => {
        const deadline = Date.now() + 10_000;
        for (;;) {
          const summary = (await post<Docker>(server, DOCKER)).data?.concept.summary ?? "";
          if (summary === after || Date.now() > deadline) return summary;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }),
    );
    expect(seen).toEqual([after, after]);

    // The learner's review is still there, through either instance.
    for (const server of [a, b]) {
      const exported = await post<{ exportProgress: string }>(server, "{ exportProgress }", { token });
      const reviews = (JSON.parse(exported.data?.exportProgress ?? "{}") as { reviews?: { cardId: string }[] }).reviews ?? [];
      expect(reviews.map((r) => r.cardId)).toEqual(["term:docker"]);
    }
  });

  it("makes a review through one instance due on the other", async () => {
    const started = await startLearner(a);
    expect(started.errors).toBeUndefined();
    const token = started.data?.startLearner.token as string;
    const reviewed = await post<{ review: { reps: number; due: string } }>(a, REVIEW, { token, variables: { card: "term:docker", rating: "AGAIN", id: "r1" } });
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data?.review.reps).toBe(1);

    const elsewhere = await post<Progress>(b, PROGRESS, { token, variables: { id: "term:docker" } });
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data?.flashcard.progress.reps).toBe(1);
    expect(elsewhere.data?.flashcard.progress.state).not.toBe("NEW");
    expect(elsewhere.data?.flashcard.progress.due).toBe(reviewed.data?.review.due);
    expect(new Date(elsewhere.data?.flashcard.progress.due ?? 0).getTime()).toBeLessThan(Date.now() + 60 * 60_000);
  });

  it("counts a client's new learners on both instances together against one limit", async () => {
    // The limit is per address and hour; this scratch database's namespace starts every count at
    // zero, and the tests above started some learners from this address already.
    const statuses: number[] = [];
    while (learnersStarted < LIMITS.startLearnerPerHour) {
      const answer = await startLearner(learnersStarted % 2 === 0 ? a : b);
      statuses.push(answer.status);
      expect(answer.errors).toBeUndefined();
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    for (const server of [a, b, a]) {
      const refused = await startLearner(server);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
      expect(refused.data?.startLearner).toBeFalsy();
    }
  });
});
