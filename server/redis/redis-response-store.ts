/**
 * The response cache's second level in Redis (REDIS_URL): an answer one instance made is served by
 * every other from Redis instead of being made again. Keys are the memory cache's keys (a SHA-256
 * of the graph version and the request), so a re-seed retires them by itself: new requests ask for
 * new keys, and the old entries expire with their time to live.
 *
 * Stored as [4-byte length of the JSON head][head: status and headers][body]. Any failure (Redis
 * away, a command past its 250 ms) is a miss: the answer is then made here, as without Redis.
 */
import type { Redis } from "ioredis";
import type { SharedResponseStore, StoredResponse } from "../http/response-cache.ts";

export function redisResponseStore(redis: Redis, namespace: string): SharedResponseStore {
  const prefix = `${namespace}response:`;
  return {
    async get(key) {
      // Not connected (yet, or any more): asking would only queue the command until it times out.
      if (redis.status !== "ready") return undefined;
      try {
        const raw = await redis.getBuffer(prefix + key);
        return raw ? decode(raw) : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, response, ttlMs) {
      if (redis.status !== "ready") return;
      redis.set(prefix + key, encode(response), "PX", ttlMs).catch(() => {
        // Not shared this time: the next instance to miss makes it again.
      });
    },
  };
}

function encode(response: StoredResponse): Buffer {
  const head = Buffer.from(JSON.stringify({ status: response.status, headers: response.headers }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  return Buffer.concat([length, head, response.body]);
}

function decode(raw: Buffer): StoredResponse | undefined {
  if (raw.length < 4) return undefined;
  const headLength = raw.readUInt32BE(0);
  if (raw.length < 4 + headLength) return undefined;
  const head = JSON.parse(raw.toString("utf8", 4, 4 + headLength)) as { status: number; headers: Record<string, string> };
  return { status: head.status, headers: head.headers, body: raw.subarray(4 + headLength) };
}
