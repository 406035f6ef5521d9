CREATE TABLE "concept_words" (
	"word" text NOT NULL,
	"concept_id" integer NOT NULL,
	CONSTRAINT "concept_words_word_concept_id_pk" PRIMARY KEY("word","concept_id")
);
--> statement-breakpoint
ALTER TABLE "concept_words" ADD CONSTRAINT "concept_words_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Filled now for a graph seeded before this table existed; every seed refills it (server/seed/name-tables.ts).
INSERT INTO "concept_words" ("word", "concept_id")
SELECT DISTINCT w.word, c.id FROM "concepts" c, regexp_split_to_table(c."search_names", '[^[:alnum:]]+') AS w(word)
WHERE char_length(w.word) >= 4;--> statement-breakpoint
CREATE INDEX "name_words_trgm" ON "name_words" USING gist ("word" gist_trgm_ops) WHERE "name_words"."word" !~ '^[0-9]+$';