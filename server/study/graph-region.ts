/**
 * Regions of a graph too large to hold in memory (see study-graphs.ts): which
 * concepts a quiz, a matching round, a deck or a card is about (the focus), and
 * what else the quality rules read about them (the region around it).
 *
 * The rules judge a question by what the graph says of its subject — every
 * relation and claim of it, every category above it — and judge a wrong choice
 * by the same of the wrong choice. So a region holds the focus, every concept
 * one relation away from it, and every category above the focus; its snapshot
 * then holds every relation among them (graph-snapshot.ts). What the graph says
 * of a focus concept is all there; of the others, enough to be offered as a
 * wrong choice, never enough to be asked about. The categories above the
 * others are not read (on a random graph of a million concepts they were 1,700
 * of a quiz region's 2,200 concepts, and most of its cost): each concept's
 * study row records which categories lie above it, which is all that the
 * checks keeping a wrong choice off the answer's line need of them
 * (everythingAbove, hierarchy.ts). What proves a wrong choice false
 * (disproofOfCategory) is shown step by step, so it reads only the region's
 * relations: a choice it cannot prove false there is not offered. A region a
 * quiz may be made from also holds a few concepts of each focus concept's kind
 * that state another value on an aspect it states one on: the false versions
 * of its values, which a whole graph offers from anywhere in it.
 *
 * One scope holds less: a "cards" region stops one level up (its subjects'
 * own categories, which a card names and weighs its neighbours against) and
 * holds claims and citations only of its subjects, all a card reads. Nothing
 * that walks the hierarchy further (ancestorsOf, truthOf, disproofOfCategory)
 * may be asked of it: there it would read "unknown" where the graph says
 * "false".
 */
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database, Db, SqlParameter } from "../db/connect.ts";
import { queryRows } from "../db/query-rows.ts";
import {
  addCitation,
  addClaim,
  addRelation,
  readVocabulary,
  startSnapshot,
  type ClaimRow,
  type GraphSnapshot,
  type GraphWideFacts,
  type SnapshotClaim,
  type SnapshotConcept,
  type SnapshotRelation,
} from "./graph-snapshot.ts";

export type RegionScope =
  /** A quiz or round with no topic: the neighbourhood of a concept the seed picks. */
  | { type: "seed"; seed: number; nearest: number }
  /** A topic: the concept and what lies under it (broader relations followed backwards), nearest first. */
  | { type: "topic"; slug: string }
  /** Just these concepts (a learner's weak spots, two compared concepts). */
  | { type: "concepts"; slugs: readonly string[] }
  /**
   * These concepts' cards: what a card reads of the hierarchy stops at its subject's own categories (a
   * neighbour counts as a sibling when filed under one of them; see generate-flashcards.ts), so this
   * region follows the hierarchy one step rather than ANCESTOR_DEPTH.
   */
  | { type: "cards"; slugs: readonly string[] }
  /** The first concepts of a kind, or of the whole graph, in slug order: a deck's head. */
  | { type: "kind"; kind: string }
  | { type: "all" };

/** How many concepts a region is about: a deck's window onto a large graph, a topic's nearest members. */
const FOCUS_SIZE = 100;
/**
 * How many concepts a seed's walk must have found to stop at two relations from its start; with fewer, it
 * goes a step further at a time (see SEED_WALK_DEPTH). Its focus is chosen among what it found.
 */
export const SEED_REACH = 60;
/**
 * Among how many of the concepts a seed's walk found, nearest first, the focus looks for each theme's
 * nearest holder of a value: two steps from a concept with thousands of relations are thousands of concepts,
 * each a look-up of its claims (on the random million-concept graph two steps hold about a hundred).
 */
const SEED_THEME_POOL = 500;
/**
 * How many relations away from its start a seed's walk may go: two always, and up to this many while fewer
 * than SEED_REACH concepts are found (each step beyond costs nothing when the ones before filled it).
 */
