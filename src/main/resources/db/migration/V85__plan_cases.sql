-- The plan's tasks as work (issue 20): one row per (plan task, lead agency), kept current by the
-- plan-task process (plan.PlanCases) in the engine's transaction. Read by GET /api/plan/tasks and the
-- periodic reports; the plan itself (task text, deadline, product, indicator) stays in plan/<year>.yaml.
CREATE TABLE onestop.plan_case (
    plan_year        integer      NOT NULL,
    task_id          varchar(20)  NOT NULL,                  -- row of the appendix: I.1, II.4, …
    agency_id        varchar(60)  NOT NULL,                  -- the lead agency (cơ quan chủ trì)
    process_instance_id varchar(64),
    -- ASSIGNED, IN_PROGRESS, SUBMITTED, ACCEPTED
    status           varchar(15)  NOT NULL,
    deadline_at      timestamptz  NOT NULL,
    assigned_at      timestamptz  NOT NULL,
    started_at       timestamptz,
    submitted_at     timestamptz,
    accepted_at      timestamptz,
    accepted_by      varchar(100),
    product_note     text,
    reminded_at      timestamptz,
    overdue          boolean      NOT NULL DEFAULT false,    -- not submitted by the deadline (stays true)
    CONSTRAINT pk_plan_case PRIMARY KEY (plan_year, task_id, agency_id),
    CONSTRAINT ck_plan_case_status CHECK (status IN ('ASSIGNED', 'IN_PROGRESS', 'SUBMITTED', 'ACCEPTED'))
);
CREATE INDEX ix_plan_case_process ON onestop.plan_case (process_instance_id);
