CREATE TABLE "value_holders" (
	"kind" text NOT NULL,
	"aspect" text NOT NULL,
	"concept_id" integer NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "value_holders_kind_aspect_concept_id_value_pk" PRIMARY KEY("kind","aspect","concept_id","value")
);
