-- The citizen side (issue 8): throttling counters shared by every node, and feedback / petitions
-- (phản ánh, kiến nghị — Decree 20/2008, amended 48/2013).

-- Fixed-window counters in PostgreSQL, so several OneStop nodes share one limit:
--   PORTAL       requests of a portal client (key = client id) to the online-submission API
--   LOOKUP_IP    failed status look-ups from one client address
--   LOOKUP_CODE  failed status look-ups of one dossier code (stops guessing one citizen's secret)
--   FEEDBACK_IP  feedback submitted from one client address
CREATE TABLE rate_counter (
    scope          varchar(20)  NOT NULL,
    key            varchar(200) NOT NULL,
    window_start   timestamptz  NOT NULL,
    hits           integer      NOT NULL,
    CONSTRAINT pk_rate_counter PRIMARY KEY (scope, key, window_start)
);
CREATE INDEX ix_rate_counter_window ON rate_counter (window_start);

-- One feedback or petition and its handling; the process feedback.bpmn keeps it current.
CREATE TABLE feedback (
    id               bigserial    PRIMARY KEY,
    code             varchar(30)  UNIQUE,                  -- PAKN-<id>, given at reception
    process_instance_id varchar(64),
    kind             varchar(12)  NOT NULL,                -- REGULATION (quy định hành chính) / BEHAVIOUR (hành vi)
    agency_id        varchar(60)  NOT NULL,                -- agency it is addressed to / now handled by
    received_by      varchar(60)  NOT NULL,                -- agency that received it first
    channel          varchar(10)  NOT NULL,                -- WEB / API / DESK
    sender_name      text         NOT NULL,
    sender_address   text,
    sender_phone     varchar(20),
    sender_email     varchar(200),
    subject          text         NOT NULL,
    content          text         NOT NULL,
    dossier_code     varchar(40),                          -- the dossier it is about, if any
    -- RECEIVED, REJECTED, FORWARDED, IN_PROGRESS, ANSWERED, PUBLISHED
    status           varchar(15)  NOT NULL,
    received_at      timestamptz  NOT NULL,
    classify_due_at  timestamptz  NOT NULL,                -- reject within 2 working days
    forward_due_at   timestamptz  NOT NULL,                -- forward outside competence within 5 working days
    answer_due_at    timestamptz,                          -- answer within 15 working days
    publish_due_at   timestamptz,                          -- publish within 2 working days of the answer
    rejected_reason  text,
    forwarded_from   varchar(60),
    forwarded_at     timestamptz,
    accepted_at      timestamptz,
    answer           text,
    answered_at      timestamptz,
    answered_by      varchar(100),
    overdue          boolean      NOT NULL DEFAULT false,  -- the answer missed its legal time (stays true)
    escalated_at     timestamptz,
    head_instruction text,
    published        boolean      NOT NULL DEFAULT false,
    published_at     timestamptz,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT ck_feedback_kind CHECK (kind IN ('REGULATION', 'BEHAVIOUR'))
);
CREATE INDEX ix_feedback_published ON feedback (published_at) WHERE published;
CREATE INDEX ix_feedback_process ON feedback (process_instance_id);
