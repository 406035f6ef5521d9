/** The concepts within `depth` relations of a centre, nearest first, and the relations among them. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { relations, relationTypes } from "../../../schema/index.ts";
import type { Db } from "../../db/connect.ts";
import { queryRows } from "../../db/query-rows.ts";
import type { RelationRow } from "../graph-rows.ts";
import { relationColumns } from "../loaders.ts";

// A picture with more nodes than this is unreadable; the nearest ones are kept.
export const MAX_NEIGHBOURHOOD_NODES = 150;

export async function neighborhood(db: Db, center: number, depth: number): Promise<{ nodeIds: number[]; edges: RelationRow[] }> {
  const reached = await queryRows<{ node: number; depth: number }>(
    db,
    sql`
    with recursive walk(node, depth) as (
      select ${center}::int, 0
      union
      select case when r.source_id = w.node then r.target_id else r.source_id end, w.depth + 1
      from walk w join relations r on r.source_id = w.node or r.target_id = w.node
      where w.depth < ${depth}
    )
    select node, min(depth) as depth from walk group by node
    order by min(depth), node
    limit ${MAX_NEIGHBOURHOOD_NODES}`,
  );
  const nodeIds = reached.map((r) => Number(r.node));
  const edges = await db
    .select(relationColumns)
    .from(relations)
    .innerJoin(relationTypes, eq(relationTypes.slug, relations.type))
    .where(and(inArray(relations.sourceId, nodeIds), inArray(relations.targetId, nodeIds)))
    .orderBy(asc(relations.id));
  return { nodeIds, edges };
}
