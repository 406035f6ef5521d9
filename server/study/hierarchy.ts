/**
 * The graph's hierarchy, as the vocabulary defines it: which concepts are
 * categories of which (classifying relations), and what lies under a topic
 * (broader relations followed backwards).
 */
import type { GraphSnapshot } from "./graph-snapshot.ts";
import { push } from "../lists-by-key.ts";
import { rememberedPerSnapshot } from "./per-snapshot.ts";

const categoryIndex = new WeakMap<GraphSnapshot, Map<string, readonly string[]>>();
const NO_CATEGORIES: readonly string[] = [];

/**
 * The categories a concept is directly classified under (e.g. Xen → Type 1
 * hypervisor), sorted. Indexed once per snapshot in one pass over the
 * relations: walks up the hierarchy ask for the same concepts again and again.
 */
export function categoriesOf(graph: GraphSnapshot, slug: string): readonly string[] {
  let index = categoryIndex.get(graph);
  if (!index) {
    const sets = new Map<string, Set<string>>();
    for (const relation of graph.relations) {
      if (!graph.classifying.has(relation.type)) continue;
      const set = sets.get(relation.from);
      if (set) set.add(relation.to);
      else sets.set(relation.from, new Set([relation.to]));
    }
    index = new Map([...sets].map(([from, targets]) => [from, [...targets].sort()]));
    categoryIndex.set(graph, index);
  }
  return index.get(slug) ?? NO_CATEGORIES;
}

/**
 * Every category above a concept, following classifying relations upwards (not
 * the concept itself). Remembered per snapshot: quizzes and matching rounds ask
 * for the same concepts' ancestors again and again.
 */
export const ancestorsOf: (graph: GraphSnapshot, slug: string) => ReadonlySet<string> = rememberedPerSnapshot((graph, slug) => {
  const seen = new Set<string>();
  const stack = [slug];
  while (stack.length) {
    const at = stack.pop() as string;
    for (const category of categoriesOf(graph, at)) {
      if (!seen.has(category)) {
        seen.add(category);
        stack.push(category);
      }
    }
  }
  seen.delete(slug);
  return seen;
});

/**
 * Every category the graph files a concept under, for the checks that must not miss one: whether it
 * lies under a category, whether two concepts lie on one line or share a tree. Of the whole graph,
 * ancestorsOf. Of a region, also what the concept's study row records above it (GraphSnapshot.recordedAbove):
 * a region holds the categories above its focus only, so of a neighbour offered as a wrong choice the
 * walk alone would miss that it lies under the answer. A category the region does not hold appears as
 * `#<id>`, never a slug: fit for comparing, not for naming. What proves a concept is not under a
 * category walks the region's own relations (disproofOfCategory, facts.ts), since it is shown step by step.
 */
export const everythingAbove: (graph: GraphSnapshot, slug: string) => ReadonlySet<string> = rememberedPerSnapshot((graph, slug) => {
  const recorded = graph.recordedAbove?.get(slug)?.all;
  return recorded ? new Set([...ancestorsOf(graph, slug), ...recorded]) : ancestorsOf(graph, slug);
});

/**
 * The categories a concept is directly filed under, for the checks that must not miss one (whether two
 * categories are siblings): categoriesOf, and in a region also those its study row records one step up
 * (`#<id>` for one the region does not hold, as in everythingAbove).
 */
export const everyCategoryOf: (graph: GraphSnapshot, slug: string) => ReadonlySet<string> = rememberedPerSnapshot(
  (graph, slug) => new Set([...categoriesOf(graph, slug), ...(graph.recordedAbove?.get(slug)?.parents ?? [])]),
);

/** A topic: the concept and everything under it through broader relations. */
export function topicMembers(graph: GraphSnapshot, slug: string): Set<string> {
  const members = new Set([slug]);
  const stack = [slug];
  while (stack.length) {
    const at = stack.pop() as string;
    for (const relation of graph.incoming.get(at) ?? []) {
      if (graph.broader.has(relation.type) && !members.has(relation.from)) {
        members.add(relation.from);
        stack.push(relation.from);
      }
    }
  }
  return members;
}

/**
 * The concepts a quiz or a matching round may ask about: a region's focus (made from the topic
 * already), a topic's members, or null for all of the whole graph.
 */
export function studiedConcepts(graph: GraphSnapshot, topic: string | null): ReadonlySet<string> | null {
  if (graph.focus !== null) return graph.focus;
  return topic === null ? null : topicMembers(graph, topic);
}

const categoryLists = new WeakMap<GraphSnapshot, string[]>();
const categorySets = new WeakMap<GraphSnapshot, Set<string>>();

/**
 * Whether a concept is used as a category (set built once per snapshot): something the snapshot holds is
 * filed under it, or in a region, something's study row records it above (a neighbour whose members the
 * region does not hold is a category all the same).
 */
export function isCategory(graph: GraphSnapshot, slug: string): boolean {
  let set = categorySets.get(graph);
  if (!set) {
    set = new Set(allCategories(graph));
    for (const recorded of graph.recordedAbove?.values() ?? []) for (const above of recorded.all) set.add(above);
    categorySets.set(graph, set);
  }
  return set.has(slug);
}

const categoriesByKind = new WeakMap<GraphSnapshot, Map<string, string[]>>();

/** The categories of one kind (e.g. every hypervisor used as a category), indexed once per snapshot. */
export function categoriesOfKind(graph: GraphSnapshot, kind: string): readonly string[] {
  let index = categoriesByKind.get(graph);
  if (!index) {
    index = new Map();
    for (const slug of allCategories(graph)) {
      const of = graph.concept.get(slug)?.kind;
      if (of === undefined) continue;
      push(index, of, slug);
    }
    categoriesByKind.set(graph, index);
  }
  return index.get(kind) ?? [];
}

/** Concepts used as categories: the targets of classifying relations (computed once per snapshot). */
export function allCategories(graph: GraphSnapshot): string[] {
  let list = categoryLists.get(graph);
  if (!list) {
    list = [...new Set(graph.relations.filter((r) => graph.classifying.has(r.type)).map((r) => r.to))].sort();
    categoryLists.set(graph, list);
  }
  return list;
}

/** The categories something stands in this relation to (once per snapshot and type: every classification question asks). */
export const categoriesReachedBy: (graph: GraphSnapshot, type: string) => readonly string[] = rememberedPerSnapshot((graph, type) =>
  allCategories(graph).filter((c) => (graph.incoming.get(c) ?? []).some((r) => r.type === type)),
);

/** Categories beside a category: those classified under the same broader category. */
export function siblingCategories(graph: GraphSnapshot, category: string): string[] {
  return categoriesOf(graph, category).flatMap((parent) =>
    (graph.incoming.get(parent) ?? []).filter((r) => graph.classifying.has(r.type)).map((r) => r.from),
  );
}
