/** Every card of a graph snapshot (of a region, its focus's), generated once per snapshot: as a list and by id. */
import { collectInSlices } from "../collect-in-slices.ts";
import type { GraphSnapshot } from "../graph-snapshot.ts";
import { generateFlashcards, type Flashcard } from "./generate-flashcards.ts";

const lists = new WeakMap<GraphSnapshot, Flashcard[]>();
const indexes = new WeakMap<GraphSnapshot, Map<string, Flashcard>>();

/**
 * Cards whose front has another card's front but a different back are dropped,
 * all of them: a front must have one answer (three clouds whose summaries differ
 * only by the masked maker's name read "[…]'s cloud, which rents VMs by the fleet").
 */
export function withOneAnswerPerFront(cards: Flashcard[]): Flashcard[] {
  const AMBIGUOUS = Symbol("ambiguous");
  const backOf = new Map<string, string | typeof AMBIGUOUS>();
  for (const card of cards) {
    const known = backOf.get(card.front);
    if (known === undefined) backOf.set(card.front, card.back);
    else if (known !== AMBIGUOUS && known.toLowerCase() !== card.back.toLowerCase()) backOf.set(card.front, AMBIGUOUS);
  }
  return cards.filter((card) => backOf.get(card.front) !== AMBIGUOUS);
}

function remember(graph: GraphSnapshot, generated: Flashcard[]): Flashcard[] {
  const known = lists.get(graph);
  if (known) return known;
  // A region deals only its focus's cards: of its other concepts it does not hold every relation.
  const focus = graph.focus;
  const list = withOneAnswerPerFront(generated).filter((card) => focus === null || focus.has(card.subject));
  lists.set(graph, list);
  return list;
}

export function allCards(graph: GraphSnapshot): Flashcard[] {
  return lists.get(graph) ?? remember(graph, [...generateFlashcards(graph)]);
}

/** The same list, built in slices that leave the server responsive (for building ahead). */
export async function allCardsInSlices(graph: GraphSnapshot): Promise<Flashcard[]> {
  return lists.get(graph) ?? remember(graph, await collectInSlices(generateFlashcards(graph)));
}

export function cardById(graph: GraphSnapshot, id: string): Flashcard | undefined {
  let index = indexes.get(graph);
  if (!index) {
    index = new Map(allCards(graph).map((card) => [card.id, card]));
    indexes.set(graph, index);
  }
  return index.get(id);
}
