-- The dossier register (sổ theo dõi hồ sơ): one row per dossier, kept current by the process in the
-- same transaction as each step. Reports and look-ups read these tables, never process variables.
-- Instants are timestamptz (UTC); the working calendar reasons in Asia/Ho_Chi_Minh.

CREATE TABLE dossier (
    id                   bigserial    PRIMARY KEY,
    -- mã số hồ sơ (Circular 01/2018 Art. 19): issued when the dossier is accepted; business key from then on
    code                 varchar(40)  UNIQUE,
    process_instance_id  varchar(64),
    procedure_code       varchar(20)  NOT NULL,
    procedure_version    varchar(20)  NOT NULL,
    procedure_name       text         NOT NULL,
    field                varchar(120) NOT NULL,               -- lĩnh vực
    level                varchar(10)  NOT NULL,               -- PROVINCE / DISTRICT / COMMUNE
    interlinked          boolean      NOT NULL DEFAULT false, -- liên thông
    receiving_agency_id  varchar(60)  NOT NULL,               -- the one-stop department that received it
    handling_agency_id   varchar(60),                         -- lead handling agency
    channel              varchar(10)  NOT NULL,               -- DESK / ONLINE / POST (national codes 1, 2, 3)
    online_level         varchar(15),                         -- FULL_PROCESS / PARTIAL for online dossiers
    portal_dossier_id    varchar(100) UNIQUE,                 -- the portal's own id: idempotency of online submission
    applicant_name       text         NOT NULL,
    applicant_id_number  varchar(20),                         -- CCCD / mã số doanh nghiệp
    applicant_phone      varchar(20),
    applicant_email      varchar(200),
    applicant_address    text,
    -- REGISTERED, SUPPLEMENT_REQUESTED, NOT_ACCEPTED, REFUSED, ACCEPTED, IN_PROGRESS, AWAITING_FEE,
    -- FINISHED (result ready), RETURNED, WITHDRAWN, STOPPED
    status               varchar(25)  NOT NULL,
    outcome              varchar(20),                         -- RESULT / REFUSED / NOT_ACCEPTED / WITHDRAWN / STOPPED
    resolution_days      numeric(6,2) NOT NULL,               -- legal time of the procedure version, working days
    supplement_clock     varchar(10)  NOT NULL DEFAULT 'RESTART', -- RESTART (Art. 19.4) or PAUSE
    submitted_at         timestamptz  NOT NULL,               -- arrived at the desk / from the portal
    received_at          timestamptz,                         -- accepted as complete (form 01)
    clock_started_at     timestamptz,                         -- last (re)start of the resolution clock
    original_due_at      timestamptz,                         -- appointment printed on form 01
    due_at               timestamptz,                         -- current appointment (moves on restart or apology)
    finished_at          timestamptz,                         -- result ready (processing finished)
    returned_at          timestamptz,                         -- result handed to the applicant
    late                 boolean      NOT NULL DEFAULT false, -- missed the appointment in force (stays true)
    late_leg             varchar(60),                         -- agency whose leg made it late
    apology_required     boolean      NOT NULL DEFAULT false,
    apology_at           timestamptz,                         -- form 04 issued
    explanation_required boolean      NOT NULL DEFAULT false,
    explanation_at       timestamptz,                         -- báo cáo giải trình done
    supplement_count     integer      NOT NULL DEFAULT 0,
    refusal_reason       text,
    fee_amount           numeric(14,0),
    fee_paid             boolean      NOT NULL DEFAULT false,
    fee_paid_online      boolean      NOT NULL DEFAULT false,
    fee_transaction_ref  varchar(100),
    fee_paid_at          timestamptz,
    digitised            boolean      NOT NULL DEFAULT false, -- every component scanned / arrived digital
    digitised_at         timestamptz,
    result_electronic    boolean      NOT NULL DEFAULT false, -- result issued as an electronic document
    reused_documents     integer      NOT NULL DEFAULT 0,     -- components taken from the applicant's data store
    rating               varchar(20),                         -- VERY_SATISFIED / SATISFIED / NOT_SATISFIED
    rating_comment       text,
    rated_at             timestamptz,
    rated_by             varchar(10),                         -- CLERK / CITIZEN
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT ck_dossier_channel CHECK (channel IN ('DESK', 'ONLINE', 'POST')),
    CONSTRAINT ck_dossier_rating CHECK (rating IS NULL OR rating IN ('VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED'))
);

