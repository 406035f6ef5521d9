/** Looking up, searching and listing concepts, and the fields of a Concept. */
import { badInput, intInRange, textOfLength } from "../bad-input.ts";
import type { GraphContext } from "../context.ts";
import type { Resolvers } from "../resolver-types.generated.ts";
import { listConcepts } from "./list-concepts.ts";
import { searchConcepts, searchRanked } from "./search-concepts.ts";
import { searchHit } from "./search-hit.ts";

async function knownKind(kind: string, loaders: GraphContext["loaders"]): Promise<void> {
  const kinds = await loaders.allKinds();
  if (!kinds.some((k) => k.slug === kind)) {
    throw badInput(`Unknown kind "${kind.slice(0, 60)}". Known kinds: ${kinds.map((k) => k.slug).join(", ")}.`);
  }
}

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
    searchHits: async (_, args, { db, loaders }) => {
      const query = textOfLength("query", args.query, 1, 200);
      const first = intInRange("first", args.first, 1, 50, 10);
      const kind = args.kind ?? null;
      if (kind !== null) await knownKind(kind, loaders);
      return (await searchRanked(db, query, first, kind)).map((result) => searchHit(result, query));
    },
    concepts: async (_, args, { db, loaders }) => {
      const first = intInRange("first", args.first, 1, 100, 20);
      const kind = args.kind ?? null;
      if (kind !== null) await knownKind(kind, loaders);
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