export const SEED_WALK_DEPTH = 5;
/**
 * How many of the concepts nearest its start a seed's focus holds, whatever they state. Besides them it
 * holds, for each theme, the nearest concept stating a value of it: a quiz asks one question of a theme
 * (themeFact, quiz/facts.ts), so a focus of the nearest concepts alone ran out of themes before it ran out
 * of concepts. On the random graph of a million concepts (one value each, twenty themes) the 36 nearest
 * left none of 100 quizzes short of ten, and 24 left 12; 16 nearest and one per theme, about 26 concepts
 * and a region of about 460, left none short, and a fifty-question quiz found 16 questions where the 60
 * nearest found 14. Fewer nearest serve quizzes of values as well, not those of other kinds: on the seeds
 * served in regions, 8 left 8 of 40 definition quizzes without a question, 16 none (as 60 nearest did).
 */
export const SEED_NEAREST = 16;
/**
 * How many a matching round's seed keeps (its themes' nearest holders besides): a round of categories sorts
 * terms under categories the graph proves apart, which values do not help find. On the seeds served in
 * regions, 16 left 2 of 60 such rounds without enough terms and 4.1 terms a round; 36, none and 6.1
 * (the 60 nearest, before: none and 5.8).
 */
export const ROUND_SEED_NEAREST = 36;
/**
 * How many concepts of its kind holding a value on the same aspect a region reads for each value of a
 * focus concept, the nearest by id on either side holding another value (see `holders` in regionStatement).
 * On the random graph of a million concepts (with 8 nearest in the focus) one on either side left no quiz of
 * 100 short of ten, as two did, in a region 10% smaller (380 concepts against 426), which served 72 new
 * seeds' quizzes a second against 68-69.
 */
export const HOLDERS_EACH_SIDE = 1;
/** How far up the hierarchy a region follows categories (the seeds' deepest chain is 4). */
export const ANCESTOR_DEPTH = 5;
/** How far a cards region follows them: to its subjects' own categories. */
const CARD_ANCESTOR_DEPTH = 1;
/** How far down a topic is followed. */
const TOPIC_DEPTH = 8;
/** The most concepts a region holds, nearest first: a concept with thousands of relations is cut here. */
const REGION_MOST = 3000;

/**
 * How far up the hierarchy above the focus a scope's region goes, how far from the focus it reads
 * what concepts state (their claims, and the citations of them), and how far the concepts' own citations:
 * all the way, except in a cards region, where a card reads only its subjects' claims (a comparison card's
 * id names both sides, so both are subjects), and of the others their names, relations and citations (a
 * relation card explains its answer with the answer's summary, and cites it). A cards region does not
 * read what the rows record above its concepts, nor what is set apart from them, either: no card asks.
 * The holders of other values serve quizzes only: a deck's region (a kind, or all) and a cards region skip them.
 */
function depthsOf(scope: RegionScope): { ancestors: number; stated: number; cited: number; recordsAbove: boolean; partners: boolean; holders: boolean } {
  return scope.type === "cards"
    ? { ancestors: CARD_ANCESTOR_DEPTH, stated: 0, cited: 1, recordsAbove: false, partners: false, holders: false }
    : { ancestors: ANCESTOR_DEPTH, stated: ANCESTOR_DEPTH, cited: ANCESTOR_DEPTH, recordsAbove: true, partners: true, holders: scope.type !== "kind" && scope.type !== "all" };
}

export function regionKey(scope: RegionScope): string {
  switch (scope.type) {
    case "seed":
      return `seed:${scope.seed}:${scope.nearest}`;
    case "topic":
      return `topic:${scope.slug}`;
    case "concepts":
    case "cards":
      return `${scope.type}:${[...scope.slugs].sort().join(",")}`;
    case "kind":
      return `kind:${scope.kind}`;
    case "all":
      return "all";
  }
}

const current = sql`outdated is null`;
const narrowing = sql`(select slug from relation_types where broader or classifies)`;
const disjointTypes = sql`(select slug from relation_types where disjoint)`;
/**
 * Whether the claim `alias` is one the quiz rules ask as a value (valuedClaims, quiz/facts.ts): current, with
 * an aspect and a value. The value holders, a region's reading of them and a seed's theme picks agree on it.
 */
