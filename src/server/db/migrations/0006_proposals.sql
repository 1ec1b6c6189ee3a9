CREATE TABLE "form_secrets" (
	"purpose" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_counters" (
	"network_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "proposal_counters_network_id_year_pk" PRIMARY KEY("network_id","year")
);
--> statement-breakpoint
CREATE TABLE "proposal_weights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"strategic_fit" integer NOT NULL,
	"benefit" integer NOT NULL,
	"cost" integer NOT NULL,
	"risk" integer NOT NULL,
	"feasibility" integer NOT NULL,
	"municipalities" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"affected" text,
	"expected_benefit" text,
	"focus_area_key" text,
	"municipality_numbers" text[] DEFAULT '{}'::text[] NOT NULL,
	"channel" text NOT NULL,
	"submitter_user_id" uuid,
	"submitter_name" text NOT NULL,
	"submitter_email" text,
	"submitter_municipality" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"status_reason" text,
	"assessment" jsonb
);
--> statement-breakpoint
ALTER TABLE "proposal_counters" ADD CONSTRAINT "proposal_counters_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_weights" ADD CONSTRAINT "proposal_weights_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_submitter_user_id_users_id_fk" FOREIGN KEY ("submitter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_submitter_municipality_municipalities_number_fk" FOREIGN KEY ("submitter_municipality") REFERENCES "public"."municipalities"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_weights_network_idx" ON "proposal_weights" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_reference_idx" ON "proposals" USING btree ("network_id","year","sequence");--> statement-breakpoint
CREATE INDEX "proposals_network_status_idx" ON "proposals" USING btree ("network_id","status");