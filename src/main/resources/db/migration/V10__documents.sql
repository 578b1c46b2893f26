-- Documents of dossiers (issue 9): every file with its metadata, never overwritten — a correction is a
-- new version. Bytes live behind vn.onestop.document.ContentStore; the default keeps them in
-- document_blob (content-addressed by SHA-256, so a reused document costs no second copy).

CREATE TABLE document_blob (
    sha256        char(64)     PRIMARY KEY,
    size_bytes    bigint       NOT NULL,
    bytes         bytea        NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE document (
    id                  bigserial    PRIMARY KEY,
    -- a document may outlive its dossier in the applicant's data store
    dossier_id          bigint       REFERENCES dossier (id) ON DELETE SET NULL,
    dossier_code        varchar(40),                         -- null until the dossier is accepted
    component_id        varchar(60)  NOT NULL,               -- catalogue component id, or slip-01..05, result, ...
    kind                varchar(20)  NOT NULL,               -- COMPONENT / OPINION / SLIP / RESULT / CERTIFIED_COPY
    origin              varchar(20)  NOT NULL,               -- ORIGINAL_SCAN / COPY_SCAN / CERTIFIED_ECOPY / REUSED / ELECTRONIC
    version             integer      NOT NULL,
    title               text,
    file_name           text         NOT NULL,
    content_type        varchar(100) NOT NULL,
    size_bytes          bigint       NOT NULL,
    sha256              char(64)     NOT NULL,
    storage_key         text         NOT NULL,               -- where ContentStore keeps the bytes
    applicant_id_number varchar(20),
    valid_until         date,                                -- null = no expiry
    reused_from         bigint       REFERENCES document (id),
    added_by            varchar(100) NOT NULL,
    added_at            timestamptz  NOT NULL DEFAULT now(),
    integrity_failed_at timestamptz,                         -- last time its checksum did not match on read
    CONSTRAINT ck_document_kind CHECK (kind IN ('COMPONENT', 'OPINION', 'SLIP', 'RESULT', 'CERTIFIED_COPY')),
    CONSTRAINT ck_document_origin CHECK (origin IN ('ORIGINAL_SCAN', 'COPY_SCAN', 'CERTIFIED_ECOPY', 'REUSED', 'ELECTRONIC')),
    CONSTRAINT uq_document_version UNIQUE (dossier_id, component_id, kind, version)
);
CREATE INDEX ix_document_dossier ON document (dossier_id, component_id, kind);
CREATE INDEX ix_document_applicant ON document (applicant_id_number);

-- The applicant's electronic data store (kho dữ liệu điện tử của tổ chức, cá nhân; Decree 45/2020):
-- results, certified e-copies and digitised papers filed under the identity number.
CREATE TABLE applicant_document (
    id_number      varchar(20)  NOT NULL,
    document_id    bigint       NOT NULL REFERENCES document (id),
    category       varchar(20)  NOT NULL,                    -- RESULT / CERTIFIED_ECOPY / DIGITISED
    filed_at       timestamptz  NOT NULL DEFAULT now(),
    filed_by       varchar(100) NOT NULL,
    CONSTRAINT pk_applicant_document PRIMARY KEY (id_number, document_id),
    CONSTRAINT ck_applicant_document_category CHECK (category IN ('RESULT', 'CERTIFIED_ECOPY', 'DIGITISED'))
);

-- Each reuse of a data-store document for a dossier component (counted in dossier.reused_documents).
CREATE TABLE document_reuse (
    id                 bigserial    PRIMARY KEY,
    dossier_id         bigint       NOT NULL REFERENCES dossier (id),
    component_id       varchar(60)  NOT NULL,
    source_document_id bigint       NOT NULL REFERENCES document (id),
    document_id        bigint       NOT NULL REFERENCES document (id),
    reused_by          varchar(100) NOT NULL,
    reused_at          timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_document_reuse UNIQUE (dossier_id, component_id, source_document_id)
);
