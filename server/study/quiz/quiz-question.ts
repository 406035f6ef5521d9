/** What a generated quiz question is, inside the server (the API never shows `correctChoiceId`). */
import { createHash } from "node:crypto";
import type { SnapshotCitation } from "../graph-snapshot.ts";

export const QUESTION_KINDS = ["DEFINITION", "CLASSIFICATION", "COMPARISON", "PROS_CONS", "TRUE_FALSE"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export type QuizKind = QuestionKind | "MIXED";

/**
 * What a question asserts, in terms of the graph, so that its answer can be
 * checked against the graph independently of how the question was made.
 * Choice refs are concept slugs, kind slugs, "a"/"b"/"both", "pro"/"con"/"neutral" or "true"/"false".
 */
export type Ask =
  | { type: "definition"; concept: string }
  | { type: "category"; subject: string }
  | { type: "kind"; subject: string }
  | { type: "comparison"; a: string; b: string; fact: Fact }
  | { type: "polarity"; claim: string }
  | { type: "true-false"; subject: string; fact: Fact };

/** A checkable fact about a concept: classified under a category, or a value on an aspect. */
export type Fact = { category: string } | { aspect: string; value: string };

export interface Choice {
  id: string;
  text: string;
  ref: string;
}

export interface QuizQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  choices: Choice[];
  correctChoiceId: string;
  /** The concept the question is about. */
  subject: string;
  ask: Ask;
  /** 0 (easy) to 1 (hard): how close the wrong choices stand to the right one. */
  difficulty: number;
  explanation: string;
  citations: SnapshotCitation[];
}

function shortHash(text: string, length: number): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, length);
}

/**
 * Assembles a question: ids are derived from its content (so regenerating the
 * quiz gives the same ids), and the choices come in the order given (callers shuffle).
 */
export function makeQuestion(input: {
  kind: QuestionKind;
  key: string;
  prompt: string;
  choices: { text: string; ref: string }[];
  correctRef: string;
  subject: string;
  ask: Ask;
  difficulty: number;
  explanation: string;
  citations: SnapshotCitation[];
}): QuizQuestion {
  const id = `q_${shortHash(`${input.kind}|${input.key}`, 12)}`;
  const choices = input.choices.map((c) => ({ ...c, id: `c_${shortHash(`${id}|${c.ref}`, 8)}` }));
  const correct = choices.find((c) => c.ref === input.correctRef);
  if (!correct) throw new Error(`question ${input.key}: the correct choice is missing`);
  return {
    id,
    kind: input.kind,
    prompt: input.prompt,
    choices,
    correctChoiceId: correct.id,
    subject: input.subject,
    ask: input.ask,
    difficulty: Math.round(input.difficulty * 100) / 100,
    explanation: input.explanation,
    citations: input.citations,
  };
}
