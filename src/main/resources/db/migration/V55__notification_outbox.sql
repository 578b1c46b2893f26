-- Notifications to applicants (e-mail, SMS) as durable work (issue 19 §4): one row per notice and
-- channel, written when the notice is raised and delivered by vn.onestop.notify.NotificationOutbox on
-- any node (FOR UPDATE SKIP LOCKED shares the rows between nodes), retried with growing delays, and
-- left in state FAILED - visible to the operator - when it keeps failing. Nothing is dropped when the
-- mail server is down.
CREATE TABLE notification_outbox (
    id              bigserial    PRIMARY KEY,
    channel         varchar(16)  NOT NULL,
    kind            varchar(64)  NOT NULL,
    dossier_code    varchar(64),
    payload         text         NOT NULL,
    state           varchar(8)   NOT NULL DEFAULT 'PENDING',
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    last_error      varchar(1000),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT ck_notification_outbox_state CHECK (state IN ('PENDING', 'SENT', 'FAILED'))
);

CREATE INDEX ix_notification_outbox_due ON notification_outbox (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX ix_notification_outbox_failed ON notification_outbox (created_at) WHERE state = 'FAILED';

COMMENT ON TABLE notification_outbox IS 'E-mail and SMS notices waiting for delivery, delivered, or failed after every retry';
