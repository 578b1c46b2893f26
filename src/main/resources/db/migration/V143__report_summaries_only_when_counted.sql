-- Issue 18.3 (timers at scale): the monthly summaries' update triggers (V141) fired for every change of a counted
-- column, also when the change cannot move the dossier in any summary. The common case is the deadline timer: a
-- dossier still running is marked late. Until it is finished, a dossier counts only in the received cohort ('R'),
-- whose rows do not depend on late, due_at, apology_at, explanation_at, outcome, rating or the resolution time; the
-- triggers still queued both summaries' "take the old row out, put the new row in" - four upserts at commit that
-- cancel out (2.1 s of PostgreSQL's 31 s while 10,000 deadline timers fired, docs/benchmarks.md).
--
-- Same triggers, same functions, same arithmetic; each fires when a column of the received cohort changes (its
-- month, its grouping, its counted flags), or when a column of the finished cohort ('F') changes while the dossier
-- is finished before or after the change. Every change that moves a count still fires; report/SummaryTriggersTest
-- compares both summaries with a rebuild from the register after each kind of change.
DROP TRIGGER tr_dossier_report_month_upd ON onestop.dossier;
CREATE CONSTRAINT TRIGGER tr_dossier_report_month_upd AFTER UPDATE ON onestop.dossier
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (
      (OLD.received_at, OLD.channel, OLD.digitised, OLD.supplement_count, OLD.fee_paid, OLD.fee_paid_online,
        OLD.handling_agency_id, OLD.receiving_agency_id, OLD.level, OLD.field, OLD.procedure_code)
      IS DISTINCT FROM (NEW.received_at, NEW.channel, NEW.digitised, NEW.supplement_count, NEW.fee_paid,
        NEW.fee_paid_online, NEW.handling_agency_id, NEW.receiving_agency_id, NEW.level, NEW.field, NEW.procedure_code)
      OR ((OLD.finished_at IS NOT NULL OR NEW.finished_at IS NOT NULL)
        AND (OLD.finished_at, OLD.due_at, OLD.outcome, OLD.late, OLD.apology_at, OLD.explanation_at,
          OLD.result_electronic, OLD.rating, OLD.resolution_working_days)
        IS DISTINCT FROM (NEW.finished_at, NEW.due_at, NEW.outcome, NEW.late, NEW.apology_at, NEW.explanation_at,
          NEW.result_electronic, NEW.rating, NEW.resolution_working_days)))
    EXECUTE FUNCTION onestop.report_month_trigger();

DROP TRIGGER tr_dossier_index766_month_upd ON onestop.dossier;
CREATE CONSTRAINT TRIGGER tr_dossier_index766_month_upd AFTER UPDATE ON onestop.dossier
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (
      (OLD.received_at, OLD.code, OLD.digitised, OLD.result_electronic, OLD.reused_documents, OLD.channel,
        OLD.fee_amount, OLD.fee_paid_online, OLD.handling_agency_id, OLD.receiving_agency_id)
      IS DISTINCT FROM (NEW.received_at, NEW.code, NEW.digitised, NEW.result_electronic, NEW.reused_documents,
        NEW.channel, NEW.fee_amount, NEW.fee_paid_online, NEW.handling_agency_id, NEW.receiving_agency_id)
      OR ((OLD.finished_at IS NOT NULL OR NEW.finished_at IS NOT NULL)
        AND (OLD.finished_at, OLD.due_at, OLD.outcome, OLD.late, OLD.apology_at, OLD.rating, OLD.supplement_count)
        IS DISTINCT FROM (NEW.finished_at, NEW.due_at, NEW.outcome, NEW.late, NEW.apology_at, NEW.rating,
          NEW.supplement_count)))
    EXECUTE FUNCTION onestop.index766_month_trigger();
