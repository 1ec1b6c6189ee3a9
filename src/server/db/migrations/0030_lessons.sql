CREATE TABLE "project_lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"project_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	"title" text NOT NULL,
	"happened" text NOT NULL,
	"learned" text NOT NULL,
	"next_time" text,
	"phase" text NOT NULL,
	"focus_area_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"shareable" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_lessons" ADD CONSTRAINT "project_lessons_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_lessons" ADD CONSTRAINT "project_lessons_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_lessons_project_idx" ON "project_lessons" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_lessons_network_idx" ON "project_lessons" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "project_lessons_shareable_idx" ON "project_lessons" USING btree ("shareable");--> statement-breakpoint
CREATE INDEX "project_lessons_focus_areas_idx" ON "project_lessons" USING gin ("focus_area_keys");--> statement-breakpoint
CREATE INDEX "project_lessons_search_idx" ON "project_lessons" USING gin (to_tsvector('norwegian', "title" || ' ' || "happened" || ' ' || "learned" || ' ' || coalesce("next_time", '')));