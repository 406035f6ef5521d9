/**
 * Rounds of the matching game, built from the graph like quizzes are: the
 * seed decides everything, so a round can be shared as a link.
 *
 * CATEGORY sorts tools and providers into categories (several terms may share
 * one). Every two categories on the board are provably apart (a disjoint
 * relation at or above each), and a term is only offered when exactly one of
 * them lies above it and the graph proves it is under none of the others — so
 * no term can be placed rightly in two places, even where the graph is silent.
 * SUMMARY pairs concepts one to one with their summaries; about half come from
 * the first concept's neighbourhood (same kind, then same categories) so the
 * summaries resemble each other, the rest from anywhere, so rounds vary.
 */
import { summaryCitations, type GraphSnapshot, type SnapshotCitation } from "../graph-snapshot.ts";
import { ancestorsOf, categoriesOf, everythingAbove, isCategory, siblingCategories, studiedConcepts } from "../hierarchy.ts";
import { conceptsOfKind, disproofOfCategory, truthOf } from "../quiz/facts.ts";
import { lowerLabel, sentence, withArticle } from "../phrasing.ts";
import { seededRandom, type Random } from "../seeded-random.ts";
import { push } from "../../lists-by-key.ts";

export type MatchingKind = "CATEGORY" | "SUMMARY";

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


/** Categories and the non-category concepts under each, at any level. */
interface CategoryIndex {
  members: Map<string, string[]>;
  /** Categories with at least one member, sorted. */
  categories: string[];
}

function indexCategories(graph: GraphSnapshot, terms: Iterable<string>): CategoryIndex {
  const members = new Map<string, string[]>();
  for (const slug of terms) {
    if (isCategory(graph, slug)) continue;
    for (const category of ancestorsOf(graph, slug)) {
      push(members, category, slug);
    }
  }
  return { members, categories: [...members.keys()].sort() };
}

const wholeGraphIndex = new WeakMap<GraphSnapshot, CategoryIndex>();

/** Built once per snapshot for the whole graph; a topic's is built per request from its members only. */
export function categoryIndex(graph: GraphSnapshot, topic: ReadonlySet<string> | null): CategoryIndex {
  if (topic) return indexCategories(graph, topic);
  let index = wholeGraphIndex.get(graph);
  if (!index) {
    index = indexCategories(graph, graph.concepts.map((c) => c.slug));
    wholeGraphIndex.set(graph, index);
  }
  return index;
}

/** How many candidates a round looks at before it settles for what it has: bounded work on any graph. */
const LOOK_AT_MOST = 200;
/** How many playable boards a category round compares, looking for a full one. */
const BOARDS_TO_TRY = 12;

/**
 * Whether the graph proves that nothing under one category is under the other
 * (a disjoint relation at or above each): then no term of one can rightly go
 * under the other, whatever the graph leaves unsaid.
 */
function provablyApart(graph: GraphSnapshot, one: string, other: string): boolean {
  return disproofOfCategory(graph, one, other) !== null;
}

function categoryRound(graph: GraphSnapshot, spec: MatchingSpec, topic: ReadonlySet<string> | null, random: Random): Omit<MatchingRound, keyof MatchingSpec> {
  const index = categoryIndex(graph, topic);
  const related = (a: string, b: string) => a === b || everythingAbove(graph, a).has(b) || everythingAbove(graph, b).has(a);
  const fits = (chosen: string[], candidate: string) =>
    index.members.has(candidate) && chosen.every((c) => !related(c, candidate) && provablyApart(graph, c, candidate));

  // A term goes on the board only when it lies under exactly one of the board's categories and
  // the graph proves it is under none of the others (a missing relation proves nothing).
  const placeOf = (chosen: string[], term: string) => {
    const above = chosen.filter((c) => everythingAbove(graph, term).has(c));
    if (above.length !== 1) return undefined;
    const [home] = above as [string];
    return chosen.every((c) => c === home || truthOf(graph, term, { category: c }) === false) ? home : undefined;
  };

  const pickTerms = (chosen: string[]) => {
    const pools = chosen.map((category) => ({ category, next: random.draw(index.members.get(category) ?? []), looked: 0 }));
    const picked: { term: string; category: string }[] = [];
    const taken = new Set<string>();
    // Every category gets a term before any gets two.
    while (picked.length < spec.size) {
      let progressed = false;
      for (const pool of pools) {
        if (picked.length >= spec.size) break;
        for (let term = pool.next(); term !== undefined && pool.looked < LOOK_AT_MOST; term = pool.next()) {
          pool.looked++;
          if (!taken.has(term) && placeOf(chosen, term) === pool.category) {
            taken.add(term);
            picked.push({ term, category: pool.category });
            progressed = true;
            break;
          }
        }
      }
      if (!progressed) break;
    }
    return picked;
  };

  // Start from one category, then prefer its siblings (Type 1 beside Type 2 hypervisor), then any
  // other category; every two on the board provably apart, never one above or below another.
  const nextCategory = random.draw(index.categories);
  let best: { chosen: string[]; picked: { term: string; category: string }[] } = { chosen: [], picked: [] };
  let boards = 0;
  for (let attempt = 0; attempt < LOOK_AT_MOST; attempt++) {
    const first = nextCategory();
    if (first === undefined) break;
    const chosen = [first];
    for (const sibling of random.shuffle(siblingCategories(graph, first)).slice(0, LOOK_AT_MOST)) {
      if (chosen.length >= MAX_CATEGORIES) break;
      if (fits(chosen, sibling)) chosen.push(sibling);
    }
    // A draw of its own: the outer one must still offer every other first category.
    const nextOther = random.draw(index.categories);
    for (let looked = 0; chosen.length < MAX_CATEGORIES && looked < LOOK_AT_MOST; looked++) {
      const other = nextOther();
      if (other === undefined) break;
      if (fits(chosen, other)) chosen.push(other);
    }
    if (chosen.length < 2) continue;
    const picked = pickTerms(chosen);
    const used = new Set(picked.map((p) => p.category));
    if (used.size < 2) continue;
    boards++;
    if (picked.length > best.picked.length) best = { chosen: chosen.filter((c) => used.has(c)), picked };
    // The first board at least half full, or the fullest of a few: always taking the fullest
    // would show the same big categories every time. Bounded work on any graph.
    if (best.picked.length >= Math.max(MIN_TERMS, Math.ceil(spec.size / 2)) || boards >= BOARDS_TO_TRY) break;
  }
  const { chosen: usedCategories, picked } = best;
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
      // One full stop, whatever the names end with ("Docker, Inc.").
      explanation: sentence(
        direct ? `${name} ${direct.label} ${categoryName}` : `${name} falls under ${categoryName}${via ? ` (through ${graph.concept.get(via)?.name ?? via})` : ""}`,
      ),
      citations: direct ? (graph.citationsOfRelation.get(direct.id) ?? []) : (graph.citationsOfConcept.get(concept?.id ?? -1) ?? []),
    };
  });
  const targets = random.shuffle(usedCategories).map((c) => ({ id: `category:${c}`, text: graph.concept.get(c)?.name ?? c }));
  return { terms, targets };
}

