-- Issue 16: what a portal sent under its dossier id, so that the same id with a different request is
-- refused (409) instead of silently answering with the first dossier. One row per online dossier,
-- written in the submission's transaction; dossiers submitted before this table have no row.
CREATE TABLE portal_submission (
    portal_dossier_id varchar(100) NOT NULL,
    dossier_id        bigint       NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    client_id         varchar(100),
    fingerprint       char(64)     NOT NULL,                 -- SHA-256 (hex) of the fields and the files
    created_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_portal_submission PRIMARY KEY (portal_dossier_id)
);

COMMENT ON TABLE portal_submission IS 'Fingerprint of each online submission, for idempotency by portal dossier id (issue 16)';