export const statesValue = (alias: string) => sql.raw(`${alias}.aspect is not null and ${alias}.value is not null and ${alias}.outdated is null`);
/** The claim `alias`'s value as the quiz rules compare values (normal, quiz/facts.ts): trimmed and lower-cased. */
export const normalValue = (alias: string) => sql.raw(`lower(trim(${alias}.value))`);
/** The relations the hierarchy follows up: current ones of a classifying type (a relation's own columns, unqualified). */
export const filesUnderCategory = sql`outdated is null and type in (select slug from relation_types where classifies)`;

function focusQuery(scope: RegionScope): SQL {
  switch (scope.type) {
    case "seed": {
      // The first concept with a relation at or after an id the seed picks, then its neighbours and theirs,
      // nearest first; and further out, a step at a time while those are too few (a start with one
      // relation, in a corner of the graph, gave some quizzes of a random million-concept graph no question
      // at all). Of those, the focus: the nearest, and for each theme the nearest stating a value of it.
      // All of it from the study rows (linked_ids, value_aspects): the concepts a walk finds are mostly
      // those whose rows the region reads next, where the relations' and the claims' indexes were pages
      // of their own for every concept walked (on a million concepts, a third of a quiz's reads).
      const steps = [sql`step0 as (select id, 0 as depth from start)`];
      for (let depth = 1; depth <= SEED_WALK_DEPTH; depth++) {
        const [from, to] = [sql.raw(`step${depth - 1}`), sql.raw(String(depth))];
        const tooFew = depth <= 2 ? sql`` : sql`where (select count(distinct id) from ${from}) < ${sql.raw(String(SEED_REACH))}`;
        steps.push(sql`${sql.raw(`step${depth}`)} as (
          select id, depth from ${from}
          union all select n.id, ${to} from (select distinct id from ${from} where depth = ${to} - 1) f
            join concept_study_rows s on s.concept_id = f.id cross join lateral unnest(s.linked_ids) as n(id) ${tooFew}
        )`);
      }
      // A concept without a relation is no start: its focus would be itself alone.
      const related = sql`cardinality(s.linked_ids) > 0`;
      return sql`
        with start as (
          (select concept_id as id from concept_study_rows s
           where concept_id >= (select min(concept_id) + ${scope.seed} % (max(concept_id) - min(concept_id) + 1) from concept_study_rows) and ${related}
           order by concept_id limit 1)
          -- Past the last related concept, from the first.
          union all (select concept_id from concept_study_rows s where ${related} order by concept_id limit 1)
          limit 1
        ), ${sql.join(steps, sql`, `)},
        reached as (select id, min(depth) as depth from ${sql.raw(`step${SEED_WALK_DEPTH}`)} group by id),
        closest as (select id, depth from reached order by depth, id limit ${sql.raw(String(Math.trunc(scope.nearest)))}),
        pool as (select id, depth from reached order by depth, id limit ${sql.raw(String(SEED_THEME_POOL))}),
        themed as (
          select distinct on (coalesce(a.theme, a.slug)) r.id, r.depth
          from pool r
          join concept_study_rows s on s.concept_id = r.id
          cross join lateral unnest(s.value_aspects) as v(aspect)
          join aspects a on a.slug = v.aspect
          order by coalesce(a.theme, a.slug), r.depth, r.id
        )
        select id from (select id, depth from closest union all select id, depth from themed) chosen
        group by id order by min(depth), id limit ${sql.raw(String(FOCUS_SIZE))}`;
    }
    case "topic":
      return sql`
        with recursive members(id, depth) as (
          select id, 0 from concepts where slug = ${scope.slug}
          union
          select r.source_id, m.depth + 1 from members m join relations r on r.target_id = m.id
          where m.depth < ${sql.raw(String(TOPIC_DEPTH))} and r.${current} and r.type in ${narrowing}
        )
        select id from members group by id order by min(depth), id limit ${sql.raw(String(FOCUS_SIZE))}`;
    case "concepts":
    case "cards":
      return sql`select id from concepts where slug in (select json_array_elements_text(${JSON.stringify(scope.slugs)}::json)) order by id`;
    case "kind":
      return sql`select id from concepts where kind = ${scope.kind} order by slug limit ${sql.raw(String(FOCUS_SIZE))}`;
    case "all":
      return sql`select id from concepts order by slug limit ${sql.raw(String(FOCUS_SIZE))}`;
  }
}

