CREATE TABLE "own_effort_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"month" text NOT NULL,
	"municipality_number" text NOT NULL,
	"person_id" uuid,
	"project_id" uuid,
	"hours_hundredths" integer NOT NULL,
	"note" text,
	"created_by" uuid,
	CONSTRAINT "own_effort_entries_hours_range" CHECK ("own_effort_entries"."hours_hundredths" > 0 and "own_effort_entries"."hours_hundredths" <= 74400)
);
--> statement-breakpoint
CREATE TABLE "own_effort_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rate" integer NOT NULL,
	CONSTRAINT "own_effort_rates_rate_positive" CHECK ("own_effort_rates"."rate" > 0)
);
--> statement-breakpoint
ALTER TABLE "own_effort_entries" ADD CONSTRAINT "own_effort_entries_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_effort_entries" ADD CONSTRAINT "own_effort_entries_municipality_number_municipalities_number_fk" FOREIGN KEY ("municipality_number") REFERENCES "public"."municipalities"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_effort_entries" ADD CONSTRAINT "own_effort_entries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_effort_entries" ADD CONSTRAINT "own_effort_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_effort_entries" ADD CONSTRAINT "own_effort_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_effort_rates" ADD CONSTRAINT "own_effort_rates_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "own_effort_entries_network_month_idx" ON "own_effort_entries" USING btree ("network_id","month");--> statement-breakpoint
CREATE INDEX "own_effort_entries_project_idx" ON "own_effort_entries" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "own_effort_rates_network_year_idx" ON "own_effort_rates" USING btree ("network_id","year");