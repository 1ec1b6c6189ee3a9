CREATE TABLE "form_token_uses" (
	"signature" text PRIMARY KEY NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "form_token_uses_used_at_idx" ON "form_token_uses" USING btree ("used_at");