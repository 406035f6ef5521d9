/**
 * Any two concepts side by side: claims lined up by aspect, what each is and
 * how each relates (compare-facts.ts), and what both relate to.
 */
import { badInput } from "../bad-input.ts";
import type { ClaimRow } from "../graph-rows.ts";
import type { Resolvers } from "../resolver-types.generated.ts";
import { agreementOf, compareFacts } from "./compare-facts.ts";

/** The values a side's claims give on an aspect; a claim without a value counts as a value of its own. */
function valuesOf(claims: ClaimRow[]): Set<string> {
  return new Set(claims.map((c) => (c.value ? c.value.trim().toLowerCase() : `claim:${c.id}`)));
}

export const compareResolvers: Resolvers = {
  Query: {
    compare: async (_, { a, b }, { loaders }) => {
      if (a === b) throw badInput(`Pick two different concepts to compare: \`a\` and \`b\` are both "${a.slice(0, 80)}".`);
      const [left, right] = await Promise.all([loaders.conceptBySlug.load(a), loaders.conceptBySlug.load(b)]);
      return left && right ? { a: left, b: right } : null;
    },
  },
  Comparison: {
    aspects: async ({ a, b }, _, { loaders }) => {
      const [aClaims, bClaims, aspects] = await Promise.all([
        loaders.claimsByConcept.load(a.id),
        loaders.claimsByConcept.load(b.id),
        loaders.allAspects(),
      ]);
      return aspects
        .map((aspect) => ({
          aspect,
          a: aClaims.filter((c) => c.aspect === aspect.slug),
          b: bClaims.filter((c) => c.aspect === aspect.slug),
        }))
        .filter((row) => row.a.length > 0 || row.b.length > 0);
    },
    shared: async ({ a, b }, _, { loaders }) => {
      const [aRelations, bRelations] = await Promise.all([loaders.relationsByConcept.load(a.id), loaders.relationsByConcept.load(b.id)]);
      const neighbours = (id: number, list: typeof aRelations) => new Set(list.map((r) => (r.sourceId === id ? r.targetId : r.sourceId)));
      const ofB = neighbours(b.id, bRelations);
      const both = [...neighbours(a.id, aRelations)].filter((id) => ofB.has(id) && id !== a.id && id !== b.id);
      return (await loaders.concepts(both)).sort((x, y) => x.name.localeCompare(y.name));
    },
    facts: async ({ a, b }, _, { loaders, study }) => compareFacts(a, b, loaders, await study.forConcepts([a.slug, b.slug])),
  },
  ComparedAspect: {
    // Outdated claims do not count: they no longer say where the two stand.
    agreement: ({ a, b }) => agreementOf(valuesOf(a.filter((c) => !c.outdated)), valuesOf(b.filter((c) => !c.outdated))),
  },
};