/**
 * A scope's region, and everything its snapshot holds, in one prepared statement: the concepts it is
 * about (the focus: none when the scope names nothing, no such topic, kind or concept), and around
 * them the other ends of their relations (outdated ones too: the snapshot keeps those apart so nothing
 * denies them), the concepts sharing a focus concept's summary (which cards and questions must tell
 * apart from it), the categories above the focus and the holders of other values (see depthsOf), nearest first; then each one's
 * study row (concept_study_rows, prepared by every seed: its row, claims, outgoing relations and their
 * citations, and the categories above it), and how many names of the whole graph hold the first word
 * of each focus concept's name. On a million concepts a quiz's region is about 460 concepts scattered
 * over the tables: one lookup each, with the categories above read from the rows of the concepts
 * below, rather than a walk up the hierarchy and five lookups each.
 */
function regionStatement(scope: RegionScope): SQL {
  const depths = depthsOf(scope);
  return sql`
    with recursive focus as (${focusQuery(scope)}),
    -- The focus's own study rows record what lies one step from each and the categories above it: read
    -- once, they spare a walk in the relations' and the summaries' indexes for every focus concept (on a
    -- million concepts, those pages were a third of what a quiz's region read).
    focus_rows as materialized (
      select s.concept_id as id, s.near_ids, s.ancestor_ids, s.ancestor_depths from focus f join concept_study_rows s on s.concept_id = f.id
    ),
    near as (
      select id, 0 as depth from focus
      union select n.id, 1 from focus_rows f cross join lateral unnest(f.near_ids) as n(id)
    ),
    nearest as (select id, min(depth) as depth from near group by id),
    above as (
      select a.id, a.depth from focus_rows f
      cross join lateral unnest(f.ancestor_ids, f.ancestor_depths) as a(id, depth)
      where a.depth <= ${sql.raw(String(depths.ancestors))}
    ),
    line as (select id, 0 as depth from focus union all select id, depth from above where depth = 1),
    -- What a disjoint relation sets apart from the focus or its own categories: the categories a
    -- question can most often prove wrong of a focus concept (hardware virtualization, against a
    -- container's operating-system-level virtualization), which may lie one relation from no focus
    -- concept. Not from the categories further up: on a million concepts that doubled what a region
    -- reads; a wrong category proven only up there is offered when the region holds it anyway. The
    -- disjoint types as one array, read once: as a subquery, each of the line's concepts scanned them again.
    apart as (
      select r.target_id as id, l.depth + 1 as depth from line l, lateral (
        select target_id from relations where source_id = l.id and type = any(array${disjointTypes}) and outdated is null offset 0) r
      union all
      select r.source_id, l.depth + 1 from line l, lateral (
        select source_id from relations where target_id = l.id and type = any(array${disjointTypes}) and outdated is null offset 0) r
    ),
    -- Concepts of a focus concept's kind holding another value on an aspect it holds one on: the false
    -- versions a statement of its value is asked with (true-false-questions.ts). One relation away,
    -- a random graph of a million concepts held one for about every third value, and a quiz had to be
    -- about 60 concepts to find ten questions; the nearest by id on either side, from an index. Last to
    -- go when a region is cut at its most concepts: what the rules need of the focus comes first.
    holders as (
      select h.id, 1 as depth from focus f
      join concepts fc on fc.id = f.id
      join claims l on l.concept_id = f.id and ${statesValue("l")},
      lateral (
        (select concept_id as id from value_holders v where v.kind = fc.kind and v.aspect = l.aspect and v.concept_id > f.id
           and v.value <> ${normalValue("l")} order by v.concept_id limit ${sql.raw(String(HOLDERS_EACH_SIDE))})
        union all
        (select concept_id from value_holders v where v.kind = fc.kind and v.aspect = l.aspect and v.concept_id < f.id
           and v.value <> ${normalValue("l")} order by v.concept_id desc limit ${sql.raw(String(HOLDERS_EACH_SIDE))})
      ) h
    ),
    up(id, depth, extra) as (
      select id, depth, false from nearest
      ${depths.holders ? sql`union all select id, depth, true from holders` : sql``}
      union all select id, depth, false from above
      ${depths.partners ? sql`union all select id, depth, false from apart` : sql``}
    ),
    region as materialized (
      select id, min(depth) as depth, min(depth) = 0 as focus from up group by id
      order by min(depth), bool_and(extra), id limit ${sql.raw(String(REGION_MOST))}
    )
    -- One result row for each concept's study row, after one for the focus and one for the first words: a
    -- single row aggregating them all was a string of 300 KB or more for each region. Each as text, parsed
    -- once every row is in (loadRegion): parsed as json row by row while the rest arrived, the tuples of
    -- every region under way lived through the young generation's collections, and on a million concepts
    -- the server made 64–66 new seeds' quizzes a second against 69–75 as text.
    select 0 as part, null::text as slug, (select coalesce(json_agg(id order by id), '[]') from region where focus)::text as data
    union all
    -- The first content word of each focus concept's name, split as contentWords (phrasing.ts) does and name_words holds it.
    select 1, null, (select coalesce(json_object_agg(word, concepts), '{}')::text from name_words where word in (
         select (select w from unnest(regexp_split_to_array(lower(c.name), '[^[:alnum:]]+')) with ordinality as t(w, i)
                 where char_length(w) >= 4 order by i limit 1)
         from region s join concepts c on c.id = s.id where s.focus))
    union all
    -- Claims and citations only within the scope's reach: the rest would be parsed to be dropped.
    select 2, s.slug, json_build_array(s.concept, s.relations,
         case when r.depth <= ${sql.raw(String(depths.cited))} then s.cited end,
         case when r.depth <= ${sql.raw(String(depths.stated))} then s.claims end,
         ${depths.recordsAbove ? sql`json_build_array(s.ancestor_ids, s.ancestor_depths)` : sql`null`})::text
    from region r join concept_study_rows s on s.concept_id = r.id
    order by part, slug`;
}

