/**
 * Moving browsers: a learner's whole progress as JSON, and importing it back
 * into another learner. Import merges — a card keeps whichever state was
 * reviewed last, reviews and quiz answers are added once.
 *
 * Everything is checked before anything is written: the format, every card id
 * (a card the server has), every date (no later than now; `due` within the
 * longest interval FSRS gives), every number (finite, within FSRS's ranges), and
 * every quiz answer (signed by this server when it was exported, so a file
 * cannot claim answers the learner never gave). Checking runs in slices that
 * let other requests through; the writes are a few statements (5,000 rows
 * each, sent as one JSON parameter) in one transaction.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { queryRows } from "../../db/query-rows.ts";
import { z } from "zod";
import { cardStates, quizAnswers, reviewLogs } from "../../../schema/index.ts";
import type { Db } from "../../db/connect.ts";

export const PROGRESS_FORMAT = "graphdeck-progress";
/** Version 2 signs each quiz answer; version 1 files are read, their quiz answers skipped (they cannot be verified). */
const VERSION = 2;

const EARLIEST = Date.parse("2000-01-01T00:00:00Z");
/** Clocks differ a little between the browser that exported and this server. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** FSRS's longest interval is 100 years; a due date after that is not one FSRS gave. */
const LONGEST_MS = 101 * 365 * 86_400_000;
const BATCH = 5000;
const SLICE = 500;

const noNul = (s: string) => !s.includes("\u0000");
const text = z.string().min(1).max(300).refine(noNul, "must not contain NUL");
const count = z.number().int().min(0).max(1_000_000);

/** A date that has happened (by now, within clock skew) and is not before 2000. */
const pastDate = (now: number) =>
  z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .refine((d) => d.getTime() >= EARLIEST && d.getTime() <= now + CLOCK_SKEW_MS, "must be a date between 2000 and now");
const dueDate = (now: number) =>
  z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .refine((d) => d.getTime() >= EARLIEST && d.getTime() <= now + LONGEST_MS, "must be a date between 2000 and 100 years from now");

function schemas(now: number) {
  const scheduling = {
    due: dueDate(now),
    // Days; FSRS keeps stability within its longest interval and difficulty between 1 and 10.
    stability: z.number().finite().min(0).max(100_000),
    difficulty: z.number().finite().min(0).max(10),
    elapsedDays: count,
    scheduledDays: count,
    learningSteps: count,
    state: z.number().int().min(0).max(3),
  };
  return {
    header: z.strictObject({
      format: z.literal(PROGRESS_FORMAT),
      version: z.union([z.literal(1), z.literal(2)]),
      exportedAt: pastDate(now),
      cards: z.array(z.unknown()).max(100_000),
      reviews: z.array(z.unknown()).max(500_000),
      quizAnswers: z.array(z.unknown()).max(500_000),
    }),
    card: z.strictObject({ cardId: text, ...scheduling, reps: count, lapses: count, lastReview: pastDate(now).nullable() }),
    review: z.strictObject({ reviewId: text, cardId: text, rating: z.number().int().min(1).max(4), ...scheduling, lastElapsedDays: count, reviewedAt: pastDate(now) }),
    answer: z.strictObject({
      quizId: z.string().min(1).max(2000).refine(noNul),
      questionId: text,
      quizKind: text,
      correct: z.boolean(),
      answeredAt: pastDate(now),
      signature: z.string().max(100).optional(),
    }),
  };
}

export class InvalidProgressFileError extends Error {}

export interface ProgressContext {
  /** The key quiz answers are signed with (the quiz key). */
  key: string;
  /** Which of these ids name a card the server has. */
  knownCards: (cardIds: string[]) => Promise<ReadonlySet<string>>;
}

function answerSignature(key: string, a: { quizId: string; questionId: string; quizKind: string; correct: boolean; answeredAt: Date }): string {
  return createHmac("sha256", key)
    .update(JSON.stringify(["quiz-answer", a.quizId, a.questionId, a.quizKind, a.correct, a.answeredAt.toISOString()]))
    .digest("base64url")
    .slice(0, 22);
}

function sameSignature(expected: string, given: string | undefined): boolean {
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

export async function exportProgress(db: Db, learnerId: number, now: Date, key: string): Promise<string> {
  const [cards, reviews, answers] = await Promise.all([
    db.select().from(cardStates).where(eq(cardStates.learnerId, learnerId)),
    db.select().from(reviewLogs).where(eq(reviewLogs.learnerId, learnerId)).orderBy(reviewLogs.reviewedAt, reviewLogs.id),
    db.select().from(quizAnswers).where(eq(quizAnswers.learnerId, learnerId)),
  ]);
  return JSON.stringify({
    format: PROGRESS_FORMAT,
    version: VERSION,
    exportedAt: now.toISOString(),
    cards: cards.map(({ learnerId: _, ...card }) => card),
    reviews: reviews.map(({ id: _, learnerId: __, ...review }) => review),
    quizAnswers: answers.map(({ learnerId: _, ...answer }) => ({ ...answer, signature: answerSignature(key, answer) })),
  });
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Parses every item of a list with a schema, a slice at a time; the first problem stops it. */
async function parseAll<T>(items: unknown[], schema: z.ZodType<T>, name: string, check: (item: T, index: number) => string | null): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i % SLICE === 0 && i > 0) await nextTurn();
    const result = schema.safeParse(items[i]);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new InvalidProgressFileError(`That is not a Graphdeck progress export: ${[name, i, ...(issue?.path ?? [])].join(".")}: ${issue?.message}.`);
    }
    const problem = check(result.data, i);
    if (problem) throw new InvalidProgressFileError(`That progress file cannot be imported: ${name}.${i}: ${problem}.`);
    out.push(result.data);
  }
  return out;
}

