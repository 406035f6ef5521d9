/**
 * Rate limits shared through Redis (RATE_LIMIT_REDIS_URL): two servers on one
 * database — two workers, or two machines — count a client's writes together;
 * and when Redis is unreachable the limits fall back to each process's memory
 * instead of failing requests. Needs the Redis on 127.0.0.1:6379 (skipped
 * without it).
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRedisRateLimiter } from "../../server/graphql/plugins/redis-rate-limit.ts";
import { trackGraphVersion, type GraphVersion } from "../../server/graph-version.ts";
import { createHttpServer, type GraphdeckServer } from "../../server/http/create-server.ts";
import { LIMITS } from "../../server/http/limits.ts";
import { redisAnswers } from "../support/local-redis.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const REDIS_URL = process.env.RATE_LIMIT_REDIS_URL || "redis://127.0.0.1:6379";
const redisUp = await redisAnswers(REDIS_URL);

let database: TestDatabase;
let graphVersion: GraphVersion;
const servers: GraphdeckServer[] = [];
const limiters: { close(): void }[] = [];

async function serve(redisUrl: string, prefix: string): Promise<string> {
  const rateLimiter = createRedisRateLimiter(redisUrl, prefix);
  limiters.push(rateLimiter);
  const server = createHttpServer({ database, graphVersion, rateLimiter });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const startLearner = async (url: string) =>
  (await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "mutation { startLearner { token } }" }) })).status;

beforeAll(async () => {
  database = await createTestDatabase();
  graphVersion = await trackGraphVersion(database);
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
  for (const limiter of limiters) limiter.close();
  await graphVersion?.stop();
  await database?.drop();
});

describe.skipIf(!redisUp)("rate limits in Redis (skipped when no Redis answers on 127.0.0.1:6379)", () => {
  it("counts one window in Redis: allowed up to the limit, then the seconds to wait", async () => {
    const limiter = createRedisRateLimiter(REDIS_URL, `graphdeck-test:${randomBytes(6).toString("hex")}:`);
    limiters.push(limiter);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) waits.push(await limiter.hit("k", 3, 60_000));
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThan(50);
    expect(waits[3]).toBeLessThanOrEqual(60);
  });

  it(`two servers share startLearner's ${LIMITS.startLearnerPerHour} an hour per address`, async () => {
    const prefix = `graphdeck-test:${randomBytes(6).toString("hex")}:`;
    const [a, b] = [await serve(REDIS_URL, prefix), await serve(REDIS_URL, prefix)];
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.startLearnerPerHour + 1; i++) statuses.push(await startLearner(i % 2 ? (b as string) : (a as string)));
    expect(statuses.slice(0, LIMITS.startLearnerPerHour).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Either server now refuses this address.
    expect(await startLearner(a as string)).toBe(429);
  }, 60_000);
});

describe("Redis unreachable", () => {
  it("counts in memory instead: requests are answered, limits still hold per process", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const url = await serve("redis://127.0.0.1:1", "graphdeck-test:");
      expect(await startLearner(url)).toBe(200);
      const statuses: number[] = [];
      for (let i = 0; i < LIMITS.startLearnerPerHour; i++) statuses.push(await startLearner(url));
      expect(statuses.at(-1)).toBe(429);
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  }, 60_000);
});
