/**
 * Decks: every card; the cards of one kind of concept; or a topic — a concept
 * and everything under it (e.g. "hypervisor": both types and every product).
 * Deck ids are "all", "kind:<kind slug>" and "topic:<concept slug>"; "concepts:<slug>,<slug>…" is
 * a deck of just those concepts (what a player missed in a live room), offered by link, not listed.
 */
import type { GraphSnapshot } from "../graph-snapshot.ts";
import type { RegionScope } from "../graph-region.ts";
import { topicMembers } from "../hierarchy.ts";
import { allCards } from "./card-index.ts";
import type { Flashcard } from "./generate-flashcards.ts";

export interface Deck {
  id: string;
  kind: "ALL" | "KIND" | "TOPIC";
  title: string;
  description: string;
  cardCount: number;
}

// A topic deck needs this many concepts under its head to be worth listing.
const MIN_TOPIC_SIZE = 4;

export class UnknownDeckError extends Error {}

/** A "concepts:" deck names at most this many (a quiz has at most 50 questions). */
const MAX_NAMED_CONCEPTS = 50;

/** What a deck id names, before looking it up; null when it is not a deck id at all. */
export function parseDeckId(deckId: string): Exclude<RegionScope, { type: "seed" }> | null {
  if (deckId === "all") return { type: "all" };
  const [type, slug] = deckId.split(/:(.*)/s);
  if (!slug) return null;
  if (type === "kind") return { type: "kind", kind: slug };
  if (type === "topic") return { type: "topic", slug };
  if (type === "concepts") return { type: "concepts", slugs: slug.split(",").slice(0, MAX_NAMED_CONCEPTS) };
  return null;
}

export function unknownDeck(deckId: string): UnknownDeckError {
  return new UnknownDeckError(
    `No deck "${deckId.slice(0, 80)}". Deck ids are "all", "kind:<kind>", "topic:<concept slug>" or "concepts:<slug>,<slug>…"; the \`decks\` query lists the first three.`,
  );
}

/**
 * Which concepts a deck covers; throws UnknownDeckError for an id that names no deck. A region
 * (on a graph studied in regions) was made for the deck: its focus is the deck's window.
 */
export function deckSubjects(graph: GraphSnapshot, deckId: string): ReadonlySet<string> | "all" {
  const scope = parseDeckId(deckId);
  if (scope !== null && graph.focus !== null && graph.focus.size > 0) return graph.focus;
  if (scope?.type === "all") return "all";
  if (scope?.type === "kind" && graph.kinds.has(scope.kind)) return new Set(graph.concepts.filter((c) => c.kind === scope.kind).map((c) => c.slug));
  if (scope?.type === "topic" && graph.concept.has(scope.slug)) return topicMembers(graph, scope.slug);
  if (scope?.type === "concepts") {
    const named = scope.slugs.filter((s) => graph.concept.has(s));
    if (named.length > 0) return new Set(named);
  }
  throw unknownDeck(deckId);
}

export function deckCards(graph: GraphSnapshot, deckId: string): Flashcard[] {
  const subjects = deckSubjects(graph, deckId);
  const cards = allCards(graph);
  return subjects === "all" ? cards : cards.filter((card) => subjects.has(card.subject));
}

/** All decks worth offering, with their sizes. */
export function listDecks(graph: GraphSnapshot): Deck[] {
  const perSubject = new Map<string, number>();
  let total = 0;
  for (const card of allCards(graph)) {
    perSubject.set(card.subject, (perSubject.get(card.subject) ?? 0) + 1);
    total++;
  }
  const count = (subjects: Iterable<string>) => [...subjects].reduce((sum, s) => sum + (perSubject.get(s) ?? 0), 0);
  const decks: Deck[] = [{ id: "all", kind: "ALL", title: "Everything", description: "Every card in the graph.", cardCount: total }];
  for (const [slug, kind] of graph.kinds) {
    const members = graph.concepts.filter((c) => c.kind === slug).map((c) => c.slug);
    if (members.length === 0) continue;
    decks.push({ id: `kind:${slug}`, kind: "KIND", title: kind.plural, description: `Cards about ${members.length} ${kind.plural.toLowerCase()}.`, cardCount: count(members) });
  }
  const topics = graph.concepts
    .map((c) => ({ concept: c, members: topicMembers(graph, c.slug) }))
    .filter((t) => t.members.size >= MIN_TOPIC_SIZE)
    .sort((x, y) => y.members.size - x.members.size || x.concept.name.localeCompare(y.concept.name));
  for (const { concept, members } of topics) {
    decks.push({
      id: `topic:${concept.slug}`,
      kind: "TOPIC",
      title: concept.name,
      description: `${concept.name} and the ${members.size - 1} concepts under it.`,
      cardCount: count(members),
    });
  }
  return decks;
}

/**
 * A deck of a graph studied in regions (study-graphs.ts), made from the region of its window: the
 * first concepts of the deck by slug. Its description says what it is a window onto.
 */
export function windowDeck(graph: GraphSnapshot, deck: { id: string; kind: "ALL" | "KIND"; title: string; plural: string; concepts: number }): Deck {
  const window = graph.focus?.size ?? 0;
  return {
    id: deck.id,
    kind: deck.kind,
    title: deck.title,
    description: `Cards about the first ${window} of ${deck.concepts.toLocaleString("en")} ${deck.plural}, in alphabetical order.`,
    cardCount: deckCards(graph, deck.id).length,
  };
}
