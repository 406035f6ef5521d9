/**
 * Room events through Redis (REDIS_URL): each change's snapshot is published once on a Redis
 * channel and every instance subscribed to that room gets it as it is, without reading the room
 * again (the PostgreSQL channel otherwise used only says "room 12 changed"). graphql-yoga's own
 * event target over the instance's two connections, its channels ("room:12") put under the
 * deployment's namespace.
 *
 * While Redis is away events are lost; screens catch up with the next change or when they
 * reconnect, as after any drop.
 */
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import type { RoomEventTarget } from "../rooms/room-events.ts";
import type { RedisClients } from "./connect-redis.ts";

type EventTargetLike = NonNullable<RoomEventTarget>;

export function redisRoomEvents(redis: RedisClients): EventTargetLike {
  const target = createRedisEventTarget({ publishClient: redis.commands, subscribeClient: redis.subscriber }) as EventTargetLike;
  const channel = (topic: string) => `${redis.namespace}${topic}`;
  return {
    addEventListener: (topic, listener) => target.addEventListener(channel(topic), listener),
    removeEventListener: (topic, listener) => target.removeEventListener(channel(topic), listener),
    // Published here, as the target would (JSON, "" for no detail), but with the outcome handled: the
    // target's own publish is never awaited, so with Redis away its rejection went unhandled and
    // ended the process at the first room change.
    dispatchEvent: (event) => {
      const detail = (event as CustomEvent).detail;
      redis.commands.publish(channel(event.type), detail === undefined ? "" : JSON.stringify(detail)).catch(() => {});
      return true;
    },
  };
}
