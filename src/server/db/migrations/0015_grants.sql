CREATE TABLE "grant_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"grant_id" uuid NOT NULL,
	"target" text NOT NULL,
	"year" integer,
	"project_id" uuid,
	"amount" bigint NOT NULL,
	"note" text,
	CONSTRAINT "grant_allocations_target" CHECK (("grant_allocations"."target" = 'baseBudget' and "grant_allocations"."year" is not null and "grant_allocations"."project_id" is null) or ("grant_allocations"."target" = 'project' and "grant_allocations"."project_id" is not null and "grant_allocations"."year" is null))
);
--> statement-breakpoint
CREATE TABLE "grant_expenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"grant_id" uuid NOT NULL,
	"date" date NOT NULL,
	"amount" bigint NOT NULL,
	"text" text NOT NULL,
	"allocation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "grant_reporting_deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"grant_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"description" text NOT NULL,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"reminder_sent_for" date,
	"due_reminder_sent_for" date
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"giver_kind" text NOT NULL,
	"giver_name" text NOT NULL,
	"title" text NOT NULL,
	"reference" text,
	"amount" bigint NOT NULL,
	"decision_date" date NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"conditions" text,
	"purpose" text,
	"contact_person_id" uuid,
	CONSTRAINT "grants_amount_positive" CHECK ("grants"."amount" > 0),
	CONSTRAINT "grants_period_order" CHECK ("grants"."period_end" >= "grants"."period_start")
);
--> statement-breakpoint
ALTER TABLE "grant_allocations" ADD CONSTRAINT "grant_allocations_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_allocations" ADD CONSTRAINT "grant_allocations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_expenses" ADD CONSTRAINT "grant_expenses_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_expenses" ADD CONSTRAINT "grant_expenses_allocation_id_grant_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."grant_allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reporting_deadlines" ADD CONSTRAINT "grant_reporting_deadlines_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reporting_deadlines" ADD CONSTRAINT "grant_reporting_deadlines_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_contact_person_id_people_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_allocations_grant_idx" ON "grant_allocations" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "grant_allocations_project_idx" ON "grant_allocations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "grant_expenses_grant_idx" ON "grant_expenses" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "grant_reporting_deadlines_grant_idx" ON "grant_reporting_deadlines" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "grant_reporting_deadlines_due_idx" ON "grant_reporting_deadlines" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "grants_network_idx" ON "grants" USING btree ("network_id");