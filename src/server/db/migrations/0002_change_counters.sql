CREATE TABLE "change_counters" (
	"scope" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
-- Any statement that changes one of the network module's tables bumps the 'network' counter, in its own
-- transaction: caches of the network overview and the people search read it to know they are stale.
CREATE FUNCTION bump_change_counter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_counters (scope, version) VALUES (TG_ARGV[0], 1)
  ON CONFLICT (scope) DO UPDATE SET version = change_counters.version + 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER municipalities_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('network');--> statement-breakpoint
CREATE TRIGGER networks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON networks FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('network');--> statement-breakpoint
CREATE TRIGGER network_members_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON network_members FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('network');--> statement-breakpoint
CREATE TRIGGER people_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('network');--> statement-breakpoint
CREATE TRIGGER bodies_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bodies FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('network');--> statement-breakpoint
CREATE TRIGGER body_memberships_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON body_memberships FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('network');
