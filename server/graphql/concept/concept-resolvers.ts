/** Resolvers for looking up and searching concepts. */
import { eq } from "drizzle-orm";
import { concepts } from "../../../schema/index.ts";
import { intInRange, textOfLength } from "../bad-input.ts";
import type { Resolvers } from "../resolver-types.generated.ts";
import { searchConcepts } from "./search-concepts.ts";

export const conceptResolvers: Resolvers = {
  Query: {
    concept: async (_, { slug }, { db }) => {
      const [row] = await db.select().from(concepts).where(eq(concepts.slug, slug)).limit(1);
      return row ?? null;
    },
    search: (_, args, { db }) => {
      const query = textOfLength("query", args.query, 1, 200);
      const first = intInRange("first", args.first, 1, 50, 10);
      return searchConcepts(db, query, first);
    },
  },
  Concept: {
    id: (row) => String(row.id),
  },
};
