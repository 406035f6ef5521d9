/**
 * Ranked concept search. Tiers, best first: an exact name or alias; a name or
 * alias starting with the query; full-text words in the summary or
 * description; then spelling near-misses, ranked by how close the whole name
 * is to the query (so "dockr" finds Docker before "Docker image", whose first
 * word is as close but whose whole name is not).
 *
 * Candidates come from three index-backed lookups (trigram regex on names,
 * the full-text expression index, the trigram `<%` operator), and only those
 * are scored, so search stays fast on a graph of 100k concepts.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/connect.ts";
import { queryRows } from "../../db/query-rows.ts";
import type { ConceptRow } from "../graph-rows.ts";

// Bounds on candidates, so a common word or a short typo in a huge graph does not score them all.
const MAX_PREFIX_CANDIDATES = 200;
const MAX_FULL_TEXT_CANDIDATES = 200;
const MAX_FUZZY_CANDIDATES = 50;
/** From about this many concepts (the planner's estimate), typos are looked up in the name words' dictionary. */
const FUZZY_DICTIONARY_FROM = 100_000;
/** How many dictionary words nearest each word of the query are taken. */
const NEAREST_WORDS = 3;

export interface SearchOptions {
  /** Typos through the name words' dictionary (true) or the k-nearest names (false); unset: by the graph's size. */
  dictionary?: boolean;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** How a result matched the query, strongest first. */
export type SearchMatch = "NAME" | "ALIAS" | "PREFIX" | "TEXT" | "SPELLING";

export interface SearchResult {
  concept: ConceptRow;
  matchedBy: SearchMatch;
  /** The name or alias (as the seeds spell it) that matched; null for a match in the text only. */
  matchedName: string | null;
}

interface Row {
  id: number;
  slug: string;
  name: string;
  kind: string;
  summary: string;
  description: string;
  aliases: string[];
  noun: string | null;
  noun_plural: string | null;
  plural: boolean;
  uncountable: boolean;
  clue: string | null;
  search_names: string;
  exact: boolean;
  prefix: boolean;
  text_match: boolean;
  text_rank: number;
  word_sim: number;
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit
 * (optimal string alignment), so "dokcer" is one typo away from "docker".
 */
export function typoDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  const first = rows[0] as number[];
  for (let j = 0; j <= b.length; j++) first[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2] as number[])[j - 2] as number + 1);
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** How close a whole name is to the query, 0 to 1: one minus the typos per letter of the longer. */
export function closeness(query: string, name: string): number {
  const longer = Math.max(query.length, name.length);
  return longer === 0 ? 1 : Math.max(0, 1 - typoDistance(query, name) / longer);
}

// A candidate found only by spelling is kept when its closest name is at least this close
// (two typos in a seven-letter word), or when one of its words is that like the query.
const MIN_CLOSENESS = 0.7;
const MIN_WORD_SIMILARITY = 0.4;

interface Scored extends SearchResult {
  score: number;
}

function scored(row: Row, q: string): Scored | null {
  const names = [row.name, ...row.aliases];
  // Ranked by the closest whole name; shown as the name closest whole or by one of its words
  // ("dockr" is taken for Docker layer caching's "Docker", not for its alias "DLC").
  let near = 0;
  let closest = row.name;
  let shown = -1;
  for (const name of names) {
    const whole = closeness(q, name.toLowerCase());
    near = Math.max(near, whole);
    const byWord = Math.max(whole, ...name.toLowerCase().split(/[^\p{L}\p{N}]+/u).map((w) => 0.9 * closeness(q, w)));
    if (byWord > shown) [closest, shown] = [name, byWord];
  }
  const text = row.text_match ? 0.6 + Number(row.text_rank) : 0;
  const spelling = near + 0.5 * Number(row.word_sim);
  const concept: ConceptRow = {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    summary: row.summary,
    description: row.description,
    aliases: row.aliases,
    noun: row.noun,
    nounPlural: row.noun_plural,
    plural: row.plural,
    uncountable: row.uncountable,
    clue: row.clue,
    searchNames: row.search_names,
  };
  const result = (matchedBy: SearchMatch, matchedName: string | null, tier: number): Scored => ({
    concept,
    matchedBy,
    matchedName,
    score: tier + text + spelling,
  });
  if (row.name.toLowerCase() === q) return result("NAME", row.name, 4);
  if (row.exact) return result("ALIAS", row.aliases.find((a) => a.toLowerCase() === q) ?? row.name, 4);
  if (row.prefix) return result("PREFIX", names.find((n) => n.toLowerCase().startsWith(q)) ?? row.name, 3);
  if (row.text_match && text >= spelling) return result("TEXT", null, 0);
  if (row.text_match || near >= MIN_CLOSENESS || Number(row.word_sim) >= MIN_WORD_SIMILARITY) return result("SPELLING", closest, 0);
  return null;
}

