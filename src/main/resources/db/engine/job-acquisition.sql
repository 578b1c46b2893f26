-- Issue 18.3: the job executor's acquisition at tens of thousands of open dossiers (docs/architecture.md,
-- "Job acquisition that does not grow"; measured in docs/benchmarks.md, "Job acquisition against the size of the job table").
-- Run by process.EngineQueryTuning after the engine has created or updated its schema, at every start (not a
-- Flyway migration: on a new database Flyway runs before the engine creates its ACT_* tables). Idempotent.
--
-- Every open dossier keeps about five timer jobs (the deadlines of its steps, the apology, the lateness). The
-- engine's acquisition query ("selectNextJobsToExecute") has no index to use: PostgreSQL read the whole of
-- ACT_RU_JOB on every acquisition - 21-29 ms a call at 10,000 open dossiers, half of the database's time while
-- 10,000 timers fired, and a full read every few seconds on an idle node. With the engine settings
-- ensure-job-due-date-not-null (every job has a due date, so the query drops its "DUEDATE_ is null or" branch)
-- and job-executor-acquire-by-due-date (it orders by DUEDATE_) the query walks this index from the most overdue
-- job and stops at the 40 it takes; the jobs not yet due are never read. Jobs that failed for good (no retries
-- left) or are suspended are outside the index, as the query never takes them.
CREATE INDEX IF NOT EXISTS act_idx_job_acquisition ON public.act_ru_job (duedate_)
  WHERE retries_ > 0 AND suspension_state_ = 1;
-- The same statement skips a job whose process instance already has an exclusive job running somewhere ("not
-- exists ... LOCK_OWNER_ is not null and LOCK_EXP_TIME_ >= now"). PostgreSQL answers that part once per call as a
-- hashed set of the locked jobs, which it read from the whole table; the jobs being run at a moment (a few dozen per
-- node) are all this index holds.
CREATE INDEX IF NOT EXISTS act_idx_job_locked ON public.act_ru_job (lock_exp_time_)
  WHERE lock_owner_ IS NOT NULL;
-- A job created without a due date (by a node that ran before ensure-job-due-date-not-null, e.g. during a rolling
-- upgrade) would never be acquired again: it is due since it was created. REV_ moves on so that an engine holding
-- the old row fails its optimistic lock instead of writing the empty due date back.
UPDATE public.act_ru_job SET duedate_ = coalesce(create_time_, timestamp '2000-01-01'), rev_ = rev_ + 1
  WHERE duedate_ IS NULL;
