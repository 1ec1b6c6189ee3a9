-- The prioritization matrix is kept per instance until its inputs change (change-counters.ts); the weights are one of them.
CREATE TRIGGER proposal_weights_portfolio_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON proposal_weights FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('portfolio');
