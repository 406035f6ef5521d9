/**
 * The host's controls: start, reveal the answer early, move to the next question, close. Each is
 * one conditional UPDATE, so two clicks (or two host tabs) cannot skip a question: the second finds
 * the room already moved and is told so.
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { rooms } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import { displayRoomCode } from "./room-code.ts";
import { roomError } from "./room-errors.ts";
import { roomPhase } from "./room-phase.ts";
import type { RoomRow, RoomStatus } from "./room-snapshot.ts";

const bump = { version: sql`${rooms.version} + 1` };

function over(room: RoomRow): Error | null {
  if (room.status === "closed") return roomError("ROOM_CLOSED", `Room ${displayRoomCode(room.code)} is closed.`);
  if (room.status === "finished") return roomError("ROOM_FINISHED", `The quiz in room ${displayRoomCode(room.code)} is over: replay it to play again.`);
  return null;
}

function questionTimes(room: RoomRow, now: Date) {
  return { questionStartedAt: now, questionEndsAt: new Date(now.getTime() + room.seconds * 1000) };
}

export async function startRoom(db: Db, room: RoomRow, now: Date): Promise<void> {
  const [moved] = await db
    .update(rooms)
    .set({ status: "question", currentIndex: 0, ...questionTimes(room, now), ...bump })
    .where(and(eq(rooms.id, room.id), eq(rooms.status, "lobby")))
    .returning({ id: rooms.id });
  if (moved) return;
  throw over(room) ?? roomError("WRONG_PHASE", "The quiz has already started.");
}

export async function revealAnswer(db: Db, room: RoomRow, now: Date): Promise<void> {
  const phase = roomPhase(room.status as RoomStatus, room.questionEndsAt, now.getTime());
  if (phase === "REVEAL") return; // already shown (the countdown ran out, or a second click)
  if (phase === "LOBBY") throw roomError("WRONG_PHASE", "No question is open yet: start the quiz first.");
  if (phase !== "QUESTION") throw over(room) ?? roomError("WRONG_PHASE", "No question is open.");
  await db
    .update(rooms)
    .set({ status: "reveal", questionEndsAt: now, ...bump })
    .where(and(eq(rooms.id, room.id), eq(rooms.status, "question"), eq(rooms.currentIndex, room.currentIndex)));
}

export async function nextQuestion(db: Db, room: RoomRow, now: Date): Promise<void> {
  const phase = roomPhase(room.status as RoomStatus, room.questionEndsAt, now.getTime());
  if (phase === "LOBBY") throw roomError("WRONG_PHASE", "No question has been asked yet: start the quiz first.");
  if (phase === "QUESTION") throw roomError("WRONG_PHASE", `Question ${room.currentIndex + 1} is still open: reveal its answer first (or wait for the countdown).`);
  const problem = over(room);
  if (problem) throw problem;
  const index = room.currentIndex + 1;
  const last = index >= room.questions.length;
  const [moved] = await db
    .update(rooms)
    .set(last ? { status: "finished", ...bump } : { status: "question", currentIndex: index, ...questionTimes(room, now), ...bump })
    .where(and(eq(rooms.id, room.id), eq(rooms.currentIndex, room.currentIndex), inArray(rooms.status, ["question", "reveal"])))
    .returning({ id: rooms.id });
  if (!moved) throw roomError("WRONG_PHASE", "The room has already moved on (another click or another host tab).");
}

export async function closeRoom(db: Db, room: RoomRow): Promise<void> {
  await db
    .update(rooms)
    .set({ status: "closed", ...bump })
    .where(and(eq(rooms.id, room.id), ne(rooms.status, "closed")));
}
