package vn.onestop.platform;

import com.zaxxer.hikari.HikariConfig;

/**
 * How the connection pool behaves while PostgreSQL is unreachable (issue 19 §2): fail fast instead
 * of making a clerk wait, and come back by itself. The same figures are set for the {@code postgres}
 * profile in {@code application-postgres.yaml}; {@code docs/operations.md} explains them.
 *
 * <ul>
 *   <li>{@code connectionTimeout} 3 s: a request that needs a connection while the database is down
 *       waits at most this long, then gets 503 ({@link DatabaseOutageResolver}); Hikari's default
 *       of 30 s made requests hang.</li>
 *   <li>JDBC {@code connectTimeout} 3 s and {@code socketTimeout} 300 s: a TCP connect to a host
 *       that does not answer, and a half-open connection on a dead network, end instead of blocking
 *       a thread for ever; 300 s is far above OneStop's longest statement (a report refresh).</li>
 * </ul>
 * Hikari retires broken connections and opens new ones as soon as the server accepts them again,
 * so nothing needs a restart; the engine's job executor retries acquisition on its own.
 */
public final class DatabaseOutagePolicy {

  public static final long CONNECTION_TIMEOUT_MS = 3_000;
  public static final long VALIDATION_TIMEOUT_MS = 2_000;
  public static final int CONNECT_TIMEOUT_S = 3;
  public static final int SOCKET_TIMEOUT_S = 300;

  private DatabaseOutagePolicy() {}

  public static void apply(HikariConfig config) {
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    config.setValidationTimeout(VALIDATION_TIMEOUT_MS);
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_S));
    config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_S));
  }
}
