/** Every card of a graph snapshot (of a region, its focus's), generated once per snapshot: as a list and by id. */
import { collectInSlices } from "../collect-in-slices.ts";
import type { GraphSnapshot } from "../graph-snapshot.ts";
import { push } from "../../lists-by-key.ts";
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

const generated = new WeakMap<GraphSnapshot, Flashcard[]>();

/**
 * Every card the snapshot yields, before fronts with several answers are dropped; of a region, its
 * focus's only, and kept (cardById judges them subject by subject).
 */
function generatedCards(graph: GraphSnapshot, made?: Flashcard[]): Flashcard[] {
  const known = generated.get(graph);
  if (known) return known;
  // A region deals only its focus's cards: of its other concepts it does not hold every relation.
  const focus = graph.focus;
  const cards = (made ?? [...generateFlashcards(graph)]).filter((card) => focus === null || focus.has(card.subject));
  if (focus !== null) generated.set(graph, cards);
  return cards;
}

function remember(graph: GraphSnapshot, made?: Flashcard[]): Flashcard[] {
  const known = lists.get(graph);
  if (known) return known;
  const list = withOneAnswerPerFront(generatedCards(graph, made));
  lists.set(graph, list);
  return list;
}

export function allCards(graph: GraphSnapshot): Flashcard[] {
  return lists.get(graph) ?? remember(graph);
}

/** The same list, built in slices that leave the server responsive (for building ahead). */
export async function allCardsInSlices(graph: GraphSnapshot): Promise<Flashcard[]> {
  return lists.get(graph) ?? remember(graph, generated.get(graph) ?? (await collectInSlices(generateFlashcards(graph))));
}

/** The concept slugs a card id names: its subject, and for a comparison card the other side. */
export function slugsOfCardId(id: string): string[] {
  const [type, ...rest] = id.split(":");
  if (type === "comparison") return rest.slice(0, 2);
  return rest.slice(0, 1);
}

interface SubjectIndex {
  /** The region's cards by subject, as generated. */
  cardsOf: Map<string, Flashcard[]>;
  /** Per list of subjects a card id names (as JSON), their cards each with one answer per front, by id. */
  judged: Map<string, Map<string, Flashcard>>;
}
const subjectIndexes = new WeakMap<GraphSnapshot, SubjectIndex>();

/**
 * A card by its id. In a whole graph, as the graph deals it. In a region, as a region about the
 * concepts its id names and nothing else would deal it: judged only among their cards (each front with
 * one answer). A region's other subjects depend on what read it (a deck's window, the card links opened
 * at the same moment), and a card must open the same whichever region serves it.
 */
export function cardById(graph: GraphSnapshot, id: string): Flashcard | undefined {
  if (graph.focus === null) {
    let index = indexes.get(graph);
    if (!index) {
      index = new Map(allCards(graph).map((card) => [card.id, card]));
      indexes.set(graph, index);
    }
    return index.get(id);
  }
  const subjects = slugsOfCardId(id);
  // A region deals cards of its focus only; ids naming anything else are not remembered.
  if (!graph.focus.has(subjects[0] ?? "")) return undefined;
  let index = subjectIndexes.get(graph);
  if (!index) {
    const cardsOf = new Map<string, Flashcard[]>();
    for (const card of generatedCards(graph)) push(cardsOf, card.subject, card);
    index = { cardsOf, judged: new Map() };
    subjectIndexes.set(graph, index);
  }
  const key = JSON.stringify(subjects);
  let judged = index.judged.get(key);
  if (!judged) {
    const theirs = [...new Set(subjects)].flatMap((slug) => index.cardsOf.get(slug) ?? []);
    judged = new Map(withOneAnswerPerFront(theirs).map((card) => [card.id, card]));
    index.judged.set(key, judged);
  }
  return judged.get(id);
}
