/**
 * What to study next, as Anki does it:
 *
 * - a card in learning (new and rated, or forgotten) comes back when its short
 *   step is up, before anything else;
 * - then due reviews, earliest first, then new cards in deck order, at most
 *   NEW_PER_DAY new ones a day;
 * - siblings are buried: once a card of a concept was studied today, the
 *   concept's other new and review cards wait until tomorrow (learning cards
 *   are never buried, they are already under way);
 * - two cards of one concept never come one after another while anything else
 *   could come in between;
 * - when nothing is due now but a card comes back within LEARN_AHEAD_MS, the
 *   session waits for it rather than ending.
 *
 * Pure: the caller passes the learner's card states and today's reviews.
 */
import { State } from "ts-fsrs";
import type { Flashcard } from "./generate-flashcards.ts";

export const NEW_PER_DAY = 20;
/** A session ends only when nothing comes back within this long (Anki's learn-ahead limit). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface SavedState {
  state: State;
  due: Date;
}

export interface TodayReview {
  cardId: string;
  reviewedAt: Date;
  /** The card's state before this review (a review of a New card introduced it). */
  state: State;
}

export interface QueueInput {
  /** The deck's cards, in deck order. */
  cards: readonly Flashcard[];
  states: ReadonlyMap<string, SavedState>;
  /** The learner's reviews since the start of today, in any deck. */
  today: readonly TodayReview[];
  /** The concept each card id is about, for reviews of cards outside the deck. */
  subjectOf: (cardId: string) => string | undefined;
  now: Date;
  /** Take the card that comes back soonest even if its step is not up (Anki's "learn ahead"). */
  learnAhead?: boolean;
  /** Type-in mode: new cards only among those that take a typed answer. */
  typeIn?: boolean;
  newPerDay?: number;
}

export interface QueueCounts {
  learning: number;
  review: number;
  new: number;
}

export interface StudyStep {
  card: Flashcard | null;
  /** When nothing is due now: when the next card comes back, if within the learn-ahead limit. */
  waitUntil: Date | null;
  /** The soonest any card of the deck is due after now (for "next due" in a session summary). */
  nextDue: Date | null;
  /** What is due now, the card shown included. */
  due: QueueCounts;
  /** Due or new cards waiting until tomorrow because a sibling was studied today. */
  buried: number;
  newToday: number;
}

const isLearning = (state: State) => state === State.Learning || state === State.Relearning;

export function nextStudyStep(input: QueueInput): StudyStep {
  const { cards, states, today, now } = input;
  const newPerDay = input.newPerDay ?? NEW_PER_DAY;
  const reviewedToday = new Set(today.map((r) => r.cardId));
  const introducedToday = new Set(today.filter((r) => r.state === State.New).map((r) => r.cardId));
  // Concepts studied today, and which card of each, for burying its siblings.
  const studiedCards = new Map<string, Set<string>>();
  for (const review of today) {
    const subject = input.subjectOf(review.cardId);
    if (!subject) continue;
    const seen = studiedCards.get(subject) ?? new Set<string>();
    seen.add(review.cardId);
    studiedCards.set(subject, seen);
  }
  const last = [...today].sort((a, b) => b.reviewedAt.getTime() - a.reviewedAt.getTime())[0];
  let lastCard: Flashcard | undefined;
  let newToday = 0;
  for (const card of cards) {
    if (!reviewedToday.has(card.id)) continue;
    if (introducedToday.has(card.id)) newToday++;
    if (card.id === last?.cardId) lastCard = card;
  }
  const lastConcepts = new Set([last ? input.subjectOf(last.cardId) : undefined, lastCard?.answerConcept].filter((s): s is string => Boolean(s)));

  const buriedCard = (card: Flashcard) => {
    const studied = studiedCards.get(card.subject);
    return studied !== undefined && !(studied.size === 1 && studied.has(card.id));
  };

  const learning: { card: Flashcard; due: Date }[] = [];
  const reviews: { card: Flashcard; due: Date }[] = [];
  const fresh: Flashcard[] = [];
  let buried = 0;
  let nextDue: Date | null = null;
  let soonest: Date | null = null;
  for (const card of cards) {
    const saved = states.get(card.id);
    if (saved && saved.state !== State.New) {
      if (saved.due > now && (!nextDue || saved.due < nextDue)) nextDue = saved.due;
      if (isLearning(saved.state)) {
        if (saved.due <= now) learning.push({ card, due: saved.due });
        else if (!soonest || saved.due < soonest) soonest = saved.due;
      } else if (buriedCard(card)) {
        if (saved.due <= now) buried++;
      } else if (saved.due <= now) {
        reviews.push({ card, due: saved.due });
      } else if (!soonest || saved.due < soonest) {
        soonest = saved.due;
      }
    } else if (buriedCard(card) || reviewedToday.has(card.id)) {
      buried++;
    } else if (!input.typeIn || card.answers.length > 0) {
      fresh.push(card);
    }
  }
  learning.sort((a, b) => a.due.getTime() - b.due.getTime());
  reviews.sort((a, b) => a.due.getTime() - b.due.getTime());
  // One new card per concept a day: the first in deck order stands for its concept.
  const newPerConcept = new Map<string, Flashcard>();
  for (const card of fresh) if (!newPerConcept.has(card.subject)) newPerConcept.set(card.subject, card);
  const newLeft = Math.max(0, newPerDay - newToday);
  const newCards = [...newPerConcept.values()].slice(0, newLeft);
  buried += fresh.length - newPerConcept.size;

  const due: QueueCounts = { learning: learning.length, review: reviews.length, new: newCards.length };
  const candidates = [...learning.map((l) => l.card), ...reviews.map((r) => r.card), ...newCards];
  const apart = (card: Flashcard) => !lastConcepts.has(card.subject) && !(card.answerConcept && lastConcepts.has(card.answerConcept));
  // Only when every card due is a sibling of the one just seen (a concept's learning cards) does one follow it.
  let card = candidates.find(apart) ?? candidates[0] ?? null;

  const withinLimit = soonest && soonest.getTime() - now.getTime() <= LEARN_AHEAD_MS ? soonest : null;
  if (!card && input.learnAhead && withinLimit) {
    const ahead = cards
      .map((c) => ({ c, saved: states.get(c.id) }))
      .filter(({ saved }) => saved && saved.state !== State.New && saved.due.getTime() === withinLimit.getTime())
      .map(({ c }) => c);
    card = ahead.find(apart) ?? ahead[0] ?? null;
  }
  return { card, waitUntil: card ? null : withinLimit, nextDue, due, buried, newToday };
}
