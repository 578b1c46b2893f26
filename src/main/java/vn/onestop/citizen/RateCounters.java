package vn.onestop.citizen;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in PostgreSQL ({@code onestop.rate_counter}): every OneStop node sharing the
 * database sees the same counts, so a client cannot multiply its allowance by the number of nodes.
 * Each call is its own auto-committed statement (callers are not transactional), so a refused
 * request still counts.
 */
@Component
public class RateCounters {

  /** How long old windows are kept before they are deleted. */
  static final Duration KEEP = Duration.ofDays(1);

  private final JdbcTemplate jdbc;
  private final AtomicLong lastCleanup = new AtomicLong();

  public RateCounters(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The state of one key's current window. */
  public record Window(int hits, Instant resetsAt) {
    public long retryAfterSeconds(Instant now) {
      return Math.max(1, Duration.between(now, resetsAt).toSeconds() + 1);
    }
  }

  /** Counts one hit and returns the window including it. */
  public Window hit(String scope, String key, Duration window, Instant now) {
    Instant start = windowStart(now, window);
    Integer hits = jdbc.queryForObject("""
        insert into onestop.rate_counter (scope, key, window_start, hits) values (?, ?, ?, 1)
        on conflict (scope, key, window_start) do update set hits = rate_counter.hits + 1
        returning hits""", Integer.class, scope, key, Timestamp.from(start));
    cleanup(now);
    return new Window(hits == null ? 1 : hits, start.plus(window));
  }

  /** The current window without counting. */
  public Window peek(String scope, String key, Duration window, Instant now) {
    Instant start = windowStart(now, window);
    Integer hits = jdbc.query("select hits from onestop.rate_counter where scope = ? and key = ? and window_start = ?",
        rs -> rs.next() ? rs.getInt(1) : 0, scope, key, Timestamp.from(start));
    return new Window(hits == null ? 0 : hits, start.plus(window));
  }

  static Instant windowStart(Instant now, Duration window) {
    long size = window.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
  }

  /** At most once a minute per node: drop windows older than {@link #KEEP}. */
  private void cleanup(Instant now) {
    long last = lastCleanup.get();
    if (now.toEpochMilli() - last > 60_000 && lastCleanup.compareAndSet(last, now.toEpochMilli())) {
      jdbc.update("delete from onestop.rate_counter where window_start < ?", Timestamp.from(now.minus(KEEP)));
    }
  }
}
