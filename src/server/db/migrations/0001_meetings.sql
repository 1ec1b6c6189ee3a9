CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"closed_basis" text,
	"deliberation" text DEFAULT '' NOT NULL,
	"proposals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vote" jsonb,
	"decision" text,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"disqualifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"protocol_remarks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"absent_person_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"search_text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"case_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"exempt_from_public" boolean DEFAULT false NOT NULL,
	"exempt_legal_basis" text,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_number_counters" (
	"body_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_number_counters_body_id_year_pk" PRIMARY KEY("body_id","year")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"case_officer_id" uuid,
	"case_paper" text DEFAULT '' NOT NULL,
	"exempt_from_public" boolean DEFAULT false NOT NULL,
	"exempt_legal_basis" text,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"case_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"year" integer,
	"sequence" integer,
	"recommendation" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"voting_right" boolean NOT NULL,
	"municipality_number" text,
	"deputy_for_person_id" uuid,
	"status" text DEFAULT 'called' NOT NULL,
	"absence_reason" text,
	"absence_reported_at" timestamp with time zone,
	"absence_token_hash" text
);
--> statement-breakpoint
CREATE TABLE "meeting_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid,
	"person_id" uuid,
	"email" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"attachment_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"sent_by_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"body_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text,
	"place" text,
	"remote_link" text,
	"written_procedure" boolean DEFAULT false NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"summons_published_at" timestamp with time zone,
	"minutes_signatory_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"minutes_approved_at" timestamp with time zone,
	"minutes_approval_note" text,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "minutes_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "written_procedure_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"answer" text,
	"comment" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "written_procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"follow_up_meeting_id" uuid
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachment_names" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_number_counters" ADD CONSTRAINT "case_number_counters_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_case_officer_id_people_id_fk" FOREIGN KEY ("case_officer_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_deputy_for_person_id_people_id_fk" FOREIGN KEY ("deputy_for_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_deliveries" ADD CONSTRAINT "meeting_deliveries_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_deliveries" ADD CONSTRAINT "meeting_deliveries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_deliveries" ADD CONSTRAINT "meeting_deliveries_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_signatures" ADD CONSTRAINT "minutes_signatures_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_signatures" ADD CONSTRAINT "minutes_signatures_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_procedure_answers" ADD CONSTRAINT "written_procedure_answers_procedure_id_written_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."written_procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_procedure_answers" ADD CONSTRAINT "written_procedure_answers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_procedures" ADD CONSTRAINT "written_procedures_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_procedures" ADD CONSTRAINT "written_procedures_follow_up_meeting_id_meetings_id_fk" FOREIGN KEY ("follow_up_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "agenda_items_consultation_idx" ON "agenda_items" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "agenda_items_search_idx" ON "agenda_items" USING gin (to_tsvector('norwegian', "search_text"));--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cases_network_idx" ON "cases" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_number_idx" ON "consultations" USING btree ("body_id","year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_case_body_idx" ON "consultations" USING btree ("case_id","body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendees_person_idx" ON "meeting_attendees" USING btree ("meeting_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendees_token_idx" ON "meeting_attendees" USING btree ("absence_token_hash");--> statement-breakpoint
CREATE INDEX "meeting_deliveries_meeting_idx" ON "meeting_deliveries" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_body_date_idx" ON "meetings" USING btree ("body_id","date");--> statement-breakpoint
CREATE INDEX "meetings_updated_idx" ON "meetings" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "minutes_signatures_token_idx" ON "minutes_signatures" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "minutes_signatures_person_idx" ON "minutes_signatures" USING btree ("meeting_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "written_procedure_answers_token_idx" ON "written_procedure_answers" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "written_procedure_answers_person_idx" ON "written_procedure_answers" USING btree ("procedure_id","person_id");--> statement-breakpoint
CREATE INDEX "written_procedures_item_idx" ON "written_procedures" USING btree ("agenda_item_id");