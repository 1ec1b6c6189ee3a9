CREATE TABLE "public_decision_search" (
	"agenda_item_id" uuid PRIMARY KEY NOT NULL,
	"network_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"position" integer NOT NULL,
	"rank_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_decision_terms" (
	"lexeme" text NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"score" real NOT NULL,
	"network_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_decision_search" ADD CONSTRAINT "public_decision_search_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_decision_terms" ADD CONSTRAINT "public_decision_terms_agenda_item_id_public_decision_search_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."public_decision_search"("agenda_item_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_decision_search_vector_idx" ON "public_decision_search" USING gin ("rank_vector");--> statement-breakpoint
CREATE INDEX "public_decision_search_date_idx" ON "public_decision_search" USING btree ("meeting_date" DESC NULLS LAST,"position","agenda_item_id");--> statement-breakpoint
CREATE INDEX "public_decision_search_network_idx" ON "public_decision_search" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "public_decision_search_body_idx" ON "public_decision_search" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "public_decision_terms_rank_idx" ON "public_decision_terms" USING btree ("lexeme","score" DESC NULLS LAST,"meeting_date" DESC NULLS LAST,"position","agenda_item_id","network_id","body_id");--> statement-breakpoint
CREATE INDEX "public_decision_terms_item_idx" ON "public_decision_terms" USING btree ("agenda_item_id");--> statement-breakpoint
-- The public decision search reads public_decision_search and public_decision_terms alone (decision 0015). One function
-- builds the rows of the given agenda items from the tables behind them; the triggers below call it, in the same
-- transaction as the change, for the items a change can concern; the last statement builds both tables in full.
CREATE FUNCTION refresh_public_decision_search(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  DELETE FROM public_decision_terms WHERE agenda_item_id = ANY (ids);
  DELETE FROM public_decision_search WHERE agenda_item_id = ANY (ids);
  INSERT INTO public_decision_search (agenda_item_id, network_id, body_id, meeting_date, position, rank_vector)
  SELECT ai.id, b.network_id, b.id, m.date, ai.position, setweight(to_tsvector('norwegian', c.title), 'A') || p.text_vector
  FROM agenda_items ai
  JOIN meetings m ON m.id = ai.meeting_id
  JOIN consultations co ON co.id = ai.consultation_id
  JOIN cases c ON c.id = co.case_id
  JOIN bodies b ON b.id = m.body_id
  CROSS JOIN LATERAL (SELECT to_tsvector('norwegian',
    CASE WHEN ai.closed_basis IS NULL THEN ai.search_text ELSE concat_ws(E'\n', c.title, co.recommendation, ai.decision) END) AS text_vector) p
  WHERE ai.id = ANY (ids)
    AND m.is_public AND m.deleted_at IS NULL AND m.summons_published_at IS NOT NULL
    AND (m.status = 'minutesApproved' OR (m.written_procedure AND m.status = 'held'))
    AND ai.outcome IN ('decided', 'noted')
    AND NOT c.exempt_from_public AND c.deleted_at IS NULL;
  -- A lexeme as a tsquery: quoted, with backslashes and quotes escaped as tsquery input reads them.
  INSERT INTO public_decision_terms (lexeme, agenda_item_id, score, network_id, body_id, meeting_date, position)
  SELECT u.lexeme, s.agenda_item_id,
    ts_rank(s.rank_vector, ('''' || replace(replace(u.lexeme, '\', '\\'), '''', '''''') || '''')::tsquery),
    s.network_id, s.body_id, s.meeting_date, s.position
  FROM public_decision_search s CROSS JOIN LATERAL unnest(s.rank_vector) u
  WHERE s.agenda_item_id = ANY (ids);
END $$;
--> statement-breakpoint
CREATE FUNCTION agenda_items_inserted_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_public_decision_search(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION agenda_items_updated_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_public_decision_search(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.search_text, n.closed_basis, n.decision, n.outcome, n.position, n.meeting_id, n.consultation_id)
      IS DISTINCT FROM (o.search_text, o.closed_basis, o.decision, o.outcome, o.position, o.meeting_id, o.consultation_id)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION meetings_updated_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_public_decision_search(ARRAY(
    SELECT ai.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN agenda_items ai ON ai.meeting_id = n.id
    WHERE (n.is_public, n.deleted_at, n.summons_published_at, n.status, n.written_procedure, n.date, n.body_id)
      IS DISTINCT FROM (o.is_public, o.deleted_at, o.summons_published_at, o.status, o.written_procedure, o.date, o.body_id)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION consultations_updated_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_public_decision_search(ARRAY(
    SELECT ai.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN agenda_items ai ON ai.consultation_id = n.id
    WHERE (n.recommendation, n.case_id) IS DISTINCT FROM (o.recommendation, o.case_id)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION cases_updated_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_public_decision_search(ARRAY(
    SELECT ai.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN consultations co ON co.case_id = n.id JOIN agenda_items ai ON ai.consultation_id = co.id
    WHERE (n.title, n.exempt_from_public, n.deleted_at) IS DISTINCT FROM (o.title, o.exempt_from_public, o.deleted_at)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION bodies_updated_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_public_decision_search(ARRAY(
    SELECT ai.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN meetings m ON m.body_id = n.id JOIN agenda_items ai ON ai.meeting_id = m.id
    WHERE n.network_id IS DISTINCT FROM o.network_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER agenda_items_inserted_search AFTER INSERT ON agenda_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agenda_items_inserted_search();
--> statement-breakpoint
CREATE TRIGGER agenda_items_updated_search AFTER UPDATE ON agenda_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agenda_items_updated_search();
--> statement-breakpoint
CREATE TRIGGER meetings_updated_search AFTER UPDATE ON meetings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meetings_updated_search();
--> statement-breakpoint
CREATE TRIGGER consultations_updated_search AFTER UPDATE ON consultations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consultations_updated_search();
--> statement-breakpoint
CREATE TRIGGER cases_updated_search AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_updated_search();
--> statement-breakpoint
CREATE TRIGGER bodies_updated_search AFTER UPDATE ON bodies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bodies_updated_search();
--> statement-breakpoint
SELECT refresh_public_decision_search(ARRAY(SELECT id FROM agenda_items));