export async function importProgress(
  db: Db,
  learnerId: number,
  data: string,
  context: ProgressContext,
  now: Date = new Date(),
): Promise<{ cards: number; reviews: number; quizAnswers: number }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new InvalidProgressFileError("That is not JSON: paste the whole text of a Graphdeck progress export.");
  }
  const shapes = schemas(now.getTime());
  const header = shapes.header.safeParse(parsed);
  if (!header.success) {
    const issue = header.error.issues[0];
    throw new InvalidProgressFileError(`That is not a Graphdeck progress export: ${issue?.path.join(".") || "file"}: ${issue?.message}.`);
  }
  const file = header.data;
  const named = [...file.cards, ...file.reviews].flatMap((item) => {
    const cardId = typeof item === "object" && item !== null ? (item as { cardId?: unknown }).cardId : undefined;
    return typeof cardId === "string" ? [cardId] : [];
  });
  const known = await context.knownCards(named);
  const unknownCard = (cardId: string) => (known.has(cardId) ? null : `no flashcard "${cardId.slice(0, 100)}" on this server`);
  const cards = await parseAll(file.cards, shapes.card, "cards", (c) => unknownCard(c.cardId));
  const reviews = await parseAll(file.reviews, shapes.review, "reviews", (r) => unknownCard(r.cardId));
  const answers = await parseAll(file.quizAnswers, shapes.answer, "quizAnswers", (a) =>
    file.version === 1 || sameSignature(answerSignature(context.key, a), a.signature) ? null : "a quiz answer this server did not record",
  );
  // Version 1 answers carry no signature: nothing proves they were given, so they are left out.
  const verifiedAnswers = file.version === 1 ? [] : answers;

  // Each batch is one statement whose rows arrive as a single JSON parameter: far cheaper to
  // build, send and parse than thousands of bound parameters (40,000 reviews: 0.6 s, was 4-7 s).
  const batches = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => JSON.stringify(rows.slice(i * BATCH, (i + 1) * BATCH)));
  const written = async (tx: Db, statement: ReturnType<typeof sql>) => Number((await queryRows<{ n: number | string }>(tx, statement))[0]?.n ?? 0);

  return db.transaction(async (tx) => {
    let cardCount = 0;
    for (const rows of batches(cards)) {
      // The state reviewed most recently wins, wherever it was reviewed.
      cardCount += await written(
        tx as unknown as Db,
        sql`with written as (
          insert into card_states (learner_id, card_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review)
          select ${learnerId}, r."cardId", r.due, r.stability, r.difficulty, r."elapsedDays", r."scheduledDays", r."learningSteps", r.reps, r.lapses, r.state, r."lastReview"
          from jsonb_to_recordset(${rows}::jsonb) as r("cardId" text, due timestamptz, stability float8, difficulty float8, "elapsedDays" int, "scheduledDays" int,
            "learningSteps" int, reps int, lapses int, state smallint, "lastReview" timestamptz)
          on conflict (learner_id, card_id) do update set
            due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty, elapsed_days = excluded.elapsed_days,
            scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps, reps = excluded.reps, lapses = excluded.lapses,
            state = excluded.state, last_review = excluded.last_review
          where coalesce(excluded.last_review, 'epoch'::timestamptz) > coalesce(card_states.last_review, 'epoch'::timestamptz)
          returning 1)
        select count(*) as n from written`,
      );
    }
    let reviewCount = 0;
    for (const rows of batches(reviews)) {
      reviewCount += await written(
        tx as unknown as Db,
        sql`with written as (
          insert into review_logs (learner_id, card_id, review_id, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, reviewed_at)
          select ${learnerId}, r."cardId", r."reviewId", r.rating, r.state, r.due, r.stability, r.difficulty, r."elapsedDays", r."lastElapsedDays", r."scheduledDays", r."learningSteps", r."reviewedAt"
          from jsonb_to_recordset(${rows}::jsonb) as r("cardId" text, "reviewId" text, rating smallint, state smallint, due timestamptz, stability float8, difficulty float8,
            "elapsedDays" int, "lastElapsedDays" int, "scheduledDays" int, "learningSteps" int, "reviewedAt" timestamptz)
          on conflict do nothing
          returning 1)
        select count(*) as n from written`,
      );
    }
    let answerCount = 0;
    for (const rows of batches(verifiedAnswers.map(({ signature: _, ...a }) => a))) {
      answerCount += await written(
        tx as unknown as Db,
        sql`with written as (
          insert into quiz_answers (learner_id, quiz_id, question_id, quiz_kind, correct, answered_at)
          select ${learnerId}, r."quizId", r."questionId", r."quizKind", r.correct, r."answeredAt"
          from jsonb_to_recordset(${rows}::jsonb) as r("quizId" text, "questionId" text, "quizKind" text, correct boolean, "answeredAt" timestamptz)
          on conflict do nothing
          returning 1)
        select count(*) as n from written`,
      );
    }
    return { cards: cardCount, reviews: reviewCount, quizAnswers: answerCount };
  });
}
