-- Monthly summary of the register for the KPI report (issue 6), kept current by a trigger in the same
-- transaction as every change to a dossier. Why: the province-year report otherwise aggregates ~1M
-- rows (~1 s on 2 cores, docs/benchmarks.md); from this table it reads a few tens of thousands.
-- One row per (month, cohort, responsible agency, level, field, procedure, channel):
--   cohort 'R': dossiers received in the month (month of received_at in Asia/Ho_Chi_Minh)
--   cohort 'F': dossiers finished in the month (month of finished_at)
-- Columns are the counts of vn.onestop.report.Tally; formulas in docs/kpis.md. Reports for periods
-- that are not whole months, and "in progress"/"overdue", read onestop.dossier directly.
-- Cost: each insert/update of a dossier that changes a counted column upserts up to four rows here
-- (old and new contributions); concurrent changes to dossiers of the same month, agency, procedure and
-- channel wait for each other's commit on that row.
CREATE TABLE onestop.report_month (
    month                  date         NOT NULL,
    cohort                 char(1)      NOT NULL,
    agency_id              varchar(60)  NOT NULL,
    level                  varchar(10)  NOT NULL,
    field                  varchar(120) NOT NULL,
    procedure_code         varchar(20)  NOT NULL,
    channel                varchar(10)  NOT NULL,
    received               bigint NOT NULL DEFAULT 0,
    received_online        bigint NOT NULL DEFAULT 0,
    digitised              bigint NOT NULL DEFAULT 0,
    with_supplement        bigint NOT NULL DEFAULT 0,
    fee_paid               bigint NOT NULL DEFAULT 0,
    fee_paid_online        bigint NOT NULL DEFAULT 0,
    resolved               bigint NOT NULL DEFAULT 0,
    early                  bigint NOT NULL DEFAULT 0,
    on_time                bigint NOT NULL DEFAULT 0,
    late                   bigint NOT NULL DEFAULT 0,
    late_with_apology      bigint NOT NULL DEFAULT 0,
    late_with_explanation  bigint NOT NULL DEFAULT 0,
    results                bigint NOT NULL DEFAULT 0,
    results_electronic     bigint NOT NULL DEFAULT 0,
    rated                  bigint NOT NULL DEFAULT 0,
    satisfied              bigint NOT NULL DEFAULT 0,
    timed                  bigint NOT NULL DEFAULT 0,
    withdrawn              bigint NOT NULL DEFAULT 0,
    working_days           numeric(14,2) NOT NULL DEFAULT 0,
    CONSTRAINT pk_report_month PRIMARY KEY (month, cohort, agency_id, level, field, procedure_code, channel)
) WITH (fillfactor = 70); -- room on each page for HOT updates: counters change in place, indexes untouched
CREATE INDEX ix_report_month_agency ON onestop.report_month (agency_id, month);

