CREATE TABLE "indicator_sums_changes" (
	"indicator_id" uuid PRIMARY KEY NOT NULL,
	"changed" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_sums_changes" ADD CONSTRAINT "indicator_sums_changes_indicator_id_benefit_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."benefit_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_sums_changes_changed_idx" ON "indicator_sums_changes" USING btree ("changed");--> statement-breakpoint
-- Decision 0016, continued: each refresh of an indicator's kept sums also gives it the next change number, so the kept
-- roll-up of a network reads again only the sums that changed since it last read (rollup.ts). The refreshes take turns
-- on the 'portfolio' and 'figures' counters' rows, held to their commits (migrations 0035, 0040), so the highest number
-- so far plus one, taken here, grows in the order the changes commit: a reader that has seen a number has seen every
-- change numbered below it. No sequence: a number that only grows with the table's own rows survives a backup and a
-- move to PostgreSQL, which copy the rows. An indicator deleted in the same statement (its targets go with it) gets no
-- number; deleting it changes its benefit lines, which read every sum again.
CREATE OR REPLACE FUNCTION indicator_sums_refresh(indicator_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(indicator_ids) = 0 THEN RETURN; END IF;
  DELETE FROM indicator_sums s WHERE s.indicator_id = ANY(indicator_ids);
  INSERT INTO indicator_sums SELECT * FROM indicator_sums_of(indicator_ids, NULL);
  INSERT INTO indicator_sums_changes (indicator_id, changed)
    SELECT i.id, (SELECT coalesce(max(c.changed), 0) + 1 FROM indicator_sums_changes c)
    FROM benefit_indicators i WHERE i.id = ANY(indicator_ids) ORDER BY i.id
  ON CONFLICT (indicator_id) DO UPDATE SET changed = excluded.changed;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_targets_sums_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_sums_changes (indicator_id, changed)
    SELECT s.indicator_id, (SELECT coalesce(max(c.changed), 0) + 1 FROM indicator_sums_changes c)
    FROM indicator_sums s ORDER BY s.indicator_id
  ON CONFLICT (indicator_id) DO UPDATE SET changed = excluded.changed;
  DELETE FROM indicator_sums;
  RETURN NULL;
END $$;