/**
 * A concept's study row as refreshStudyRows (server/seed/study-rows.ts) writes it, as a region reads it:
 * tuples rather than objects (see there), each in the order of its type here.
 */
/** A concept's carry a third element: whether it backs the concept's summary (a row written before it had one: all did). */
type Cited = [source_id: string, locator: string, backs_summary?: boolean];
type ConceptTuple = [
  id: number,
  slug: string,
  name: string,
  kind: string,
  summary: string,
  description: string,
  aliases: string[],
  noun: string | null,
  noun_plural: string | null,
  plural: boolean,
  uncountable: boolean,
  clue: string | null,
];
type RelationTuple = [id: number, type: string, target_id: number, outdated: string | null, cited: Cited[]];
type ClaimTuple = [
  id: number,
  key: string,
  statement: string,
  polarity: ClaimRow["polarity"],
  aspect: string | null,
  value: string | null,
  outdated: string | null,
  position: number,
  cited: Cited[],
];
/**
 * Its concept, its outgoing relations, the citations of the concept and its claims (null beyond what the
 * scope states, see depthsOf), and the categories above it, by id with each one's nearest distance (null in a cards region).
 */
type StudyRow = [concept: ConceptTuple, relations: RelationTuple[], cited: Cited[] | null, claims: ClaimTuple[] | null, above: [ids: number[], depths: number[]] | null];

/** What a region's statement answers, parsed: its focus, its concepts' study rows, and the counts of its focus's first name words. */
interface RegionRead {
  focus: number[];
  rows: StudyRow[];
  firstWords: Record<string, number>;
}

