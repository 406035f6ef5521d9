/** Looking up, searching and listing concepts, and the fields of a Concept. */
import { badInput, intInRange, textOfLength } from "../bad-input.ts";
import type { Resolvers } from "../resolver-types.generated.ts";
import { listConcepts } from "./list-concepts.ts";
import { searchConcepts } from "./search-concepts.ts";

export const conceptResolvers: Resolvers = {
  Query: {
    concept: (_, { slug }, { loaders }) => loaders.conceptBySlug.load(slug),
    conceptsBySlug: async (_, { slugs }, { loaders }) => {
      if (slugs.length > 50) throw badInput(`\`slugs\` holds at most 50 slugs; got ${slugs.length}.`);
      return (await loaders.conceptBySlug.loadMany(slugs)).map((c) => (c instanceof Error ? null : c));
    },
    search: (_, args, { db }) => {
      const query = textOfLength("query", args.query, 1, 200);
      const first = intInRange("first", args.first, 1, 50, 10);
      return searchConcepts(db, query, first);
    },
    concepts: async (_, args, { db, loaders }) => {
      const first = intInRange("first", args.first, 1, 100, 20);
      const kind = args.kind ?? null;
      if (kind !== null && !(await loaders.allKinds()).some((k) => k.slug === kind)) {
        const known = (await loaders.allKinds()).map((k) => k.slug).join(", ");
        throw badInput(`Unknown kind "${kind.slice(0, 60)}". Known kinds: ${known}.`);
      }
      return listConcepts(db, { kind, first, after: args.after ?? null });
    },
  },
  Concept: {
    id: (row) => String(row.id),
    kindInfo: (row, _, { loaders }) => loaders.kind(row.kind),
    relations: async (row, { type, direction }, { loaders }) => {
      const all = await loaders.relationsByConcept.load(row.id);
      return all.filter(
        (r) =>
          (type == null || r.type === type) &&
          (direction === "OUTGOING" ? r.sourceId === row.id : direction === "INCOMING" ? r.targetId === row.id : true),
      );
    },
    claims: async (row, { polarity }, { loaders }) => {
      const all = await loaders.claimsByConcept.load(row.id);
      return polarity == null ? all : all.filter((c) => c.polarity === polarity.toLowerCase());
    },
    citations: (row, _, { loaders }) => loaders.citationsOf.load({ concept: row.id }),
    mentions: (row, args, { loaders }) => {
      const first = intInRange("first", args.first, 1, 20, 5);
      return loaders.mentionsOf.load(`${row.id}:${first}`);
    },
  },
};
