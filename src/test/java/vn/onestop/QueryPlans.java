package vn.onestop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * The plan PostgreSQL gives a statement when it may not read a whole table: a test's tables are small, so the
 * planner would read them whole anyway; forbidding it shows whether an index can answer the statement at all.
 * Planned in a transaction that is rolled back.
 */
public final class QueryPlans {

  private QueryPlans() {}

  /** {@code EXPLAIN} of the statement with its parameters, sequential scans switched off, as text. */
  public static String withoutSequentialScan(JdbcTemplate jdbc, String sql, PreparedStatementSetter parameters) {
    return jdbc.execute((Connection c) -> {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (Statement st = c.createStatement()) {
          st.execute("SET LOCAL enable_seqscan = off");
        }
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
          parameters.setValues(ps);
          StringBuilder plan = new StringBuilder();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              plan.append(rs.getString(1)).append('\n');
            }
          }
          return plan.toString();
        }
      } finally {
        c.rollback();
        c.setAutoCommit(autoCommit);
      }
    });
  }
}
