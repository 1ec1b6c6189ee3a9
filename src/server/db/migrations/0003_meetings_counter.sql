-- Any statement on the tables behind the public meeting pages bumps the 'meetings' counter in its own
-- transaction: the public decision search and the OParl lists are kept until it changes.
CREATE TRIGGER meetings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('meetings');--> statement-breakpoint
CREATE TRIGGER agenda_items_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agenda_items FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('meetings');--> statement-breakpoint
CREATE TRIGGER consultations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consultations FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('meetings');--> statement-breakpoint
CREATE TRIGGER cases_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cases FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('meetings');--> statement-breakpoint
CREATE TRIGGER case_documents_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_documents FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('meetings');--> statement-breakpoint
CREATE TRIGGER meeting_attendees_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meeting_attendees FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter('meetings');
