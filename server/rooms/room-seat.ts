/**
 * Who is calling a room: its host or one of its players, told by the token they hold (the server
 * keeps only its hash, as for learners). Every room call starts here, so a mistyped code, a token
 * of another room, or a player pressing the host's buttons gets the same clear answer everywhere.
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { roomPlayers, rooms } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import { hashToken } from "../study/learners/learner-tokens.ts";
import { displayRoomCode, normalizeRoomCode } from "./room-code.ts";
import { roomError } from "./room-errors.ts";
import type { RoomRow } from "./room-snapshot.ts";
import type { RoomViewer } from "./room-view.ts";

export interface RoomSeat {
  room: RoomRow;
  viewer: RoomViewer;
}

export function newRoomToken(): string {
  return `gdr_${randomBytes(24).toString("base64url")}`;
}

export async function findRoom(db: Db, typedCode: string): Promise<RoomRow> {
  const code = normalizeRoomCode(typedCode.slice(0, 40));
  const [room] = code ? await db.select().from(rooms).where(eq(rooms.code, code)).limit(1) : [];
  if (!room) throw roomError("UNKNOWN_ROOM", `No room has the code "${typedCode.trim().slice(0, 20)}": check it with your host (six letters and digits, like ${displayRoomCode("KX7QM3")}).`);
  return room;
}

export async function findSeat(db: Db, typedCode: string, token: string): Promise<RoomSeat> {
  const room = await findRoom(db, typedCode);
  const hash = hashToken(token.slice(0, 200));
  if (hash === room.hostTokenHash) return { room, viewer: { role: "HOST" } };
  const [player] = await db
    .select({ id: roomPlayers.id })
    .from(roomPlayers)
    .where(and(eq(roomPlayers.roomId, room.id), eq(roomPlayers.tokenHash, hash)))
    .limit(1);
  if (!player) throw roomError("NOT_IN_ROOM", `That token does not belong to room ${displayRoomCode(room.code)}: join it with a nickname first.`);
  return { room, viewer: { role: "PLAYER", playerId: player.id } };
}

/** The room, if the token is its host's; a player gets an error naming what only the host may do. */
export async function requireHost(db: Db, code: string, token: string, action: string): Promise<RoomRow> {
  const seat = await findSeat(db, code, token);
  if (seat.viewer.role !== "HOST") throw roomError("NOT_HOST", `Only the host can ${action}; you joined room ${displayRoomCode(seat.room.code)} as a player.`);
  return seat.room;
}

export async function requirePlayer(db: Db, code: string, token: string): Promise<{ room: RoomRow; playerId: number }> {
  const seat = await findSeat(db, code, token);
  if (seat.viewer.role !== "PLAYER") throw roomError("NOT_PLAYER", "The host does not answer: join the room as a player (with a nickname) to play.");
  return { room: seat.room, playerId: seat.viewer.playerId };
}
