/**
 * Replaying a quiz: a new room with the same questions, the host's token and every player's seat
 * (nickname and token) carried over, scores back to zero. The old room keeps its results and
 * points to the new one, so the players' screens follow without typing a code again.
 */
import { eq, sql } from "drizzle-orm";
import { roomPlayers, rooms } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import { insertRoom } from "./open-room.ts";
import type { RoomRow } from "./room-snapshot.ts";

export async function replayRoom(db: Db, room: RoomRow, hostToken: string): Promise<RoomRow> {
  const made = await insertRoom(db, {
    kind: room.quizKind,
    count: room.quizCount,
    seed: room.quizSeed,
    topic: room.quizTopic,
    questions: room.questions,
    seconds: room.seconds,
    hostToken,
  });
  await db.execute(
    sql`insert into ${roomPlayers} (room_id, nickname, nickname_key, token_hash)
        select ${made.id}, nickname, nickname_key, token_hash from ${roomPlayers} where room_id = ${room.id} order by id`,
  );
  await db
    .update(rooms)
    .set({ replayCode: made.code, version: sql`${rooms.version} + 1` })
    .where(eq(rooms.id, room.id));
  return made;
}