CREATE INDEX ix_dossier_process ON dossier (process_instance_id);
CREATE INDEX ix_dossier_applicant ON dossier (applicant_id_number);

-- Each leg of the handling (one for a single-window dossier, several for liên thông).
CREATE TABLE dossier_leg (
    dossier_id     bigint       NOT NULL REFERENCES dossier (id),
    leg_no         integer      NOT NULL,
    agency_id      varchar(60)  NOT NULL,
    task           text,
    budget_days    numeric(6,2) NOT NULL,
    started_at     timestamptz,
    due_at         timestamptz,
    finished_at    timestamptz,
    outcome        varchar(20),                               -- RESULT / SUPPLEMENT / REFUSED
    late           boolean      NOT NULL DEFAULT false,
    CONSTRAINT pk_dossier_leg PRIMARY KEY (dossier_id, leg_no)
);

-- Every hand-over and step, for the process-control slip (form 05, Decree 61/2018 Art. 19.5b):
-- sender, receiver, time, time allowed, early / on time / late.
CREATE TABLE dossier_event (
    id             bigserial    PRIMARY KEY,
    dossier_id     bigint       NOT NULL REFERENCES dossier (id),
    at             timestamptz  NOT NULL,
    kind           varchar(30)  NOT NULL,
    leg_no         integer,
    from_agency_id varchar(60),
    to_agency_id   varchar(60),
    actor          varchar(100),                              -- user who did it
    due_at         timestamptz,                               -- time allowed for the step just finished
    timeliness     varchar(10),                               -- EARLY / ON_TIME / LATE
    note           text
);
CREATE INDEX ix_dossier_event_dossier ON dossier_event (dossier_id, at);

-- Supplement requests (form 02): what was missing, once and completely, and when it came back.
CREATE TABLE supplement_request (
    id             bigserial    PRIMARY KEY,
    dossier_id     bigint       NOT NULL REFERENCES dossier (id),
    stage          varchar(12)  NOT NULL,                     -- RECEPTION / HANDLING
    agency_id      varchar(60)  NOT NULL,
    requested_at   timestamptz  NOT NULL,
    requested_by   varchar(100),
    missing        text         NOT NULL,
    completed_at   timestamptz
);
CREATE INDEX ix_supplement_dossier ON supplement_request (dossier_id);

-- Apologies and new appointments (form 04, Art. 19.9) and written explanations (báo cáo giải trình).
CREATE TABLE apology (
    id             bigserial    PRIMARY KEY,
    dossier_id     bigint       NOT NULL UNIQUE REFERENCES dossier (id), -- only one new appointment is allowed
    agency_id      varchar(60)  NOT NULL,
    leg_no         integer,
    reason         text         NOT NULL,
    previous_due_at timestamptz NOT NULL,
    new_due_at     timestamptz  NOT NULL,
    issued_at      timestamptz  NOT NULL,
    issued_by      varchar(100)
);

CREATE TABLE explanation (
    id             bigserial    PRIMARY KEY,
    dossier_id     bigint       NOT NULL REFERENCES dossier (id),
    agency_id      varchar(60)  NOT NULL,
    leg_no         integer,
    text           text         NOT NULL,
    written_at     timestamptz  NOT NULL,
    written_by     varchar(100)
);
CREATE INDEX ix_explanation_dossier ON explanation (dossier_id);
