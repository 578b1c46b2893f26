-- Monthly summary for the Decision 766 index (issue 20): the province-year index otherwise aggregates
-- ~1M register rows with ~36 filtered counts (about 7 s on the shared 2-core machine, docs/benchmarks.md);
-- from this table it reads a few thousand rows. Kept current by a trigger in the same transaction as every
-- change to a dossier, like onestop.report_month (V21). One row per (responsible agency, month, cohort,
-- flags) with the number of dossiers:
--   cohort 'R': dossiers received in the month (Asia/Ho_Chi_Minh), flags
--       1 code issued (looked up by code) · 2 digitised with an electronic result · 4 reused a paper of the
--       applicant's data store · 8 online with an electronic result · 16 fee-bearing · 32 fee paid online
--   cohort 'F': dossiers resolved (RESULT / REFUSED) in the month of finished_at, flags
--       64 late · 128 apologised · 256 rated satisfied or very satisfied · 512 rated · 1024 rated not
--       satisfied · 2048 on time by the 766 rules (not late, at most one supplement request, finished by
--       the appointment)
-- The formulas that read it are in vn.onestop.evaluation.Index766Summary. What depends on the moment the
-- figures are taken (dossiers still running at the period's end) and on the feedback register (complaints)
-- is read live from onestop.dossier; periods that are not whole months read the rows.
CREATE TABLE onestop.index766_month (
    agency_id  varchar(60) NOT NULL,
    month      date        NOT NULL,
    cohort     char(1)     NOT NULL,
    flags      integer     NOT NULL,
    n          bigint      NOT NULL DEFAULT 0,
    CONSTRAINT pk_index766_month PRIMARY KEY (month, agency_id, cohort, flags)
) WITH (fillfactor = 70);

-- The flags of a dossier in each cohort (one definition, used by the trigger and the rebuild).
CREATE FUNCTION onestop.index766_received_flags(d onestop.dossier) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT (d.code IS NOT NULL)::int + (d.digitised AND d.result_electronic)::int * 2 + (d.reused_documents > 0)::int * 4
           + (d.channel = 'ONLINE' AND d.result_electronic)::int * 8 + (coalesce(d.fee_amount, 0) > 0)::int * 16
           + d.fee_paid_online::int * 32
$$;

CREATE FUNCTION onestop.index766_resolved_flags(d onestop.dossier) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT d.late::int * 64 + (d.apology_at IS NOT NULL)::int * 128
           + coalesce(d.rating IN ('VERY_SATISFIED', 'SATISFIED'), false)::int * 256 + (d.rating IS NOT NULL)::int * 512
           + coalesce(d.rating = 'NOT_SATISFIED', false)::int * 1024
           + coalesce(NOT d.late AND d.supplement_count <= 1 AND d.finished_at <= d.due_at, false)::int * 2048
$$;

CREATE FUNCTION onestop.index766_month_apply(d onestop.dossier, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF d.received_at IS NOT NULL THEN
        INSERT INTO onestop.index766_month AS m (agency_id, month, cohort, flags, n)
        VALUES (d.responsible_agency_id, date_trunc('month', d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'R',
            onestop.index766_received_flags(d), sign)
        ON CONFLICT (month, agency_id, cohort, flags) DO UPDATE SET n = m.n + EXCLUDED.n;
    END IF;
    IF d.finished_at IS NOT NULL AND d.outcome IN ('RESULT', 'REFUSED') THEN
        INSERT INTO onestop.index766_month AS m (agency_id, month, cohort, flags, n)
        VALUES (d.responsible_agency_id, date_trunc('month', d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'F',
            onestop.index766_resolved_flags(d), sign)
        ON CONFLICT (month, agency_id, cohort, flags) DO UPDATE SET n = m.n + EXCLUDED.n;
    END IF;
END $$;

CREATE FUNCTION onestop.index766_month_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM onestop.index766_month_apply(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM onestop.index766_month_apply(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_dossier_index766_month_ins AFTER INSERT OR DELETE ON onestop.dossier
    FOR EACH ROW EXECUTE FUNCTION onestop.index766_month_trigger();
CREATE TRIGGER tr_dossier_index766_month_upd AFTER UPDATE ON onestop.dossier
    FOR EACH ROW WHEN ((OLD.received_at, OLD.finished_at, OLD.due_at, OLD.outcome, OLD.code, OLD.late, OLD.apology_at,
        OLD.digitised, OLD.result_electronic, OLD.reused_documents, OLD.channel, OLD.fee_amount, OLD.fee_paid_online,
        OLD.rating, OLD.supplement_count, OLD.handling_agency_id, OLD.receiving_agency_id)
      IS DISTINCT FROM (NEW.received_at, NEW.finished_at, NEW.due_at, NEW.outcome, NEW.code, NEW.late, NEW.apology_at,
        NEW.digitised, NEW.result_electronic, NEW.reused_documents, NEW.channel, NEW.fee_amount, NEW.fee_paid_online,
        NEW.rating, NEW.supplement_count, NEW.handling_agency_id, NEW.receiving_agency_id))
    EXECUTE FUNCTION onestop.index766_month_trigger();

-- Rebuilds the summary from the register: here for the dossiers already there, and after a bulk load
-- that ran with triggers off (the benchmark).
CREATE FUNCTION onestop.index766_month_rebuild() RETURNS void
LANGUAGE sql AS $$
    TRUNCATE onestop.index766_month;
    INSERT INTO onestop.index766_month (agency_id, month, cohort, flags, n)
    SELECT d.responsible_agency_id, date_trunc('month', d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'R',
           onestop.index766_received_flags(d), count(*)
      FROM onestop.dossier d WHERE d.received_at IS NOT NULL GROUP BY 1, 2, 3, 4;
    INSERT INTO onestop.index766_month (agency_id, month, cohort, flags, n)
    SELECT d.responsible_agency_id, date_trunc('month', d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'F',
           onestop.index766_resolved_flags(d), count(*)
      FROM onestop.dossier d WHERE d.finished_at IS NOT NULL AND d.outcome IN ('RESULT', 'REFUSED') GROUP BY 1, 2, 3, 4;
$$;
SELECT onestop.index766_month_rebuild();
