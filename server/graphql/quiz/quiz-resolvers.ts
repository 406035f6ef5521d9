/** Quizzes: generated on request, graded on the server from the signed quiz id alone. */
import { randomInt } from "node:crypto";
import { quizAnswers } from "../../../schema/index.ts";
import { UnknownTopicError } from "../../study/quiz/generate-quiz.ts";
import { decodeQuizId, encodeQuizId, InvalidQuizIdError } from "../../study/quiz/quiz-id.ts";
import { testYourselfQuiz } from "../../study/quiz/test-yourself.ts";
import { weakSpots } from "../../study/quiz/weak-spots.ts";
import { requireLearner } from "../learner/require-learner.ts";
import { badInput, intInRange } from "../bad-input.ts";
import type { Resolvers } from "../resolver-types.generated.ts";
import { makeQuiz } from "./make-quiz.ts";

export const quizResolvers: Resolvers = {
  Concept: {
    testYourself: async (concept, _, context) => {
      // Every seed it tries has the concept as its topic: one region serves them all.
      const found = testYourselfQuiz(await context.study.forRound({ seed: 0, topic: concept.slug }), concept.slug);
      return found ? { ...found.quiz, id: encodeQuizId(await context.quizKey(), found.spec) } : null;
    },
  },
  Query: {
    quiz: async (_, args, context) => {
      const quiz = await makeQuiz(context, args);
      return { ...quiz, id: encodeQuizId(await context.quizKey(), quiz) };
    },
    weakSpotsQuiz: async (_, args, context) => {
      const learner = await requireLearner(context);
      const count = intInRange("count", args.count, 1, 50, 10);
      const kind = args.kind ?? "MIXED";
      const key = await context.quizKey();
      const focus = await weakSpots(context.db, context.study, key, learner.id, new Date());
      if (focus.length === 0) throw badInput("No weak spots yet: review some flashcards or take a quiz first, then come back.");
      const spec = { kind, count, seed: randomInt(0, 2 ** 31 - 1), topic: null, focus };
      const quiz = await context.study.quiz(spec);
      if (quiz.questions.length === 0) throw badInput(`There are no ${kind} questions on your weak spots; try another kind.`);
      return { ...quiz, id: encodeQuizId(key, spec) };
    },
  },
  Mutation: {
    answer: async (_, args, context) => {
      let spec;
      try {
        spec = decodeQuizId(await context.quizKey(), args.quizId);
      } catch (error) {
        if (error instanceof InvalidQuizIdError || error instanceof SyntaxError) throw badInput(new InvalidQuizIdError().message);
        throw error;
      }
      let quiz;
      try {
        quiz = await context.study.quiz(spec);
      } catch (error) {
        if (error instanceof UnknownTopicError) throw badInput("That question is not part of this quiz (the graph may have changed since it was made). Start a new quiz.");
        throw error;
      }
      const question = quiz.questions.find((q) => q.id === args.questionId);
      if (!question) throw badInput("That question is not part of this quiz (the graph may have changed since it was made). Start a new quiz.");
      if (!question.choices.some((c) => c.id === args.choiceId)) throw badInput("That choice is not one of the question's choices.");
      const correct = question.correctChoiceId === args.choiceId;
      let recorded = false;
      const learner = await context.learner();
      if (learner) {
        const saved = await context.db
          .insert(quizAnswers)
          .values({ learnerId: learner.id, quizId: args.quizId, questionId: question.id, quizKind: question.kind, correct })
          .onConflictDoNothing()
          .returning({ quizId: quizAnswers.quizId });
        recorded = saved.length > 0;
      }
      const chosen = correct ? undefined : question.wrongNotes[args.choiceId];
      return {
        correct,
        correctChoiceId: question.correctChoiceId,
        explanation: question.explanation,
        citations: question.citations,
        chosenExplanation: chosen?.explanation ?? null,
        chosenCitations: chosen?.citations ?? [],
        recorded,
      };
    },
  },
  Question: {
    concept: async (question, _, { loaders }) => {
      const concept = await loaders.conceptBySlug.load(question.subject);
      if (!concept) throw new Error(`concept ${question.subject} is missing`);
      return concept;
    },
  },
  AnswerResult: {
    citations: (result) => result.citations.map((c) => ({ ...c, passage: undefined })),
    chosenCitations: (result) => result.chosenCitations.map((c) => ({ ...c, passage: undefined })),
  },
};
