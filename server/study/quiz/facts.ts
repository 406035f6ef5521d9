/**
 * Checkable facts about concepts, and what the graph can prove of them.
 *
 * A quiz may only mark a choice wrong when the graph proves it false: a
 * missing relation proves nothing. Falsehood comes from two places only:
 * - a category under one end of a disjoint relation (type 1 vs type 2
 *   hypervisor) is false of whatever lies under the other end;
 * - a value on an aspect is false of a concept that has other values on that
 *   aspect and not this one (the seeds phrase values of one aspect to exclude
 *   each other).
 * Statements the seeds mark outdated are neither true nor false here.
 */
import type { GraphSnapshot, SnapshotCitation, SnapshotClaim, SnapshotConcept, SnapshotRelation } from "../graph-snapshot.ts";
import { ancestorsOf, everythingAbove } from "../hierarchy.ts";
import type { Fact } from "./quiz-question.ts";
import { push } from "../../lists-by-key.ts";
import { rememberedPerSnapshot } from "../per-snapshot.ts";

const normal = (value: string) => value.trim().toLowerCase();

/** true, false, or null when the graph cannot tell. */
export type Truth = boolean | null;

interface DisjointIndex {
  /** For each concept, the concepts a disjoint relation sets it apart from, with that relation. */
  apart: Map<string, Map<string, SnapshotRelation>>;
  /** Outdated classifications, "<from>|<to>": never asked either way. */
  outdatedCategories: Set<string>;
  /** Outdated values, "<concept>|<aspect>|<value>". */
  outdatedValues: Set<string>;
}

const disjointIndexes = new WeakMap<GraphSnapshot, DisjointIndex>();

function disjointIndex(graph: GraphSnapshot): DisjointIndex {
  let index = disjointIndexes.get(graph);
  if (index) return index;
  const apart = new Map<string, Map<string, SnapshotRelation>>();
  const link = (one: string, other: string, relation: SnapshotRelation) => {
    let set = apart.get(one);
    if (!set) apart.set(one, (set = new Map()));
    set.set(other, relation);
  };
  for (const relation of graph.relations) {
    if (!graph.disjoint.has(relation.type)) continue;
    link(relation.from, relation.to, relation);
    link(relation.to, relation.from, relation);
  }
  index = {
    apart,
    outdatedCategories: new Set(graph.outdatedRelations.filter((r) => graph.classifying.has(r.type)).map((r) => `${r.from}|${r.to}`)),
    outdatedValues: new Set(
      graph.outdatedClaims.filter((c) => c.aspect && c.value).map((c) => `${c.concept}|${c.aspect}|${normal(c.value as string)}`),
    ),
  };
  disjointIndexes.set(graph, index);
  return index;
}

/**
 * The concept and the categories above it, in that order, that a disjoint relation sets apart from
 * something: few are, and only they can prove a concept is not under a category. Remembered per
 * snapshot: a question weighs dozens of wrong choices against one subject.
 */
const setApartAtOrAbove: (graph: GraphSnapshot, slug: string) => readonly string[] = rememberedPerSnapshot((graph, slug) => {
  const { apart } = disjointIndex(graph);
  return [slug, ...ancestorsOf(graph, slug)].filter((own) => apart.has(own));
});

/** Whether any category can be proven not to be above the concept: else no wrong category can be offered for it. */
export function canBeProvenOutside(graph: GraphSnapshot, slug: string): boolean {
  return setApartAtOrAbove(graph, slug).length > 0;
}

/**
 * The disjoint relation that proves `slug` is not under `category`, if any:
 * something at or above the concept is set apart from something at or above
 * the category (the first such, the category's side nearest first).
 */
export function disproofOfCategory(graph: GraphSnapshot, slug: string, category: string): SnapshotRelation | null {
  const mine = setApartAtOrAbove(graph, slug);
  if (mine.length === 0) return null;
  const { apart } = disjointIndex(graph);
  for (const other of setApartAtOrAbove(graph, category)) {
    for (const own of mine) {
      const relation = apart.get(own)?.get(other);
      if (relation) return relation;
    }
  }
  return null;
}

/** Whether the claim states this value on the aspect (values compared as normal says). */
const statesValue = (claim: SnapshotClaim, aspect: string, value: string) => claim.aspect === aspect && claim.value !== null && normal(claim.value) === normal(value);

/** The concept's current claims stating this value on the aspect. */
export function claimsOfValue(graph: GraphSnapshot, slug: string, aspect: string, value: string): SnapshotClaim[] {
  return (graph.claimsOf.get(slug) ?? []).filter((c) => statesValue(c, aspect, value));
}

/** Whether the concept has a current value on the aspect that is this one (truthOf asks often: no list made). */
function hasValue(graph: GraphSnapshot, slug: string, aspect: string, value: string): boolean {
  return (graph.claimsOf.get(slug) ?? []).some((c) => statesValue(c, aspect, value));
}

/** What the graph can prove of the fact about the concept. */
export function truthOf(graph: GraphSnapshot, slug: string, fact: Fact): Truth {
  const index = disjointIndex(graph);
  if ("category" in fact) {
    if (everythingAbove(graph, slug).has(fact.category)) return true;
    if (index.outdatedCategories.has(`${slug}|${fact.category}`)) return null;
    return disproofOfCategory(graph, slug, fact.category) ? false : null;
  }
  if (hasValue(graph, slug, fact.aspect, fact.value)) return true;
  if (index.outdatedValues.has(`${slug}|${fact.aspect}|${normal(fact.value)}`)) return null;
  return valuesOn(graph, slug, fact.aspect).length > 0 ? false : null;
}

