/**
 * The one-question quiz an embedded concept card offers ("test yourself").
 * The same for everyone: seeds are tried in a fixed order from one derived
 * from the slug, since with some seeds a concept's only question cannot be
 * built (a false version with no believable wrong value, say).
 */
import type { GraphSnapshot } from "../graph-snapshot.ts";
import { generateQuiz, type GeneratedQuiz, type QuizSpec } from "./generate-quiz.ts";

const TRIES = 8;

/** A stable seed from a slug (FNV-1a, kept positive). */
function seedOf(slug: string): number {
  let hash = 2166136261;
  for (const char of slug) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0 >>> 1;
}

/** The quiz and the spec that regenerates it (for grading), or null when the concept has nothing fair to ask. */
export function testYourselfQuiz(graph: GraphSnapshot, slug: string): { spec: QuizSpec; quiz: GeneratedQuiz } | null {
  const first = seedOf(slug);
  for (let i = 0; i < TRIES; i++) {
    const spec: QuizSpec = { kind: "MIXED", count: 1, seed: (first + i) % 2 ** 31, topic: slug, single: true };
    const quiz = generateQuiz(graph, spec);
    if (quiz.questions.length > 0) return { spec, quiz };
  }
  return null;
}
