ALTER TABLE "bodies" ADD COLUMN "deputy_summons" text DEFAULT 'information' NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "planned_minutes" integer;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "started_at" text;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "ended_at" text;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "joint_handling_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD COLUMN "for_information" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "adjourned_at" text;