-- Daily sequence of dossier codes (mã số hồ sơ, Circular 01/2018 Art. 19): one row per receiving
-- agency and receipt date. The row lock taken by the upsert serialises issuers across application
-- nodes, and a rolled-back transaction rolls its number back, so the sequence has no gaps.
CREATE TABLE dossier_code_counter (
    agency_code  varchar(40) NOT NULL,
    receipt_date date        NOT NULL,
    last_seq     integer     NOT NULL,
    CONSTRAINT pk_dossier_code_counter PRIMARY KEY (agency_code, receipt_date),
    CONSTRAINT ck_dossier_code_counter_range CHECK (last_seq BETWEEN 1 AND 9999)
);

COMMENT ON TABLE dossier_code_counter IS 'Last dossier sequence number issued per agency and receipt date (Circular 01/2018 Art. 19)';
