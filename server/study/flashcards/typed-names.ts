/**
 * Every name a learner could type for something in the graph (concept names,
 * aliases, nouns, kind labels), normalized, once per snapshot: a typed answer
 * that is exactly another concept's name is wrong, however close its spelling.
 */
import type { GraphSnapshot } from "../graph-snapshot.ts";
import { normalizeAnswer } from "./typed-answer.ts";

const cache = new WeakMap<GraphSnapshot, Set<string>>();

function allNames(graph: GraphSnapshot): Set<string> {
  let names = cache.get(graph);
  if (!names) {
    names = new Set<string>();
    for (const concept of graph.concepts) {
      for (const name of [concept.name, ...concept.aliases, concept.noun ?? "", concept.nounPlural ?? ""]) names.add(normalizeAnswer(name));
    }
    for (const kind of graph.kinds.values()) {
      names.add(normalizeAnswer(kind.label));
      names.add(normalizeAnswer(kind.plural));
    }
    names.delete("");
    cache.set(graph, names);
  }
  return names;
}

/** The graph's names, less the accepted answers (normalized lookups). */
export function otherNamesThan(graph: GraphSnapshot, accepted: readonly string[]): { has(name: string): boolean } {
  const names = allNames(graph);
  const own = new Set(accepted.map(normalizeAnswer));
  return { has: (name) => names.has(name) && !own.has(name) };
}
