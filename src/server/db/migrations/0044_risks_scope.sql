-- A scope of its own for project risks (decision 0016): only the risk map reads them, so a risk changed no longer makes
-- the portfolio overview and the benefits roll-up stale.
DROP TRIGGER project_risks_portfolio_changed ON project_risks;--> statement-breakpoint
CREATE TRIGGER project_risks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_risks FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('risks');
