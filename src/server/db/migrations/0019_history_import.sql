ALTER TABLE "cases" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "external_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_external_idx" ON "cases" USING btree ("network_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_external_idx" ON "meetings" USING btree ("body_id","external_id");