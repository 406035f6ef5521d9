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
  /** Whether a concept has a current (not outdated) claim with this value on this aspect. */
  hasValue(slug: string, aspect: string, value: string): boolean;
  /** A concept's current values on an aspect, lower-cased. */
  valuesOn(slug: string, aspect: string): string[];
  /** Whether a disjoint relation sets the concept (or a category above it) apart from the category (or one above it). */
  provablyNotUnder(slug: string, category: string): boolean;
  polarityOf(claimKey: string): string | undefined;
  /** The polarity of a concept's current claim with this value on this aspect. */
  polarityOfValue(slug: string, aspect: string, value: string): string | undefined;
}

export function seedFacts(): SeedFacts {
  const seeds = loadSeeds({ seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  const classifying = new Set(seeds.vocabulary.relation_types.filter((t) => t.classifies).map((t) => t.slug));
  const concept = new Map(seeds.concepts.map((c) => [c.slug, c]));
  const disjointTypes = new Set(seeds.vocabulary.relation_types.filter((t) => t.disjoint).map((t) => t.slug));
  const apart = new Set(
    seeds.relations.filter((r) => disjointTypes.has(r.type) && !r.outdated).flatMap((r) => [`${r.from}|${r.to}`, `${r.to}|${r.from}`]),
  );
  const current = seeds.claims.filter((c) => !c.outdated);
  const valued = (slug: string, aspect: string) => current.filter((c) => c.concept === slug && c.aspect === aspect && c.value !== undefined);
  const facts: SeedFacts = {
    seeds,
    kindOf: (slug) => concept.get(slug)?.kind,
    summaryOf: (slug) => concept.get(slug)?.summary,
    categoriesAbove(slug) {
      const found = new Set<string>();
      const todo = [slug];
      while (todo.length) {
        const at = todo.pop() as string;
        for (const r of seeds.relations) {
          if (r.from === at && classifying.has(r.type) && !r.outdated && !found.has(r.to)) {
            found.add(r.to);
            todo.push(r.to);
          }
        }
      }
      return found;
    },
    hasValue: (slug, aspect, value) => valued(slug, aspect).some((c) => c.value?.toLowerCase() === value.toLowerCase()),
    valuesOn: (slug, aspect) => valued(slug, aspect).map((c) => (c.value as string).toLowerCase()),
    provablyNotUnder(slug, category) {
      if (facts.categoriesAbove(slug).has(category)) return false;
      const mine = [slug, ...facts.categoriesAbove(slug)];
      const theirs = [category, ...facts.categoriesAbove(category)];
      return mine.some((own) => theirs.some((other) => apart.has(`${own}|${other}`)));
    },
    polarityOf: (key) => seeds.claims.find((c) => c.key === key)?.polarity,
    polarityOfValue: (slug, aspect, value) => valued(slug, aspect).find((c) => c.value?.toLowerCase() === value.toLowerCase())?.polarity,
  };
  return facts;
}
