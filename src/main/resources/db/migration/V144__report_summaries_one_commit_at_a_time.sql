-- The monthly summaries (onestop.report_month, V21; onestop.index766_month, V122) are kept by row triggers deferred
-- to the commit (V141): each queued change of a dossier upserts the summary rows it moves, in the order of the
-- changes - for one change the Decision 766 rows (old flags, new flags) before the report's row. Two transactions
-- could therefore lock the same summary rows in opposite orders and deadlock at their commits: one changing a dossier
-- twice (its first change locks the report's row of the month, its second the 766 row of its new flags), the other
-- changing a dossier that already has those flags (it locks that 766 row, then waits for the report's row).
-- Reproduced step by step in report.SummaryTriggersTest; most likely the deadlock (PostgreSQL's 40P01, a 500 on a
-- clerk's completion) seen once in the lifecycle benchmark with four clerks.
--
-- Now the first summary change of a transaction takes one transaction-level advisory lock, held until its commit
-- ends: the summaries are updated by one committing transaction at a time, so no two can wait for each other's
-- rows. What was already serialised is not made slower: the summary rows of a month and agency were already locked
-- by each committing transaction in turn; transactions of different agencies now also take turns, for the few
-- upserts of their commit. A transaction that changes no counted column (V143: a running dossier marked late, a
-- new appointment) takes no lock. (advisory lock key 766, 21: used nowhere else.)
CREATE OR REPLACE FUNCTION onestop.report_month_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(766, 21);
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM onestop.report_month_apply(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM onestop.report_month_apply(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION onestop.index766_month_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(766, 21);
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM onestop.index766_month_apply(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM onestop.index766_month_apply(NEW, 1);
    END IF;
    RETURN NULL;
END $$;
