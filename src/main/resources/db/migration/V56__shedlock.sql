-- Cluster-wide locks of scheduled jobs (ShedLock's JDBC table): a job annotated @SchedulerLock runs
-- on one node per cluster at a time; the lock's times are the database's (usingDbTime), so the
-- clocks of the nodes do not matter. See vn.onestop.platform.SchedulerLockConfiguration.
CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
);
