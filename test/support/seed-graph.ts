/**
 * The graph as the seed files state it, with the few walks tests need, written
 * independently of the server so tests check the server against the seeds.
 */
import { loadSeeds, type SeedGraph } from "../../server/seed/load-seeds.ts";
import { SEEDS_DIR, SOURCES_DIR } from "./seed-paths.ts";

export interface SeedFacts {
  seeds: SeedGraph;
  kindOf(slug: string): string | undefined;
  summaryOf(slug: string): string | undefined;
  /** Every category above a concept through the vocabulary's classifying relations. */
  categoriesAbove(slug: string): Set<string>;
  /** Whether a concept has a claim with this value on this aspect. */
  hasValue(slug: string, aspect: string, value: string): boolean;
  polarityOf(claimKey: string): string | undefined;
}

export function seedFacts(): SeedFacts {
  const seeds = loadSeeds({ seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  const classifying = new Set(seeds.vocabulary.relation_types.filter((t) => t.classifies).map((t) => t.slug));
  const concept = new Map(seeds.concepts.map((c) => [c.slug, c]));
  return {
    seeds,
    kindOf: (slug) => concept.get(slug)?.kind,
    summaryOf: (slug) => concept.get(slug)?.summary,
    categoriesAbove(slug) {
      const found = new Set<string>();
      const todo = [slug];
      while (todo.length) {
        const at = todo.pop() as string;
        for (const r of seeds.relations) {
          if (r.from === at && classifying.has(r.type) && !found.has(r.to)) {
            found.add(r.to);
            todo.push(r.to);
          }
        }
      }
      return found;
    },
    hasValue: (slug, aspect, value) =>
      seeds.claims.some((c) => c.concept === slug && c.aspect === aspect && c.value?.toLowerCase() === value.toLowerCase()),
    polarityOf: (key) => seeds.claims.find((c) => c.key === key)?.polarity,
  };
}
