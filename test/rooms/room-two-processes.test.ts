/**
 * A room across two server processes on one PostgreSQL, with REDIS_URL: the host on one, a player
 * on the other, every change reaching both through Redis (with REDIS_URL the database's channel is
 * not used). Needs PostgreSQL (DATABASE_URL) and the Redis on 127.0.0.1:6379; skipped otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.ts";
import { subscribe } from "../support/sse-subscription.ts";
import { REDIS_URL, redisUp } from "../support/local-redis.ts";
import { createScratchPostgres, onPostgres } from "../support/test-database.ts";
import { ANSWER, control, JOIN, OPEN, SUBSCRIBE, type Session, type View } from "./room-operations.ts";

const servers: SpawnedServer[] = [];
let dropDatabase: (() => Promise<void>) | undefined;

async function call<T>(server: SpawnedServer, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, T>; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return Object.values(body.data ?? {})[0] as T;
}

describe.skipIf(!onPostgres || !redisUp)("a room over two server processes and Redis (skipped without DATABASE_URL or a Redis on 127.0.0.1:6379)", () => {
  beforeAll(async () => {
    const scratch = await createScratchPostgres();
    dropDatabase = scratch.drop;
    const env = { DATABASE_URL: scratch.url, REDIS_URL, WORKERS: "0" };
    // One after the other: the first migrates and seeds, the second finds it done.
    servers.push(await spawnServer(env));
    servers.push(await spawnServer(env));
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await dropDatabase?.();
  });

  it("keeps a player on one process in step with the host on the other", async () => {
    const [first, second] = servers as [SpawnedServer, SpawnedServer];
    const host = await call<Session>(first, OPEN, { kind: "TRUE_FALSE", count: 2, seed: 8, seconds: 120 });
    const ada = await call<Session>(second, JOIN, { code: host.code, nickname: "Ada" });
    const phone = subscribe<{ room: View }>(second.url, SUBSCRIBE, { code: host.code, token: ada.token });
    await phone.until((d) => d.room.phase === "LOBBY");
    const projector = subscribe<{ room: View }>(first.url, SUBSCRIBE, { code: host.code, token: host.token });
    await projector.until((d) => d.room.players.length === 1);
    await call(first, JOIN, { code: host.code, nickname: "Bob" });
    await phone.until((d) => d.room.players.length === 2);
    const started = await call<View>(first, control("startRoom"), { code: host.code, token: host.token });
    const asked = await phone.until((d) => d.room.phase === "QUESTION");
    expect(asked.room.question?.id).toBe(started.question?.id);
    await call(second, ANSWER, { code: host.code, token: ada.token, question: asked.room.question?.id, choice: asked.room.question?.choices[0]?.id });
    await projector.until((d) => d.room.answeredCount === 1);
    await call(first, control("revealAnswer"), { code: host.code, token: host.token });
    const shown = await phone.until((d) => d.room.phase === "REVEAL");
    expect(shown.room.myAnswer?.choiceId).toBe(asked.room.question?.choices[0]?.id);
    phone.close();
    projector.close();
  });
});
