package vn.onestop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For tests that make two transactions meet in a given order: waits until a PostgreSQL connection is waiting for a
 * lock — the one with a backend id, or the one running a statement that matches a regular expression — and fails if
 * the work that should be waiting ended first (its outcome is then what the test sees in the assertion).
 */
public final class LockWaits {

  private LockWaits() {
  }

  /** Until the connection with this backend id ({@code pg_backend_pid()}) waits for a lock. */
  public static void ofBackend(JdbcTemplate jdbc, int pid, Future<?> work) throws Exception {
    until(jdbc, "pid = ?", pid, work);
  }

  /** Until a connection running a statement that matches {@code regex} waits for a lock. */
  public static void ofStatement(JdbcTemplate jdbc, String regex, Future<?> work) throws Exception {
    until(jdbc, "query ~ ?", regex, work);
  }

  private static void until(JdbcTemplate jdbc, String which, Object value, Future<?> work) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!work.isDone() && System.nanoTime() < deadline) {
      Integer waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and "
          + which, Integer.class, value);
      if (waiting != null && waiting > 0) {
        return;
      }
      Thread.sleep(20);
    }
    assertThat(work.isDone()).as("the work waits for a lock (%s %s); it ended: %s", which, value,
        work.isDone() ? outcome(work) : "").isFalse();
  }

  private static String outcome(Future<?> work) {
    try {
      return String.valueOf(work.get());
    } catch (Exception e) {
      return e.toString();
    }
  }
}
