/**
 * Refills concept_study_rows (schema/graph-tables.ts), inside a seed's transaction: for each concept,
 * the categories above it and, as JSON, everything a study region reads of it (server/study/graph-region.ts
 * turns these rows back into the graph's rows). Any change to concepts, relations, claims or citations
 * must be followed by this, as every seed does.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/connect.ts";
import { queryRows } from "../db/query-rows.ts";
import { ANCESTOR_DEPTH } from "../study/graph-region.ts";

const citedAs = (alias: string) => sql.raw(`json_build_object('source_id', ${alias}.source_id, 'locator', ${alias}.locator)`);

export async function refreshStudyRows(tx: Pick<Db, "execute">): Promise<void> {
  await tx.execute(sql`delete from concept_study_rows`);
  await tx.execute(sql`
    insert into concept_study_rows (concept_id, slug, ancestor_ids, ancestor_depths, concept, cited, claims, relations)
    with recursive classifying as (
      select source_id, target_id from relations
      where outdated is null and type in (select slug from relation_types where classifies)
    ), up(concept_id, id, depth) as (
      select source_id, target_id, 1 from classifying
      union
      select u.concept_id, r.target_id, u.depth + 1 from up u join classifying r on r.source_id = u.id
      where u.depth < ${sql.raw(String(ANCESTOR_DEPTH))}
    ), nearest as (
      select concept_id, id, min(depth) as depth from up where id <> concept_id group by concept_id, id
    ), ancestors as (
      select concept_id, array_agg(id order by depth, id) as ids, array_agg(depth order by depth, id) as depths from nearest group by concept_id
    ), cited_concept as (
      select concept_id, json_agg(${citedAs("c")} order by position, id) as cited from citations c where concept_id is not null group by concept_id
    ), cited_relation as (
      select relation_id, json_agg(${citedAs("c")} order by position, id) as cited from citations c where relation_id is not null group by relation_id
    ), cited_claim as (
      select claim_id, json_agg(${citedAs("c")} order by position, id) as cited from citations c where claim_id is not null group by claim_id
    ), outgoing as (
      -- As arrays rather than objects: most of a region's concepts' relations lead out of it, and are
      -- parsed only to be dropped.
      select r.source_id, json_agg(json_build_array(r.id, r.type, r.target_id, r.outdated, coalesce(cr.cited, '[]')) order by r.id) as relations
      from relations r left join cited_relation cr on cr.relation_id = r.id group by r.source_id
    ), stated as (
      select l.concept_id, json_agg(json_build_object(
        'id', l.id, 'key', l.key, 'statement', l.statement, 'polarity', l.polarity, 'aspect', l.aspect, 'value', l.value,
        'outdated', l.outdated, 'position', l.position, 'cited', coalesce(cl.cited, '[]'))
        order by l.position, l.id) as claims
      from claims l left join cited_claim cl on cl.claim_id = l.id group by l.concept_id
    )
    select c.id, c.slug, coalesce(a.ids, '{}'), coalesce(a.depths, '{}'),
      json_build_object(
        'id', c.id, 'slug', c.slug, 'name', c.name, 'kind', c.kind, 'summary', c.summary, 'description', c.description, 'aliases', c.aliases,
        'noun', c.noun, 'noun_plural', c.noun_plural, 'plural', c.plural, 'uncountable', c.uncountable, 'clue', c.clue),
      coalesce(cc.cited, '[]'), coalesce(s.claims, '[]'), coalesce(o.relations, '[]')
    from concepts c
    left join ancestors a on a.concept_id = c.id
    left join cited_concept cc on cc.concept_id = c.id
    left join stated s on s.concept_id = c.id
    left join outgoing o on o.source_id = c.id`);
}

/**
 * Fills concept_study_rows for a graph seeded before the table existed (migration 0016 adds it empty, and
 * start-up re-seeds only when the seeds change): without them a large graph's regions would hold nothing.
 * Returns how many concepts it prepared (0 when there was nothing to do).
 */
export async function fillMissingStudyRows(db: Db): Promise<number> {
  // Two cheap probes at every start; the count only when there is work to do.
  const [state] = await queryRows<{ missing: boolean }>(
    db,
    sql`select not exists (select 1 from concept_study_rows) and exists (select 1 from concepts) as missing`,
  );
  if (!state?.missing) return 0;
  await db.transaction((tx) => refreshStudyRows(tx));
  const [filled] = await queryRows<{ rows: number }>(db, sql`select count(*)::int as rows from concept_study_rows`);
  return Number(filled?.rows ?? 0);
}
