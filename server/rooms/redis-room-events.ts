/**
 * Room events through Redis (REDIS_URL): each change's snapshot is published once on a Redis
 * channel and every instance subscribed to that room gets it as it is, without reading the room
 * again (the PostgreSQL channel otherwise used only says "room 12 changed"). graphql-yoga's own
 * event target, over two ioredis connections (a subscribing connection can do nothing else).
 */
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";
import { logError } from "../http/safe-log.ts";
import type { RoomEventTarget } from "./room-events.ts";

export interface RedisRoomEvents {
  eventTarget: NonNullable<RoomEventTarget>;
  close(): Promise<void>;
}

export function createRedisRoomEvents(url: string): RedisRoomEvents {
  // Reconnects by itself (pauses up to 2 s); meanwhile events are lost, and screens catch up with
  // the next change or when they reconnect, as after any drop.
  const options = { retryStrategy: (attempt: number) => Math.min(2000, 50 * 2 ** attempt), maxRetriesPerRequest: 2 };
  const publishClient = new Redis(url, options);
  const subscribeClient = new Redis(url, options);
  for (const client of [publishClient, subscribeClient]) client.on("error", (error: unknown) => logError("room events in Redis", error));
  return {
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) as NonNullable<RoomEventTarget>,
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
