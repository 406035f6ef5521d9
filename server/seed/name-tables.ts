/**
 * Refills the tables derived from every concept's names (schema/graph-tables.ts), inside a seed's
 * transaction: concept_names, one row per name and alias (search_names split by line); concept_words,
 * which concepts hold each word as contentWords (server/study/phrasing.ts) reads one — lower-cased,
 * letters and digits, four or more; and name_words, how many concepts hold each.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/connect.ts";

export async function refreshNameTables(tx: Pick<Db, "execute">): Promise<void> {
  await tx.execute(sql`delete from concept_names`);
  await tx.execute(sql`
    insert into concept_names (concept_id, name)
    select c.id, n.line from concepts c, unnest(string_to_array(c.search_names, chr(10))) as n(line) where n.line <> ''`);
  await tx.execute(sql`delete from concept_words`);
  await tx.execute(sql`
    insert into concept_words (word, concept_id)
    select distinct w.word, c.id from concepts c, regexp_split_to_table(c.search_names, '[^[:alnum:]]+') as w(word)
    where char_length(w.word) >= 4`);
  await tx.execute(sql`delete from name_words`);
  await tx.execute(sql`insert into name_words (word, concepts) select word, count(*)::int from concept_words group by word`);
}
