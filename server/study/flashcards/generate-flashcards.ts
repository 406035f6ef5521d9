/**
 * Flashcards, generated from the graph: nothing is written by hand per card.
 *
 * A card's id is made of what the card is about (its type and the slugs or
 * claim key behind it), never of database ids, so a re-seed keeps every
 * learner's progress on every card that still exists.
 */
import type { GraphSnapshot, SnapshotCitation, SnapshotClaim } from "../graph-snapshot.ts";

export type CardType = "term" | "definition" | "kind" | "relation" | "polarity" | "comparison";

export interface Flashcard {
  id: string;
  type: CardType;
  /** The concept the card is mainly about (decks group cards by it). */
  subject: string;
  front: string;
  back: string;
  explanation: string;
  citations: SnapshotCitation[];
}

function list(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function article(label: string): string {
  return /^[aeiou]/i.test(label) ? `an ${label}` : `a ${label}`;
}

const polarityWord = { pro: "Advantage", con: "Drawback" } as const;

const pairCache = new WeakMap<GraphSnapshot, { a: string; b: string; aspects: string[] }[]>();

/** Pairs of concepts the graph contrasts, each with the aspects both have values on (once per snapshot). */
export function contrastedPairs(graph: GraphSnapshot): { a: string; b: string; aspects: string[] }[] {
  const cached = pairCache.get(graph);
  if (cached) return cached;
  const seen = new Set<string>();
  const pairs: { a: string; b: string; aspects: string[] }[] = [];
  for (const relation of graph.relations) {
    if (!graph.comparing.has(relation.type)) continue;
    const key = [relation.from, relation.to].sort().join("|");
    if (seen.has(key)) continue;
    seen.add(key);
    const valued = (slug: string) => new Set((graph.claimsOf.get(slug) ?? []).filter((c) => c.aspect && c.value).map((c) => c.aspect as string));
    const onA = valued(relation.from);
    const onB = valued(relation.to);
    const aspects = [...graph.aspects.keys()].filter((aspect) => onA.has(aspect) && onB.has(aspect));
    pairs.push({ a: relation.from, b: relation.to, aspects });
  }
  pairCache.set(graph, pairs);
  return pairs;
}

const partnerCache = new WeakMap<GraphSnapshot, Map<string, string[]>>();

/** The concepts the graph contrasts with this one (indexed once per snapshot). */
export function contrastPartners(graph: GraphSnapshot, slug: string): readonly string[] {
  let index = partnerCache.get(graph);
  if (!index) {
    index = new Map();
    for (const { a, b } of contrastedPairs(graph)) {
      for (const [one, other] of [[a, b], [b, a]] as const) {
        const list = index.get(one);
        if (list) list.push(other);
        else index.set(one, [other]);
      }
    }
    partnerCache.set(graph, index);
  }
  return index.get(slug) ?? [];
}

export function* generateFlashcards(graph: GraphSnapshot): Generator<Flashcard> {
  const name = (slug: string) => graph.concept.get(slug)?.name ?? slug;
  const citationsOfClaims = (claims: SnapshotClaim[]) => claims.flatMap((c) => graph.citationsOfClaim.get(c.id) ?? []);

  for (const concept of graph.concepts) {
    const kind = graph.kinds.get(concept.kind)?.label ?? concept.kind;
    const cited = graph.citationsOfConcept.get(concept.id) ?? [];
    const aka = concept.aliases.filter((a) => a.toLowerCase() !== concept.name.toLowerCase());
    yield {
      id: `term:${concept.slug}`,
      type: "term",
      subject: concept.slug,
      front: concept.name,
      back: concept.summary,
      explanation: `${concept.name} is ${article(kind.toLowerCase())}.${aka.length ? ` Also called ${list(aka.slice(0, 3))}.` : ""}`,
      citations: cited,
    };
    yield {
      id: `definition:${concept.slug}`,
      type: "definition",
      subject: concept.slug,
      front: concept.summary,
      back: concept.name,
      explanation: `This describes ${concept.name}, ${article(kind.toLowerCase())}.`,
      citations: cited,
    };
    yield {
      id: `kind:${concept.slug}`,
      type: "kind",
      subject: concept.slug,
      front: `What kind of thing is ${concept.name}?`,
      back: kind,
      explanation: concept.summary,
      citations: cited,
    };

    // One card per relation type, listing every target, so the answer is complete.
    const byType = new Map<string, typeof graph.relations>();
    for (const relation of graph.outgoing.get(concept.slug) ?? []) {
      byType.set(relation.type, [...(byType.get(relation.type) ?? []), relation]);
    }
    for (const [type, relations] of byType) {
      const label = graph.relationLabels.get(type) ?? type;
      const targets = relations.map((r) => name(r.to)).sort();
      const first = graph.concept.get(relations[0]?.to ?? "");
      yield {
        id: `relation:${concept.slug}:${type}`,
        type: "relation",
        subject: concept.slug,
        front: `${concept.name} ${label} …`,
        back: list(targets),
        explanation: `${concept.name} ${label} ${list(targets)}.${first ? ` ${first.name}: ${first.summary}` : ""}`,
        citations: relations.flatMap((r) => graph.citationsOfRelation.get(r.id) ?? []),
      };
    }

    for (const claim of graph.claimsOf.get(concept.slug) ?? []) {
      if (claim.polarity === "neutral") continue;
      const aspect = claim.aspect ? graph.aspects.get(claim.aspect) : undefined;
      yield {
        id: `polarity:${claim.key}`,
        type: "polarity",
        subject: concept.slug,
        front: `An advantage or a drawback of ${concept.name}? “${claim.statement}”`,
        back: polarityWord[claim.polarity],
        explanation: `Counted as ${claim.polarity === "pro" ? "an advantage" : "a drawback"} of ${concept.name}${aspect ? ` (${aspect.toLowerCase()}${claim.value ? `: ${claim.value}` : ""})` : ""}.`,
        citations: graph.citationsOfClaim.get(claim.id) ?? [],
      };
    }
  }

  for (const { a, b, aspects } of contrastedPairs(graph)) {
    for (const aspect of aspects) {
      const label = graph.aspects.get(aspect) ?? aspect;
      const onA = (graph.claimsOf.get(a) ?? []).filter((c) => c.aspect === aspect && c.value);
      const onB = (graph.claimsOf.get(b) ?? []).filter((c) => c.aspect === aspect && c.value);
      yield {
        id: `comparison:${a}:${b}:${aspect}`,
        type: "comparison",
        subject: a,
        front: `${label}: ${name(a)} vs ${name(b)}`,
        back: `${name(a)}: ${onA.map((c) => c.value).join("; ")} · ${name(b)}: ${onB.map((c) => c.value).join("; ")}`,
        explanation: [...onA, ...onB].map((c) => c.statement).join(" "),
        citations: citationsOfClaims([...onA, ...onB]),
      };
    }
  }
}
