ALTER TABLE "project_risks" ADD COLUMN "kind" text DEFAULT 'threat' NOT NULL;--> statement-breakpoint
CREATE INDEX "project_risks_map_idx" ON "project_risks" USING btree ("project_id","kind","status");--> statement-breakpoint
-- The portfolio's risk map is kept per instance until a risk changes (change-counters.ts).
CREATE TRIGGER project_risks_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_risks FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
