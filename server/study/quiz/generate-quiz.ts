/**
 * Builds a quiz from the graph: the seed decides everything, so the same
 * (kind, count, seed, topic) always gives the same questions in the same
 * order — that is what a shared link and server-side grading rely on.
 */
import type { GraphSnapshot } from "../graph-snapshot.ts";
import { topicMembers } from "../hierarchy.ts";
import { seededRandom, type Random } from "../seeded-random.ts";
import { classificationCandidates, classificationQuestion } from "./kinds/classification-questions.ts";
import { comparisonCandidates, comparisonQuestion } from "./kinds/comparison-questions.ts";
import { definitionCandidates, definitionQuestion } from "./kinds/definition-questions.ts";
import { prosConsCandidates, prosConsQuestion } from "./kinds/pros-cons-questions.ts";
import { trueFalseCandidates, trueFalseQuestion } from "./kinds/true-false-questions.ts";
import { QUESTION_KINDS, type QuestionKind, type QuizKind, type QuizQuestion } from "./quiz-question.ts";

export interface QuizSpec {
  kind: QuizKind;
  count: number;
  seed: number;
  topic: string | null;
}

export interface GeneratedQuiz extends QuizSpec {
  questions: QuizQuestion[];
}

/** An endless-enough supply of one kind's questions, in seeded random order. */
function questionStream(graph: GraphSnapshot, kind: QuestionKind, inTopic: (slug: string) => boolean, random: Random): () => QuizQuestion | null {
  const stream = <C>(candidates: C[], build: (graph: GraphSnapshot, candidate: C, random: Random) => QuizQuestion | null) => {
    const order = random.shuffle(candidates);
    let next = 0;
    return () => {
      while (next < order.length) {
        const question = build(graph, order[next++] as C, random);
        if (question) return question;
      }
      return null;
    };
  };
  switch (kind) {
    case "DEFINITION":
      return stream(definitionCandidates(graph, inTopic), definitionQuestion);
    case "CLASSIFICATION":
      return stream(classificationCandidates(graph, inTopic), classificationQuestion);
    case "COMPARISON":
      return stream(comparisonCandidates(graph, inTopic), comparisonQuestion);
    case "PROS_CONS":
      return stream(prosConsCandidates(graph, inTopic), prosConsQuestion);
    case "TRUE_FALSE":
      return stream(trueFalseCandidates(graph, inTopic), trueFalseQuestion);
  }
}

export class UnknownTopicError extends Error {}

export function generateQuiz(graph: GraphSnapshot, spec: QuizSpec): GeneratedQuiz {
  let inTopic: (slug: string) => boolean = () => true;
  if (spec.topic !== null) {
    if (!graph.concept.has(spec.topic)) throw new UnknownTopicError(`No concept "${spec.topic.slice(0, 80)}" to take a topic from.`);
    const members = topicMembers(graph, spec.topic);
    inTopic = (slug) => members.has(slug);
  }
  const random = seededRandom(spec.seed);
  const kinds: QuestionKind[] = spec.kind === "MIXED" ? [...QUESTION_KINDS] : [spec.kind];
  const streams = new Map(kinds.map((k) => [k, questionStream(graph, k, inTopic, random)]));
  const questions: QuizQuestion[] = [];
  const seen = new Set<string>();
  while (questions.length < spec.count && streams.size > 0) {
    // MIXED draws each question's kind at random among those that still have questions.
    const live = [...streams.keys()];
    const kind = live[random.below(live.length)] as QuestionKind;
    const question = streams.get(kind)?.() ?? null;
    if (!question) {
      streams.delete(kind);
      continue;
    }
    if (seen.has(question.id)) continue;
    seen.add(question.id);
    questions.push(question);
  }
  return { ...spec, questions };
}
