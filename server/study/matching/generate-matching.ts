/**
 * Rounds of the matching game, built from the graph like quizzes are: the
 * seed decides everything, so a round can be shared as a link.
 *
 * CATEGORY sorts tools and providers into categories (several terms may share
 * one), and a term is only offered when exactly one of the round's categories
 * lies above it — so no term can be placed rightly in two places.
 * SUMMARY pairs concepts one to one with their summaries; the concepts are
 * drawn from one neighbourhood (same kind, same categories) so the summaries
 * resemble each other and the round is worth playing.
 */
import type { GraphSnapshot, SnapshotCitation } from "../graph-snapshot.ts";
import { allCategories, ancestorsOf, categoriesOf, isCategory, topicMembers } from "../hierarchy.ts";
import { conceptsOfKind } from "../quiz/facts.ts";
import { seededRandom, type Random } from "../seeded-random.ts";

export const MATCHING_KINDS = ["CATEGORY", "SUMMARY"] as const;
export type MatchingKind = (typeof MATCHING_KINDS)[number];

export interface MatchingSpec {
  kind: MatchingKind;
  size: number;
  seed: number;
  topic: string | null;
}

export interface MatchTarget {
  id: string;
  text: string;
}

export interface MatchTerm {
  id: string;
  text: string;
  /** The concept the term names. */
  subject: string;
  /** The id of the target it belongs with. */
  matchId: string;
  explanation: string;
  citations: SnapshotCitation[];
}

export interface MatchingRound extends MatchingSpec {
  terms: MatchTerm[];
  /** In seeded random order, independent of the terms' order. */
  targets: MatchTarget[];
}

/** Fewer pairs than this is not a game. */
export const MIN_TERMS = 3;
const MAX_CATEGORIES = 4;

export class MatchingError extends Error {}

const article = (label: string) => (/^[aeiou]/i.test(label) ? "an" : "a");

const membersCache = new WeakMap<GraphSnapshot, Map<string, string[]>>();

/** Every category with the non-category concepts under it at any level (once per snapshot). */
function membersByCategory(graph: GraphSnapshot): Map<string, string[]> {
  let members = membersCache.get(graph);
  if (!members) {
    members = new Map();
    for (const concept of graph.concepts) {
      if (isCategory(graph, concept.slug)) continue;
      for (const category of ancestorsOf(graph, concept.slug)) {
        const list = members.get(category);
        if (list) list.push(concept.slug);
        else members.set(category, [concept.slug]);
      }
    }
    membersCache.set(graph, members);
  }
  return members;
}

function categoryRound(graph: GraphSnapshot, spec: MatchingSpec, inTopic: (slug: string) => boolean, random: Random): Omit<MatchingRound, keyof MatchingSpec> {
  // A category is worth a place in the round when a term of the topic lies under it.
  const membersOf = new Map<string, string[]>();
  for (const [category, members] of membersByCategory(graph)) {
    const inside = members.filter(inTopic);
    if (inside.length > 0) membersOf.set(category, inside);
  }
  const usable = allCategories(graph).filter((c) => membersOf.has(c));
  const related = (a: string, b: string) => a === b || ancestorsOf(graph, a).has(b) || ancestorsOf(graph, b).has(a);
  const parentsOf = (c: string) => new Set(categoriesOf(graph, c));

  // Start from one category, then prefer its siblings (Type 1 beside Type 2 hypervisor),
  // then any category unrelated to those chosen; never one above or below another.
  const order = random.shuffle(usable);
  const chosen: string[] = [];
  for (const first of order) {
    chosen.length = 0;
    chosen.push(first);
    const parents = parentsOf(first);
    const siblings = order.filter((c) => [...parentsOf(c)].some((p) => parents.has(p)));
    for (const candidate of [...siblings, ...order]) {
      if (chosen.length >= MAX_CATEGORIES) break;
      if (chosen.some((c) => related(c, candidate))) continue;
      chosen.push(candidate);
    }
    if (chosen.length >= 2) break;
  }

  // Terms lying under exactly one chosen category; every category gets a term before any gets two.
  const placeOf = new Map<string, string>();
  for (const category of chosen) {
    for (const member of membersOf.get(category) ?? []) placeOf.set(member, placeOf.has(member) ? "" : category);
  }
  const pools = chosen.map((category) => random.shuffle((membersOf.get(category) ?? []).filter((m) => placeOf.get(m) === category)));
  const picked: { term: string; category: string }[] = [];
  for (let round = 0; picked.length < spec.size && pools.some((p) => p.length > round); round++) {
    pools.forEach((pool, i) => {
      const term = pool[round];
      if (term && picked.length < spec.size) picked.push({ term, category: chosen[i] as string });
    });
  }
  const usedCategories = chosen.filter((c) => picked.some((p) => p.category === c));
  if (usedCategories.length < 2) return { terms: [], targets: [] };

  const terms = random.shuffle(picked).map(({ term, category }): MatchTerm => {
    const concept = graph.concept.get(term);
    const name = concept?.name ?? term;
    const categoryName = graph.concept.get(category)?.name ?? category;
    // Cite the classifying relation when it is direct; otherwise the chain starts at the term.
    const direct = (graph.outgoing.get(term) ?? []).find((r) => graph.classifying.has(r.type) && r.to === category);
    const via = categoriesOf(graph, term).find((c) => ancestorsOf(graph, c).has(category));
    return {
      id: `term:${term}`,
      text: name,
      subject: term,
      matchId: `category:${category}`,
      explanation: direct
        ? `${name} ${direct.label} ${categoryName}.`
        : `${name} falls under ${categoryName}${via ? ` (through ${graph.concept.get(via)?.name ?? via})` : ""}.`,
      citations: direct ? (graph.citationsOfRelation.get(direct.id) ?? []) : (graph.citationsOfConcept.get(concept?.id ?? -1) ?? []),
    };
  });
  const targets = random.shuffle(usedCategories).map((c) => ({ id: `category:${c}`, text: graph.concept.get(c)?.name ?? c }));
  return { terms, targets };
}