-- Adds (sign = 1) or removes (sign = -1) one dossier's contribution.
CREATE FUNCTION onestop.report_month_apply(d onestop.dossier, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    res boolean;
BEGIN
    IF d.received_at IS NOT NULL THEN
        INSERT INTO onestop.report_month AS m (month, cohort, agency_id, level, field, procedure_code, channel,
            received, received_online, digitised, with_supplement, fee_paid, fee_paid_online)
        VALUES (date_trunc('month', d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'R',
            d.responsible_agency_id, d.level, d.field, d.procedure_code, d.channel,
            sign, sign * (d.channel = 'ONLINE')::int, sign * d.digitised::int, sign * (d.supplement_count > 0)::int,
            sign * d.fee_paid::int, sign * (d.fee_paid AND d.fee_paid_online)::int)
        ON CONFLICT (month, cohort, agency_id, level, field, procedure_code, channel) DO UPDATE SET
            received = m.received + EXCLUDED.received,
            received_online = m.received_online + EXCLUDED.received_online,
            digitised = m.digitised + EXCLUDED.digitised,
            with_supplement = m.with_supplement + EXCLUDED.with_supplement,
            fee_paid = m.fee_paid + EXCLUDED.fee_paid,
            fee_paid_online = m.fee_paid_online + EXCLUDED.fee_paid_online;
    END IF;
    IF d.finished_at IS NOT NULL THEN
        res := coalesce(d.outcome IN ('RESULT', 'REFUSED'), false);  -- a finished dossier without an outcome is not resolved
        INSERT INTO onestop.report_month AS m (month, cohort, agency_id, level, field, procedure_code, channel,
            resolved, early, on_time, late, late_with_apology, late_with_explanation, results, results_electronic,
            rated, satisfied, timed, withdrawn, working_days)
        VALUES (date_trunc('month', d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'F',
            d.responsible_agency_id, d.level, d.field, d.procedure_code, d.channel,
            sign * res::int,
            sign * (res AND NOT d.late AND coalesce((d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                < (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, false))::int,
            sign * (res AND NOT d.late AND NOT coalesce((d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                < (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, false))::int,
            sign * (res AND d.late)::int,
            sign * (res AND d.late AND d.apology_at IS NOT NULL)::int,
            sign * (res AND d.late AND d.explanation_at IS NOT NULL)::int,
            sign * (res AND d.outcome = 'RESULT')::int,
            sign * (res AND d.outcome = 'RESULT' AND d.result_electronic)::int,
            sign * (res AND d.rating IS NOT NULL)::int,
            sign * (res AND coalesce(d.rating IN ('VERY_SATISFIED', 'SATISFIED'), false))::int,
            sign * (res AND d.resolution_working_days IS NOT NULL)::int,
            sign * (d.outcome IS NOT DISTINCT FROM 'WITHDRAWN')::int,
            CASE WHEN res THEN sign * coalesce(d.resolution_working_days, 0) ELSE 0 END)
        ON CONFLICT (month, cohort, agency_id, level, field, procedure_code, channel) DO UPDATE SET
            resolved = m.resolved + EXCLUDED.resolved,
            early = m.early + EXCLUDED.early,
            on_time = m.on_time + EXCLUDED.on_time,
            late = m.late + EXCLUDED.late,
            late_with_apology = m.late_with_apology + EXCLUDED.late_with_apology,
            late_with_explanation = m.late_with_explanation + EXCLUDED.late_with_explanation,
            results = m.results + EXCLUDED.results,
            results_electronic = m.results_electronic + EXCLUDED.results_electronic,
            rated = m.rated + EXCLUDED.rated,
            satisfied = m.satisfied + EXCLUDED.satisfied,
            timed = m.timed + EXCLUDED.timed,
            withdrawn = m.withdrawn + EXCLUDED.withdrawn,
            working_days = m.working_days + EXCLUDED.working_days;
    END IF;
END $$;

CREATE FUNCTION onestop.report_month_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM onestop.report_month_apply(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM onestop.report_month_apply(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_dossier_report_month_ins AFTER INSERT OR DELETE ON onestop.dossier
    FOR EACH ROW EXECUTE FUNCTION onestop.report_month_trigger();
-- Updates fire only when a counted column changes (status, notes, timestamps of other steps do not).
CREATE TRIGGER tr_dossier_report_month_upd AFTER UPDATE ON onestop.dossier
    FOR EACH ROW WHEN ((OLD.received_at, OLD.finished_at, OLD.due_at, OLD.outcome, OLD.late, OLD.apology_at,
        OLD.explanation_at, OLD.channel, OLD.digitised, OLD.supplement_count, OLD.fee_paid, OLD.fee_paid_online,
        OLD.result_electronic, OLD.rating, OLD.resolution_working_days, OLD.handling_agency_id,
        OLD.receiving_agency_id, OLD.level, OLD.field, OLD.procedure_code)
      IS DISTINCT FROM (NEW.received_at, NEW.finished_at, NEW.due_at, NEW.outcome, NEW.late, NEW.apology_at,
        NEW.explanation_at, NEW.channel, NEW.digitised, NEW.supplement_count, NEW.fee_paid, NEW.fee_paid_online,
        NEW.result_electronic, NEW.rating, NEW.resolution_working_days, NEW.handling_agency_id,
        NEW.receiving_agency_id, NEW.level, NEW.field, NEW.procedure_code))
    EXECUTE FUNCTION onestop.report_month_trigger();

-- Dossiers already in the register (about 4 minutes per million dossiers on 2 cores).
DO $$
BEGIN
    PERFORM onestop.report_month_apply(d, 1) FROM onestop.dossier d;
END $$;
