-- A scope of its own for the figures (decision 0016): `figures` (indicator targets and measurements) apart from
-- `benefits` (benefits and indicators). The roll-up keeps its benefit lines, which read no figure, under the scopes
-- they read (`network` for their owners' names, `benefits`), so the first answer after a measurement reads the sums
-- again and not every benefit of the network.
-- The writers still take their turn on the `portfolio` counter's row first (migration 0038). The same events and
-- times as before; the measurements' name still sorts before their summary triggers', which must run after it.
DROP TRIGGER indicator_targets_benefits_changed ON indicator_targets;--> statement-breakpoint
CREATE TRIGGER indicator_targets_figures_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_targets FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter_in_turn('figures', 'portfolio');--> statement-breakpoint
DROP TRIGGER benefit_measurements_benefits_changed ON benefit_measurements;--> statement-breakpoint
CREATE TRIGGER benefit_measurements_figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benefit_measurements FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter_in_turn('figures', 'portfolio');
--> statement-breakpoint
-- The benefit lines read `projects` only for which network a project is in. No route moves a project, but a statement
-- that sets its network (SQL by hand) makes them stale too: `benefits` moves with it, after its `portfolio` turn. So a
-- project's other changes (a risk, a report, its title) leave the roll-up's benefit lines kept.
CREATE TRIGGER projects_benefits_moved AFTER UPDATE OF network_id ON projects FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter_in_turn('benefits', 'portfolio');
