-- The portfolio overview and the benefits roll-up are kept per instance until a table behind them changes (change-counters.ts).
CREATE TRIGGER projects_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
--> statement-breakpoint
CREATE TRIGGER project_participants_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_participants FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
--> statement-breakpoint
CREATE TRIGGER project_decisions_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_decisions FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
--> statement-breakpoint
CREATE TRIGGER project_milestones_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_milestones FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
--> statement-breakpoint
CREATE TRIGGER project_status_reports_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_status_reports FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
--> statement-breakpoint
CREATE TRIGGER benefits_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benefits FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
--> statement-breakpoint
CREATE TRIGGER benefit_indicators_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benefit_indicators FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
--> statement-breakpoint
CREATE TRIGGER indicator_targets_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_targets FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
--> statement-breakpoint
CREATE TRIGGER benefit_measurements_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benefit_measurements FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
--> statement-breakpoint
CREATE TRIGGER strategies_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON strategies FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
--> statement-breakpoint
CREATE TRIGGER strategy_versions_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON strategy_versions FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
--> statement-breakpoint
CREATE TRIGGER proposals_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON proposals FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
