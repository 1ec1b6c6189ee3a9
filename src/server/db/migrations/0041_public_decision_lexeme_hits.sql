CREATE TABLE "public_decision_lexeme_hits" (
	"lexeme" text NOT NULL,
	"network_id" uuid NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "public_decision_lexeme_hits_lexeme_network_id_pk" PRIMARY KEY("lexeme","network_id")
);
--> statement-breakpoint
-- Each word's hits per network, kept with public_decision_terms (decision 0015). Before a statement touches a row of
-- the terms, it takes the 'meetings' change counter's row in turn (locked, not changed: its own triggers bump it), as
-- the writers of agenda items, meetings, consultations and cases already hold it by then (their counter's triggers
-- sort before their search triggers). A body moved to another network, which bumps another counter, then waits for
-- it before it locks any term, so no two transactions take these rows in opposite orders.
CREATE FUNCTION public_decision_terms_in_turn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_counters (scope, version) VALUES ('meetings', 0)
  ON CONFLICT (scope) DO UPDATE SET version = change_counters.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER public_decision_terms_in_turn BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON public_decision_terms FOR EACH STATEMENT EXECUTE FUNCTION public_decision_terms_in_turn();
--> statement-breakpoint
CREATE FUNCTION public_decision_terms_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM public_decision_lexeme_hits;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE public_decision_lexeme_hits h SET hits = h.hits - gone.n
    FROM (SELECT lexeme, network_id, count(*)::int AS n FROM old_rows GROUP BY lexeme, network_id) gone
    WHERE h.lexeme = gone.lexeme AND h.network_id = gone.network_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO public_decision_lexeme_hits AS h (lexeme, network_id, hits)
    SELECT lexeme, network_id, count(*)::int FROM new_rows GROUP BY lexeme, network_id
    ON CONFLICT (lexeme, network_id) DO UPDATE SET hits = h.hits + excluded.hits;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER public_decision_terms_inserted_counted AFTER INSERT ON public_decision_terms REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public_decision_terms_counted();
--> statement-breakpoint
CREATE TRIGGER public_decision_terms_updated_counted AFTER UPDATE ON public_decision_terms REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public_decision_terms_counted();
--> statement-breakpoint
CREATE TRIGGER public_decision_terms_deleted_counted AFTER DELETE ON public_decision_terms REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public_decision_terms_counted();
--> statement-breakpoint
CREATE TRIGGER public_decision_terms_truncated_counted AFTER TRUNCATE ON public_decision_terms FOR EACH STATEMENT EXECUTE FUNCTION public_decision_terms_counted();
--> statement-breakpoint
INSERT INTO public_decision_lexeme_hits (lexeme, network_id, hits)
SELECT lexeme, network_id, count(*)::int FROM public_decision_terms GROUP BY lexeme, network_id;
