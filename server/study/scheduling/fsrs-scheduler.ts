/**
 * Spaced repetition with ts-fsrs: the scheduler decides, the card state and the
 * review log are stored apart (card_states, review_logs). This file only maps
 * between ts-fsrs objects and database rows.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade, type ReviewLog } from "ts-fsrs";
import type { cardStates, reviewLogs } from "../../../schema/index.ts";

// Fuzz off: the interval a button shows is the interval the learner then gets.
export const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true }));

export const RATINGS = { AGAIN: Rating.Again, HARD: Rating.Hard, GOOD: Rating.Good, EASY: Rating.Easy } as const satisfies Record<string, Grade>;
export type RatingName = keyof typeof RATINGS;

export const STATE_NAMES = { [State.New]: "NEW", [State.Learning]: "LEARNING", [State.Review]: "REVIEW", [State.Relearning]: "RELEARNING" } as const;

type CardRow = typeof cardStates.$inferSelect;
type LogRow = typeof reviewLogs.$inferSelect;

export function newCard(now: Date): Card {
  return createEmptyCard(now);
}

export function cardFromRow(row: CardRow): Card {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
    ...(row.lastReview ? { last_review: row.lastReview } : {}),
  };
}

export function rowFromCard(card: Card): Omit<CardRow, "learnerId" | "cardId"> {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

export function rowFromLog(log: ReviewLog): Omit<LogRow, "id" | "learnerId" | "cardId" | "reviewId"> {
  return {
    rating: log.rating,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    reviewedAt: log.review,
  };
}

export function logFromRow(row: LogRow): ReviewLog {
  return {
    rating: row.rating as Rating,
    state: row.state as State,
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    last_elapsed_days: row.lastElapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    review: row.reviewedAt,
  };
}

/** "1m", "10m", "3h", "4d", "2.5mo": how long until a card comes back. */
export function intervalLabel(from: Date, to: Date): string {
  const minutes = Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${Math.round((days / 30) * 10) / 10}mo`;
  return `${Math.round((days / 365) * 10) / 10}y`;
}
