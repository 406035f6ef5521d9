/**
 * Builds, ahead of the first learner, what studying derives from a graph
 * snapshot: the flashcards, every quiz kind's candidate questions and the
 * matching game's category index. Each is cached per snapshot by the module
 * that owns it; this only asks for them early. On a graph of 100k concepts
 * that is seconds of work the first quiz would otherwise wait for.
 */
import { onNextTurn } from "./collect-in-slices.ts";
import { allCardsInSlices, cardById } from "./flashcards/card-index.ts";
import type { GraphSnapshot } from "./graph-snapshot.ts";
import { categoryIndex } from "./matching/generate-matching.ts";
import { quizCandidatesInSlices } from "./quiz/generate-quiz.ts";
import { QUESTION_KINDS } from "./quiz/quiz-question.ts";

export interface WarmUpOutcome {
  cards: number;
  quizCandidates: number;
  /** False when the graph was re-seeded meanwhile, and the rest was left for the new snapshot. */
  finished: boolean;
}

export async function warmUpStudy(graph: GraphSnapshot, stillCurrent: () => boolean = () => true): Promise<WarmUpOutcome> {
  const outcome: WarmUpOutcome = { cards: 0, quizCandidates: 0, finished: false };
  outcome.cards = (await allCardsInSlices(graph)).length;
  if (!stillCurrent()) return outcome;
  await onNextTurn(() => cardById(graph, ""));
  for (const kind of QUESTION_KINDS) {
    if (!stillCurrent()) return outcome;
    outcome.quizCandidates += (await quizCandidatesInSlices(graph, kind)).length;
  }
  if (!stillCurrent()) return outcome;
  await onNextTurn(() => categoryIndex(graph, null));
  outcome.finished = true;
  return outcome;
}
