-- Issue 18.3: room for the engine's runtime rows to be updated in place (docs/architecture.md, "Updates in place";
-- measured in docs/benchmarks.md, "Room for updates in place"). Run by process.EngineQueryTuning at every start,
-- after the engine has created or updated its schema. Idempotent; a table's existing pages keep their layout until
-- they are rewritten, new pages leave the room.
--
-- PostgreSQL updates a row in place (a "HOT" update: no new entry in any of the table's indexes, nothing for vacuum
-- to clean in them) only when no indexed column changes and the row's page has room for the new version. The
-- engine's runtime tables are filled page after page and their rows updated several times while they live: a
-- variable whose value changes (a dossier marked late at its deadline, the clerk's form values), an execution that
-- moves on. With full pages every one of those updates wrote a new entry in each of the table's indexes - nine on
-- ACT_RU_VARIABLE - and left dead ones for vacuum. Measured at 2,000 deadline timers: 6 of 1,953 updates of the
-- variable `late` in place without this script, 1,963 of 1,963 with it; the statement's time halved. The tables hold only what is
-- running (their rows go when an instance or task ends), so a fifth of each page left free costs little space.
ALTER TABLE public.act_ru_variable SET (fillfactor = 80);
ALTER TABLE public.act_ru_execution SET (fillfactor = 80);
ALTER TABLE public.act_ru_task SET (fillfactor = 80);
