/**
 * Recounts the name_words table (schema/graph-tables.ts) from every concept's names: a word, as
 * contentWords (server/study/phrasing.ts) reads one — lower-cased, letters and digits, four or more —
 * and how many concepts hold it. Run by every seed, inside its transaction.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/connect.ts";

export async function recountNameWords(tx: Pick<Db, "execute">): Promise<void> {
  await tx.execute(sql`delete from name_words`);
  await tx.execute(sql`
    insert into name_words (word, concepts)
    select word, count(distinct id)::int
    from concepts, regexp_split_to_table(search_names, '[^[:alnum:]]+') as word
    where char_length(word) >= 4
    group by word`);
}
