CREATE TABLE "name_words" (
	"word" text PRIMARY KEY NOT NULL,
	"concepts" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "concepts_summary_hash" ON "concepts" USING btree (md5("summary"));--> statement-breakpoint
-- Counted now for a graph seeded before this table existed; every seed recounts it (server/seed/name-tables.ts).
INSERT INTO "name_words" ("word", "concepts")
SELECT word, count(DISTINCT id)::int FROM "concepts", regexp_split_to_table("search_names", '[^[:alnum:]]+') AS word
WHERE char_length(word) >= 4 GROUP BY word;
