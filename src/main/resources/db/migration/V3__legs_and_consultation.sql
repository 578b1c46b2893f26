-- Interlinked dossiers (một cửa liên thông, Decree 61/2018 Art. 19.5-19.7): what each leg decided,
-- so a supplement request from one leg restarts the dossier while finished legs keep their results,
-- and the consultations (lấy ý kiến) an agency asks of others.
ALTER TABLE dossier_leg
    ADD COLUMN missing        text,
    ADD COLUMN refusal_reason text,
    ADD COLUMN result_summary text,
    ADD COLUMN rounds         integer NOT NULL DEFAULT 0;   -- how many times the leg was started

COMMENT ON COLUMN dossier_leg.due_at IS 'Deadline of the leg in its current round, as stated on the transfer slip (phiếu chuyển xử lý)';

CREATE TABLE consultation (
    id             bigserial    PRIMARY KEY,
    dossier_id     bigint       NOT NULL REFERENCES dossier (id),
    leg_no         integer      NOT NULL,
    asking_agency_id varchar(60) NOT NULL,
    agency_id      varchar(60)  NOT NULL,                     -- the consulted agency
    question       text         NOT NULL,
    requested_at   timestamptz  NOT NULL,
    due_at         timestamptz  NOT NULL,
    answered_at    timestamptz,
    answered_by    varchar(100),
    opinion        text,
    overdue_notified_at timestamptz
);
CREATE INDEX ix_consultation_dossier ON consultation (dossier_id, leg_no);
