/**
 * An instance's connections to Redis when REDIS_URL is set: one for commands (the shared response
 * cache, publishing) and one that only subscribes (a subscribing Redis connection can do nothing
 * else). The response cache, the graph version and live rooms' events share them.
 *
 * Everything this deployment puts in Redis is under one namespace made from its database's
 * address: two deployments (or two test databases) on one Redis never read each other's cached
 * answers or room events, whose ids only mean something in their own database.
 */
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { describeError } from "../http/safe-log.ts";

export interface RedisClients {
  commands: Redis;
  subscriber: Redis;
  /** "graphdeck:<12 hex>:", the prefix of every key and channel of this deployment. */
  namespace: string;
  close(): Promise<void>;
}

/** The database an instance serves, without credentials: a PostgreSQL URL's host, port and name, or PGlite's folder. */
export function redisNamespace(databaseIdentity: string): string {
  let identity = databaseIdentity;
  try {
    const url = new URL(databaseIdentity);
    identity = `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    // Not a URL: PGlite's data folder, used as it is.
  }
  return `graphdeck:${createHash("sha256").update(identity).digest("hex").slice(0, 12)}:`;
}

export function connectRedis(url: string, databaseIdentity: string): RedisClients {
  // Both reconnect by themselves (pauses up to 2 s). Commands wait at most 250 ms: a slow or absent
  // Redis makes a cache lookup a miss, never a slow answer.
  const retryStrategy = (attempt: number) => Math.min(2000, 50 * 2 ** attempt);
  const commands = new Redis(url, { retryStrategy, maxRetriesPerRequest: 1, commandTimeout: 250 });
  // Subscriptions wait for a connection as long as it takes, and are made again after each reconnect.
  const subscriber = new Redis(url, { retryStrategy, maxRetriesPerRequest: null });
  // ioredis reports every failed reconnect; one line per outage is enough.
  let quietUntil = 0;
  const report = (error: unknown) => {
    if (Date.now() < quietUntil) return;
    quietUntil = Date.now() + 30_000;
    // Not logError: that would call a refused connection "database unavailable".
    console.warn(`Redis unreachable (retrying; answers are made without it meanwhile): ${describeError(error)}`);
  };
  commands.on("error", report);
  subscriber.on("error", report);
  return {
    commands,
    subscriber,
    namespace: redisNamespace(databaseIdentity),
    close: async () => {
      // QUIT waits for Redis to answer, forever while it is away: after a second the connections are
      // just dropped.
      await Promise.all(
        [commands, subscriber].map(async (client) => {
          const quit = client.quit().catch(() => {});
          await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
          client.disconnect();
        }),
      );
    },
  };
}
