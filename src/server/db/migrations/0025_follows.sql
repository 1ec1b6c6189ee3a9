CREATE TABLE "follow_cursor" (
	"id" text PRIMARY KEY NOT NULL,
	"read_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_deliveries" (
	"follow_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_deliveries_follow_id_event_id_pk" PRIMARY KEY("follow_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "follow_digests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient" text NOT NULL,
	"week" text NOT NULL,
	"follow_ids" uuid[] NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"network_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_tokens" (
	"token_hash" text NOT NULL,
	"follow_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_tokens_token_hash_follow_id_pk" PRIMARY KEY("token_hash","follow_id")
);
--> statement-breakpoint
CREATE TABLE "follows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"email" text,
	"target_kind" text NOT NULL,
	"target_id" uuid,
	"search" jsonb,
	"target_key" text NOT NULL,
	"network_id" uuid,
	"delivery" text NOT NULL,
	"language" text DEFAULT 'nb' NOT NULL,
	"confirm_token_hash" text,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_deliveries" ADD CONSTRAINT "follow_deliveries_follow_id_follows_id_fk" FOREIGN KEY ("follow_id") REFERENCES "public"."follows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_deliveries" ADD CONSTRAINT "follow_deliveries_event_id_follow_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."follow_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_events" ADD CONSTRAINT "follow_events_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_tokens" ADD CONSTRAINT "follow_tokens_follow_id_follows_id_fk" FOREIGN KEY ("follow_id") REFERENCES "public"."follows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_digests_week_idx" ON "follow_digests" USING btree ("recipient","week");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_events_subject_idx" ON "follow_events" USING btree ("kind","subject_id");--> statement-breakpoint
CREATE INDEX "follow_events_target_idx" ON "follow_events" USING btree ("target_kind","target_id","occurred_at");--> statement-breakpoint
CREATE INDEX "follow_events_occurred_idx" ON "follow_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "follow_tokens_follow_idx" ON "follow_tokens" USING btree ("follow_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follows_user_target_idx" ON "follows" USING btree ("user_id","target_key") WHERE "follows"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "follows_email_target_idx" ON "follows" USING btree ("email","target_key") WHERE "follows"."email" is not null;--> statement-breakpoint
CREATE INDEX "follows_target_idx" ON "follows" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follows_confirm_token_idx" ON "follows" USING btree ("confirm_token_hash");