function summaryRound(graph: GraphSnapshot, spec: MatchingSpec, inTopic: (slug: string) => boolean, random: Random): Omit<MatchingRound, keyof MatchingSpec> {
  const eligible = graph.concepts.filter((c) => inTopic(c.slug) && c.summary.trim() !== "");
  if (eligible.length === 0) return { terms: [], targets: [] };
  const first = eligible[random.below(eligible.length)] as (typeof eligible)[number];
  // Neighbours first: same kind, then concepts sharing a category, then anyone in the topic.
  const sameKind = conceptsOfKind(graph, first.kind);
  const sameCategory = categoriesOf(graph, first.slug).flatMap((c) => (graph.incoming.get(c) ?? []).filter((r) => graph.classifying.has(r.type)).map((r) => r.from));
  const layers = [random.shuffle(sameKind), random.shuffle(sameCategory), random.shuffle(eligible.map((c) => c.slug))];
  const picked: string[] = [first.slug];
  const summaries = new Set([first.summary.trim().toLowerCase()]);
  for (const slug of layers.flat()) {
    if (picked.length >= spec.size) break;
    const concept = graph.concept.get(slug);
    if (!concept || picked.includes(slug) || !inTopic(slug)) continue;
    const summary = concept.summary.trim().toLowerCase();
    if (summary === "" || summaries.has(summary)) continue;
    summaries.add(summary);
    picked.push(slug);
  }
  const terms = random.shuffle(picked).map((slug): MatchTerm => {
    const concept = graph.concept.get(slug);
    const label = graph.kinds.get(concept?.kind ?? "")?.label ?? concept?.kind ?? "concept";
    return {
      id: `term:${slug}`,
      text: concept?.name ?? slug,
      subject: slug,
      matchId: `summary:${slug}`,
      explanation: `${concept?.name ?? slug} is ${article(label)} ${label.toLowerCase()}.`,
      citations: graph.citationsOfConcept.get(concept?.id ?? -1) ?? [],
    };
  });
  const targets = random.shuffle(picked).map((slug) => ({ id: `summary:${slug}`, text: graph.concept.get(slug)?.summary ?? "" }));
  return { terms, targets };
}

export function generateMatching(graph: GraphSnapshot, spec: MatchingSpec): MatchingRound {
  let inTopic = (_slug: string) => true;
  if (spec.topic !== null) {
    if (!graph.concept.has(spec.topic)) throw new MatchingError(`No concept "${spec.topic.slice(0, 80)}" to take a topic from.`);
    const members = topicMembers(graph, spec.topic);
    inTopic = (slug) => members.has(slug);
  }
  const random = seededRandom(spec.seed);
  const round = spec.kind === "CATEGORY" ? categoryRound(graph, spec, inTopic, random) : summaryRound(graph, spec, inTopic, random);
  if (round.terms.length < MIN_TERMS) {
    const what = spec.kind === "CATEGORY" ? "terms in two or more categories" : "concepts with summaries";
    throw new MatchingError(`There are not enough ${what}${spec.topic ? ` under "${spec.topic}"` : ""} for a round (at least ${MIN_TERMS} are needed); try another topic.`);
  }
  return { ...spec, ...round };
}
