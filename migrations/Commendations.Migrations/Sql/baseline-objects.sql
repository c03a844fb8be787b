-- What the EF model cannot say, created after the baseline's tables: extensions, functions, triggers, expression
-- indexes and an exclusion constraint. Each was introduced by a migration before the squash of 05/12/2026; the comment
-- says what relies on it.

-- Search without diacritics (SearchRegistry, ListNominations, ListMyTasks) and one cover at a time (substitutions).
-- All three are trusted extensions: the database's owner may create them, no superuser needed.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- unaccent() is only STABLE; an index needs an IMMUTABLE function with the dictionary named.
CREATE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $_$;

CREATE INDEX ix_nominations_nominee_name_unaccent_trgm ON nominations USING gin (f_unaccent(nominee_name) gin_trgm_ops);
CREATE INDEX ix_award_records_nominee_name_unaccent_trgm ON award_records USING gin (f_unaccent(nominee_name) gin_trgm_ops);
CREATE INDEX ix_workflow_tasks_open_nominee_name_unaccent_trgm ON workflow_tasks
    USING gin (f_unaccent(nominee_name) gin_trgm_ops) WHERE status = 'Open';

-- A person is covered by one substitute at a time (CreateSubstitution; DatabaseRefusals names the refusal).
ALTER TABLE substitutions ADD CONSTRAINT ex_substitutions_one_cover_at_a_time
    EXCLUDE USING gist (principal_user_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&) WHERE (revoked_at IS NULL);

-- Every node's reference-data cache hears of a change to these tables (ReferenceDataListener).
CREATE FUNCTION notify_reference_data() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('reference_data', TG_TABLE_NAME);
    RETURN NULL;
END $$;
CREATE TRIGGER units_notify_reference_data AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
    FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_data();
CREATE TRIGGER committees_notify_reference_data AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committees
    FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_data();
CREATE TRIGGER campaigns_notify_reference_data AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaigns
    FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_data();
CREATE TRIGGER award_forms_notify_reference_data AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON award_forms
    FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_data();
CREATE TRIGGER calendar_days_notify_reference_data AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_days
    FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_data();
CREATE TRIGGER users_notify_reference_data AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_data();

-- A campaign's progress per unit and step, kept as deltas by the nominations' own writes (GetCampaignProgress sums
-- them; compact_campaign_progress folds them from time to time), so the dashboard never counts nominations.
CREATE TABLE campaign_progress_counts (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_campaign_progress_counts PRIMARY KEY,
    campaign_id uuid NOT NULL,
    unit_id uuid NOT NULL,
    status text NOT NULL,
    current_step text NULL,
    delta integer NOT NULL);
CREATE INDEX ix_campaign_progress_counts_campaign_id_unit_id ON campaign_progress_counts (campaign_id, unit_id);

CREATE FUNCTION count_campaign_progress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.campaign_id = OLD.campaign_id AND NEW.unit_id = OLD.unit_id
       AND NEW.status = OLD.status AND NEW.current_step IS NOT DISTINCT FROM OLD.current_step THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO campaign_progress_counts (campaign_id, unit_id, status, current_step, delta)
        VALUES (OLD.campaign_id, OLD.unit_id, OLD.status, OLD.current_step, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO campaign_progress_counts (campaign_id, unit_id, status, current_step, delta)
        VALUES (NEW.campaign_id, NEW.unit_id, NEW.status, NEW.current_step, 1);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER nominations_count_campaign_progress AFTER INSERT OR DELETE OR UPDATE OF campaign_id, unit_id, status, current_step
    ON nominations FOR EACH ROW EXECUTE FUNCTION count_campaign_progress();

CREATE FUNCTION compact_campaign_progress() RETURNS void LANGUAGE sql AS $$
    WITH gone AS (DELETE FROM campaign_progress_counts RETURNING campaign_id, unit_id, status, current_step, delta)
    INSERT INTO campaign_progress_counts (campaign_id, unit_id, status, current_step, delta)
    SELECT campaign_id, unit_id, status, current_step, sum(delta) FROM gone
    GROUP BY campaign_id, unit_id, status, current_step HAVING sum(delta) <> 0;
$$;

-- Documents of record cannot change once written: an issued decision (amend it by another), a signed decision or
-- minutes. The database refuses, whatever code tries.
CREATE FUNCTION decisions_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'An issued decision cannot be changed; issue a decision that amends it.' USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER decisions_immutable BEFORE UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION decisions_are_immutable();

CREATE FUNCTION signed_decision_documents_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'A signed decision document cannot be changed or removed.' USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER signed_decision_documents_immutable BEFORE UPDATE OR DELETE ON signed_decision_documents
    FOR EACH ROW EXECUTE FUNCTION signed_decision_documents_are_immutable();

CREATE FUNCTION signed_minutes_documents_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'A signed minutes document cannot be changed or removed.' USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER signed_minutes_documents_immutable BEFORE UPDATE OR DELETE ON signed_minutes_documents
    FOR EACH ROW EXECUTE FUNCTION signed_minutes_documents_are_immutable();
