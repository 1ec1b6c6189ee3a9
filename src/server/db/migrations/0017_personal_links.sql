CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_pkey";--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "network_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "job_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "resend_of" uuid;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "password_resets_token_idx" ON "password_resets" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id","created_at");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_resend_of_outbox_id_fk" FOREIGN KEY ("resend_of") REFERENCES "public"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_idx" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_user_idx" ON "invitations" USING btree ("user_id");--> statement-breakpoint
-- Tokens already written down in clear: the outbox's texts and the payloads of e-mail jobs that have run. Only the
-- token's hash is needed to follow a link, so these are hidden as the outbox hides them from now on.
UPDATE "outbox" SET "text" = regexp_replace("text", '(/(forfall|skriftlig|signer|svar|invitasjon|nytt-passord)/)[A-Za-z0-9_%.~+=-]+', '\1•••', 'gi')
  WHERE "text" ~* '/(forfall|skriftlig|signer|svar|invitasjon|nytt-passord)/';--> statement-breakpoint
UPDATE "jobs" SET "payload" = jsonb_set("payload", '{text}', to_jsonb(regexp_replace("payload"->>'text', '(/(forfall|skriftlig|signer|svar|invitasjon|nytt-passord)/)[A-Za-z0-9_%.~+=-]+', '\1•••', 'gi')))
  WHERE "kind" = 'email.send' AND "status" IN ('done', 'failed') AND "payload"->>'text' ~* '/(forfall|skriftlig|signer|svar|invitasjon|nytt-passord)/';--> statement-breakpoint
-- Audit snapshots of rows that carried a token's hash keep everything but the hash.
UPDATE "audit_entries" SET "before" = "before" - 'absenceTokenHash' - 'tokenHash' - 'passwordHash'
  WHERE jsonb_typeof("before") = 'object' AND jsonb_exists_any("before", array['absenceTokenHash', 'tokenHash', 'passwordHash']);--> statement-breakpoint
UPDATE "audit_entries" SET "after" = "after" - 'absenceTokenHash' - 'tokenHash' - 'passwordHash'
  WHERE jsonb_typeof("after") = 'object' AND jsonb_exists_any("after", array['absenceTokenHash', 'tokenHash', 'passwordHash']);
