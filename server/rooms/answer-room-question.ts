/**
 * A player's answer, graded on the server. Taken only while its question is open: the insert
 * itself checks the room (so an answer racing the host's "reveal" or the deadline cannot slip in
 * after it), and the primary key refuses a second answer. When the last player has answered, the
 * question closes at once rather than keep the class waiting for the countdown.
 */
import { and, eq, sql } from "drizzle-orm";
import { roomAnswers, roomPlayers, rooms } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import { queryRows } from "../db/query-rows.ts";
import { displayRoomCode } from "./room-code.ts";
import { roomError } from "./room-errors.ts";
import { roomPhase } from "./room-phase.ts";
import { answerPoints } from "./room-scoring.ts";
import type { RoomRow, RoomStatus } from "./room-snapshot.ts";

export interface GivenAnswer {
  questionId: string;
  choiceId: string;
}

export async function answerRoomQuestion(db: Db, room: RoomRow, playerId: number, given: GivenAnswer, now: Date): Promise<void> {
  const shown = displayRoomCode(room.code);
  if (room.status === "closed") throw roomError("ROOM_CLOSED", `Room ${shown} is closed: answers are no longer taken.`);
  if (room.status === "finished") throw roomError("ROOM_FINISHED", `The quiz in room ${shown} is over: answers are no longer taken.`);
  if (room.status === "lobby") throw roomError("WRONG_PHASE", "The quiz has not started yet: wait for the first question.");
  const index = room.questions.findIndex((q) => q.id === given.questionId);
  const question = room.questions[room.currentIndex];
  if (index >= 0 && index < room.currentIndex) throw roomError("LATE_ANSWER", `Question ${index + 1} is closed: answers to it are no longer taken.`);
  if (!question || index !== room.currentIndex) throw roomError("NOT_CURRENT_QUESTION", "That is not the question being asked.");
  if (roomPhase(room.status as RoomStatus, room.questionEndsAt, now.getTime()) !== "QUESTION") {
    throw roomError("LATE_ANSWER", `Time is up for question ${index + 1}: answers are no longer taken.`);
  }
  if (!question.choices.some((c) => c.id === given.choiceId)) throw roomError("UNKNOWN_CHOICE", "That choice is not one of the question's choices.");
  const correct = question.correctChoiceId === given.choiceId;
  const elapsedMs = Math.max(0, now.getTime() - (room.questionStartedAt ?? now).getTime());
  const points = answerPoints(correct, elapsedMs, room.seconds * 1000);
  const saved = await queryRows<{ player_id: number }>(
    db,
    sql`insert into ${roomAnswers} (room_id, player_id, question_index, choice_id, correct, points, elapsed_ms, answered_at)
        select ${room.id}, ${playerId}, ${index}, ${given.choiceId}, ${correct}, ${points}, ${elapsedMs}, ${now.toISOString()}::timestamptz
        where exists (select 1 from ${rooms} where id = ${room.id} and status = 'question' and current_index = ${index} and question_ends_at > ${now.toISOString()}::timestamptz)
        on conflict do nothing
        returning player_id`,
  );
  if (saved.length === 0) {
    const [earlier] = await db
      .select({ choiceId: roomAnswers.choiceId })
      .from(roomAnswers)
      .where(and(eq(roomAnswers.playerId, playerId), eq(roomAnswers.questionIndex, index)))
      .limit(1);
    if (earlier) throw roomError("ALREADY_ANSWERED", `You already answered question ${index + 1}: one answer per question.`);
    throw roomError("LATE_ANSWER", `Time is up for question ${index + 1}: answers are no longer taken.`);
  }
  const everyone = sql`${rooms.status} = 'question' and (select count(*) from ${roomAnswers} where room_id = ${room.id} and question_index = ${index}) >= (select count(*) from ${roomPlayers} where room_id = ${room.id})`;
  await db
    .update(rooms)
    .set({
      version: sql`${rooms.version} + 1`,
      status: sql`case when ${everyone} then 'reveal' else ${rooms.status} end`,
      questionEndsAt: sql`case when ${everyone} then ${now.toISOString()}::timestamptz else ${rooms.questionEndsAt} end`,
    })
    .where(and(eq(rooms.id, room.id), eq(rooms.currentIndex, index)));
}
