/**
 * Everything about a room at one moment, read from the database in three statements: what every
 * view of the room is made from. Plain JSON (dates as ISO strings), because it is what room
 * events carry, across processes when events go through Redis. It holds the answers, so it never
 * leaves the server: room-view.ts makes each viewer's share of it.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { roomAnswers, roomPlayers, rooms, type RoomQuestionData } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import { queryRows } from "../db/query-rows.ts";

export type RoomStatus = "lobby" | "question" | "reveal" | "finished" | "closed";

export interface SnapshotPlayer {
  id: number;
  nickname: string;
  /** Points of the questions before the current one. */
  scoreBefore: number;
  /** Right answers before the current question. */
  correctBefore: number;
  /** Indexes of the questions answered right (all of them, the current one included). */
  rightIndexes: number[];
}

export interface SnapshotAnswer {
  choiceId: string;
  correct: boolean;
  points: number;
}

export interface RoomSnapshot {
  id: number;
  code: string;
  kind: string;
  count: number;
  seed: number;
  topic: string | null;
  seconds: number;
  status: RoomStatus;
  currentIndex: number;
  startedAt: string | null;
  endsAt: string | null;
  version: number;
  replayCode: string | null;
  questions: RoomQuestionData[];
  /** In the order they joined. */
  players: SnapshotPlayer[];
  /** Answers to the current question, by player id. */
  current: Record<string, SnapshotAnswer>;
}

export type RoomRow = typeof rooms.$inferSelect;

export async function loadRoomSnapshot(db: Db, roomId: number): Promise<RoomSnapshot> {
  const [room] = await db.select().from(rooms).where(eq(rooms.id, roomId)).limit(1);
  if (!room) throw new Error(`room ${roomId} is missing`);
  return snapshotOf(db, room);
}

export async function snapshotOf(db: Db, room: RoomRow): Promise<RoomSnapshot> {
  const index = room.currentIndex;
  const [players, current] = await Promise.all([
    queryRows<{ id: number; nickname: string; score_before: number; correct_before: number; right_indexes: number[] | null }>(
      db,
      sql`select p.id, p.nickname,
            coalesce(sum(a.points) filter (where a.question_index < ${index}), 0)::int as score_before,
            (count(*) filter (where a.correct and a.question_index < ${index}))::int as correct_before,
            array_agg(a.question_index order by a.question_index) filter (where a.correct) as right_indexes
          from ${roomPlayers} p left join ${roomAnswers} a on a.player_id = p.id
          where p.room_id = ${room.id}
          group by p.id order by p.id`,
    ),
    db
      .select({ playerId: roomAnswers.playerId, choiceId: roomAnswers.choiceId, correct: roomAnswers.correct, points: roomAnswers.points })
      .from(roomAnswers)
      .where(and(eq(roomAnswers.roomId, room.id), eq(roomAnswers.questionIndex, index)))
      .orderBy(asc(roomAnswers.playerId)),
  ]);
  return {
    id: room.id,
    code: room.code,
    kind: room.quizKind,
    count: room.quizCount,
    seed: room.quizSeed,
    topic: room.quizTopic,
    seconds: room.seconds,
    status: room.status as RoomStatus,
    currentIndex: index,
    startedAt: room.questionStartedAt?.toISOString() ?? null,
    endsAt: room.questionEndsAt?.toISOString() ?? null,
    version: room.version,
    replayCode: room.replayCode,
    questions: room.questions,
    players: players.map((p) => ({
      id: Number(p.id),
      nickname: p.nickname,
      scoreBefore: Number(p.score_before),
      correctBefore: Number(p.correct_before),
      rightIndexes: (p.right_indexes ?? []).map(Number),
    })),
    current: Object.fromEntries(current.map((a) => [String(a.playerId), { choiceId: a.choiceId, correct: a.correct, points: a.points }])),
  };
}
