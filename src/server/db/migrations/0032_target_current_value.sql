ALTER TABLE "indicator_targets" ADD COLUMN "current_value" double precision;--> statement-breakpoint
-- Decision 0016, continued: each target carries its current value (the latest measurement's), so the benefits roll-up
-- reads its targets alone instead of joining them with latest_benefit_measurements. The refresh keeps it with the
-- summary: while it holds the keys' summary rows locked (in key order), it sets the targets of those keys.
CREATE OR REPLACE FUNCTION refresh_latest_benefit_measurements(indicator_ids uuid[], numbers text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(indicator_ids) = 0 THEN RETURN; END IF;
  INSERT INTO latest_benefit_measurements (indicator_id, municipality_number)
    SELECT k.i, k.n FROM unnest(indicator_ids, numbers) AS k(i, n) ORDER BY k.i, k.n ON CONFLICT DO NOTHING;
  PERFORM 1 FROM latest_benefit_measurements l JOIN unnest(indicator_ids, numbers) AS k(i, n)
    ON l.indicator_id = k.i AND l.municipality_number = k.n
    ORDER BY l.indicator_id, l.municipality_number FOR UPDATE OF l;
  UPDATE latest_benefit_measurements l SET measured_on = m.measured_on, value = m.value
    FROM unnest(indicator_ids, numbers) AS k(i, n)
    LEFT JOIN LATERAL (
      SELECT bm.measured_on, bm.value FROM benefit_measurements bm
      WHERE bm.indicator_id = k.i AND bm.municipality_number = k.n ORDER BY bm.measured_on DESC LIMIT 1
    ) m ON true
    WHERE l.indicator_id = k.i AND l.municipality_number = k.n;
  DELETE FROM latest_benefit_measurements l USING unnest(indicator_ids, numbers) AS k(i, n)
    WHERE l.indicator_id = k.i AND l.municipality_number = k.n AND l.measured_on IS NULL;
  UPDATE indicator_targets t SET current_value = l.value
    FROM unnest(indicator_ids, numbers) AS k(i, n)
    LEFT JOIN latest_benefit_measurements l ON l.indicator_id = k.i AND l.municipality_number = k.n
    WHERE t.indicator_id = k.i AND t.municipality_number = k.n AND t.current_value IS DISTINCT FROM l.value;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION benefit_measurements_summarize_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM latest_benefit_measurements;
  UPDATE indicator_targets SET current_value = NULL WHERE current_value IS NOT NULL;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A target written with a key (a new one, or one moved to another indicator or municipality) takes its key's current
-- value. Concurrency rests on the 'portfolio' change counter (migration 0011), whose row every writer of measurements
-- and of targets locks first and holds to its commit: a measurement's counter trigger fires before its summary trigger
-- (triggers of one event fire in the order of their names), and the targets' counter trigger is made a BEFORE trigger
-- below, so it fires before any target row is locked or this trigger reads. Writers of the two tables therefore take
-- turns: a target written after a measurement reads what the measurement committed, and a measurement written after a
-- target sets it once it is committed. (With the targets' counter bumped after the statement, a target written while
-- a measurement of its key was being written could deadlock: one held the target row and waited for the counter, the
-- other held the counter and waited for the row. rollup.summaries.test.ts races them.) An update that does not name
-- the key (every save by the app) does not run this.
CREATE FUNCTION indicator_targets_take_current_value() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT l.value INTO NEW.current_value FROM latest_benefit_measurements l
    WHERE l.indicator_id = NEW.indicator_id AND l.municipality_number = NEW.municipality_number;
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP TRIGGER indicator_targets_portfolio_changed ON indicator_targets;--> statement-breakpoint
CREATE TRIGGER indicator_targets_portfolio_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_targets FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');--> statement-breakpoint
CREATE TRIGGER indicator_targets_current_value BEFORE INSERT OR UPDATE OF indicator_id, municipality_number ON indicator_targets FOR EACH ROW EXECUTE FUNCTION indicator_targets_take_current_value();--> statement-breakpoint
UPDATE indicator_targets t SET current_value = l.value FROM latest_benefit_measurements l
  WHERE l.indicator_id = t.indicator_id AND l.municipality_number = t.municipality_number;
