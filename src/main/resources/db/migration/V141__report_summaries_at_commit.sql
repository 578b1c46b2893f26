-- Issue 18 (timers at scale, the lifecycle with several clerks): the monthly summaries onestop.report_month (V21)
-- and onestop.index766_month (V122) are kept by row triggers that upsert one summary row per (month, agency,
-- procedure, channel, ...). Run at the moment of the change, the upsert locks that row until the transaction
-- ends: every other transaction changing a dossier of the same agency, procedure and month waits for the whole
-- rest of the first one (the engine's flush of its task, history and authorization rows). Measured with
-- pg_stat_statements while 2,000 deadline timers of one commune's dossiers fired together
-- (DeadlineTimerBenchmark, -Donestop.bench.timers.statements=true): the one-row
-- "update onestop.dossier set late = true ..." took 12 ms on average, 24 of the round's 36 s of database time.
--
-- The same triggers, now deferred to the commit (constraint triggers, DEFERRABLE INITIALLY DEFERRED): the summary
-- row is locked only for the commit itself. Same rows, same arithmetic, same transaction (a rollback still leaves
-- the summaries untouched); each queued event still sees its own OLD and NEW row, so several changes of one
-- dossier in a transaction still add up. Nothing reads a summary inside the transaction that changed a dossier.
DROP TRIGGER tr_dossier_report_month_ins ON onestop.dossier;
DROP TRIGGER tr_dossier_report_month_upd ON onestop.dossier;
DROP TRIGGER tr_dossier_index766_month_ins ON onestop.dossier;
DROP TRIGGER tr_dossier_index766_month_upd ON onestop.dossier;

CREATE CONSTRAINT TRIGGER tr_dossier_report_month_ins AFTER INSERT OR DELETE ON onestop.dossier
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION onestop.report_month_trigger();
-- Updates fire only when a counted column changes (status, notes, timestamps of other steps do not).
CREATE CONSTRAINT TRIGGER tr_dossier_report_month_upd AFTER UPDATE ON onestop.dossier
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN ((OLD.received_at, OLD.finished_at, OLD.due_at, OLD.outcome, OLD.late, OLD.apology_at,
        OLD.explanation_at, OLD.channel, OLD.digitised, OLD.supplement_count, OLD.fee_paid, OLD.fee_paid_online,
        OLD.result_electronic, OLD.rating, OLD.resolution_working_days, OLD.handling_agency_id,
        OLD.receiving_agency_id, OLD.level, OLD.field, OLD.procedure_code)
      IS DISTINCT FROM (NEW.received_at, NEW.finished_at, NEW.due_at, NEW.outcome, NEW.late, NEW.apology_at,
        NEW.explanation_at, NEW.channel, NEW.digitised, NEW.supplement_count, NEW.fee_paid, NEW.fee_paid_online,
        NEW.result_electronic, NEW.rating, NEW.resolution_working_days, NEW.handling_agency_id,
        NEW.receiving_agency_id, NEW.level, NEW.field, NEW.procedure_code))
    EXECUTE FUNCTION onestop.report_month_trigger();

CREATE CONSTRAINT TRIGGER tr_dossier_index766_month_ins AFTER INSERT OR DELETE ON onestop.dossier
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION onestop.index766_month_trigger();
CREATE CONSTRAINT TRIGGER tr_dossier_index766_month_upd AFTER UPDATE ON onestop.dossier
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN ((OLD.received_at, OLD.finished_at, OLD.due_at, OLD.outcome, OLD.code, OLD.late, OLD.apology_at,
        OLD.digitised, OLD.result_electronic, OLD.reused_documents, OLD.channel, OLD.fee_amount, OLD.fee_paid_online,
        OLD.rating, OLD.supplement_count, OLD.handling_agency_id, OLD.receiving_agency_id)
      IS DISTINCT FROM (NEW.received_at, NEW.finished_at, NEW.due_at, NEW.outcome, NEW.code, NEW.late, NEW.apology_at,
        NEW.digitised, NEW.result_electronic, NEW.reused_documents, NEW.channel, NEW.fee_amount, NEW.fee_paid_online,
        NEW.rating, NEW.supplement_count, NEW.handling_agency_id, NEW.receiving_agency_id))
    EXECUTE FUNCTION onestop.index766_month_trigger();
