-- Review and simplification of administrative procedures (rà soát, đánh giá TTHC; plan 2025 appendix II.4,
-- issue 21). procedure-review.bpmn keeps these rows current in the engine's transaction.

-- The yearly review plan (kế hoạch rà soát): its deadline and reminder lead for every assignment.
CREATE TABLE review_plan (
    year             integer      PRIMARY KEY,
    title            text         NOT NULL,
    due_date         date         NOT NULL,             -- last day to approve the reviews (hạn hoàn thành)
    reminder_days    numeric(5,1) NOT NULL DEFAULT 5,   -- working days before the deadline a reminder goes out
    created_at       timestamptz  NOT NULL DEFAULT now()
);

-- One procedure assigned to one agency in a plan, and everything that happened to it.
CREATE TABLE procedure_review (
    id                        bigserial    PRIMARY KEY,
    plan_year                 integer      NOT NULL REFERENCES review_plan (year),
    agency_id                 varchar(60)  NOT NULL,
    procedure_code            varchar(20)  NOT NULL,
    procedure_version         varchar(20)  NOT NULL,    -- the version reviewed (in force when assigned)
    procedure_kind            varchar(10)  NOT NULL,    -- PUBLIC / INTERNAL (TTHC nội bộ)
    process_instance_id       varchar(64),
    reason                    text,
    -- ASSIGNED, REVIEWED, APPROVED (no proposal), PROPOSED, ACCEPTED (published), REJECTED
    status                    varchar(12)  NOT NULL,
    due_at                    timestamptz  NOT NULL,
    reminder_at               timestamptz  NOT NULL,
    reminded_at               timestamptz,
    overdue                   boolean      NOT NULL DEFAULT false,
    findings                  text,                    -- JSON: element → necessity / reasonableness / legality / remark
    conclusion                text,
    reviewed_by               varchar(64),
    reviewed_at               timestamptz,
    approved_by               varchar(64),
    approved_at               timestamptz,
    simplify                  boolean      NOT NULL DEFAULT false,
    proposal_summary          text,
    proposed_days             numeric(6,2),
    removed_documents         text,                    -- comma-separated component ids
    optional_documents        text,
    proposed_fee              numeric(14,0),
    competent_level           varchar(10),             -- PROVINCE / MINISTRY
    cost_before               numeric(16,0),           -- VND per dossier
    cost_after                numeric(16,0),
    dossiers_per_year         integer,                 -- from the register, last 12 months
    yearly_cost_before        numeric(18,0),
    yearly_cost_after         numeric(18,0),
    decision                  varchar(10),             -- ACCEPTED / REJECTED
    decision_note             text,
    decided_by                varchar(64),
    decided_at                timestamptz,
    effective_from            date,
    published_version         varchar(20),
    created_at                timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX ix_procedure_review_plan ON procedure_review (plan_year, agency_id);
CREATE INDEX ix_procedure_review_code ON procedure_review (procedure_code);

-- Versions published from accepted reviews: re-applied to the catalogue at every start-up, in order.
CREATE TABLE published_procedure_version (
    procedure_code     varchar(20)  NOT NULL,
    version            varchar(20)  NOT NULL,
    base_version       varchar(20)  NOT NULL,
    effective_from     date         NOT NULL,
    review_id          bigint       NOT NULL REFERENCES procedure_review (id),
    published_at       timestamptz  NOT NULL,
    CONSTRAINT pk_published_procedure_version PRIMARY KEY (procedure_code, version)
);
