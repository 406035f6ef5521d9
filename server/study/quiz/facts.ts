/** Checkable facts about concepts, and the indexes question builders share. */
import type { GraphSnapshot, SnapshotClaim } from "../graph-snapshot.ts";
import { ancestorsOf } from "../hierarchy.ts";
import type { Fact } from "./quiz-question.ts";

const normal = (value: string) => value.trim().toLowerCase();

/** Whether the graph says the fact holds of the concept. */
export function holds(graph: GraphSnapshot, slug: string, fact: Fact): boolean {
  if ("category" in fact) return ancestorsOf(graph, slug).has(fact.category);
  return (graph.claimsOf.get(slug) ?? []).some((c) => c.aspect === fact.aspect && c.value !== null && normal(c.value) === normal(fact.value));
}

export function describeFact(graph: GraphSnapshot, fact: Fact): string {
  // Classification is transitive: Xen falls under Type 1 hypervisor and under Hypervisor.
  if ("category" in fact) return `falls under ${graph.concept.get(fact.category)?.name ?? fact.category}`;
  return `${graph.aspects.get(fact.aspect) ?? fact.aspect}: ${fact.value}`;
}

/** Claims with a value on an aspect: the facts whose falsehood the graph also knows. */
export function valuedClaims(graph: GraphSnapshot, slug: string): SnapshotClaim[] {
  return (graph.claimsOf.get(slug) ?? []).filter((c) => c.aspect !== null && c.value !== null);
}

const byKindCache = new WeakMap<GraphSnapshot, Map<string, string[]>>();
export function conceptsOfKind(graph: GraphSnapshot, kind: string): string[] {
  let index = byKindCache.get(graph);
  if (!index) {
    index = new Map();
    for (const c of graph.concepts) {
      const list = index.get(c.kind);
      if (list) list.push(c.slug);
      else index.set(c.kind, [c.slug]);
    }
    byKindCache.set(graph, index);
  }
  return index.get(kind) ?? [];
}
