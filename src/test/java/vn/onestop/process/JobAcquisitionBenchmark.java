package vn.onestop.process;

import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/**
 * The job executor's acquisition statement against the size of the job table (issue 18.3; a benchmark, not part
 * of the suite: it runs only with {@code -Donestop.bench.acquisition=true}, see docs/benchmarks.md, "Job
 * acquisition"). About five timer jobs wait per open dossier, so 500,000 jobs is 100,000 open dossiers.
 *
 * <p>For each size, in one transaction that is rolled back: that many timer jobs (a given number due, 100 of them
 * locked by a running node, the rest due over the next month), {@code ANALYZE}, then the engine's own statement
 * {@code selectNextJobsToExecute} (rendered by the engine's MyBatis mapping, 40 jobs per acquisition) prepared
 * as PostgreSQL keeps it after a few calls (generic plan), run 15 times: as the engine shipped it (a due date may be
 * null, no order, the engine's indexes only), with {@code ensure-job-due-date-not-null} and
 * {@code job-executor-acquire-by-due-date} and the due-date index alone, and with both indexes of
 * {@code db/engine/job-acquisition.sql}. Prints the median per variant.
 */
@OneStopSpringTest
@EnabledIfSystemProperty(named = "onestop.bench.acquisition", matches = "true")
class JobAcquisitionBenchmark {

  static final int[][] SIZES = {{5_000, 1_000}, {50_000, 10_000}, {500_000, 10_000}, {5_000, 0}, {50_000, 0}, {500_000, 0}};

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void acquisitionAgainstTheSizeOfTheJobTable() {
    String[][] variants = {
        {"as shipped (null due dates, no order)", "false", "drop index act_idx_job_acquisition; drop index act_idx_job_locked"},
        {"by due date, due-date index only", "true", "drop index act_idx_job_locked"},
        {"by due date, both indexes (OneStop)", "true", ""}};
    for (int[] size : SIZES) {
      jdbc.execute((java.sql.Connection c) -> {
        c.setAutoCommit(false);
        try (var st = c.createStatement()) {
          st.execute("insert into act_ru_job (id_, rev_, type_, retries_, suspension_state_, exclusive_, duedate_,"
              + " process_instance_id_, handler_type_, priority_, sequence_counter_, lock_owner_, lock_exp_time_)"
              + " select 'bench-' || g, 1, 'timer', 3, 1, true, case when g <= " + size[1] + " then localtimestamp - interval '1 second'"
              + " else localtimestamp + interval '1 hour' * (1 + g % 720) end, 'bench-instance-' || g, 'timer-transition', 0, 1,"
              + " case when g <= 100 then 'bench-node' end, case when g <= 100 then localtimestamp + interval '5 minutes' end"
              + " from generate_series(1, " + size[0] + ") g");
          st.execute("analyze act_ru_job");
          for (String[] variant : variants) {
            st.execute("savepoint variant");
            for (String ddl : variant[2].split(";")) {
              if (!ddl.isBlank()) {
                st.execute(ddl);
              }
            }
            st.execute("set local plan_cache_mode = force_generic_plan");
            st.execute("prepare acquisition(timestamp, timestamp, timestamp, int, int) as " + AcquisitionStatement.of(engine, Boolean.parseBoolean(variant[1])).numbered());
            long[] nanos = new long[15];
            for (int i = 0; i < nanos.length; i++) {
              long start = System.nanoTime();
              try (ResultSet rs = st.executeQuery("execute acquisition(localtimestamp, localtimestamp, localtimestamp, 40, 0)")) {
                while (rs.next()) {
                  // read the rows as the engine does
                }
              }
              nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "ACQUISITION %,9d jobs | %,6d due | %-40s | median %7.2f ms%n", size[0], size[1], variant[0],
                nanos[nanos.length / 2] / 1e6);
            st.execute("deallocate acquisition");
            st.execute("rollback to savepoint variant");
          }
        } finally {
          c.rollback();
        }
        return null;
      });
    }
  }
}
