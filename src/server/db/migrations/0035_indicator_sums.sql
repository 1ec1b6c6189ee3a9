CREATE TABLE "indicator_sums" (
	"indicator_id" uuid PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"measured" integer NOT NULL,
	"baseline" double precision,
	"target" double precision,
	"weight" double precision,
	"weighted_baseline" double precision,
	"weighted_target" double precision,
	"measured_baseline" double precision,
	"measured_target" double precision,
	"measured_current" double precision,
	"measured_weight" double precision,
	"weighted_current" double precision,
	"achieved_weight" double precision,
	"weighted_achievement" double precision
);
--> statement-breakpoint
ALTER TABLE "indicator_sums" ADD CONSTRAINT "indicator_sums_indicator_id_benefit_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."benefit_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Decision 0016, continued: each indicator's targets summed over the municipalities, kept for the benefits roll-up.
-- The sums are taken in municipality order, as the roll-up always took them (the same figures to the last bit as
-- summing in the process, rollup.summaries.test.ts), so a change to any target sums its indicator again: a few rows.
-- `indicator_sums_of` is the one definition, also for a municipality's roll-up, which sums that municipality alone.
CREATE FUNCTION indicator_sums_of(indicator_ids uuid[], municipality text) RETURNS SETOF indicator_sums LANGUAGE sql STABLE AS $$
  SELECT indicator_id, count::int, measured::int, baseline, target, weight, weighted_baseline, weighted_target,
    measured_baseline, measured_target, measured_current, measured_weight, weighted_current, achieved_weight,
    weighted_achievement
  FROM (
    SELECT t.indicator_id, row_number() OVER w AS nth, count(*) OVER w AS count, count(t.current_value) OVER w AS measured,
      sum(t.baseline_value) OVER w AS baseline,
      sum(t.target_value) OVER w AS target,
      sum(t.weight) OVER w AS weight,
      sum(t.baseline_value * t.weight) OVER w AS weighted_baseline,
      sum(t.target_value * t.weight) OVER w AS weighted_target,
      sum(t.baseline_value) FILTER (WHERE t.current_value IS NOT NULL) OVER w AS measured_baseline,
      sum(t.target_value) FILTER (WHERE t.current_value IS NOT NULL) OVER w AS measured_target,
      sum(t.current_value) FILTER (WHERE t.current_value IS NOT NULL) OVER w AS measured_current,
      sum(t.weight) FILTER (WHERE t.current_value IS NOT NULL) OVER w AS measured_weight,
      sum(t.current_value * t.weight) FILTER (WHERE t.current_value IS NOT NULL) OVER w AS weighted_current,
      sum(t.weight) FILTER (WHERE t.current_value IS NOT NULL AND t.target_value <> t.baseline_value) OVER w AS achieved_weight,
      sum((t.current_value - t.baseline_value) / nullif(t.target_value - t.baseline_value, 0) * t.weight)
        FILTER (WHERE t.current_value IS NOT NULL AND t.target_value <> t.baseline_value) OVER w AS weighted_achievement
    FROM indicator_targets t
    WHERE t.indicator_id = ANY(indicator_ids) AND (municipality IS NULL OR t.municipality_number = municipality)
    WINDOW w AS (PARTITION BY t.indicator_id ORDER BY t.municipality_number ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
  ) sums
  WHERE nth = 1
$$;
--> statement-breakpoint
-- Concurrency rests on the 'portfolio' change counter, as the targets' current values do (migration 0032): a writer of
-- targets locks its row before its statement (a BEFORE trigger), and a measurement's refresh, which sets the targets'
-- current values, runs after the measurement's counter trigger (triggers of one event fire in the order of their
-- names); each holds it to its commit. So these refreshes take turns, and each of their statements sees what the one
-- before committed.
CREATE FUNCTION indicator_sums_refresh(indicator_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(indicator_ids) = 0 THEN RETURN; END IF;
  DELETE FROM indicator_sums s WHERE s.indicator_id = ANY(indicator_ids);
  INSERT INTO indicator_sums SELECT * FROM indicator_sums_of(indicator_ids, NULL);
END $$;
--> statement-breakpoint
-- Once per statement, for the indicators whose targets it inserted, deleted, or changed in what is summed (the
-- indicator, the municipality, whose order the sums follow, the values and the weight): a bulk load sums each once.
CREATE FUNCTION indicator_targets_sum_again() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM indicator_sums_refresh(array(SELECT DISTINCT n.indicator_id FROM new_rows n ORDER BY 1));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM indicator_sums_refresh(array(SELECT DISTINCT o.indicator_id FROM old_rows o ORDER BY 1));
  ELSE
    PERFORM indicator_sums_refresh(array(
      SELECT DISTINCT k.indicator_id FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.indicator_id), (n.indicator_id)) k(indicator_id)
        WHERE (o.indicator_id, o.municipality_number, o.baseline_value, o.target_value, o.weight, o.current_value)
          IS DISTINCT FROM (n.indicator_id, n.municipality_number, n.baseline_value, n.target_value, n.weight, n.current_value)
        ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION indicator_targets_sums_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM indicator_sums;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER indicator_targets_sums_inserted AFTER INSERT ON indicator_targets REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_targets_sum_again();--> statement-breakpoint
CREATE TRIGGER indicator_targets_sums_updated AFTER UPDATE ON indicator_targets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_targets_sum_again();--> statement-breakpoint
CREATE TRIGGER indicator_targets_sums_deleted AFTER DELETE ON indicator_targets REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_targets_sum_again();--> statement-breakpoint
CREATE TRIGGER indicator_targets_sums_truncated AFTER TRUNCATE ON indicator_targets FOR EACH STATEMENT EXECUTE FUNCTION indicator_targets_sums_truncated();--> statement-breakpoint
INSERT INTO indicator_sums SELECT * FROM indicator_sums_of(array(SELECT DISTINCT indicator_id FROM indicator_targets), NULL);
