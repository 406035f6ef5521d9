/**
 * Room events. After every change, the process that made it reads the room once and hands the
 * snapshot to its own subscribers, then says "room 12 is at version 40" on a PostgreSQL channel
 * (NOTIFY); every other process with subscribers in that room reads it once in turn and hands it
 * to its own. So the workers of one server, or several servers on one database, keep every screen
 * current, whichever process a player's connection landed on, and the message stays tiny (NOTIFY
 * carries at most 8000 bytes; a room of 200 players is more). Each subscriber then makes its own
 * viewer's view (room-stream.ts): one read per change and process, however many players watch.
 */
import { setMaxListeners } from "node:events";
import { sql } from "drizzle-orm";
import { createPubSub, type PubSub, type Repeater } from "graphql-yoga";
import type { Database, Db } from "../db/connect.ts";
import { logError } from "../http/safe-log.ts";
import { loadRoomSnapshot, type RoomSnapshot } from "./room-snapshot.ts";

export const ROOM_CHANNEL = "graphdeck_rooms";

export type RoomEventMap = { room: [roomId: number, snapshot: RoomSnapshot] };
export type RoomEventTarget = NonNullable<Parameters<typeof createPubSub<RoomEventMap>>[0]>["eventTarget"];

export interface RoomSubscription {
  changes: Repeater<RoomSnapshot>;
  /** Call once the subscriber is gone. */
  release(): void;
}

export interface RoomBus {
  /** Reads the room as it is now, tells its subscribers here and in every other process, and hands the snapshot back. */
  publish(roomId: number): Promise<RoomSnapshot>;
  subscribe(roomId: number): RoomSubscription;
  /** Stops listening to the other processes. */
  close(): Promise<void>;
}

export interface RoomBusOptions {
  /** PostgreSQL's LISTEN (Database.listen); without it, events stay in this process. */
  listen?: Database["listen"] | undefined;
  /**
   * An event target every instance shares (Redis, see redis-room-events.ts): snapshots travel
   * through it whole, and the database channel is not used.
   */
  shared?: RoomEventTarget;
}

export function createRoomBus(db: Db, options: RoomBusOptions = {}): RoomBus {
  const shared = options.shared;
  let target = shared;
  if (!target) {
    // Every player of a room listens to the room's one event name: hundreds of listeners are normal.
    const local = new EventTarget();
    setMaxListeners(0, local);
    target = local as RoomEventTarget;
  }
  const pubsub: PubSub<RoomEventMap> = createPubSub<RoomEventMap>({ eventTarget: target });
  /** Subscribers here, by room; only those rooms are read when another process announces a change. */
  const watchers = new Map<number, number>();
  /** The version last handed to this process's subscribers, by watched room. */
  const delivered = new Map<number, number>();
  const reading = new Map<number, Promise<void>>();
  const readAgain = new Set<number>();

  const deliver = (snapshot: RoomSnapshot) => {
    // Through a shared target the snapshot reaches every instance's subscribers (their streams drop old ones).
    if (shared) return pubsub.publish("room", snapshot.id, snapshot);
    if (!watchers.has(snapshot.id) || snapshot.version <= (delivered.get(snapshot.id) ?? -1)) return;
    delivered.set(snapshot.id, snapshot.version);
    pubsub.publish("room", snapshot.id, snapshot);
  };

  /** Reads a room for this process's subscribers; changes announced meanwhile make one more read, not one each. */
  const refresh = (roomId: number) => {
    if (reading.has(roomId)) {
      readAgain.add(roomId);
      return;
    }
    const read = (async () => {
      do {
        readAgain.delete(roomId);
        deliver(await loadRoomSnapshot(db, roomId));
      } while (readAgain.has(roomId));
    })()
      .catch((error: unknown) => logError("reading a room another process changed", error))
      .finally(() => reading.delete(roomId));
    reading.set(roomId, read);
  };

  const unlisten = (shared ? undefined : options.listen)?.(ROOM_CHANNEL, (payload) => {
    const [room, version] = payload.split(":").map(Number);
    if (room === undefined || version === undefined || !watchers.has(room) || version <= (delivered.get(room) ?? -1)) return;
    refresh(room);
  });
  unlisten?.catch((error: unknown) => logError("listening for room changes", error));

  /**
   * Reads a room and tells everyone, for a change just saved. Changes saved together (200 answers
   * in the same second) share reads: while one read runs, every caller waits for the one read
   * queued after it, which sees all their changes; never more than two per room at a time.
   */
  const running = new Map<number, Promise<RoomSnapshot>>();
  const queued = new Map<number, Promise<RoomSnapshot>>();
  const announce = async (roomId: number): Promise<RoomSnapshot> => {
    const snapshot = await loadRoomSnapshot(db, roomId);
    deliver(snapshot);
    if (shared) return snapshot;
    try {
      await db.execute(sql`select pg_notify(${ROOM_CHANNEL}, ${`${roomId}:${snapshot.version}`})`);
    } catch (error) {
      // The change is saved; other processes' screens catch up with the next change or a reconnect.
      logError("announcing a room change", error);
    }
    return snapshot;
  };
  const start = (roomId: number): Promise<RoomSnapshot> => {
    const read = announce(roomId).finally(() => {
      if (running.get(roomId) === read) running.delete(roomId);
    });
    running.set(roomId, read);
    return read;
  };

  return {
    publish: (roomId) => {
      const current = running.get(roomId);
      if (!current) return start(roomId);
      let next = queued.get(roomId);
      if (!next) {
        next = current
          .catch(() => undefined)
          .then(() => {
            queued.delete(roomId);
            return start(roomId);
          });
        queued.set(roomId, next);
      }
      return next;
    },
    subscribe: (roomId) => {
      watchers.set(roomId, (watchers.get(roomId) ?? 0) + 1);
      let released = false;
      return {
        changes: pubsub.subscribe("room", roomId),
        release: () => {
          if (released) return;
          released = true;
          const left = (watchers.get(roomId) ?? 1) - 1;
          if (left > 0) watchers.set(roomId, left);
          else {
            watchers.delete(roomId);
            delivered.delete(roomId);
          }
        },
      };
    },
    close: async () => {
      try {
        await (await unlisten)?.();
      } catch {
        // The connection is already closed (shutting down): nothing is listening any more.
      }
    },
  };
}
