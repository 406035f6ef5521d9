/** What a generated quiz question is, inside the server (the API never shows `correctChoiceId`). */
import { createHash } from "node:crypto";
import { distinctCitations, type SnapshotCitation } from "../graph-snapshot.ts";

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
  | { type: "comparison"; a: string; b: string; fact: Fact }
  /** Which value (choice ref "<aspect>=<value>") is an advantage ("pro") or drawback ("con") of the subject over the partner. */
  | { type: "advantage"; subject: string; partner: string; polarity: "pro" | "con" }
  | { type: "true-false"; subject: string; fact: Fact };

/** A checkable fact about a concept: classified under a category, or a value on an aspect. */
export type Fact = { category: string } | { aspect: string; value: string };

export interface Choice {
  id: string;
  text: string;
  ref: string;
}

/** Why a wrong choice is wrong: the graph's own fact about it, with its sources. */
export interface WrongChoiceNote {
  explanation: string;
  citations: SnapshotCitation[];
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
  /** The right answer as a full sentence. */
  explanation: string;
  citations: SnapshotCitation[];
  /** By choice id, for the wrong choices. */
  wrongNotes: Record<string, WrongChoiceNote>;
  /**
   * What the question asks or reveals ("value:container:startup-time",
   * "pair:container|virtual-machine"): a quiz never holds two questions that
   * share one, so no question repeats a fact or gives another's answer away.
   */
  facts: string[];
  /**
   * What its choices and notes show without asking it (a wrong choice's own
   * definition, say): no later question in the quiz may ask these, though they
   * may be shown again.
   */
  reveals: string[];
  /**
   * The words the answer must be recognised from (a definition question's quoted
   * text): not asked once an earlier question of the quiz has shown the same
   * phrases ("the most popular container platform" in a note about its maker).
   */
  clue?: string;
  /**
   * What must not have been shown earlier in the quiz, without being spent by
   * this question: a value of a concept is not asked once a note has glossed
   * what the concept is ("described:"; "…hardware virtualization, which means every
   * instance boots a complete operating system of its own", then "a VM runs on a
   * kernel of its own?"), nor a category once a note has explained it ("explained:").
   */
  unseen?: string[];
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
  choices: { text: string; ref: string; whyWrong?: WrongChoiceNote }[];
  correctRef: string;
  subject: string;
  ask: Ask;
  difficulty: number;
  explanation: string;
  citations: SnapshotCitation[];
  facts: string[];
  reveals?: string[];
  clue?: string;
  unseen?: string[];
}): QuizQuestion {
  const id = `q_${shortHash(`${input.kind}|${input.key}`, 12)}`;
  const withIds = input.choices.map((c) => ({ ...c, id: `c_${shortHash(`${id}|${c.ref}`, 8)}` }));
  const correct = withIds.find((c) => c.ref === input.correctRef);
  if (!correct) throw new Error(`question ${input.key}: the correct choice is missing`);
  const wrongNotes: Record<string, WrongChoiceNote> = {};
  for (const c of withIds) if (c.whyWrong && c.id !== correct.id) wrongNotes[c.id] = { ...c.whyWrong, citations: distinctCitations(c.whyWrong.citations) };
  const choices = withIds.map(({ id: choiceId, text, ref }) => ({ id: choiceId, text, ref }));
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
    citations: distinctCitations(input.citations),
    wrongNotes,
    facts: input.facts,
    reveals: input.reveals ?? [],
    ...(input.clue === undefined ? {} : { clue: input.clue }),
    ...(input.unseen === undefined ? {} : { unseen: input.unseen }),
  };
}