/**
 * The best `first` matches. The database finds and pre-ranks the candidates
 * through its indexes; the final order weighs typos by how close the whole
 * name is, which trigrams alone judge poorly for short words ("dokcer").
 */
export async function searchRanked(db: Db, query: string, first: number, kind: string | null = null, options: SearchOptions = {}): Promise<SearchResult[]> {
  const q = query.toLowerCase();
  // The query's words as name_words holds them (letters and digits, four or more): nothing to quote.
  const queryWords = [...new Set(q.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4))];
  const dictionary =
    options.dictionary === undefined
      ? sql`(select coalesce(max(reltuples), 0) > ${FUZZY_DICTIONARY_FROM} from pg_class where oid = 'concepts'::regclass)`
      : sql`${options.dictionary}::boolean`;
  // Names are stored one per line in search_names: "(^|\n)q" is a name starting with q.
  const namePrefix = `(^|\n)${escapeRegex(q)}`;
  const document = sql`to_tsvector('english', summary || ' ' || description)`;
  const words = sql`plainto_tsquery('english', ${query})`;
  const rows = await queryRows<Row>(
    db,
    sql`
    with candidates as (
      -- Exact names and aliases always; names starting with the query up to a bound (a one-letter
      -- query starts thousands of names in a big graph).
      -- concept_names's byte-ordered index: a name equal to q, or from q up to q followed by the
      -- highest code point (every name beginning with q).
      select concept_id as id from concept_names where name collate "C" = ${q}
      union
      (select concept_id from concept_names where name collate "C" >= ${q} and name collate "C" < ${`${q}\u{10FFFF}`} limit ${MAX_PREFIX_CANDIDATES})
      union
      (select id from concepts where ${document} @@ ${words} limit ${MAX_FULL_TEXT_CANDIDATES})
      union
      -- Up to FUZZY_DICTIONARY_FROM concepts, the names nearest by word similarity (GiST k-nearest, no
      -- threshold: a swapped pair of letters in a short name shares few trigrams); judged below.
      (select id from concepts where not ${dictionary} order by ${q} <<-> search_names limit ${MAX_FUZZY_CANDIDATES})
      union
      -- Above, the concepts holding the name words nearest each word of the query: the k-nearest search
      -- over every name took half a second on a million concepts, over their distinct words milliseconds.
      (select cw.concept_id from concept_words cw where ${dictionary} and cw.word in (
        select nearest.word from unnest(${`{${queryWords.map((w) => `"${w}"`).join(",")}}`}::text[]) as typed(w), lateral (
          select word from name_words where word !~ '^[0-9]+$' order by word <-> typed.w limit ${NEAREST_WORDS}
        ) as nearest)
       limit ${MAX_FUZZY_CANDIDATES})
    )
    select c.id, c.slug, c.name, c.kind, c.summary, c.description, c.aliases, c.noun, c.noun_plural, c.plural, c.uncountable, c.clue, c.search_names,
      ${q} = any(string_to_array(c.search_names, chr(10))) as exact,
      c.search_names ~ ${namePrefix} as prefix,
      to_tsvector('english', c.summary || ' ' || c.description) @@ ${words} as text_match,
      -- Ranked only where the text matches (the rank is 0 elsewhere): hundreds of names may begin with the query.
      case when to_tsvector('english', c.summary || ' ' || c.description) @@ ${words}
        then ts_rank(to_tsvector('english', c.summary || ' ' || c.description), ${words}) else 0 end as text_rank,
      word_similarity(${q}, c.search_names) as word_sim
    from concepts c join candidates using (id)
    where ${kind}::text is null or c.kind = ${kind}`,
  );
  return rows
    .map((row) => scored(row, q))
    .filter((r): r is Scored => r !== null)
    .sort((x, y) => y.score - x.score || x.concept.name.localeCompare(y.concept.name))
    .slice(0, first)
    .map(({ concept, matchedBy, matchedName }) => ({ concept, matchedBy, matchedName }));
}

export async function searchConcepts(db: Db, query: string, first: number): Promise<ConceptRow[]> {
  return (await searchRanked(db, query, first)).map((r) => r.concept);
}
