CREATE TABLE "concept_names" (
	"concept_id" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "concept_names" ADD CONSTRAINT "concept_names_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Filled now for a graph seeded before this table existed; every seed refills it (server/seed/name-tables.ts).
INSERT INTO "concept_names" ("concept_id", "name")
SELECT c.id, n.line FROM "concepts" c, unnest(string_to_array(c."search_names", chr(10))) AS n(line) WHERE n.line <> '';--> statement-breakpoint
CREATE INDEX "concept_names_name" ON "concept_names" USING btree ("name" collate "C");