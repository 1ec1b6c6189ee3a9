CREATE TABLE "indicator_sums_changes" (
	"indicator_id" uuid PRIMARY KEY NOT NULL,
	"changed" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_sums_changes" ADD CONSTRAINT "indicator_sums_changes_indicator_id_benefit_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."benefit_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_sums_changes_changed_idx" ON "indicator_sums_changes" USING btree ("changed");--> statement-breakpoint
-- Decision 0016, continued: each refresh of an indicator's kept sums also gives it the next change number, so the kept
-- roll-up of a network reads again only the sums that changed since it last read (rollup.ts). Every writer of targets
-- and measurements takes its turn on the 'portfolio' counter's row before the refresh and holds it to its commit
-- (migrations 0035, 0038, 0040), so the numbers, taken here in that turn, grow in the order the changes commit: a
-- reader that has seen a number has seen every change numbered below it. A sequence, not the highest number plus one:
-- an indicator deleted with the highest number takes its row with it, and its number must not come again. A backup and
-- a move to PostgreSQL carry the sequence on (move-to-postgres.ts copies sequences). An indicator deleted in the same
-- statement (its targets go with it) gets no number; deleting it changes its benefit lines, which read every sum again.
CREATE SEQUENCE indicator_sums_change_numbers;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_sums_refresh(indicator_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(indicator_ids) = 0 THEN RETURN; END IF;
  DELETE FROM indicator_sums s WHERE s.indicator_id = ANY(indicator_ids);
  INSERT INTO indicator_sums SELECT * FROM indicator_sums_of(indicator_ids, NULL);
  INSERT INTO indicator_sums_changes (indicator_id, changed)
    SELECT i.id, nextval('indicator_sums_change_numbers') FROM benefit_indicators i WHERE i.id = ANY(indicator_ids)
  ON CONFLICT (indicator_id) DO UPDATE SET changed = excluded.changed;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_targets_sums_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_sums_changes (indicator_id, changed)
    SELECT s.indicator_id, nextval('indicator_sums_change_numbers') FROM indicator_sums s
  ON CONFLICT (indicator_id) DO UPDATE SET changed = excluded.changed;
  DELETE FROM indicator_sums;
  RETURN NULL;
END $$;
