/**
 * A quiz from the arguments a client gave (kind, count, seed, topic), checked: what `quiz` answers
 * and what a live room is opened with, so both refuse the same mistakes with the same words.
 */
import { randomInt } from "node:crypto";
import { UnknownTopicError, type GeneratedQuiz } from "../../study/quiz/generate-quiz.ts";
import type { QuizKind } from "../../study/quiz/quiz-question.ts";
import { badInput, intInRange } from "../bad-input.ts";
import type { GraphContext } from "../context.ts";

export interface QuizArguments {
  kind: QuizKind;
  count?: number | null | undefined;
  seed?: number | null | undefined;
  topic?: string | null | undefined;
}

export async function makeQuiz(context: GraphContext, args: QuizArguments): Promise<GeneratedQuiz> {
  const count = intInRange("count", args.count, 1, 50, 10);
  const seed = args.seed ?? randomInt(0, 2 ** 31 - 1);
  const topic = args.topic ?? null;
  try {
    const spec = { kind: args.kind, count, seed, topic };
    const quiz = await context.study.quiz(spec);
    if (quiz.questions.length === 0) throw badInput(`There are no ${args.kind} questions${topic ? ` on the topic "${topic}"` : ""}; try another kind or topic.`);
    return quiz;
  } catch (error) {
    if (error instanceof UnknownTopicError) throw badInput(error.message);
    throw error;
  }
}
