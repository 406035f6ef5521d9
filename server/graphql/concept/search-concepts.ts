/**
 * Ranked concept search in one SQL statement. Tiers, best first: an exact name
 * or alias; a name or alias starting with the query; full-text words in the
 * summary or description; then spelling near-misses by trigram similarity.
 */
import { asc, desc, or, sql } from "drizzle-orm";
import { concepts } from "../../../schema/index.ts";
import type { Db } from "../../db/connect.ts";
import type { ConceptRow } from "../graph-rows.ts";

// word_similarity of at least this much counts as a typo of a name ("virtualbx" → 0.8).
const FUZZY_THRESHOLD = 0.4;

export async function searchConcepts(db: Db, query: string, first: number): Promise<ConceptRow[]> {
  const q = query.toLowerCase();
  const names = sql`string_to_array(${concepts.searchNames}, chr(10))`;
  const exact = sql`${q} = any(${names})`;
  const prefix = sql`exists (select 1 from unnest(${names}) as n(name) where starts_with(n.name, ${q}))`;
  const document = sql`to_tsvector('english', ${concepts.summary} || ' ' || ${concepts.description})`;
  const words = sql`plainto_tsquery('english', ${query})`;
  const fullText = sql`${document} @@ ${words}`;
  const fuzzy = sql`word_similarity(${q}, ${concepts.searchNames})`;
  const score = sql`(case when ${exact} then 4 when ${prefix} then 3 else 0 end)
    + (case when ${fullText} then 1 + ts_rank(${document}, ${words}) else 0 end)
    + ${fuzzy}`;
  return db
    .select()
    .from(concepts)
    .where(or(exact, prefix, fullText, sql`${fuzzy} >= ${FUZZY_THRESHOLD}`))
    .orderBy(desc(score), asc(concepts.name))
    .limit(first);
}
