/**
 * An instance whose Redis (REDIS_URL) goes away keeps serving: rooms change, public reads are
 * answered, learners start; it uses Redis again once it is back, and still shuts down cleanly while
 * it is away. The server reaches the local Redis through a TCP relay in this test, which is cut to
 * take Redis away (the real one, shared with other tests, never stops). Needs PostgreSQL
 * (DATABASE_URL) and the Redis on 127.0.0.1:6379; skipped otherwise.
 */
import { connect as connectSocket, createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisNamespace } from "../../server/redis/connect-redis.ts";
import { JOIN, OPEN, SUBSCRIBE, type Session, type View } from "../rooms/room-operations.ts";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.ts";
import { subscribe } from "../support/sse-subscription.ts";
import { createScratchPostgres, onPostgres } from "../support/test-database.ts";
import { dropRedisKeysOf, REDIS_URL, redisUp } from "../support/local-redis.ts";

const redisAddress = { host: new URL(REDIS_URL).hostname, port: Number(new URL(REDIS_URL).port || 6379) };

/** A TCP relay to the real Redis on `port` (0: any), cut with `cut()`. */
async function relay(port = 0): Promise<{ port: number; cut: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connectSocket(redisAddress.port, redisAddress.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => (client.destroy(), upstream.destroy()));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

let server: SpawnedServer | undefined;
let scratch: { url: string; drop: () => Promise<void> } | undefined;
let link: Awaited<ReturnType<typeof relay>> | undefined;

async function call<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; data: T | undefined; errors: unknown }> {
  const response = await fetch(`${server?.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, T>; errors?: unknown };
  return { status: response.status, data: Object.values(body.data ?? {})[0], errors: body.errors };
}

describe.skipIf(!onPostgres || !redisUp)("an instance whose Redis goes away (skipped without DATABASE_URL or a Redis on 127.0.0.1:6379)", () => {
  beforeAll(async () => {
    scratch = await createScratchPostgres();
    link = await relay();
    server = await spawnServer({ DATABASE_URL: scratch.url, REDIS_URL: `redis://127.0.0.1:${link.port}`, WORKERS: "0" });
  });

  afterAll(async () => {
    await link?.cut();
    if (server) await server.stop();
    if (scratch) {
      await dropRedisKeysOf(scratch.url);
      await scratch.drop();
    }
  });

  it("keeps serving while Redis is away, and uses it again once it is back", async () => {
    const host = await call<Session>(OPEN, { kind: "TRUE_FALSE", count: 2, seed: 8, seconds: 120 });
    expect(host.errors).toBeUndefined();
    const code = host.data?.code;
    const screen = subscribe<{ room: View }>(server?.url as string, SUBSCRIBE, { code, token: host.data?.token });
    await screen.until((d) => d.room.phase === "LOBBY");

    await link?.cut();
    // Logged on stderr, which waitForOutput does not watch.
    for (const deadline = Date.now() + 10_000; !/Redis unreachable/.test(server?.output() ?? "") && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(server?.output()).toMatch(/Redis unreachable/);
    // A room change is published through Redis: lost while it is away, but the change is made.
    const joined = await call<Session>(JOIN, { code, nickname: "Ada" });
    expect(joined.errors).toBeUndefined();
    expect(joined.status).toBe(200);
    const read = await call<{ name: string }>(`{ concept(slug: "kubernetes") { name } }`);
    expect(read.data?.name).toBe("Kubernetes");
    const started = await call<{ token: string }>("mutation { startLearner { token } }");
    expect(started.errors).toBeUndefined();
    screen.close();
    // The room event's publish gives up after a reconnect attempt (within a second): still serving after it.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await call<{ name: string }>(`{ concept(slug: "docker") { name } }`)).data?.name).toBe("Docker");
    expect(server?.output()).not.toMatch(/exiting/);

    // Back: answers are shared through Redis again (ioredis reconnects within 2 s).
    link = await relay(link?.port);
    const redis = new Redis(REDIS_URL);
    try {
      const stored = () => redis.keys(`${redisNamespace(scratch?.url as string)}response:*`).then((keys) => keys.length);
      const before = await stored();
      const deadline = Date.now() + 10_000;
      let count = before;
      for (let i = 0; count === before && Date.now() < deadline; i++) {
        // A new request each time (the alias), so each is a miss this process offers to Redis.
        await call(`{ a${i}: concept(slug: "docker") { name } }`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        count = await stored();
      }
      expect(count).toBeGreaterThan(before);
    } finally {
      await redis.quit();
    }
  });

  it("shuts down cleanly while Redis is away", async () => {
    await link?.cut();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stopping = server as SpawnedServer;
    server = undefined;
    const started = Date.now();
    const code = await Promise.race([stopping.stop(), new Promise((resolve) => setTimeout(() => resolve("still running after 15 s"), 15_000))]);
    if (code === "still running after 15 s" && stopping.pid) process.kill(stopping.pid, "SIGKILL");
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
