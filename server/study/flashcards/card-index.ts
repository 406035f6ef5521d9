/** Every card of a graph snapshot, generated once per snapshot: as a list and by id. */
import { collectInSlices } from "../collect-in-slices.ts";
import type { GraphSnapshot } from "../graph-snapshot.ts";
import { generateFlashcards, type Flashcard } from "./generate-flashcards.ts";

const lists = new WeakMap<GraphSnapshot, Flashcard[]>();
const indexes = new WeakMap<GraphSnapshot, Map<string, Flashcard>>();

function remember(graph: GraphSnapshot, list: Flashcard[]): Flashcard[] {
  const known = lists.get(graph);
  if (known) return known;
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
