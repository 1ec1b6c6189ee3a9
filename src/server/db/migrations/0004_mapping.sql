CREATE TABLE "application_usages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"municipality_number" text NOT NULL,
	"product_id" uuid NOT NULL,
	"product_version" text,
	"hosting" text,
	"contract_start" date,
	"contract_end" date,
	"contract_options" text,
	"annual_cost" integer,
	"user_count" integer,
	"lifecycle" text DEFAULT 'inOperation' NOT NULL,
	"lifecycle_date" date,
	"criticality" text,
	"functional_fit" integer,
	"technical_fit" integer,
	"integrations" text[] DEFAULT '{}'::text[] NOT NULL,
	"dpa_status" text,
	"dpia_status" text,
	"system_owner" text,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "mapping_publications" (
	"network_id" uuid PRIMARY KEY NOT NULL,
	"publish_adoption" boolean DEFAULT false NOT NULL,
	"publish_landscape" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_aliases" (
	"match_key" text PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"vendor" text NOT NULL,
	"domain" text NOT NULL,
	"description" text,
	"match_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shared_solutions" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"owner" text NOT NULL,
	"purpose" text NOT NULL,
	"source" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solution_adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"municipality_number" text NOT NULL,
	"solution_key" text NOT NULL,
	"status" text NOT NULL,
	"delivered_via" text,
	"since" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "survey_respondents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"round_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"invited_at" timestamp with time zone,
	"last_reminded_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"deadline" date NOT NULL,
	"reminder_days_before" integer,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid,
	"built_in" text,
	"name" text NOT NULL,
	"description" text,
	"definition" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_usages" ADD CONSTRAINT "application_usages_municipality_number_municipalities_number_fk" FOREIGN KEY ("municipality_number") REFERENCES "public"."municipalities"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_usages" ADD CONSTRAINT "application_usages_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_publications" ADD CONSTRAINT "mapping_publications_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_aliases" ADD CONSTRAINT "product_aliases_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_adoptions" ADD CONSTRAINT "solution_adoptions_municipality_number_municipalities_number_fk" FOREIGN KEY ("municipality_number") REFERENCES "public"."municipalities"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_adoptions" ADD CONSTRAINT "solution_adoptions_solution_key_shared_solutions_key_fk" FOREIGN KEY ("solution_key") REFERENCES "public"."shared_solutions"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondents" ADD CONSTRAINT "survey_respondents_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondents" ADD CONSTRAINT "survey_respondents_municipality_number_municipalities_number_fk" FOREIGN KEY ("municipality_number") REFERENCES "public"."municipalities"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_template_id_survey_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."survey_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_templates" ADD CONSTRAINT "survey_templates_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_usages_municipality_product_idx" ON "application_usages" USING btree ("municipality_number","product_id");--> statement-breakpoint
CREATE INDEX "application_usages_product_idx" ON "application_usages" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_match_key_idx" ON "products" USING btree ("match_key");--> statement-breakpoint
CREATE INDEX "products_domain_idx" ON "products" USING btree ("domain");--> statement-breakpoint
CREATE UNIQUE INDEX "solution_adoptions_municipality_solution_idx" ON "solution_adoptions" USING btree ("municipality_number","solution_key");--> statement-breakpoint
CREATE INDEX "solution_adoptions_solution_idx" ON "solution_adoptions" USING btree ("solution_key");--> statement-breakpoint
CREATE INDEX "survey_respondents_round_idx" ON "survey_respondents" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_respondents_token_idx" ON "survey_respondents" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_respondents_round_email_idx" ON "survey_respondents" USING btree ("round_id","municipality_number","email");--> statement-breakpoint
CREATE INDEX "survey_rounds_network_idx" ON "survey_rounds" USING btree ("network_id","template_id");--> statement-breakpoint
CREATE INDEX "survey_templates_network_idx" ON "survey_templates" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_templates_built_in_idx" ON "survey_templates" USING btree ("built_in");--> statement-breakpoint
-- The mapping dashboards (adoption matrix, landscape) are kept per instance until the 'mapping' counter moves.
CREATE TRIGGER products_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('mapping');--> statement-breakpoint
CREATE TRIGGER application_usages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON application_usages FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('mapping');--> statement-breakpoint
CREATE TRIGGER shared_solutions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON shared_solutions FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('mapping');--> statement-breakpoint
CREATE TRIGGER solution_adoptions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON solution_adoptions FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('mapping');--> statement-breakpoint
CREATE TRIGGER mapping_publications_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mapping_publications FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('mapping');
