/**
 * Ranked concept search. Tiers, best first: an exact name or alias; a name or
 * alias starting with the query; full-text words in the summary or
 * description; then spelling near-misses by trigram word similarity.
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
const MAX_FULL_TEXT_CANDIDATES = 200;
const MAX_FUZZY_CANDIDATES = 50;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
  search_names: string;
}

export async function searchConcepts(db: Db, query: string, first: number): Promise<ConceptRow[]> {
  const q = query.toLowerCase();
  // Names are stored one per line in search_names: "(^|\n)q" is a name starting with q.
  const namePrefix = `(^|\n)${escapeRegex(q)}`;
  const document = sql`to_tsvector('english', summary || ' ' || description)`;
  const words = sql`plainto_tsquery('english', ${query})`;
  const rows = await queryRows<Row>(
    db,
    sql`
    with candidates as (
      select id from concepts where search_names ~ ${namePrefix}
      union
      (select id from concepts where ${document} @@ ${words} limit ${MAX_FULL_TEXT_CANDIDATES})
      union
      -- The nearest names by word similarity (GiST k-nearest), among those at least
      -- pg_trgm.word_similarity_threshold alike (0.4, set per connection in connect.ts).
      (select id from concepts where ${q} <% search_names
       order by ${q} <<-> search_names limit ${MAX_FUZZY_CANDIDATES})
    )
    select c.id, c.slug, c.name, c.kind, c.summary, c.description, c.aliases, c.noun, c.noun_plural, c.plural, c.search_names
    from concepts c join candidates using (id)
    order by
      (case when ${q} = any(string_to_array(c.search_names, chr(10))) then 4
            when c.search_names ~ ${namePrefix} then 3 else 0 end)
      + (case when to_tsvector('english', c.summary || ' ' || c.description) @@ ${words}
              then 1 + ts_rank(to_tsvector('english', c.summary || ' ' || c.description), ${words}) else 0 end)
      + word_similarity(${q}, c.search_names) desc,
      c.name asc
    limit ${first}`,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    summary: r.summary,
    description: r.description,
    aliases: r.aliases,
    noun: r.noun,
    nounPlural: r.noun_plural,
    plural: r.plural,
    searchNames: r.search_names,
  }));
}
