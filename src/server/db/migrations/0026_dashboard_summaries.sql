CREATE TABLE "latest_benefit_measurements" (
	"indicator_id" uuid NOT NULL,
	"municipality_number" text NOT NULL,
	"measured_on" date,
	"value" double precision,
	CONSTRAINT "latest_benefit_measurements_indicator_id_municipality_number_pk" PRIMARY KEY("indicator_id","municipality_number")
);
--> statement-breakpoint
CREATE TABLE "product_usage_summary" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"municipality_numbers" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "latest_benefit_measurements" ADD CONSTRAINT "latest_benefit_measurements_indicator_id_benefit_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."benefit_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_usage_summary" ADD CONSTRAINT "product_usage_summary_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Decision 0016: summaries kept by triggers in the same transaction as the change. Each refresh first makes sure a
-- row exists for every key it touches and locks those rows in key order, so concurrent writers of one key take turns
-- (and never deadlock); the recomputation that follows is a statement of its own, so under READ COMMITTED it sees
-- what the writer before it committed.
CREATE FUNCTION refresh_product_usage_summary(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  INSERT INTO product_usage_summary (product_id, municipality_numbers)
    SELECT id, '{}' FROM unnest(ids) AS id ORDER BY id ON CONFLICT DO NOTHING;
  PERFORM 1 FROM product_usage_summary WHERE product_id = ANY (ids) ORDER BY product_id FOR UPDATE;
  UPDATE product_usage_summary s SET municipality_numbers = coalesce(
      (SELECT array_agg(u.municipality_number ORDER BY u.municipality_number) FROM application_usages u
        WHERE u.product_id = s.product_id AND u.lifecycle <> 'retired'),
      '{}')
    WHERE s.product_id = ANY (ids);
END $$;
--> statement-breakpoint
CREATE FUNCTION application_usages_summarize_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_product_usage_summary(ARRAY(SELECT DISTINCT product_id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION application_usages_summarize_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_product_usage_summary(ARRAY(SELECT DISTINCT product_id FROM old_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only a change of product, municipality or lifecycle moves the summary: editing a contract or a note costs nothing.
CREATE FUNCTION application_usages_summarize_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_product_usage_summary(ARRAY(
    SELECT x.product_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES (n.product_id), (o.product_id)) AS x(product_id)
      WHERE (n.product_id, n.municipality_number, n.lifecycle = 'retired') IS DISTINCT FROM (o.product_id, o.municipality_number, o.lifecycle = 'retired')
    UNION SELECT n.product_id FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id)
    UNION SELECT o.product_id FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION application_usages_summarize_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM product_usage_summary;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER application_usages_summary_inserted AFTER INSERT ON application_usages REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_usages_summarize_inserted();--> statement-breakpoint
CREATE TRIGGER application_usages_summary_updated AFTER UPDATE ON application_usages REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_usages_summarize_updated();--> statement-breakpoint
CREATE TRIGGER application_usages_summary_deleted AFTER DELETE ON application_usages REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION application_usages_summarize_deleted();--> statement-breakpoint
CREATE TRIGGER application_usages_summary_truncated AFTER TRUNCATE ON application_usages FOR EACH STATEMENT EXECUTE FUNCTION application_usages_summarize_truncated();--> statement-breakpoint
INSERT INTO product_usage_summary (product_id, municipality_numbers)
  SELECT product_id, array_agg(municipality_number ORDER BY municipality_number) FROM application_usages
  WHERE lifecycle <> 'retired' GROUP BY product_id;--> statement-breakpoint
CREATE FUNCTION refresh_latest_benefit_measurements(indicator_ids uuid[], numbers text[]) RETURNS void LANGUAGE plpgsql AS $$
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
END $$;
--> statement-breakpoint
CREATE FUNCTION benefit_measurements_summarize_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_latest_benefit_measurements(array_agg(k.i), array_agg(k.n))
    FROM (SELECT DISTINCT indicator_id AS i, municipality_number AS n FROM new_rows) k;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION benefit_measurements_summarize_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_latest_benefit_measurements(array_agg(k.i), array_agg(k.n))
    FROM (SELECT DISTINCT indicator_id AS i, municipality_number AS n FROM old_rows) k;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION benefit_measurements_summarize_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_latest_benefit_measurements(array_agg(k.i), array_agg(k.n))
    FROM (SELECT indicator_id AS i, municipality_number AS n FROM new_rows
          UNION SELECT indicator_id, municipality_number FROM old_rows) k;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION benefit_measurements_summarize_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM latest_benefit_measurements;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER benefit_measurements_summary_inserted AFTER INSERT ON benefit_measurements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION benefit_measurements_summarize_inserted();--> statement-breakpoint
CREATE TRIGGER benefit_measurements_summary_updated AFTER UPDATE ON benefit_measurements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION benefit_measurements_summarize_updated();--> statement-breakpoint
CREATE TRIGGER benefit_measurements_summary_deleted AFTER DELETE ON benefit_measurements REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION benefit_measurements_summarize_deleted();--> statement-breakpoint
CREATE TRIGGER benefit_measurements_summary_truncated AFTER TRUNCATE ON benefit_measurements FOR EACH STATEMENT EXECUTE FUNCTION benefit_measurements_summarize_truncated();--> statement-breakpoint
INSERT INTO latest_benefit_measurements (indicator_id, municipality_number, measured_on, value)
  SELECT DISTINCT ON (indicator_id, municipality_number) indicator_id, municipality_number, measured_on, value
  FROM benefit_measurements ORDER BY indicator_id, municipality_number, measured_on DESC;
