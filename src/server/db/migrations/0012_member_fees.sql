CREATE TABLE "fee_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"municipality_name" text NOT NULL,
	"population" integer NOT NULL,
	"population_year" integer NOT NULL,
	"amount" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"model" jsonb NOT NULL,
	"population_year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"agenda_item_id" uuid,
	"adopted_at" timestamp with time zone,
	"adopted_by" uuid
);
--> statement-breakpoint
ALTER TABLE "fee_lines" ADD CONSTRAINT "fee_lines_schedule_id_fee_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."fee_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_lines" ADD CONSTRAINT "fee_lines_municipality_number_municipalities_number_fk" FOREIGN KEY ("municipality_number") REFERENCES "public"."municipalities"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedules" ADD CONSTRAINT "fee_schedules_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedules" ADD CONSTRAINT "fee_schedules_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedules" ADD CONSTRAINT "fee_schedules_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fee_lines_schedule_municipality_idx" ON "fee_lines" USING btree ("schedule_id","municipality_number");--> statement-breakpoint
CREATE INDEX "fee_schedules_network_idx" ON "fee_schedules" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fee_schedules_adopted_year_idx" ON "fee_schedules" USING btree ("network_id","year") WHERE "fee_schedules"."status" = 'adopted';