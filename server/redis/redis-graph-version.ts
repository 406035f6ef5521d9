/**
 * Re-seeds announced through Redis as well (REDIS_URL): every instance that learns of a new graph
 * version (from the database's NOTIFY, its own poll, or its own seed) says so on the deployment's
 * channel, and every instance listening there switches at once. The database's channel alone
 * reaches only instances connected to the primary that seeded.
 */
import type { VersionChannel } from "../graph-version.ts";
import type { RedisClients } from "./connect-redis.ts";

export function redisVersionChannel(redis: RedisClients): VersionChannel {
  const channel = `${redis.namespace}graph-version`;
  return {
    announce(version) {
      redis.commands.publish(channel, version).catch(() => {
        // Redis away: the database's NOTIFY and the poll still reach every instance.
      });
    },
    async listen(onVersion) {
      const onMessage = (from: string, message: string) => {
        if (from === channel) onVersion(message);
      };
      redis.subscriber.on("message", onMessage);
      // Not awaited: with Redis away at start-up the subscription waits for it (ioredis sends it on
      // connecting, and again after every reconnect) while the instance starts without it.
      redis.subscriber.subscribe(channel).catch(() => {});
      return async () => {
        redis.subscriber.off("message", onMessage);
        // Not awaited: with Redis away it waits for a connection forever, and held up shutting down.
        redis.subscriber.unsubscribe(channel).catch(() => {});
      };
    },
  };
}
