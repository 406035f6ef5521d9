ALTER TABLE "aspects" ADD COLUMN "comparative" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "clue" text;