/**
 * Refills concept_study_rows (schema/graph-tables.ts): for each concept, the categories above it and, as
 * JSON, everything a study region reads of it (server/study/graph-region.ts turns these rows back into
 * the graph's rows); and value_holders, which concepts of each kind hold which value on each aspect. Any
 * change to the graph's tables (concepts, relations, claims, citations, and what cascades into them:
 * relation types, sources) must be followed by this, in the same transaction, as every seed does; the
 * rows record which seeded graph they were made from, so that a start-up finds rows made before a seed
 * that did not refresh them (an older server's) and makes them again.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/connect.ts";
import { queryRows } from "../db/query-rows.ts";
import { ANCESTOR_DEPTH, filesUnderCategory, normalValue, statesValue } from "../study/graph-region.ts";
import { takeSeedLock } from "./seed-lock.ts";

/** Bump when what a row holds changes, so that start-up remakes rows of the old shape. */
const STUDY_ROWS_FORMAT = `6, ${ANCESTOR_DEPTH} steps up, value holders with their values, near and linked ids, value aspects`;
/** What seed_state records for the rows: the graph's seed hash they were made from, and their format. */
const madeFrom = sql`coalesce((select hash from seed_state where id = 'graph'), 'unseeded') || ' / ' || ${STUDY_ROWS_FORMAT}`;

/**
 * A row's JSON is made of arrays, not objects, field by field in the order of the tuple types in
 * graph-region.ts: a region of a million-concept graph reads two thousand rows, and the keys repeated in
 * every object made a third of what PostgreSQL aggregated and sent, and Node parsed.
 */
/** A citation `c` as a row carries it: [source, locator]. */
const citation = sql`json_build_array(c.source_id, c.locator)`;
/** A concept's citation: [source, locator, whether it backs the summary]. */
const conceptCitation = sql`json_build_array(c.source_id, c.locator, c.backs_summary)`;

