/** Every card of a graph snapshot, generated once per snapshot: as a list and by id. */
import type { GraphSnapshot } from "../graph-snapshot.ts";
import { generateFlashcards, type Flashcard } from "./generate-flashcards.ts";

const lists = new WeakMap<GraphSnapshot, Flashcard[]>();
const indexes = new WeakMap<GraphSnapshot, Map<string, Flashcard>>();

export function allCards(graph: GraphSnapshot): Flashcard[] {
  let list = lists.get(graph);
  if (!list) {
    list = [...generateFlashcards(graph)];
    lists.set(graph, list);
  }
  return list;
}

export function cardById(graph: GraphSnapshot, id: string): Flashcard | undefined {
  let index = indexes.get(graph);
  if (!index) {
    index = new Map(allCards(graph).map((card) => [card.id, card]));
    indexes.set(graph, index);
  }
  return index.get(id);
}
