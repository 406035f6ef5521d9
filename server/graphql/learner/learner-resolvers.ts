/** Learners: starting one, rating and un-rating cards, progress, export and import. */
import { badInput, textOfLength } from "../bad-input.ts";
import { createLearner, publicLearnerId } from "../../study/learners/learner-tokens.ts";
import { exportProgress, importProgress, InvalidProgressFileError } from "../../study/progress/export-progress.ts";
import { isTimeZone, learnerProgress } from "../../study/progress/learner-progress.ts";
import { reviewCard, ReviewIdReusedError, undoLastReview } from "../../study/scheduling/review-card.ts";
import type { Resolvers } from "../resolver-types.generated.ts";
import { cardsOfDeck } from "../study/flashcard-resolvers.ts";
import { requireLearner } from "./require-learner.ts";

export const learnerResolvers: Resolvers = {
  Query: {
    me: (_, __, context) => context.learner(),
    progress: async (_, args, context) => {
      const learner = await requireLearner(context);
      const timeZone = args.timeZone ?? "UTC";
      if (!isTimeZone(timeZone)) throw badInput(`"${timeZone.slice(0, 60)}" is not a time zone; use an IANA name such as "Europe/Paris" or "UTC".`);
      const deck = args.deck ?? "all";
      const cards = await cardsOfDeck(context, deck);
      return learnerProgress(context.db, await context.study.forDeck(deck), cards, { learnerId: learner.id, now: context.now, timeZone, wholeHistory: deck === "all" });
    },
    exportProgress: async (_, __, context) => exportProgress(context.db, (await requireLearner(context)).id, context.now, await context.quizKey()),
  },
  Mutation: {
    startLearner: async (_, __, { db }) => createLearner(db),
    review: async (_, args, context) => {
      const learner = await requireLearner(context);
      const reviewId = textOfLength("reviewId", args.reviewId, 1, 100);
      if (!(await context.study.cardsById([args.cardId])).has(args.cardId)) throw badInput(`No flashcard "${args.cardId.slice(0, 100)}".`);
      try {
        return await reviewCard(context.db, { learnerId: learner.id, cardId: args.cardId, rating: args.rating, reviewId, now: context.now });
      } catch (error) {
        if (error instanceof ReviewIdReusedError) throw badInput(error.message);
        throw error;
      }
    },
    undoReview: async (_, __, context) => undoLastReview(context.db, (await requireLearner(context)).id, context.now),
    importProgress: async (_, args, context) => {
      const learner = await requireLearner(context);
      try {
        const knownCards = async (ids: string[]) => new Set((await context.study.cardsById(ids)).keys());
        return await importProgress(context.db, learner.id, args.data, { key: await context.quizKey(), knownCards }, context.now);
      } catch (error) {
        if (error instanceof InvalidProgressFileError) throw badInput(error.message);
        throw error;
      }
    },
  },
  Learner: {
    id: async (learner, _, context) => publicLearnerId(learner.id, await context.quizKey()),
    createdAt: (learner) => learner.createdAt.toISOString(),
  },
  KindProgress: {
    kind: (row, _, { loaders }) => loaders.kind(row.kind),
  },
};

