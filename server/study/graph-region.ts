/**
 * Regions of a graph too large to hold in memory (see study-graphs.ts): which
 * concepts a quiz, a matching round, a deck or a card is about (the focus), and
 * what else the quality rules read about them (the region around it).
 *
 * The rules judge a question by what the graph says of its subject — every
 * relation and claim of it, every category above it — and judge a wrong choice
 * by the same of the wrong choice. So a region holds the focus, every concept
 * one relation away from it, and every category above any of those; its
 * snapshot then holds every relation among them (graph-snapshot.ts). What the
 * graph says of a focus concept is all there; of the others, enough to be
 * offered as a wrong choice, never enough to be asked about.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/connect.ts";
import { queryRows } from "../db/query-rows.ts";
import { readVocabulary, type GraphWideFacts } from "./graph-snapshot.ts";

export type RegionScope =
  /** A quiz or round with no topic: the neighbourhood of a concept the seed picks. */
  | { type: "seed"; seed: number }
  /** A topic: the concept and what lies under it (broader relations followed backwards), nearest first. */
  | { type: "topic"; slug: string }
  /** Just these concepts (a card's subject, a learner's weak spots). */
  | { type: "concepts"; slugs: readonly string[] }
  /** The first concepts of a kind, or of the whole graph, in slug order: a deck's head. */
  | { type: "kind"; kind: string }
  | { type: "all" };

/** How many concepts a region is about: a deck's window onto a large graph, a topic's nearest members. */
const FOCUS_SIZE = 100;
/**
 * How many a quiz or round without a topic is about: the neighbourhood its seed picks. Enough for 50
 * questions; each concept more brings its neighbours and their categories (a region of a new seed is
 * read for the request that asks for it).
 */
const SEED_FOCUS_SIZE = 40;
/** How far up the hierarchy a region follows categories (the seeds' deepest chain is 4). */
const ANCESTOR_DEPTH = 5;
/** How far down a topic is followed. */
const TOPIC_DEPTH = 8;
/** The most concepts a region holds, nearest first: a concept with thousands of relations is cut here. */
const REGION_MOST = 3000;

export function regionKey(scope: RegionScope): string {
  switch (scope.type) {
    case "seed":
      return `seed:${scope.seed}`;
    case "topic":
      return `topic:${scope.slug}`;
    case "concepts":
      return `concepts:${[...scope.slugs].sort().join(",")}`;
    case "kind":
      return `kind:${scope.kind}`;
    case "all":
      return "all";
  }
}

const current = sql`outdated is null`;
const narrowing = sql`(select slug from relation_types where broader or classifies)`;
const classifying = sql`(select slug from relation_types where classifies)`;

function focusQuery(scope: RegionScope): SQL {
  switch (scope.type) {
    case "seed":
      // The concept at or after an id the seed picks, then its neighbours and theirs, nearest first.
      return sql`
        with start as (
          select id from concepts
          where id >= (select min(id) + ${scope.seed} % (max(id) - min(id) + 1) from concepts)
          order by id limit 1
        ), near as (
          select id, 0 as depth from start
          union all select r.target_id, 1 from relations r join start s on r.source_id = s.id where r.${current}
          union all select r.source_id, 1 from relations r join start s on r.target_id = s.id where r.${current}
        ), far as (
          select id, depth from near
          union all select r.target_id, 2 from relations r join near n on r.source_id = n.id where n.depth = 1 and r.${current}
          union all select r.source_id, 2 from relations r join near n on r.target_id = n.id where n.depth = 1 and r.${current}
        )
        select id from far group by id order by min(depth), id limit ${SEED_FOCUS_SIZE}`;
    case "topic":
      return sql`
        with recursive members(id, depth) as (
          select id, 0 from concepts where slug = ${scope.slug}
          union
          select r.source_id, m.depth + 1 from members m join relations r on r.target_id = m.id
          where m.depth < ${TOPIC_DEPTH} and r.${current} and r.type in ${narrowing}
        )
        select id from members group by id order by min(depth), id limit ${FOCUS_SIZE}`;
    case "concepts":
      return sql`select id from concepts where slug in (select json_array_elements_text(${JSON.stringify(scope.slugs)}::json)) order by id`;
    case "kind":
      return sql`select id from concepts where kind = ${scope.kind} order by slug limit ${FOCUS_SIZE}`;
    case "all":
      return sql`select id from concepts order by slug limit ${FOCUS_SIZE}`;
  }
}

/**
 * A scope's region in one statement: the concepts it is about (the focus: none when the scope names
 * nothing, no such topic, kind or concept), and around them the other ends of their relations (outdated
 * ones too: the snapshot keeps those apart so nothing denies them), the concepts sharing a focus
 * concept's summary (which cards and questions must tell apart from it), and the categories above all
 * of them, nearest first.
 */
export async function regionOf(db: Db, scope: RegionScope): Promise<{ focus: number[]; ids: number[] }> {
  const rows = await queryRows<{ id: number; focus: boolean }>(
    db,
    sql`
      with recursive focus as (${focusQuery(scope)}),
      near as (
        select id, 0 as depth from focus
        union select r.target_id, 1 from focus f, lateral (select target_id from relations where source_id = f.id offset 0) r
        union select r.source_id, 1 from focus f, lateral (select source_id from relations where target_id = f.id offset 0) r
        union select c.id, 1 from focus f, lateral (
          select c.id from concepts o join concepts c on md5(c.summary) = md5(o.summary) and c.summary = o.summary where o.id = f.id offset 0
        ) c
      ),
      -- Each step reads the relations of the concepts just reached through their index ("offset 0" keeps
      -- the planner from hashing every classifying relation of the graph instead: 250 ms on 100k concepts).
      up(id, depth) as (
        select id, depth from near
        union
        select r.target_id, u.depth + 1 from up u, lateral (
          select target_id from relations where source_id = u.id and ${current} and type in ${classifying} offset 0
        ) r
        where u.depth < ${ANCESTOR_DEPTH}
      )
      select id, min(depth) = 0 as focus from up group by id order by min(depth), id limit ${REGION_MOST}`,
  );
  return { focus: rows.filter((row) => row.focus).map((row) => Number(row.id)), ids: rows.map((row) => Number(row.id)) };
}

/**
 * What the rules read of the whole graph that no region shows: which kinds are mostly categories, and
 * which kinds the graph also holds as a concept (see generate-flashcards.ts); and the vocabulary every
 * region shares. Read once per version.
 */
export async function graphWideFacts(db: Db): Promise<GraphWideFacts> {
  const [vocabulary, categoryKinds, taughtKinds] = await Promise.all([
    readVocabulary(db),
    queryRows<{ kind: string }>(
      db,
      sql`
        select c.kind from concepts c
        left join (select distinct target_id from relations where ${current} and type in ${classifying}) as category on category.target_id = c.id
        group by c.kind
        having count(category.target_id) > 0 and count(category.target_id) * 2 >= count(*)`,
    ),
    queryRows<{ kind: string }>(
      db,
      sql`
        select k.slug as kind from kinds k join concepts c on lower(c.name) = lower(k.label)
        union select k.slug from kinds k join concepts c on lower(c.noun) = lower(k.label)`,
    ),
  ]);
  return { vocabulary, categoryKinds: new Set(categoryKinds.map((r) => r.kind)), taughtKinds: new Set(taughtKinds.map((r) => r.kind)) };
}
