-- Each target carries the day of its latest measurement and the day its next one is due, so the start page finds a
-- person's or a municipality's due measurements by an index range instead of reckoning every target's due day on every
-- visit (issue 18). `measurement_due_on` is the one SQL reckoning of nextMeasurementDue() (work.test.ts holds the two
-- together): one period of the frequency after the latest measurement or the baseline, PostgreSQL's month arithmetic
-- keeping the day or falling back to the month's last as the page's does; none once a measurement reached the target date.
ALTER TABLE "indicator_targets" ADD COLUMN "measured_on" date;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD COLUMN "due_on" date;--> statement-breakpoint
CREATE FUNCTION measurement_due_on(frequency text, baseline_date date, measured_on date, target_date date) RETURNS date
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN measured_on >= target_date THEN NULL
    ELSE (coalesce(measured_on, baseline_date) + make_interval(months => CASE frequency
      WHEN 'monthly' THEN 1 WHEN 'quarterly' THEN 3 WHEN 'tertial' THEN 4 WHEN 'halfYearly' THEN 6 WHEN 'yearly' THEN 12 END))::date
  END
$$;
--> statement-breakpoint
-- The refresh of migration 0032 sets the day with the value, in the same statement.
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
  UPDATE indicator_targets t SET current_value = l.value, measured_on = l.measured_on
    FROM unnest(indicator_ids, numbers) AS k(i, n)
    LEFT JOIN latest_benefit_measurements l ON l.indicator_id = k.i AND l.municipality_number = k.n
    WHERE t.indicator_id = k.i AND t.municipality_number = k.n
      AND (t.current_value, t.measured_on) IS DISTINCT FROM (l.value, l.measured_on);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION benefit_measurements_summarize_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM latest_benefit_measurements;
  UPDATE indicator_targets SET current_value = NULL, measured_on = NULL WHERE measured_on IS NOT NULL;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_targets_take_current_value() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT l.value, l.measured_on INTO NEW.current_value, NEW.measured_on FROM latest_benefit_measurements l
    WHERE l.indicator_id = NEW.indicator_id AND l.municipality_number = NEW.municipality_number;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- A target's due day: none while its indicator or benefit is deleted, so the start page needs no join to leave those out.
CREATE FUNCTION target_due_on(indicator_id uuid, baseline_date date, measured_on date, target_date date) RETURNS date
  LANGUAGE sql STABLE AS $$
  SELECT measurement_due_on(i.frequency, baseline_date, measured_on, target_date)
    FROM benefit_indicators i JOIN benefits b ON b.id = i.benefit_id
    WHERE i.id = indicator_id AND i.deleted_at IS NULL AND b.deleted_at IS NULL
$$;
--> statement-breakpoint
-- Fires after indicator_targets_current_value (triggers of one event fire in the order of their names), so a new or
-- moved target's due day is reckoned from the measured day it has just taken. It names the key's columns itself: a
-- trigger's column list is matched against the statement's, not against what an earlier trigger set.
CREATE FUNCTION indicator_targets_reckon_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.due_on := target_due_on(NEW.indicator_id, NEW.baseline_date, NEW.measured_on, NEW.target_date);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER indicator_targets_due_on BEFORE INSERT OR UPDATE OF indicator_id, municipality_number, baseline_date, target_date, measured_on ON indicator_targets FOR EACH ROW EXECUTE FUNCTION indicator_targets_reckon_due();--> statement-breakpoint
-- An indicator given another frequency or benefit, or an indicator or benefit deleted or restored, reckons its targets' due days
-- again. The two tables' change counters now fire before the statement, as the targets' does (migration 0032), so their
-- writers take their turn with the writers of measurements and targets before they lock any target row.
CREATE FUNCTION indicator_targets_reckon_due_of() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE indicator_targets t SET due_on = target_due_on(t.indicator_id, t.baseline_date, t.measured_on, t.target_date)
    FROM benefit_indicators i
    WHERE t.indicator_id = i.id AND (CASE TG_TABLE_NAME WHEN 'benefits' THEN i.benefit_id ELSE i.id END) = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER benefit_indicators_portfolio_changed ON benefit_indicators;--> statement-breakpoint
CREATE TRIGGER benefit_indicators_portfolio_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON benefit_indicators FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');--> statement-breakpoint
DROP TRIGGER benefits_portfolio_changed ON benefits;--> statement-breakpoint
CREATE TRIGGER benefits_portfolio_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON benefits FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');--> statement-breakpoint
CREATE TRIGGER benefit_indicators_due_on AFTER UPDATE OF frequency, deleted_at, benefit_id ON benefit_indicators FOR EACH ROW
  WHEN ((OLD.frequency, OLD.deleted_at IS NULL, OLD.benefit_id) IS DISTINCT FROM (NEW.frequency, NEW.deleted_at IS NULL, NEW.benefit_id))
  EXECUTE FUNCTION indicator_targets_reckon_due_of();--> statement-breakpoint
CREATE TRIGGER benefits_due_on AFTER UPDATE OF deleted_at ON benefits FOR EACH ROW
  WHEN ((OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL))
  EXECUTE FUNCTION indicator_targets_reckon_due_of();--> statement-breakpoint
-- Every target once: setting the measured day reckons the due day by the trigger above.
UPDATE indicator_targets t SET measured_on = (SELECT l.measured_on FROM latest_benefit_measurements l
  WHERE l.indicator_id = t.indicator_id AND l.municipality_number = t.municipality_number);--> statement-breakpoint
DROP INDEX "indicator_targets_municipality_idx";--> statement-breakpoint
DROP INDEX "indicator_targets_responsible_idx";--> statement-breakpoint
CREATE INDEX "indicator_targets_municipality_due_idx" ON "indicator_targets" USING btree ("municipality_number","due_on");--> statement-breakpoint
CREATE INDEX "indicator_targets_responsible_due_idx" ON "indicator_targets" USING btree ("responsible_person_id","due_on");
