CREATE TABLE "my_work_visits" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"previous_seen_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "my_work_visits" ADD CONSTRAINT "my_work_visits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "body_memberships_municipality_idx" ON "body_memberships" USING btree ("municipality_number");--> statement-breakpoint
CREATE INDEX "people_email_idx" ON "people" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "agenda_items_remarks_idx" ON "agenda_items" USING gin ("protocol_remarks" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "meeting_attendees_by_person_idx" ON "meeting_attendees" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "minutes_signatures_by_person_idx" ON "minutes_signatures" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "written_procedure_answers_by_person_idx" ON "written_procedure_answers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "survey_respondents_email_idx" ON "survey_respondents" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "project_participants_municipality_idx" ON "project_participants" USING btree ("municipality_number");--> statement-breakpoint
CREATE INDEX "projects_owner_idx" ON "projects" USING btree ("owner_person_id");--> statement-breakpoint
CREATE INDEX "projects_manager_idx" ON "projects" USING btree ("manager_person_id");--> statement-breakpoint
CREATE INDEX "benefits_owner_idx" ON "benefits" USING btree ("owner_person_id");--> statement-breakpoint
CREATE INDEX "indicator_targets_municipality_idx" ON "indicator_targets" USING btree ("municipality_number");--> statement-breakpoint
CREATE INDEX "indicator_targets_responsible_idx" ON "indicator_targets" USING btree ("responsible_person_id");