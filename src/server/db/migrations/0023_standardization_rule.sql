ALTER TABLE "mapping_publications" ADD COLUMN "standardization_min_products" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "mapping_publications" ADD COLUMN "standardization_min_municipalities" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "mapping_publications" ADD COLUMN "standardization_max_leader_percent" integer DEFAULT 50 NOT NULL;