export async function refreshStudyRows(tx: Pick<Db, "execute">): Promise<void> {
  // Only rows that changed are written (a deleted concept's row goes with it, by its foreign key): a
  // rewrite of every row left the old ones dead until a vacuum, and on a million concepts the table
  // three times its size (2.4 GB instead of 0.8) made a new seed's quiz a quarter slower.
  await tx.execute(sql`
    insert into concept_study_rows (concept_id, slug, ancestor_ids, ancestor_depths, near_ids, linked_ids, value_aspects, concept, cited, claims, relations)
    with recursive classifying as (
      select source_id, target_id from relations where ${filesUnderCategory}
    ), up(concept_id, id, depth) as (
      select source_id, target_id, 1 from classifying
      union
      select u.concept_id, r.target_id, u.depth + 1 from up u join classifying r on r.source_id = u.id
      where u.depth < ${sql.raw(String(ANCESTOR_DEPTH))}
    ), nearest as (
      select concept_id, id, min(depth) as depth from up where id <> concept_id group by concept_id, id
    ), ancestors as (
      select concept_id, array_agg(id order by depth, id) as ids, array_agg(depth order by depth, id) as depths from nearest group by concept_id
    ), ends as (
      -- Each relation from either end, read once for both lists below.
      select source_id as id, target_id as other, outdated is null as current from relations
      union all select target_id, source_id, outdated is null from relations
    ), near as (
      -- What a region holds one step from a focus concept (see near in graph-region.ts).
      select id, array_agg(distinct other order by other) as ids from (
        select id, other from ends
        union all select a.id, b.id from concepts a join concepts b on b.summary = a.summary and b.id <> a.id
      ) alike group by id
    ), linked as (
      -- What a seed's walk follows from it (see focusQuery in graph-region.ts): current relations, either way.
      select id, array_agg(distinct other order by other) as ids from ends where current group by id
    ), valued as (
      select l.concept_id, array_agg(distinct l.aspect order by l.aspect) as aspects from claims l where ${statesValue("l")} group by l.concept_id
    ), cited_concept as (
      select concept_id, json_agg(${conceptCitation} order by position, id) as cited from citations c where concept_id is not null group by concept_id
    ), cited_relation as (
      select relation_id, json_agg(${citation} order by position, id) as cited from citations c where relation_id is not null group by relation_id
    ), cited_claim as (
      select claim_id, json_agg(${citation} order by position, id) as cited from citations c where claim_id is not null group by claim_id
    ), outgoing as (
      select r.source_id, json_agg(json_build_array(r.id, r.type, r.target_id, r.outdated, coalesce(cr.cited, '[]')) order by r.id) as relations
      from relations r left join cited_relation cr on cr.relation_id = r.id group by r.source_id
    ), stated as (
      select l.concept_id, json_agg(json_build_array(
        l.id, l.key, l.statement, l.polarity, l.aspect, l.value, l.outdated, l.position, coalesce(cl.cited, '[]'))
        order by l.position, l.id) as claims
      from claims l left join cited_claim cl on cl.claim_id = l.id group by l.concept_id
    )
    select c.id, c.slug, coalesce(a.ids, '{}'), coalesce(a.depths, '{}'), coalesce(n.ids, '{}'), coalesce(k.ids, '{}'), coalesce(v.aspects, '{}'),
      json_build_array(c.id, c.slug, c.name, c.kind, c.summary, c.description, c.aliases, c.noun, c.noun_plural, c.plural, c.uncountable, c.clue),
      coalesce(cc.cited, '[]'), coalesce(s.claims, '[]'), coalesce(o.relations, '[]')
    from concepts c
    left join ancestors a on a.concept_id = c.id
    left join cited_concept cc on cc.concept_id = c.id
    left join stated s on s.concept_id = c.id
    left join outgoing o on o.source_id = c.id
    left join near n on n.id = c.id
    left join linked k on k.id = c.id
    left join valued v on v.concept_id = c.id
    on conflict (concept_id) do update set
      slug = excluded.slug, ancestor_ids = excluded.ancestor_ids, ancestor_depths = excluded.ancestor_depths, near_ids = excluded.near_ids,
      linked_ids = excluded.linked_ids, value_aspects = excluded.value_aspects,
      concept = excluded.concept, cited = excluded.cited, claims = excluded.claims, relations = excluded.relations
    where concept_study_rows.slug is distinct from excluded.slug
      or concept_study_rows.ancestor_ids is distinct from excluded.ancestor_ids
      or concept_study_rows.ancestor_depths is distinct from excluded.ancestor_depths
      or concept_study_rows.near_ids is distinct from excluded.near_ids
      or concept_study_rows.linked_ids is distinct from excluded.linked_ids
      or concept_study_rows.value_aspects is distinct from excluded.value_aspects
      -- json has no equality operator: its text, as built, is compared.
      or concept_study_rows.concept::text is distinct from excluded.concept::text
      or concept_study_rows.cited::text is distinct from excluded.cited::text
      or concept_study_rows.claims::text is distinct from excluded.claims::text
      or concept_study_rows.relations::text is distinct from excluded.relations::text`);
  const holders = sql`
    select distinct c.kind, l.aspect, c.id as concept_id, ${normalValue("l")} as value from claims l join concepts c on c.id = l.concept_id
    where ${statesValue("l")}`;
  await tx.execute(sql`
    delete from value_holders v where not exists (
      select 1 from (${holders}) h where h.kind = v.kind and h.aspect = v.aspect and h.concept_id = v.concept_id and h.value = v.value)`);
  await tx.execute(sql`insert into value_holders (kind, aspect, concept_id, value) ${holders} on conflict do nothing`);
  await tx.execute(sql`
    insert into seed_state (id, hash) values ('study-rows', ${madeFrom})
    on conflict (id) do update set hash = excluded.hash, seeded_at = now()`);
}

/**
 * Remakes concept_study_rows when they were not made from the graph as last seeded, or in this format: a
 * graph seeded before the table existed (migration 0016 adds it empty, and start-up re-seeds only when
 * the seeds change), or re-seeded by an older server. Without them a large graph's regions would miss
 * concepts or hold what the graph no longer says. Returns how many rows it made (0 when they were current);
 * `onRemake` is told before it starts making them (minutes on a large graph). A server reads rows of its
 * own format only (graph-region.ts), so servers of versions whose formats differ must not share a graph.
 */
export async function refreshStaleStudyRows(db: Db, onRemake: () => void = () => {}): Promise<number> {
  const stale = async (tx: Pick<Db, "execute">): Promise<boolean> => {
    const [state] = await queryRows<{ stale: boolean }>(
      tx,
      sql`select (select hash from seed_state where id = 'study-rows') is distinct from ${madeFrom} and exists (select 1 from concepts) as stale`,
    );
    return Boolean(state?.stale);
  };
  if (!(await stale(db))) return 0;
  return db.transaction(async (tx) => {
    // As a seed does, and looked at again under the lock: a seed may have just made them.
    await takeSeedLock(tx);
    if (!(await stale(tx))) return 0;
    onRemake();
    await refreshStudyRows(tx);
    const [made] = await queryRows<{ rows: number }>(tx, sql`select count(*)::int as rows from concept_study_rows`);
    return Number(made?.rows ?? 0);
  });
}
