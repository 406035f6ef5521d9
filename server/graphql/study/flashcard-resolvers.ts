/** Decks and flashcards, with each card's place in the learner's schedule. */
import { cardById } from "../../study/flashcards/card-index.ts";
import { deckCards, UnknownDeckError } from "../../study/flashcards/decks.ts";
import type { Flashcard } from "../../study/flashcards/generate-flashcards.ts";
import { reviewsToday, studyStreak } from "../../study/flashcards/study-days.ts";
import { nextStudyStep, type SavedState } from "../../study/flashcards/study-queue.ts";
import { otherNamesThan } from "../../study/flashcards/typed-names.ts";
import { gradeTyped } from "../../study/flashcards/typed-answer.ts";
import { isTimeZone } from "../../study/progress/learner-progress.ts";
import { intervalLabel, newCard, STATE_NAMES } from "../../study/scheduling/fsrs-scheduler.ts";
import { previewRatings } from "../../study/scheduling/review-card.ts";
import { badInput, intInRange, textOfLength } from "../bad-input.ts";
import type { GraphContext } from "../context.ts";
import { requireLearner } from "../learner/require-learner.ts";
import type { Resolvers } from "../resolver-types.generated.ts";

export async function cardsOfDeck(context: GraphContext, deck: string): Promise<Flashcard[]> {
  try {
    return deckCards(await context.study.forDeck(deck), deck);
  } catch (error) {
    if (error instanceof UnknownDeckError) throw badInput(error.message);
    throw error;
  }
}

function timeZoneArg(timeZone: string | null | undefined): string {
  const zone = timeZone ?? "UTC";
  if (!isTimeZone(zone)) throw badInput(`"${zone.slice(0, 60)}" is not a time zone; use an IANA name such as "Europe/Paris" or "UTC".`);
  return zone;
}

export const flashcardResolvers: Resolvers = {
  Query: {
    decks: async (_, __, context) => context.study.decks(),
    flashcards: async (_, args, context) => {
      const first = intInRange("first", args.first, 1, 500, 50);
      const offset = intInRange("offset", args.offset, 0, 10_000_000, 0);
      return (await cardsOfDeck(context, args.deck ?? "all")).slice(offset, offset + first);
    },
    flashcard: async (_, { id }, context) => (await context.study.cardsById([id])).get(id) ?? null,
    dueCards: async (_, args, context) => {
      const learner = await requireLearner(context);
      const first = intInRange("first", args.first, 1, 200, 20);
      const cards = await cardsOfDeck(context, args.deck ?? "all");
      const progress = await context.loaders.cardStates(learner.id);
      const due = cards
        .filter((c) => {
          const saved = progress.get(c.id);
          return saved !== undefined && saved.due <= context.now;
        })
        .sort((a, b) => (progress.get(a.id)?.due.getTime() ?? 0) - (progress.get(b.id)?.due.getTime() ?? 0));
      const fresh = args.includeNew === false ? [] : cards.filter((c) => !progress.has(c.id));
      return [...due, ...fresh].slice(0, first);
    },
    studyNext: async (_, args, context) => {
      const learner = await requireLearner(context);
      const timeZone = timeZoneArg(args.timeZone);
      const deck = args.deck ?? "all";
      const cards = await cardsOfDeck(context, deck);
      const graph = await context.study.forDeck(deck);
      const [progress, today] = await Promise.all([context.loaders.cardStates(learner.id), reviewsToday(context.db, learner.id, context.now, timeZone)]);
      const states = new Map<string, SavedState>();
      for (const [id, card] of progress) states.set(id, { state: card.state, due: card.due });
      const step = nextStudyStep({
        cards,
        states,
        today,
        subjectOf: (id) => cardById(graph, id)?.subject,
        now: context.now,
        learnAhead: args.learnAhead ?? false,
        typeIn: args.typeIn ?? false,
      });
      return {
        card: step.card,
        waitUntil: step.waitUntil?.toISOString() ?? null,
        nextDue: step.nextDue?.toISOString() ?? null,
        due: step.due,
        buried: step.buried,
        newToday: step.newToday,
      };
    },
    checkTypedAnswer: async (_, args, context) => {
      const graph = await context.study.forCards([args.cardId]);
      const card = cardById(graph, args.cardId);
      if (!card) throw badInput(`No flashcard "${args.cardId.slice(0, 100)}".`);
      if (card.answers.length === 0) throw badInput(`Flashcard "${card.id}" takes no typed answer (its back is not a name); see \`typeIn\`.`);
      const answer = textOfLength("answer", args.answer, 0, 200);
      return gradeTyped(answer, [card.back, ...card.answers], otherNamesThan(graph, card.answers));
    },
    studyStreak: async (_, args, context) => {
      const learner = await requireLearner(context);
      const dailyGoal = intInRange("dailyGoal", args.dailyGoal, 1, 1000, 20);
      return studyStreak(context.db, learner.id, { now: context.now, timeZone: timeZoneArg(args.timeZone), dailyGoal });
    },
  },
  Flashcard: {
    type: (card) => card.type.toUpperCase() as "TERM",
    typeIn: (card) => card.answers.length > 0,
    concept: async (card, _, { loaders }) => {
      const concept = await loaders.conceptBySlug.load(card.subject);
      if (!concept) throw new Error(`concept ${card.subject} is missing`);
      return concept;
    },
    citations: (card) => card.citations.map((c) => ({ ...c, passage: undefined })),
    progress: async (card, _, context) => {
      const learner = await context.learner();
      const saved = learner ? (await context.loaders.cardStates(learner.id)).get(card.id) : undefined;
      return { cardId: card.id, card: saved ?? newCard(context.now) };
    },
    intervals: async (card, _, context) => {
      const learner = await context.learner();
      const saved = learner ? (await context.loaders.cardStates(learner.id)).get(card.id) : undefined;
      return { now: context.now, cards: previewRatings(saved ?? newCard(context.now), context.now) };
    },
  },
  CardProgress: {
    cardId: (p) => p.cardId,
    state: (p) => STATE_NAMES[p.card.state],
    due: (p) => p.card.due.toISOString(),
    reps: (p) => p.card.reps,
    lapses: (p) => p.card.lapses,
    stability: (p) => p.card.stability,
    difficulty: (p) => p.card.difficulty,
    lastReview: (p) => p.card.last_review?.toISOString() ?? null,
  },
  RatingPreview: {
    again: ({ now, cards }) => ({ due: cards.AGAIN.due.toISOString(), interval: intervalLabel(now, cards.AGAIN.due) }),
    hard: ({ now, cards }) => ({ due: cards.HARD.due.toISOString(), interval: intervalLabel(now, cards.HARD.due) }),
    good: ({ now, cards }) => ({ due: cards.GOOD.due.toISOString(), interval: intervalLabel(now, cards.GOOD.due) }),
    easy: ({ now, cards }) => ({ due: cards.EASY.due.toISOString(), interval: intervalLabel(now, cards.EASY.due) }),
  },
};
