/**
 * Room events: after every change, the process that made it reads the room once and publishes
 * the snapshot; each subscriber (on any process, once events go through a shared event target)
 * makes its own viewer's view of it. One read per change, however many players watch.
 */
import { createPubSub, type PubSub } from "graphql-yoga";
import type { Db } from "../db/connect.ts";
import { loadRoomSnapshot, type RoomSnapshot } from "./room-snapshot.ts";

export type RoomEventMap = { room: [roomId: number, snapshot: RoomSnapshot] };
export type RoomEvents = PubSub<RoomEventMap>;
export type RoomEventTarget = NonNullable<Parameters<typeof createPubSub<RoomEventMap>>[0]>["eventTarget"];

export function createRoomEvents(eventTarget?: RoomEventTarget): RoomEvents {
  return createPubSub<RoomEventMap>(eventTarget ? { eventTarget } : undefined);
}

/** Reads the room as it is now, tells its subscribers, and hands the snapshot back. */
export async function publishRoom(db: Db, events: RoomEvents, roomId: number): Promise<RoomSnapshot> {
  const snapshot = await loadRoomSnapshot(db, roomId);
  events.publish("room", roomId, snapshot);
  return snapshot;
}
