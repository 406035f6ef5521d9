/**
 * Builds, ahead of the first learner, what studying derives from the graph.
 * For a whole graph: the flashcards, every quiz kind's candidate questions and
 * the matching game's category index, each cached per snapshot by the module
 * that owns it (on a graph of 20k concepts, seconds the first quiz would
 * otherwise wait for). For a graph studied in regions: the deck list, whose
 * every deck's window is a region read from the database.
 */
import { onNextTurn } from "./collect-in-slices.ts";
import { allCardsInSlices, cardById } from "./flashcards/card-index.ts";
import { categoryIndex } from "./matching/generate-matching.ts";
import { quizCandidatesInSlices } from "./quiz/generate-quiz.ts";
import { QUESTION_KINDS } from "./quiz/quiz-question.ts";
import type { StudyGraphs } from "./study-graphs.ts";

export interface WarmUpOutcome {
  /** Whether the graph is studied in regions (then `cards` counts the decks' windows). */
  regions: boolean;
  cards: number;
  decks: number;
  quizCandidates: number;
  /** False when the graph was re-seeded meanwhile, and the rest was left for the new snapshot. */
  finished: boolean;
}

export async function warmUpStudy(study: StudyGraphs, stillCurrent: () => boolean = () => true): Promise<WarmUpOutcome> {
  const outcome: WarmUpOutcome = { regions: false, cards: 0, decks: 0, quizCandidates: 0, finished: false };
  const graph = await study.whole();
  if (graph === null) {
    const decks = await study.decks();
    return { ...outcome, regions: true, decks: decks.length, cards: decks.reduce((sum, d) => sum + d.cardCount, 0), finished: stillCurrent() };
  }
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
