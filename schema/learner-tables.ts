/**
 * What learners save: their cards' scheduling state, the log of every review
 * and their quiz answers. Deliberately no foreign keys into the graph tables:
 * cards are named by stable ids (see server/study/flashcards), so a re-seed —
 * which rewrites the graph — never touches a learner's progress.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

/** An anonymous learner, known only by the hash of a random token they hold. */
export const learners = pgTable("learners", {
  id: serial("id").primaryKey(),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The FSRS state of one card for one learner (ts-fsrs `Card`). */
export const cardStates = pgTable(
  "card_states",
  {
    learnerId: integer("learner_id")
      .notNull()
      .references(() => learners.id, { onDelete: "cascade" }),
    cardId: text("card_id").notNull(),
    due: timestamp("due", { withTimezone: true }).notNull(),
    stability: doublePrecision("stability").notNull(),
    difficulty: doublePrecision("difficulty").notNull(),
    elapsedDays: integer("elapsed_days").notNull(),
    scheduledDays: integer("scheduled_days").notNull(),
    learningSteps: integer("learning_steps").notNull(),
    reps: integer("reps").notNull(),
    lapses: integer("lapses").notNull(),
    state: smallint("state").notNull(),
    lastReview: timestamp("last_review", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.learnerId, t.cardId] }), index("card_states_due").on(t.learnerId, t.due)],
);

/** Every review, as ts-fsrs logs it; `reviewId` (chosen by the client) makes retries count once. */
export const reviewLogs = pgTable(
  "review_logs",
  {
    id: serial("id").primaryKey(),
    learnerId: integer("learner_id")
      .notNull()
      .references(() => learners.id, { onDelete: "cascade" }),
    cardId: text("card_id").notNull(),
    reviewId: text("review_id").notNull(),
    rating: smallint("rating").notNull(),
    state: smallint("state").notNull(),
    due: timestamp("due", { withTimezone: true }).notNull(),
    stability: doublePrecision("stability").notNull(),
    difficulty: doublePrecision("difficulty").notNull(),
    elapsedDays: integer("elapsed_days").notNull(),
    lastElapsedDays: integer("last_elapsed_days").notNull(),
    scheduledDays: integer("scheduled_days").notNull(),
    learningSteps: integer("learning_steps").notNull(),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("review_logs_learner_review").on(t.learnerId, t.reviewId),
    index("review_logs_learner_time").on(t.learnerId, t.reviewedAt),
  ],
);

/** A learner's first answer to each quiz question (later retries of the same answer are ignored). */
export const quizAnswers = pgTable(
  "quiz_answers",
  {
    learnerId: integer("learner_id")
      .notNull()
      .references(() => learners.id, { onDelete: "cascade" }),
    quizId: text("quiz_id").notNull(),
    questionId: text("question_id").notNull(),
    quizKind: text("quiz_kind").notNull(),
    correct: boolean("correct").notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.learnerId, t.quizId, t.questionId] }), index("quiz_answers_time").on(t.learnerId, t.answeredAt)],
);

/** Server settings that must survive restarts, such as the key quiz ids are signed with. */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
});
