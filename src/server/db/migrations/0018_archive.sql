CREATE TABLE "archive_extract_files" (
	"extract_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"path" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_keys" text[] NOT NULL,
	CONSTRAINT "archive_extract_files_extract_id_position_pk" PRIMARY KEY("extract_id","position")
);
--> statement-breakpoint
CREATE TABLE "archive_extract_meetings" (
	"extract_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	CONSTRAINT "archive_extract_meetings_extract_id_meeting_id_pk" PRIMARY KEY("extract_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "archive_extracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"network_id" uuid NOT NULL,
	"body_id" uuid,
	"period_from" date,
	"period_to" date,
	"only_new" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL,
	"finished_at" timestamp with time zone,
	"failure" text,
	"folder_count" integer,
	"registration_count" integer,
	"document_count" integer,
	"document_file_count" integer,
	"size" bigint,
	"sha256" text,
	CONSTRAINT "archive_extracts_period_order" CHECK ("archive_extracts"."period_from" is null or "archive_extracts"."period_to" is null or "archive_extracts"."period_from" <= "archive_extracts"."period_to")
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "organization_number" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "public_title" text;--> statement-breakpoint
ALTER TABLE "archive_extract_files" ADD CONSTRAINT "archive_extract_files_extract_id_archive_extracts_id_fk" FOREIGN KEY ("extract_id") REFERENCES "public"."archive_extracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_extract_meetings" ADD CONSTRAINT "archive_extract_meetings_extract_id_archive_extracts_id_fk" FOREIGN KEY ("extract_id") REFERENCES "public"."archive_extracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_extract_meetings" ADD CONSTRAINT "archive_extract_meetings_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_extracts" ADD CONSTRAINT "archive_extracts_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_extracts" ADD CONSTRAINT "archive_extracts_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_extracts" ADD CONSTRAINT "archive_extracts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archive_extract_meetings_meeting_idx" ON "archive_extract_meetings" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "archive_extracts_network_idx" ON "archive_extracts" USING btree ("network_id","created_at");