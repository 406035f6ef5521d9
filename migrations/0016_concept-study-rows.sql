CREATE TABLE "concept_study_rows" (
	"concept_id" integer PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"ancestor_ids" integer[] NOT NULL,
	"ancestor_depths" integer[] NOT NULL,
	"concept" json NOT NULL,
	"cited" json NOT NULL,
	"claims" json NOT NULL,
	"relations" json NOT NULL
);
--> statement-breakpoint
ALTER TABLE "concept_study_rows" ADD CONSTRAINT "concept_study_rows_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;