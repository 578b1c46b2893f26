-- Supervisors' KPI report (issue 6): what the report reads and the indexes its queries use.
-- Figures come from the register, never from process variables.

-- The agency answerable for a dossier's timeliness: the lead handling agency, or the receiving
-- one-stop department while none is assigned (and for dossiers resolved at the desk). Generated, so
-- the dossier flow never has to keep it in step.
ALTER TABLE onestop.dossier
    ADD COLUMN responsible_agency_id varchar(60)
        GENERATED ALWAYS AS (coalesce(handling_agency_id, receiving_agency_id)) STORED;

-- Working days the resolution clock ran, from clock_started_at (the last restart) to finished_at,
-- pauses excluded, as computed by the working calendar (ResolutionTime#workingDays). SQL cannot count
-- working days, so the dossier flow writes it when it sets finished_at; the average resolution time
-- KPI reads only this column and reports how many resolved dossiers lack it.
ALTER TABLE onestop.dossier
    ADD COLUMN resolution_working_days numeric(8,2);

-- Period scans: received in the period, finished in the period, per agency and province-wide.
CREATE INDEX ix_dossier_rpt_agency_received ON onestop.dossier (responsible_agency_id, received_at);
CREATE INDEX ix_dossier_rpt_agency_finished ON onestop.dossier (responsible_agency_id, finished_at);
CREATE INDEX ix_dossier_rpt_received ON onestop.dossier (received_at);
CREATE INDEX ix_dossier_rpt_finished ON onestop.dossier (finished_at);

-- Live lists of the compliance finder: each a small partial index over the few rows that break a rule.
-- Dossiers still running (received, not finished, not withdrawn/stopped): going late, overdue, in progress.
CREATE INDEX ix_dossier_rpt_open ON onestop.dossier (due_at)
    WHERE received_at IS NOT NULL AND finished_at IS NULL AND outcome IS NULL;
-- Late without an apology (form 04) / without a written explanation (báo cáo giải trình).
CREATE INDEX ix_dossier_rpt_late_no_apology ON onestop.dossier (responsible_agency_id)
    WHERE late AND apology_at IS NULL;
CREATE INDEX ix_dossier_rpt_late_no_explanation ON onestop.dossier (responsible_agency_id)
    WHERE late AND explanation_at IS NULL;
-- Received but not digitised (Decree 45/2020).
CREATE INDEX ix_dossier_rpt_not_digitised ON onestop.dossier (responsible_agency_id, received_at)
    WHERE received_at IS NOT NULL AND NOT digitised;
