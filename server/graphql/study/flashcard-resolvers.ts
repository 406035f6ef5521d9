/** Decks and flashcards, with each card's place in the learner's schedule. */
import { cardById } from "../../study/flashcards/card-index.ts";
import { deckCards, listDecks, UnknownDeckError } from "../../study/flashcards/decks.ts";
import type { Flashcard } from "../../study/flashcards/generate-flashcards.ts";
import { intervalLabel, newCard, STATE_NAMES } from "../../study/scheduling/fsrs-scheduler.ts";
import { previewRatings } from "../../study/scheduling/review-card.ts";
import { badInput, intInRange } from "../bad-input.ts";
import type { GraphContext } from "../context.ts";
import { requireLearner } from "../learner/require-learner.ts";
import type { Resolvers } from "../resolver-types.generated.ts";

export async function cardsOfDeck(context: GraphContext, deck: string): Promise<Flashcard[]> {
  try {
    return deckCards(await context.snapshot(), deck);
  } catch (error) {
    if (error instanceof UnknownDeckError) throw badInput(error.message);
    throw error;
  }
}

export const flashcardResolvers: Resolvers = {
  Query: {
    decks: async (_, __, context) => listDecks(await context.snapshot()),
    flashcards: async (_, args, context) => {
      const first = intInRange("first", args.first, 1, 500, 50);
      const offset = intInRange("offset", args.offset, 0, 10_000_000, 0);
      return (await cardsOfDeck(context, args.deck ?? "all")).slice(offset, offset + first);
    },
    flashcard: async (_, { id }, context) => cardById(await context.snapshot(), id) ?? null,
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
  },
  Flashcard: {
    type: (card) => card.type.toUpperCase() as "TERM",
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