/** Whether the graph says the fact holds of the concept. */
export function holds(graph: GraphSnapshot, slug: string, fact: Fact): boolean {
  return truthOf(graph, slug, fact) === true;
}

/** Claims with a value on an aspect: the facts whose falsehood the graph also knows. */
export function valuedClaims(graph: GraphSnapshot, slug: string): SnapshotClaim[] {
  return (graph.claimsOf.get(slug) ?? []).filter((c) => c.aspect !== null && c.value !== null);
}

/** A concept's claims with a value on one aspect. */
export function valuesOn(graph: GraphSnapshot, slug: string, aspect: string): SnapshotClaim[] {
  return valuedClaims(graph, slug).filter((c) => c.aspect === aspect);
}

const holdersCache = new WeakMap<GraphSnapshot, Map<string, SnapshotClaim[]>>();

/** Every claim with a value on an aspect, across the graph (indexed once per snapshot). */
export function claimsOnAspect(graph: GraphSnapshot, aspect: string): readonly SnapshotClaim[] {
  let index = holdersCache.get(graph);
  if (!index) {
    index = new Map();
    for (const claim of graph.claims) {
      if (claim.aspect === null || claim.value === null) continue;
      push(index, claim.aspect, claim);
    }
    holdersCache.set(graph, index);
  }
  return index.get(aspect) ?? [];
}

const byKindCache = new WeakMap<GraphSnapshot, Map<string, string[]>>();
export function conceptsOfKind(graph: GraphSnapshot, kind: string): string[] {
  let index = byKindCache.get(graph);
  if (!index) {
    index = new Map();
    for (const c of graph.concepts) {
      push(index, c.kind, c.slug);
    }
    byKindCache.set(graph, index);
  }
  return index.get(kind) ?? [];
}

/**
 * The idea an aspect teaches (vocabulary `theme`): isolation, security and fault
 * containment are one lesson, asked once a quiz and never offered side by side.
 */
export function themeOf(graph: GraphSnapshot, aspect: string): string {
  return graph.themes.get(aspect) ?? aspect;
}

/** An aspect's family: aspects whose values read alike ("starts faster", "fits more workloads"). */
export function familyOf(graph: GraphSnapshot, aspect: string): string {
  return graph.families.get(aspect) ?? themeOf(graph, aspect);
}

/**
 * The themes a category is taught by (its own claims' aspects): "a VM is an example of hardware
 * virtualization" and "a VM carries a guest OS of its own" are one lesson, asked once a quiz.
 */
export function categoryThemes(graph: GraphSnapshot, ...categories: string[]): string[] {
  const aspects = categories.flatMap((slug) => (graph.claimsOf.get(slug) ?? []).map((c) => c.aspect).filter((a): a is string => a !== null));
  return [...new Set(aspects.map((a) => themeFact(graph, a)))];
}

/** The fact a quiz spends when it asks about an aspect's theme. */
export function themeFact(graph: GraphSnapshot, aspect: string): string {
  return `theme:${themeOf(graph, aspect)}`;
}

const passageFactsCache = new WeakMap<GraphSnapshot, Map<string, Set<string>>>();

const passageKey = (citation: SnapshotCitation) => `${citation.sourceId}|${citation.locator}`;

/**
 * What a cited passage tells a learner who reads it: the values ("value:container:security") and
 * their themes of every claim that cites it, and the classifications it is cited for
 * ("category:virtual-machine"). A quiz shows the passages after each answer, and one passage (a table
 * of advantages, a paragraph on build tools) often states several facts, so a later question asking any
 * of them would be answered by the earlier one's source.
 */
export function factsInPassage(graph: GraphSnapshot, citation: SnapshotCitation): Iterable<string> {
  let index = passageFactsCache.get(graph);
  if (!index) {
    const facts = new Map<string, Set<string>>();
    const state = (citations: SnapshotCitation[] | undefined, ...stated: string[]) => {
      for (const c of citations ?? []) {
        const key = passageKey(c);
        const known = facts.get(key) ?? new Set<string>();
        for (const fact of stated) known.add(fact);
        facts.set(key, known);
      }
    };
    // The value, and its theme: a passage on a container's security also settles which of a
    // service-per-container and a service-per-VM design contains a fault better.
    for (const claim of graph.claims) {
      if (claim.aspect !== null && claim.value !== null) {
        state(graph.citationsOfClaim.get(claim.id), `value:${claim.concept}:${claim.aspect}`, themeFact(graph, claim.aspect));
      }
    }
    // "VMs virtualize a whole machine…" files a VM under hardware virtualization for whoever reads it.
    for (const relation of graph.relations) {
      if (graph.classifying.has(relation.type)) state(graph.citationsOfRelation.get(relation.id), `category:${relation.from}`);
    }
    index = facts;
    passageFactsCache.set(graph, index);
  }
  return index.get(passageKey(citation)) ?? [];
}

const summaryCounts = new WeakMap<GraphSnapshot, Map<string, number>>();

/**
 * Whether another concept has the same summary (counted once per snapshot): a text several concepts
 * share (ESXi, Hyper-V and Xen are each "a type 1 hypervisor…") describes them all, so it is never
 * shown as if it singled one out.
 */
export function sharesSummary(graph: GraphSnapshot, concept: SnapshotConcept): boolean {
  let counts = summaryCounts.get(graph);
  if (!counts) {
    counts = new Map();
    for (const c of graph.concepts) counts.set(c.summary, (counts.get(c.summary) ?? 0) + 1);
    summaryCounts.set(graph, counts);
  }
  return (counts.get(concept.summary) ?? 0) > 1;
}
