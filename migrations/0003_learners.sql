CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_states" (
	"learner_id" integer NOT NULL,
	"card_id" text NOT NULL,
	"due" timestamp with time zone NOT NULL,
	"stability" double precision NOT NULL,
	"difficulty" double precision NOT NULL,
	"elapsed_days" integer NOT NULL,
	"scheduled_days" integer NOT NULL,
	"learning_steps" integer NOT NULL,
	"reps" integer NOT NULL,
	"lapses" integer NOT NULL,
	"state" smallint NOT NULL,
	"last_review" timestamp with time zone,
	CONSTRAINT "card_states_learner_id_card_id_pk" PRIMARY KEY("learner_id","card_id")
);
--> statement-breakpoint
CREATE TABLE "learners" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learners_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "quiz_answers" (
	"learner_id" integer NOT NULL,
	"quiz_id" text NOT NULL,
	"question_id" text NOT NULL,
	"quiz_kind" text NOT NULL,
	"correct" boolean NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_answers_learner_id_quiz_id_question_id_pk" PRIMARY KEY("learner_id","quiz_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "review_logs" (
	"id" serial PRIMARY KEY NOT NULL,
	"learner_id" integer NOT NULL,
	"card_id" text NOT NULL,
	"review_id" text NOT NULL,
	"rating" smallint NOT NULL,
	"state" smallint NOT NULL,
	"due" timestamp with time zone NOT NULL,
	"stability" double precision NOT NULL,
	"difficulty" double precision NOT NULL,
	"elapsed_days" integer NOT NULL,
	"last_elapsed_days" integer NOT NULL,
	"scheduled_days" integer NOT NULL,
	"learning_steps" integer NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_logs_learner_review" UNIQUE("learner_id","review_id")
);
--> statement-breakpoint
ALTER TABLE "relation_types" ADD COLUMN "classifies" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "relation_types" ADD COLUMN "broader" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "relation_types" ADD COLUMN "compares" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "card_states" ADD CONSTRAINT "card_states_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD CONSTRAINT "quiz_answers_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_logs" ADD CONSTRAINT "review_logs_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_states_due" ON "card_states" USING btree ("learner_id","due");--> statement-breakpoint
CREATE INDEX "quiz_answers_time" ON "quiz_answers" USING btree ("learner_id","answered_at");--> statement-breakpoint
CREATE INDEX "review_logs_learner_time" ON "review_logs" USING btree ("learner_id","reviewed_at");