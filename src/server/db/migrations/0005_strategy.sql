CREATE TABLE "action_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action_plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"focus_area_key" text,
	"owner" text,
	"budget" bigint,
	"status" text DEFAULT 'planned' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "local_strategy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"strategy_version_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"local_texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decision_status" text DEFAULT 'notStarted' NOT NULL,
	"decision_body" text,
	"decision_date" date,
	"decision_case_number" text
);
--> statement-breakpoint
CREATE TABLE "measure_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"measure_id" uuid NOT NULL,
	"tertial" integer NOT NULL,
	"status" text NOT NULL,
	"comment" text,
	"spent" bigint,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reported_by" uuid
);
--> statement-breakpoint
CREATE TABLE "strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"change_note" text,
	"published_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
ALTER TABLE "action_measures" ADD CONSTRAINT "action_measures_action_plan_id_action_plans_id_fk" FOREIGN KEY ("action_plan_id") REFERENCES "public"."action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_strategy_versions" ADD CONSTRAINT "local_strategy_versions_strategy_version_id_strategy_versions_id_fk" FOREIGN KEY ("strategy_version_id") REFERENCES "public"."strategy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_strategy_versions" ADD CONSTRAINT "local_strategy_versions_municipality_number_municipalities_number_fk" FOREIGN KEY ("municipality_number") REFERENCES "public"."municipalities"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_reports" ADD CONSTRAINT "measure_reports_measure_id_action_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."action_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_reports" ADD CONSTRAINT "measure_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_versions" ADD CONSTRAINT "strategy_versions_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_versions" ADD CONSTRAINT "strategy_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_measures_plan_idx" ON "action_measures" USING btree ("action_plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "action_plans_strategy_year_idx" ON "action_plans" USING btree ("strategy_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "local_strategy_versions_version_municipality_idx" ON "local_strategy_versions" USING btree ("strategy_version_id","municipality_number");--> statement-breakpoint
CREATE INDEX "local_strategy_versions_municipality_idx" ON "local_strategy_versions" USING btree ("municipality_number");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_reports_measure_tertial_idx" ON "measure_reports" USING btree ("measure_id","tertial");--> statement-breakpoint
CREATE INDEX "strategies_network_idx" ON "strategies" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_versions_number_idx" ON "strategy_versions" USING btree ("strategy_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_versions_one_draft_idx" ON "strategy_versions" USING btree ("strategy_id") WHERE "strategy_versions"."status" = 'draft';