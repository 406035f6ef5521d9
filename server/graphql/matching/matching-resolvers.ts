/** The matching game: rounds generated from the graph snapshot, reproducible from their seed. */
import { randomInt } from "node:crypto";
import { generateMatching, MatchingError } from "../../study/matching/generate-matching.ts";
import { UnknownTopicError } from "../../study/quiz/generate-quiz.ts";
import { badInput, intInRange } from "../bad-input.ts";
import type { Resolvers } from "../resolver-types.generated.ts";

export const matchingResolvers: Resolvers = {
  Query: {
    matching: async (_, args, context) => {
      const size = intInRange("size", args.size, 3, 10, 6);
      const seed = args.seed ?? randomInt(0, 2 ** 31 - 1);
      try {
        const spec = { kind: args.kind, size, seed, topic: args.topic ?? null };
        return generateMatching(await context.study.forRound({ ...spec, matching: true }), spec);
      } catch (error) {
        if (error instanceof MatchingError || error instanceof UnknownTopicError) throw badInput(error.message);
        throw error;
      }
    },
  },
  MatchTerm: {
    concept: async (term, _, { loaders }) => {
      const concept = await loaders.conceptBySlug.load(term.subject);
      if (!concept) throw new Error(`concept ${term.subject} is missing`);
      return concept;
    },
    citations: (term) => term.citations.map((c) => ({ ...c, passage: undefined })),
  },
};
