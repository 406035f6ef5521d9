/**
 * The shortest chain of relations between two concepts, either direction.
 *
 * Searching from both ends at once (each side to half the depth) and meeting in
 * the middle keeps the recursive CTE small on large graphs: with an average of
 * d relations per concept it explores about 2·d^(max/2) paths instead of d^max.
 * Each step joins `relations` through its source and target indexes.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/connect.ts";
import { queryRows } from "../../db/query-rows.ts";

export async function findPath(db: Db, from: number, to: number, maxDepth: number): Promise<number[] | null> {
  if (from === to) return [];
  const forward = Math.ceil(maxDepth / 2);
  const backward = Math.floor(maxDepth / 2);
  const rows = await queryRows<{ path: number[] }>(
    db,
    sql`
    with recursive
      fwd(node, nodes, path) as (
        select ${from}::int, array[${from}::int], array[]::int[]
        union all
        select n.node, f.nodes || n.node, f.path || r.id
        from fwd f
        join relations r on r.source_id = f.node or r.target_id = f.node
        cross join lateral (select case when r.source_id = f.node then r.target_id else r.source_id end as node) n
        where cardinality(f.path) < ${forward} and not n.node = any(f.nodes)
      ),
      bwd(node, nodes, path) as (
        select ${to}::int, array[${to}::int], array[]::int[]
        union all
        select n.node, w.nodes || n.node, r.id || w.path
        from bwd w
        join relations r on r.source_id = w.node or r.target_id = w.node
        cross join lateral (select case when r.source_id = w.node then r.target_id else r.source_id end as node) n
        where cardinality(w.path) < ${backward} and not n.node = any(w.nodes)
      )
    select f.path || w.path as path
    from fwd f join bwd w on w.node = f.node
    order by cardinality(f.path) + cardinality(w.path), f.path || w.path
    limit 1`,
  );
  const path = rows[0]?.path;
  return path ? path.map(Number) : null;
}
