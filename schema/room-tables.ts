/**
 * Live quiz rooms: a host, players with nicknames, and every answer. The whole state of a room
 * lives here (nothing in a process's memory), so a restart, or a player landing on another
 * instance, loses nothing. The questions are copied into the room when it opens: a re-seed
 * while a class is playing must not change the quiz under it, nor the answers already given.
 */
import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from "drizzle-orm/pg-core";

/** A question as the room keeps it: what players see, and what grading and the reveal need. */
export interface RoomQuestionData {
  id: string;
  kind: string;
  prompt: string;
  choices: { id: string; text: string }[];
  correctChoiceId: string;
  /** The concept the question is about (its slug). */
  subject: string;
  difficulty: number;
  explanation: string;
  citations: { sourceId: string; locator: string }[];
}

export const rooms = pgTable("rooms", {
  id: serial("id").primaryKey(),
  /** The join code, upper case, without separators (see server/rooms/room-code.ts). */
  code: text("code").notNull().unique(),
  hostTokenHash: text("host_token_hash").notNull(),
  /** The quiz the host asked for, so the results can say which one it was. */
  quizKind: text("quiz_kind").notNull(),
  quizCount: integer("quiz_count").notNull(),
  quizSeed: integer("quiz_seed").notNull(),
  quizTopic: text("quiz_topic"),
  questions: jsonb("questions").$type<RoomQuestionData[]>().notNull(),
  /** How long each question stays open. */
  seconds: integer("seconds").notNull(),
  /** lobby | question | reveal | finished | closed (a question past its deadline reads as reveal). */
  status: text("status").notNull().default("lobby"),
  /** The question being asked or shown; -1 in the lobby. */
  currentIndex: integer("current_index").notNull().default(-1),
  questionStartedAt: timestamp("question_started_at", { withTimezone: true }),
  questionEndsAt: timestamp("question_ends_at", { withTimezone: true }),
  /** Bumped with every change: subscribers drop a view older than one they already sent. */
  version: integer("version").notNull().default(0),
  /** The room the host opened to replay this quiz, whose code players follow. */
  replayCode: text("replay_code"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const roomPlayers = pgTable(
  "room_players",
  {
    id: serial("id").primaryKey(),
    roomId: integer("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    nickname: text("nickname").notNull(),
    /** The nickname folded for comparison: two players may not differ only by case or spacing. */
    nicknameKey: text("nickname_key").notNull(),
    tokenHash: text("token_hash").notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("room_players_nickname").on(t.roomId, t.nicknameKey), unique("room_players_token").on(t.roomId, t.tokenHash)],
);

/** A player's one answer to a question of a room: the primary key refuses a second. */
export const roomAnswers = pgTable(
  "room_answers",
  {
    roomId: integer("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    playerId: integer("player_id")
      .notNull()
      .references(() => roomPlayers.id, { onDelete: "cascade" }),
    questionIndex: integer("question_index").notNull(),
    choiceId: text("choice_id").notNull(),
    correct: boolean("correct").notNull(),
    points: integer("points").notNull(),
    /** From the question's start to the answer, as the server measured it. */
    elapsedMs: integer("elapsed_ms").notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.playerId, t.questionIndex] }), index("room_answers_room").on(t.roomId, t.questionIndex)],
);
