/**
 * The Redis that the tests sharing state between server processes use (REDIS_URL, else the machine's
 * own on 127.0.0.1:6379), whether it answers (those tests are skipped when it does not), and clearing
 * what a scratch database's servers left in it.
 */
import { connect } from "node:net";
import { Redis } from "ioredis";
import { redisNamespace } from "../../server/redis/connect-redis.ts";

export const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";

/** Whether something accepts connections at a Redis URL's address. */
export function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port || 6379), hostname);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

export const redisUp = await redisAnswers(REDIS_URL);

/** Deletes every key the servers of one database put in Redis (all are under its namespace). */
export async function dropRedisKeysOf(databaseUrl: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${redisNamespace(databaseUrl)}*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
