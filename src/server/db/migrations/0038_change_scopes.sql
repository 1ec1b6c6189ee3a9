-- Two scopes of their own (decision 0016), so a write makes stale only the answers that read its tables: `adoptions`
-- (shared solutions and their adoptions: the adoption matrices) apart from `mapping`, and `benefits` (benefits,
-- indicators, targets, measurements: the roll-up) apart from `portfolio`.
DROP TRIGGER shared_solutions_changed ON shared_solutions;--> statement-breakpoint
CREATE TRIGGER shared_solutions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON shared_solutions FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('adoptions');--> statement-breakpoint
DROP TRIGGER solution_adoptions_changed ON solution_adoptions;--> statement-breakpoint
CREATE TRIGGER solution_adoptions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON solution_adoptions FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('adoptions');--> statement-breakpoint
-- The writers of the benefits tables still take their turn on the `portfolio` counter's row, unchanged, before they bump
-- their own: the current values and the sums kept on targets rest on that turn (migrations 0032, 0035), and taking the
-- two rows always in this order keeps a transaction that writes projects and benefits from deadlocking with another.
CREATE FUNCTION bump_change_counter_in_turn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_counters (scope, version) VALUES (TG_ARGV[1], 0)
  ON CONFLICT (scope) DO UPDATE SET version = change_counters.version;
  INSERT INTO change_counters (scope, version) VALUES (TG_ARGV[0], 1)
  ON CONFLICT (scope) DO UPDATE SET version = change_counters.version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The same events and times as before (BEFORE the statement for benefits, indicators and targets; AFTER it for
-- measurements, where the name still sorts before the summary triggers', which must run after it).
DROP TRIGGER benefits_portfolio_changed ON benefits;--> statement-breakpoint
CREATE TRIGGER benefits_benefits_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON benefits FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter_in_turn('benefits', 'portfolio');--> statement-breakpoint
DROP TRIGGER benefit_indicators_portfolio_changed ON benefit_indicators;--> statement-breakpoint
CREATE TRIGGER benefit_indicators_benefits_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON benefit_indicators FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter_in_turn('benefits', 'portfolio');--> statement-breakpoint
DROP TRIGGER indicator_targets_portfolio_changed ON indicator_targets;--> statement-breakpoint
CREATE TRIGGER indicator_targets_benefits_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_targets FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter_in_turn('benefits', 'portfolio');--> statement-breakpoint
DROP TRIGGER benefit_measurements_portfolio_changed ON benefit_measurements;--> statement-breakpoint
CREATE TRIGGER benefit_measurements_benefits_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benefit_measurements FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter_in_turn('benefits', 'portfolio');
