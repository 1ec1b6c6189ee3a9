CREATE TABLE "own_effort_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"year" integer NOT NULL,
	"hours_hundredths" integer NOT NULL,
	CONSTRAINT "own_effort_commitments_hours_range" CHECK ("own_effort_commitments"."hours_hundredths" >= 0 and "own_effort_commitments"."hours_hundredths" <= 1000000000)
);
--> statement-breakpoint
CREATE TABLE "own_effort_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"month" text NOT NULL,
	"hours_hundredths" integer NOT NULL,
	"note" text,
	"created_by" uuid,
	CONSTRAINT "own_effort_plans_hours_range" CHECK ("own_effort_plans"."hours_hundredths" > 0 and "own_effort_plans"."hours_hundredths" <= 74400)
);
--> statement-breakpoint
ALTER TABLE "own_effort_commitments" ADD CONSTRAINT "own_effort_commitments_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_effort_commitments" ADD CONSTRAINT "own_effort_commitments_municipality_number_municipalities_number_fk" FOREIGN KEY ("municipality_number") REFERENCES "public"."municipalities"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_effort_plans" ADD CONSTRAINT "own_effort_plans_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_effort_plans" ADD CONSTRAINT "own_effort_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_effort_plans" ADD CONSTRAINT "own_effort_plans_municipality_number_municipalities_number_fk" FOREIGN KEY ("municipality_number") REFERENCES "public"."municipalities"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_effort_plans" ADD CONSTRAINT "own_effort_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "own_effort_commitments_network_municipality_year_idx" ON "own_effort_commitments" USING btree ("network_id","municipality_number","year");--> statement-breakpoint
CREATE UNIQUE INDEX "own_effort_plans_project_municipality_month_idx" ON "own_effort_plans" USING btree ("project_id","municipality_number","month");--> statement-breakpoint
CREATE INDEX "own_effort_plans_network_month_idx" ON "own_effort_plans" USING btree ("network_id","month");