-- Issue 18.1: the clerk's Tasklist queries at tens of thousands of open dossiers (docs/architecture.md,
-- "Tasklist at 100,000 open dossiers"; measured in docs/benchmarks.md). Camunda's ACT_* tables live in
-- schema public and are created by the engine AFTER Flyway has run on a new database (Flyway ran 86 s
-- before ACT_GE_SCHEMA_LOG's first entry in the benchmark database), so this is not a Flyway
-- migration: process.EngineQueryTuning runs it once the engine has created or updated its schema, at
-- every start. Every statement is idempotent.
--
-- 1. The task query joins "the caller's authorization rows" (USER_ID_ in (user, '*') OR GROUP_ID_ in
--    (her groups)). The engine indexes GROUP_ID_ but not USER_ID_, so PostgreSQL cannot combine two
--    index scans for the OR and reads the whole table - every dossier's ~14 rows - on every query.
CREATE INDEX IF NOT EXISTS act_idx_auth_user_id ON public.act_ru_authorization (user_id_);
-- 2. The same subquery filters on bit masks (PERMS_ & 2 = 2: READ; PERMS_ & 64 = 64: READ_TASK), for
--    which PostgreSQL has no statistics and guesses 0.5 % each: it then expects ONE authorization row
--    for the clerk and nests loops over all tasks (quadratic). Statistics on the two expressions give
--    it the real share.
CREATE STATISTICS IF NOT EXISTS public.act_stat_auth_perms_read ON (perms_ & 2) FROM public.act_ru_authorization;
CREATE STATISTICS IF NOT EXISTS public.act_stat_auth_perms_read_task ON (perms_ & 64) FROM public.act_ru_authorization;
-- 3. Fill the statistics now (a sample of 30,000 rows: about a second at 100,000 open dossiers).
ANALYZE public.act_ru_authorization;
