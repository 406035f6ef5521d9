/**
 * Rating a card, undoing the last rating, and previewing what each rating
 * would do. Every write is one transaction: a request that fails half-way
 * leaves the card and its log exactly as they were.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Card } from "ts-fsrs";
import { cardStates, reviewLogs } from "../../../schema/index.ts";
import type { Db } from "../../db/connect.ts";
import { cardFromRow, logFromRow, newCard, RATINGS, rowFromCard, rowFromLog, scheduler, type RatingName } from "./fsrs-scheduler.ts";

export interface CardProgress {
  cardId: string;
  card: Card;
}

export class ReviewIdReusedError extends Error {
  constructor() {
    super("That reviewId was already used for another card; send a new reviewId for each review.");
  }
}

/** Raised inside the transaction when a concurrent retry got there first: roll back, then report its result. */
class AlreadyReviewed extends Error {}

async function currentCard(db: Db, learnerId: number, cardId: string, now: Date): Promise<Card> {
  const [row] = await db
    .select()
    .from(cardStates)
    .where(and(eq(cardStates.learnerId, learnerId), eq(cardStates.cardId, cardId)));
  return row ? cardFromRow(row) : newCard(now);
}

/**
 * Applies a rating once per reviewId: a retried request (same reviewId) changes
 * nothing and answers with the card as it now is.
 */
export async function reviewCard(
  db: Db,
  input: { learnerId: number; cardId: string; rating: RatingName; reviewId: string; now: Date },
): Promise<CardProgress> {
  const { learnerId, cardId, reviewId, now } = input;
  const previous = async () => {
    const [log] = await db
      .select({ cardId: reviewLogs.cardId })
      .from(reviewLogs)
      .where(and(eq(reviewLogs.learnerId, learnerId), eq(reviewLogs.reviewId, reviewId)));
    if (!log) return null;
    if (log.cardId !== cardId) throw new ReviewIdReusedError();
    return { cardId, card: await currentCard(db, learnerId, cardId, now) };
  };
  const done = await previous();
  if (done) return done;
  try {
    return await db.transaction(async (tx) => {
      // One review of a (learner, card) at a time, even before the card has a row for FOR UPDATE
      // to lock: two simultaneous first reviews would otherwise both start from a new card and
      // keep only one rating. The lock is held until the transaction ends.
      await tx.execute(sql`select pg_advisory_xact_lock(${learnerId}::int, hashtext(${`review:${cardId}`}))`);
      const [row] = await tx
        .select()
        .from(cardStates)
        .where(and(eq(cardStates.learnerId, learnerId), eq(cardStates.cardId, cardId)))
        .for("update");
      const card = row ? cardFromRow(row) : newCard(now);
      // A review that waited for the one before it applies after it, never "before" it.
      const at = row?.lastReview && row.lastReview > now ? row.lastReview : now;
      const { card: next, log } = scheduler.next(card, at, RATINGS[input.rating]);
      const values = rowFromCard(next);
      await tx
        .insert(cardStates)
        .values({ learnerId, cardId, ...values })
        .onConflictDoUpdate({ target: [cardStates.learnerId, cardStates.cardId], set: values });
      const inserted = await tx
        .insert(reviewLogs)
        .values({ learnerId, cardId, reviewId, ...rowFromLog(log) })
        .onConflictDoNothing()
        .returning({ id: reviewLogs.id });
      if (inserted.length === 0) throw new AlreadyReviewed();
      return { cardId, card: next };
    });
  } catch (error) {
    if (error instanceof AlreadyReviewed) {
      const result = await previous();
      if (result) return result;
    }
    throw error;
  }
}

/** Rolls the learner's most recent review back (ts-fsrs rollback); null when there is nothing to undo. */
export async function undoLastReview(db: Db, learnerId: number, now: Date): Promise<CardProgress | null> {
  return db.transaction(async (tx) => {
    const [log] = await tx
      .select()
      .from(reviewLogs)
      .where(eq(reviewLogs.learnerId, learnerId))
      .orderBy(desc(reviewLogs.reviewedAt), desc(reviewLogs.id))
      .limit(1)
      .for("update");
    if (!log) return null;
    const [row] = await tx
      .select()
      .from(cardStates)
      .where(and(eq(cardStates.learnerId, learnerId), eq(cardStates.cardId, log.cardId)))
      .for("update");
    const card = row ? cardFromRow(row) : newCard(now);
    const previous = scheduler.rollback(card, logFromRow(log));
    await tx.delete(reviewLogs).where(eq(reviewLogs.id, log.id));
    const where = and(eq(cardStates.learnerId, learnerId), eq(cardStates.cardId, log.cardId));
    // Undoing a card's first review makes it new again: no stored state at all.
    if (previous.reps === 0) await tx.delete(cardStates).where(where);
    else await tx.update(cardStates).set(rowFromCard(previous)).where(where);
    return { cardId: log.cardId, card: previous.reps === 0 ? newCard(now) : previous };
  });
}

/** What each rating would do to a card now (ts-fsrs repeat), without saving anything. */
export function previewRatings(card: Card, now: Date): Record<RatingName, Card> {
  const preview = scheduler.repeat(card, now);
  return {
    AGAIN: preview[RATINGS.AGAIN].card,
    HARD: preview[RATINGS.HARD].card,
    GOOD: preview[RATINGS.GOOD].card,
    EASY: preview[RATINGS.EASY].card,
  };
}
