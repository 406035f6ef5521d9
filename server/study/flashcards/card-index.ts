/** Every card of a graph snapshot by id, built once per snapshot. */
import type { GraphSnapshot } from "../graph-snapshot.ts";
import { generateFlashcards, type Flashcard } from "./generate-flashcards.ts";

const indexes = new WeakMap<GraphSnapshot, Map<string, Flashcard>>();

export function cardById(graph: GraphSnapshot, id: string): Flashcard | undefined {
  let index = indexes.get(graph);
  if (!index) {
    index = new Map([...generateFlashcards(graph)].map((card) => [card.id, card]));
    indexes.set(graph, index);
  }
  return index.get(id);
}
