CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"name" text NOT NULL,
	"owner_person_id" uuid,
	"purpose" text,
	"focus_area_keys" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "programme_id" uuid;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programmes_network_idx" ON "programmes" USING btree ("network_id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projects_programme_idx" ON "projects" USING btree ("programme_id");--> statement-breakpoint
-- The portfolio overview, the risk map and the programme pages are kept per instance until a programme changes (change-counters.ts).
CREATE TRIGGER programmes_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programmes FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
