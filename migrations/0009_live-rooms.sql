CREATE TABLE "room_answers" (
	"room_id" integer NOT NULL,
	"player_id" integer NOT NULL,
	"question_index" integer NOT NULL,
	"choice_id" text NOT NULL,
	"correct" boolean NOT NULL,
	"points" integer NOT NULL,
	"elapsed_ms" integer NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_answers_player_id_question_index_pk" PRIMARY KEY("player_id","question_index")
);
--> statement-breakpoint
CREATE TABLE "room_players" (
	"id" serial PRIMARY KEY NOT NULL,
	"room_id" integer NOT NULL,
	"nickname" text NOT NULL,
	"nickname_key" text NOT NULL,
	"token_hash" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_players_nickname" UNIQUE("room_id","nickname_key"),
	CONSTRAINT "room_players_token" UNIQUE("room_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"host_token_hash" text NOT NULL,
	"quiz_kind" text NOT NULL,
	"quiz_count" integer NOT NULL,
	"quiz_seed" integer NOT NULL,
	"quiz_topic" text,
	"questions" jsonb NOT NULL,
	"seconds" integer NOT NULL,
	"status" text DEFAULT 'lobby' NOT NULL,
	"current_index" integer DEFAULT -1 NOT NULL,
	"question_started_at" timestamp with time zone,
	"question_ends_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"replay_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "room_answers" ADD CONSTRAINT "room_answers_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_answers" ADD CONSTRAINT "room_answers_player_id_room_players_id_fk" FOREIGN KEY ("player_id") REFERENCES "public"."room_players"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_players" ADD CONSTRAINT "room_players_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_answers_room" ON "room_answers" USING btree ("room_id","question_index");