/**
 * A learner's progress: cards by state and by kind, what is due today,
 * retention and reviews per day over the last 30 days, and quiz results.
 * Days are counted in the learner's time zone.
 */
import { and, eq, gte } from "drizzle-orm";
import { State } from "ts-fsrs";
import { cardStates, quizAnswers, reviewLogs } from "../../../schema/index.ts";
import type { Db } from "../../db/connect.ts";
import type { Flashcard } from "../flashcards/generate-flashcards.ts";
import type { GraphSnapshot } from "../graph-snapshot.ts";

export const HISTORY_DAYS = 30;

export interface StateCounts {
  new: number;
  learning: number;
  review: number;
  due: number;
  total: number;
}

export interface DayReviews {
  date: string;
  count: number;
  /** Reviews of cards already learned (in review): the ones that tested memory. */
  recalls: number;
  /** Of those, the ones not forgotten (rated anything but Again). */
  remembered: number;
}

export interface Progress {
  cards: StateCounts;
  dueToday: number;
  retention: number | null;
  reviewsPerDay: DayReviews[];
  byKind: ({ kind: string } & StateCounts)[];
  quizzes: { answered: number; correct: number };
}

/** "2026-11-25" for an instant, in a time zone. */
export function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export async function learnerProgress(db: Db, graph: GraphSnapshot, cards: Flashcard[], input: { learnerId: number; now: Date; timeZone: string; wholeHistory: boolean }): Promise<Progress> {
  const { learnerId, now, timeZone, wholeHistory } = input;
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const [states, logs, answers] = await Promise.all([
    db.select({ cardId: cardStates.cardId, state: cardStates.state, due: cardStates.due }).from(cardStates).where(eq(cardStates.learnerId, learnerId)),
    db
      .select({ cardId: reviewLogs.cardId, reviewedAt: reviewLogs.reviewedAt, rating: reviewLogs.rating, state: reviewLogs.state })
      .from(reviewLogs)
      .where(and(eq(reviewLogs.learnerId, learnerId), gte(reviewLogs.reviewedAt, since))),
    db.select({ correct: quizAnswers.correct }).from(quizAnswers).where(eq(quizAnswers.learnerId, learnerId)),
  ]);
  const stateOf = new Map(states.map((s) => [s.cardId, s]));
  const today = dayIn(timeZone, now);
  const empty = (): StateCounts => ({ new: 0, learning: 0, review: 0, due: 0, total: 0 });
  const totals = empty();
  const perKind = new Map<string, StateCounts>();
  let dueToday = 0;
  for (const card of cards) {
    const kind = graph.concept.get(card.subject)?.kind ?? "";
    const counts = perKind.get(kind) ?? empty();
    perKind.set(kind, counts);
    const saved = stateOf.get(card.id);
    for (const c of [totals, counts]) {
      c.total++;
      if (!saved || saved.state === State.New) c.new++;
      else if (saved.state === State.Review) c.review++;
      else c.learning++;
      if (saved && saved.due <= now) c.due++;
    }
    if (saved && dayIn(timeZone, saved.due) <= today) dueToday++;
  }
  // Retention: of the reviews that tested memory (cards already in review), the share not forgotten.
  const perDay = new Map<string, DayReviews>();
  let recalls = 0;
  let remembered = 0;
  // A deck's history is the reviews of its cards; the whole history also keeps reviews of
  // cards a re-seed has since retired (what the learner did still happened).
  const inDeck = new Set(cards.map((card) => card.id));
  for (const log of logs) {
    if (!wholeHistory && !inDeck.has(log.cardId)) continue;
    const date = dayIn(timeZone, log.reviewedAt);
    const day = perDay.get(date) ?? { date, count: 0, recalls: 0, remembered: 0 };
    perDay.set(date, day);
    day.count++;
    if (log.state === State.Review) {
      const kept = log.rating !== 1 ? 1 : 0;
      day.recalls++;
      day.remembered += kept;
      recalls++;
      remembered += kept;
    }
  }
  const retention = recalls ? remembered / recalls : null;
  const reviewsPerDay = Array.from({ length: HISTORY_DAYS }, (_, i) => {
    const date = dayIn(timeZone, new Date(now.getTime() - (HISTORY_DAYS - 1 - i) * 86_400_000));
    return perDay.get(date) ?? { date, count: 0, recalls: 0, remembered: 0 };
  });
  return {
    cards: totals,
    dueToday,
    retention,
    reviewsPerDay,
    byKind: [...graph.kinds.keys()].filter((k) => perKind.has(k)).map((kind) => ({ kind, ...(perKind.get(kind) as StateCounts) })),
    quizzes: { answered: answers.length, correct: answers.filter((a) => a.correct).length },
  };
}
