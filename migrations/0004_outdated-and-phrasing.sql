ALTER TABLE "aspects" ADD COLUMN "sentence" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "outdated" text;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "noun" text;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "noun_plural" text;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "plural" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "relation_types" ADD COLUMN "sentence" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "relations" ADD COLUMN "outdated" text;