function summaryRound(graph: GraphSnapshot, spec: MatchingSpec, topic: ReadonlySet<string> | null, random: Random): Omit<MatchingRound, keyof MatchingSpec> {
  const inTopic = (slug: string) => topic === null || topic.has(slug);
  const hasSummary = (slug: string) => (graph.concept.get(slug)?.summary.trim() ?? "") !== "";
  // The whole graph is drawn from in place (no copy of a hundred thousand slugs per round).
  const nextConcept = random.draw(graph.concepts);
  const nextInPool = topic ? random.draw([...topic].sort()) : () => nextConcept()?.slug;
  // The first concept: drawn until one has a summary (a bounded look, not a scan of the graph).
  let first: string | undefined;
  for (let looked = 0; first === undefined && looked < LOOK_AT_MOST; looked++) {
    const slug = nextInPool();
    if (slug === undefined) break;
    if (hasSummary(slug)) first = slug;
  }
  const firstConcept = first === undefined ? undefined : graph.concept.get(first);
  if (!firstConcept) return { terms: [], targets: [] };
  // Neighbours first: same kind, then concepts sharing a category, then anyone in the topic.
  const sameCategory = categoriesOf(graph, firstConcept.slug).flatMap((c) => (graph.incoming.get(c) ?? []).filter((r) => graph.classifying.has(r.type)).map((r) => r.from));
  // Each layer fills the round only up to its share, so a round mixes close neighbours with
  // others: rounds vary from seed to seed instead of replaying a kind's whole membership.
  const half = Math.ceil(spec.size / 2);
  const layers = [
    { next: random.draw(conceptsOfKind(graph, firstConcept.kind)), upTo: half },
    { next: random.draw(sameCategory), upTo: Math.max(half, spec.size - 2) },
    { next: nextInPool, upTo: spec.size },
  ];
  const picked: string[] = [firstConcept.slug];
  const summaries = new Set([firstConcept.summary.trim().toLowerCase()]);
  for (const { next, upTo } of layers) {
    for (let slug = next(), looked = 0; slug !== undefined && picked.length < Math.min(upTo, spec.size) && looked < LOOK_AT_MOST; slug = next(), looked++) {
      const concept = graph.concept.get(slug);
      if (!concept || picked.includes(slug) || !inTopic(slug)) continue;
      const summary = concept.summary.trim().toLowerCase();
      if (summary === "" || summaries.has(summary)) continue;
      summaries.add(summary);
      picked.push(slug);
    }
  }
  const terms = random.shuffle(picked).map((slug): MatchTerm => {
    const concept = graph.concept.get(slug);
    const label = graph.kinds.get(concept?.kind ?? "")?.label ?? concept?.kind ?? "concept";
    return {
      id: `term:${slug}`,
      text: concept?.name ?? slug,
      subject: slug,
      matchId: `summary:${slug}`,
      explanation: sentence(`${concept?.name ?? slug} is ${withArticle(lowerLabel(label))}`),
      // Matched to its summary: the passages that rest on.
      citations: concept ? summaryCitations(graph, concept) : [],
    };
  });
  const targets = random.shuffle(picked).map((slug) => ({ id: `summary:${slug}`, text: graph.concept.get(slug)?.summary ?? "" }));
  return { terms, targets };
}

export function generateMatching(graph: GraphSnapshot, spec: MatchingSpec): MatchingRound {
  if (spec.topic !== null && !graph.concept.has(spec.topic)) throw new MatchingError(`No concept "${spec.topic.slice(0, 80)}" to take a topic from.`);
  const topic = studiedConcepts(graph, spec.topic);
  const random = seededRandom(spec.seed);
  const round = spec.kind === "CATEGORY" ? categoryRound(graph, spec, topic, random) : summaryRound(graph, spec, topic, random);
  if (round.terms.length < MIN_TERMS) {
    const what = spec.kind === "CATEGORY" ? "terms in two or more categories" : "concepts with summaries";
    throw new MatchingError(`There are not enough ${what}${spec.topic ? ` under "${spec.topic}"` : ""} for a round (at least ${MIN_TERMS} are needed); try another topic.`);
  }
  return { ...spec, ...round };
}
