CREATE TYPE "public"."polarity" AS ENUM('pro', 'con', 'neutral');--> statement-breakpoint
CREATE TABLE "aspects" (
	"slug" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citations" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" text NOT NULL,
	"locator" text NOT NULL,
	"concept_id" integer,
	"relation_id" integer,
	"claim_id" integer,
	"position" integer NOT NULL,
	CONSTRAINT "citations_one_subject" CHECK (num_nonnulls("citations"."concept_id", "citations"."relation_id", "citations"."claim_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"concept_id" integer NOT NULL,
	"statement" text NOT NULL,
	"polarity" "polarity" NOT NULL,
	"aspect" text,
	"value" text,
	"position" integer NOT NULL,
	CONSTRAINT "claims_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "concepts" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_names" text NOT NULL,
	CONSTRAINT "concepts_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "kinds" (
	"slug" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"plural" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"passage_id" integer NOT NULL,
	"concept_id" integer NOT NULL,
	CONSTRAINT "mentions_passage_id_concept_id_pk" PRIMARY KEY("passage_id","concept_id")
);
--> statement-breakpoint
CREATE TABLE "passages" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" text NOT NULL,
	"locator" text NOT NULL,
	"heading" text NOT NULL,
	"paragraph" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "passages_source_locator" UNIQUE("source_id","locator")
);
--> statement-breakpoint
CREATE TABLE "relation_types" (
	"slug" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"inverse_label" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relations" (
	"id" serial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"source_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	CONSTRAINT "relations_type_source_target" UNIQUE("type","source_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "seed_state" (
	"id" text PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"file" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text NOT NULL,
	"author" text,
	"address" text,
	"published" text
);
--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_relation_id_relations_id_fk" FOREIGN KEY ("relation_id") REFERENCES "public"."relations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_aspect_aspects_slug_fk" FOREIGN KEY ("aspect") REFERENCES "public"."aspects"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concepts" ADD CONSTRAINT "concepts_kind_kinds_slug_fk" FOREIGN KEY ("kind") REFERENCES "public"."kinds"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_passage_id_passages_id_fk" FOREIGN KEY ("passage_id") REFERENCES "public"."passages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passages" ADD CONSTRAINT "passages_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relations" ADD CONSTRAINT "relations_type_relation_types_slug_fk" FOREIGN KEY ("type") REFERENCES "public"."relation_types"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relations" ADD CONSTRAINT "relations_source_id_concepts_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relations" ADD CONSTRAINT "relations_target_id_concepts_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citations_concept" ON "citations" USING btree ("concept_id");--> statement-breakpoint
CREATE INDEX "citations_relation" ON "citations" USING btree ("relation_id");--> statement-breakpoint
CREATE INDEX "citations_claim" ON "citations" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "claims_concept" ON "claims" USING btree ("concept_id");--> statement-breakpoint
CREATE INDEX "claims_aspect" ON "claims" USING btree ("aspect");--> statement-breakpoint
CREATE INDEX "concepts_kind" ON "concepts" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "concepts_search_names_trgm" ON "concepts" USING gin ("search_names" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "concepts_fts" ON "concepts" USING gin (to_tsvector('english', "summary" || ' ' || "description"));--> statement-breakpoint
CREATE INDEX "mentions_concept" ON "mentions" USING btree ("concept_id");--> statement-breakpoint
CREATE INDEX "passages_fts" ON "passages" USING gin (to_tsvector('english', "text"));--> statement-breakpoint
CREATE INDEX "relations_source" ON "relations" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "relations_target" ON "relations" USING btree ("target_id");