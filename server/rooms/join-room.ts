/** A player takes a seat: a nickname unique in the room (whatever the case) and a token of their own. */
import { and, count, eq, sql } from "drizzle-orm";
import { roomPlayers, rooms } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import { hashToken } from "../study/learners/learner-tokens.ts";
import { displayRoomCode } from "./room-code.ts";
import { roomError } from "./room-errors.ts";
import { findRoom, newRoomToken } from "./room-seat.ts";
import type { RoomRow } from "./room-snapshot.ts";

/** More than a class, fewer than would make every room event heavy. */
export const MAX_PLAYERS = 300;

/** Two nicknames are the same if they differ only by case, width or spacing. */
export function nicknameKey(nickname: string): string {
  return nickname.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
}

/** Whether a room still takes players (and answers): not once its quiz is over or it is closed. */
export function assertOpen(room: RoomRow): void {
  const shown = displayRoomCode(room.code);
  if (room.status === "closed") throw roomError("ROOM_CLOSED", `Room ${shown} is closed: ask your host for the code of a new one.`);
  if (room.status === "finished") throw roomError("ROOM_FINISHED", `The quiz in room ${shown} is over: ask your host for the code of a new one.`);
}

export async function joinRoom(db: Db, code: string, nickname: string): Promise<{ room: RoomRow; token: string; playerId: number }> {
  const room = await findRoom(db, code);
  assertOpen(room);
  const [seated] = await db.select({ n: count() }).from(roomPlayers).where(eq(roomPlayers.roomId, room.id));
  if ((seated?.n ?? 0) >= MAX_PLAYERS) throw roomError("ROOM_FULL", `Room ${displayRoomCode(room.code)} is full (${MAX_PLAYERS} players).`);
  const token = newRoomToken();
  const [player] = await db
    .insert(roomPlayers)
    .values({ roomId: room.id, nickname, nicknameKey: nicknameKey(nickname), tokenHash: hashToken(token) })
    .onConflictDoNothing()
    .returning({ id: roomPlayers.id });
  if (!player) throw roomError("NICKNAME_TAKEN", `Someone in this room is already called "${nickname}": pick another nickname.`);
  await db.update(rooms).set({ version: sql`${rooms.version} + 1` }).where(and(eq(rooms.id, room.id)));
  return { room, token, playerId: player.id };
}
