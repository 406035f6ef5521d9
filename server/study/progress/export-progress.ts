/**
 * Moving browsers: a learner's whole progress as JSON, and importing it back
 * into another learner. Import merges — a card keeps whichever state was
 * reviewed last, reviews and quiz answers are added once — in one transaction,
 * after the whole file has been checked.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { cardStates, quizAnswers, reviewLogs } from "../../../schema/index.ts";
import type { Db } from "../../db/connect.ts";

export const PROGRESS_FORMAT = "graphdeck-progress";

const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const count = z.number().int().min(0).max(1_000_000);
const text = z.string().min(1).max(300);

/** What ts-fsrs records both on a card and in each review log. */
const scheduling = {
  due: date,
  stability: z.number().finite().min(0),
  difficulty: z.number().finite().min(0),
  elapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  state: z.number().int().min(0).max(3),
};

const exportFile = z.strictObject({
  format: z.literal(PROGRESS_FORMAT),
  version: z.literal(1),
  exportedAt: date,
  cards: z
    .array(z.strictObject({ cardId: text, ...scheduling, reps: count, lapses: count, lastReview: date.nullable() }))
    .max(100_000),
  reviews: z
    .array(z.strictObject({ reviewId: text, cardId: text, rating: z.number().int().min(1).max(4), ...scheduling, lastElapsedDays: count, reviewedAt: date }))
    .max(500_000),
  quizAnswers: z
    .array(z.strictObject({ quizId: z.string().min(1).max(500), questionId: text, quizKind: text, correct: z.boolean(), answeredAt: date }))
    .max(500_000),
});

export class InvalidProgressFileError extends Error {}

export async function exportProgress(db: Db, learnerId: number, now: Date): Promise<string> {
  const [cards, reviews, answers] = await Promise.all([
    db.select().from(cardStates).where(eq(cardStates.learnerId, learnerId)),
    db.select().from(reviewLogs).where(eq(reviewLogs.learnerId, learnerId)).orderBy(reviewLogs.reviewedAt, reviewLogs.id),
    db.select().from(quizAnswers).where(eq(quizAnswers.learnerId, learnerId)),
  ]);
  return JSON.stringify({
    format: PROGRESS_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    cards: cards.map(({ learnerId: _, ...card }) => card),
    reviews: reviews.map(({ id: _, learnerId: __, ...review }) => review),
    quizAnswers: answers.map(({ learnerId: _, ...answer }) => answer),
  });
}

export async function importProgress(db: Db, learnerId: number, data: string): Promise<{ cards: number; reviews: number; quizAnswers: number }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new InvalidProgressFileError("That is not JSON: paste the whole text of a Graphdeck progress export.");
  }
  const result = exportFile.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InvalidProgressFileError(`That is not a Graphdeck progress export: ${issue?.path.join(".") || "file"}: ${issue?.message}.`);
  }
  const file = result.data;
  return db.transaction(async (tx) => {
    let cards = 0;
    for (const card of file.cards) {
      const [current] = await tx
        .select({ lastReview: cardStates.lastReview })
        .from(cardStates)
        .where(and(eq(cardStates.learnerId, learnerId), eq(cardStates.cardId, card.cardId)));
      // The state reviewed most recently wins, wherever it was reviewed.
      if (current && (current.lastReview?.getTime() ?? 0) >= (card.lastReview?.getTime() ?? 0)) continue;
      const { cardId, ...values } = card;
      await tx
        .insert(cardStates)
        .values({ learnerId, cardId, ...values })
        .onConflictDoUpdate({ target: [cardStates.learnerId, cardStates.cardId], set: values });
      cards++;
    }
    let reviews = 0;
    for (let i = 0; i < file.reviews.length; i += 500) {
      const rows = file.reviews.slice(i, i + 500).map((r) => ({ learnerId, ...r }));
      reviews += (await tx.insert(reviewLogs).values(rows).onConflictDoNothing().returning({ id: reviewLogs.id })).length;
    }
    let answers = 0;
    for (let i = 0; i < file.quizAnswers.length; i += 500) {
      const rows = file.quizAnswers.slice(i, i + 500).map((a) => ({ learnerId, ...a }));
      answers += (await tx.insert(quizAnswers).values(rows).onConflictDoNothing().returning({ quizId: quizAnswers.quizId })).length;
    }
    return { cards, reviews, quizAnswers: answers };
  });
}
