package vn.onestop.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Whether PostgreSQL answers right now, probed every second by one daemon thread (a connection from
 * the pool and {@code isValid}). While it does not, {@link DatabaseOutageFilter} answers requests with
 * 503 at once instead of letting each one wait for the pool's timeout; the first successful probe
 * after the database returns opens the gate again, without a restart.
 *
 * <p>Not a {@code @Scheduled} job: it must run on every node and keep running while the scheduler's
 * own work is failing.
 */
public class DatabaseAvailability implements InitializingBean, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);

  private final DataSource dataSource;
  private final long periodMillis;
  private final AtomicBoolean up = new AtomicBoolean(true);
  private volatile long downSince;
  private ScheduledExecutorService probe;

  public DatabaseAvailability(DataSource dataSource, long periodMillis) {
    this.dataSource = dataSource;
    this.periodMillis = periodMillis;
  }

  public boolean isUp() {
    return up.get();
  }

  /** Checks now; called by the probe thread, and by error handlers that just saw a connection fail. */
  public boolean check() {
    boolean ok;
    try (Connection c = dataSource.getConnection()) {
      ok = c.isValid(2);
    } catch (SQLException | RuntimeException e) {
      ok = false;
    }
    if (ok && !up.getAndSet(true)) {
      LOG.warn("Database is back after {} ms: serving requests again", System.currentTimeMillis() - downSince);
    } else if (!ok && up.getAndSet(false)) {
      downSince = System.currentTimeMillis();
      LOG.error("Database unreachable: answering 503 until it is back (see docs/operations.md, 'Database outage')");
    }
    return ok;
  }

  /** Marks the database down at once (a request just failed to get a connection). */
  public void reportFailure() {
    if (up.getAndSet(false)) {
      downSince = System.currentTimeMillis();
      LOG.error("Database unreachable: answering 503 until it is back (see docs/operations.md, 'Database outage')");
    }
  }

  @Override
  public void afterPropertiesSet() {
    probe = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "onestop-db-probe");
      t.setDaemon(true);
      return t;
    });
    probe.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void destroy() {
    if (probe != null) {
      probe.shutdownNow();
    }
  }

  /** HikariCP's message for a call on a connection it has already closed because the connection broke. */
  static final String CLOSED_BY_POOL = "Connection is closed";

  /** Whether a failure was caused by the database being unreachable (not by a bad statement). */
  public static boolean isConnectionFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
          || t instanceof org.springframework.transaction.CannotCreateTransactionException
          || t instanceof java.net.ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true; // connection exception; admin shutdown / cannot connect now
      }
      if (t instanceof SQLException sql && sql.getSQLState() == null && CLOSED_BY_POOL.equals(sql.getMessage())) {
        return true; // HikariCP closed the broken connection under a running transaction (commit/rollback on it)
      }
    }
    return false;
  }
}
