-- Decision 766 index (issue 20, V122): the dossiers still running at a period's end are read live, in two
-- halves, each from an index that holds every column the count needs (index-only scans, no visit to the
-- table): those not finished at all, and those finished after the period's end.
CREATE INDEX ix_dossier_running_open ON onestop.dossier (received_at)
    INCLUDE (due_at, late, supplement_count, outcome, responsible_agency_id) WHERE finished_at IS NULL;
CREATE INDEX ix_dossier_running_finished ON onestop.dossier (finished_at)
    INCLUDE (received_at, due_at, late, supplement_count, outcome, responsible_agency_id);
