-- Periodic reports (issue 20): the figures of a closed period, stored the first time its report is made
-- after the period ended, so the report of a closed period is the same on any later day (a late apology,
-- a rating or a correction in the register does not change a report already sent upward). One row per
-- period, cut-off day and scope (the caller's agencies); written and read only by report.periodic.
CREATE TABLE onestop.periodic_report_snapshot (
    period        varchar(10)  NOT NULL,                 -- 2025-Q3, 2025-H1, 2025
    cut_off_day   integer      NOT NULL,                 -- ngày chốt số liệu the period was cut at
    scope_key     varchar(64)  NOT NULL,                 -- ALL, or sha-256 of the sorted agency ids
    agency_id     varchar(60),                           -- the agency asked for, if one
    period_from   date         NOT NULL,
    period_to     date         NOT NULL,
    figures       jsonb        NOT NULL,                 -- report.periodic.PeriodicReport
    taken_at      timestamptz  NOT NULL,
    CONSTRAINT pk_periodic_report_snapshot PRIMARY KEY (period, cut_off_day, scope_key)
);
