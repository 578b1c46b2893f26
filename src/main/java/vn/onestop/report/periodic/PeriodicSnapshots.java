package vn.onestop.report.periodic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stored figures of closed periods ({@code onestop.periodic_report_snapshot}, V120): the first report
 * of a period made after it ended is kept, and every later one is rendered from it. Two nodes making the
 * first report at once both insert; the first row wins and both return it.
 */
@Repository
public class PeriodicSnapshots {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public PeriodicSnapshots(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The stored report of the period for the scope, if any. */
  public Optional<PeriodicReport> find(PeriodicPeriod period, Collection<String> agencyIds) {
    List<String> rows = jdbc.queryForList("SELECT figures::text FROM onestop.periodic_report_snapshot"
        + " WHERE period = ? AND cut_off_day = ? AND scope_key = ?", String.class, period.label(), period.cutOffDay(),
        scopeKey(agencyIds));
    return rows.stream().findFirst().map(this::read);
  }

  /** Stores {@code report} unless a report of the period and scope is stored already; returns the stored one. */
  public PeriodicReport keep(PeriodicPeriod period, Collection<String> agencyIds, PeriodicReport report) {
    try {
      jdbc.update("INSERT INTO onestop.periodic_report_snapshot (period, cut_off_day, scope_key, agency_id, period_from,"
              + " period_to, figures, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING",
          period.label(), period.cutOffDay(), scopeKey(agencyIds), report.agencyId(), period.period().from(),
          period.period().to(), json.writeValueAsString(report), Timestamp.from(report.snapshotAt()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the figures of period " + period.label() + ": " + e.getMessage(), e);
    }
    return find(period, agencyIds).orElseThrow();
  }

  static String scopeKey(Collection<String> agencyIds) {
    if (agencyIds == null) {
      return "ALL";
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(String.join(",", new TreeSet<>(agencyIds)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private PeriodicReport read(String figures) {
    try {
      return json.readValue(figures, PeriodicReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored figures of a periodic report cannot be read: " + e.getMessage(), e);
    }
  }
}
