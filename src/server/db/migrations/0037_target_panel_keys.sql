ALTER TABLE "indicator_targets" ADD COLUMN "network_id" uuid;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD COLUMN "project_year" integer;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD COLUMN "project_sequence" integer;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD COLUMN "benefit_title" text;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD COLUMN "indicator_name" text;--> statement-breakpoint
-- What the municipality page sorts and counts a target by, from its indicator, benefit and project: the network only
-- while the indicator and the benefit are live.
CREATE FUNCTION target_panel_keys(indicator_id uuid, OUT network_id uuid, OUT project_year integer, OUT project_sequence integer,
    OUT benefit_title text, OUT indicator_name text)
  LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN i.deleted_at IS NULL AND b.deleted_at IS NULL THEN p.network_id END, p.year, p.sequence, b.title, i.name
    FROM benefit_indicators i JOIN benefits b ON b.id = i.benefit_id JOIN projects p ON p.id = b.project_id
    WHERE i.id = indicator_id
$$;
--> statement-breakpoint
CREATE FUNCTION indicator_targets_take_panel_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT k.network_id, k.project_year, k.project_sequence, k.benefit_title, k.indicator_name
    INTO NEW.network_id, NEW.project_year, NEW.project_sequence, NEW.benefit_title, NEW.indicator_name
    FROM target_panel_keys(NEW.indicator_id) k;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER indicator_targets_panel_keys BEFORE INSERT OR UPDATE OF indicator_id ON indicator_targets FOR EACH ROW
  EXECUTE FUNCTION indicator_targets_take_panel_keys();--> statement-breakpoint
-- An indicator renamed, moved or deleted, a benefit retitled, moved or deleted, a project given another reference or
-- network (no route does the last two): their targets take the keys again. Writers of indicators and benefits take the
-- portfolio counter before any target row (migration 0033); a project's reference and network are fixed in the app.
CREATE FUNCTION target_panel_keys_again(indicator_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE indicator_targets t
    SET (network_id, project_year, project_sequence, benefit_title, indicator_name) =
      (SELECT k.network_id, k.project_year, k.project_sequence, k.benefit_title, k.indicator_name FROM target_panel_keys(t.indicator_id) k)
    WHERE t.indicator_id = ANY(indicator_ids)
$$;
--> statement-breakpoint
CREATE FUNCTION indicator_targets_take_panel_keys_of() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'benefit_indicators' THEN
    PERFORM target_panel_keys_again(ARRAY[NEW.id]);
  ELSIF TG_TABLE_NAME = 'benefits' THEN
    PERFORM target_panel_keys_again(ARRAY(SELECT i.id FROM benefit_indicators i WHERE i.benefit_id = NEW.id));
  ELSE
    -- A project's counter fires after its statement, so its writer takes the turn here, before it reads which targets
    -- are the project's: a target or benefit committed by the writer it waited for is then among them.
    INSERT INTO change_counters (scope, version) VALUES ('portfolio', 0)
    ON CONFLICT (scope) DO UPDATE SET version = change_counters.version;
    PERFORM target_panel_keys_again(ARRAY(SELECT i.id FROM benefits b JOIN benefit_indicators i ON i.benefit_id = b.id WHERE b.project_id = NEW.id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER benefit_indicators_panel_keys AFTER UPDATE OF name, deleted_at, benefit_id ON benefit_indicators FOR EACH ROW
  WHEN ((OLD.name, OLD.deleted_at IS NULL, OLD.benefit_id) IS DISTINCT FROM (NEW.name, NEW.deleted_at IS NULL, NEW.benefit_id))
  EXECUTE FUNCTION indicator_targets_take_panel_keys_of();--> statement-breakpoint
CREATE TRIGGER benefits_panel_keys AFTER UPDATE OF title, deleted_at, project_id ON benefits FOR EACH ROW
  WHEN ((OLD.title, OLD.deleted_at IS NULL, OLD.project_id) IS DISTINCT FROM (NEW.title, NEW.deleted_at IS NULL, NEW.project_id))
  EXECUTE FUNCTION indicator_targets_take_panel_keys_of();--> statement-breakpoint
CREATE TRIGGER projects_panel_keys AFTER UPDATE OF network_id, year, sequence ON projects FOR EACH ROW
  WHEN ((OLD.network_id, OLD.year, OLD.sequence) IS DISTINCT FROM (NEW.network_id, NEW.year, NEW.sequence))
  EXECUTE FUNCTION indicator_targets_take_panel_keys_of();--> statement-breakpoint
-- Every target once.
SELECT target_panel_keys_again(ARRAY(SELECT id FROM benefit_indicators));