/**
 * A region's snapshot straight from its concepts' study rows: every relation with both ends in the
 * region, with its citations, and the claims and citations the rows carry. Each object is made once,
 * field by field: a region has thousands, and on a million concepts every quiz of a new seed makes one
 * (mapped to the whole graph's row shapes first, then to the snapshot's, each was made twice).
 */
function regionSnapshot(version: string, read: RegionRead, wide: GraphWideFacts): GraphSnapshot {
  const concepts: SnapshotConcept[] = [];
  const slugOf = new Map<number, string>();
  const above = new Map<number, { ids: readonly number[]; depths: readonly number[] }>();
  for (const [concept, , , , recorded] of read.rows) {
    const [id, slug, name, kind, summary, description, aliases, noun, nounPlural, plural, uncountable, clue] = concept;
    concepts.push({ id, slug, name, kind, summary, description, aliases, noun, nounPlural, plural, uncountable, clue });
    slugOf.set(id, slug);
    if (recorded) above.set(id, { ids: recorded[0], depths: recorded[1] });
  }
  const snapshot = startSnapshot(version, concepts, slugOf, wide.vocabulary, {
    focusIds: new Set(read.focus),
    above,
    cut: read.rows.length >= REGION_MOST,
    wide,
    nameWordCounts: new Map(Object.entries(read.firstWords).map(([word, count]) => [word, Number(count)])),
  });
  const cite = (of: "concept" | "relation" | "claim", id: number, cited: readonly Cited[]) => {
    for (const [sourceId, locator, backsSummary] of cited) addCitation(snapshot, of, id, { sourceId, locator }, backsSummary !== false);
  };
  // Relations are indexed by id and claims by position, as the whole graph's are: the rows list them subject by subject.
  const relations: SnapshotRelation[] = [];
  const claims: SnapshotClaim[] = [];
  const outdated = new Set<SnapshotRelation | SnapshotClaim>();
  const positions = new Map<number, number>();
  for (const [concept, relationTuples, cited, claimTuples] of read.rows) {
    const [sourceId, from] = concept;
    for (const [id, type, targetId, outdatedOn, citedBy] of relationTuples) {
      const to = slugOf.get(targetId);
      if (to === undefined) continue;
      const relation = { id, type, from, to, label: snapshot.relationLabels.get(type) ?? type };
      relations.push(relation);
      if (outdatedOn !== null) outdated.add(relation);
      cite("relation", id, citedBy);
    }
    cite("concept", sourceId, cited ?? []);
    for (const [id, key, statement, polarity, aspect, value, outdatedOn, position, citedBy] of claimTuples ?? []) {
      const claim = { id, key, concept: from, statement, polarity, aspect, value };
      claims.push(claim);
      if (outdatedOn !== null) outdated.add(claim);
      positions.set(id, position);
      cite("claim", id, citedBy);
    }
  }
  relations.sort((a, b) => a.id - b.id);
  claims.sort((a, b) => (positions.get(a.id) ?? 0) - (positions.get(b.id) ?? 0) || a.id - b.id);
  for (const relation of relations) addRelation(snapshot, relation, outdated.has(relation));
  for (const claim of claims) addClaim(snapshot, claim, outdated.has(claim));
  return snapshot;
}

const dialect = new PgDialect();

/** A scope's region as a snapshot (see regionStatement), read by one prepared statement. */
export async function loadRegion(database: Pick<Database, "query">, version: string, scope: RegionScope, wide: GraphWideFacts): Promise<GraphSnapshot> {
  const statement = dialect.sqlToQuery(regionStatement(scope));
  const parts = await database.query(statement.sql, statement.params as SqlParameter[]);
  const read: RegionRead = { focus: [], rows: [], firstWords: {} };
  for (const { part, data } of parts) {
    const parsed: unknown = JSON.parse(data as string);
    if (part === 0) read.focus = parsed as number[];
    else if (part === 1) read.firstWords = parsed as Record<string, number>;
    else read.rows.push(parsed as StudyRow);
  }
  return regionSnapshot(version, read, wide);
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
        left join (select distinct target_id from relations where ${filesUnderCategory}) as category on category.target_id = c.id
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
