/** Walking the graph: shortest paths and neighbourhoods, for the graph view. */
import { asc, eq, inArray } from "drizzle-orm";
import { relations, relationTypes } from "../../../schema/index.ts";
import { intInRange } from "../bad-input.ts";
import { relationColumns } from "../loaders.ts";
import type { Resolvers } from "../resolver-types.generated.ts";
import { findPath } from "./find-path.ts";
import { neighborhood } from "./neighborhood.ts";

export const graphWalkResolvers: Resolvers = {
  Query: {
    path: async (_, args, { db, loaders }) => {
      const maxDepth = intInRange("maxDepth", args.maxDepth, 1, 6, 4);
      const [from, to] = await Promise.all([loaders.conceptBySlug.load(args.from), loaders.conceptBySlug.load(args.to)]);
      if (!from || !to) return null;
      const ids = await findPath(db, from.id, to.id, maxDepth);
      if (ids === null || ids.length === 0) return ids === null ? null : [];
      const rows = await db
        .select(relationColumns)
        .from(relations)
        .innerJoin(relationTypes, eq(relationTypes.slug, relations.type))
        .where(inArray(relations.id, ids))
        .orderBy(asc(relations.id));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    neighborhood: async (_, args, { db, loaders }) => {
      const depth = intInRange("depth", args.depth, 1, 3, 1);
      const center = await loaders.conceptBySlug.load(args.slug);
      if (!center) return null;
      const { nodeIds, edges } = await neighborhood(db, center.id, depth);
      return { center, nodes: await loaders.concepts(nodeIds), edges };
    },
  },
};
