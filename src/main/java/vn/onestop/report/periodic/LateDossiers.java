package vn.onestop.report.periodic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;
import vn.onestop.report.ReportPeriod;

/**
 * The late dossiers of a period with their apology (thư xin lỗi, form 04, Decree 61/2018 Art. 19.9) and
 * written explanation (báo cáo giải trình, plan 2025 II.6): resolved late in the period, or still running
 * past their appointment at {@code asOf}. Reads the register ({@code dossier}, {@code apology},
 * {@code explanation}); writes nothing.
 */
@Repository
public class LateDossiers {

  /** The first {@code limit} late dossiers, oldest appointment first, and how many there are. */
  public record Page(List<PeriodicReport.LateDossier> dossiers, int total) {}

  private final JdbcTemplate jdbc;
  private final Organisation organisation;

  public LateDossiers(JdbcTemplate jdbc, Organisation organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  public Page list(ReportPeriod period, Instant asOf, Collection<String> agencyIds, int limit) {
    Timestamp start = Timestamp.from(period.start());
    Timestamp end = Timestamp.from(period.end());
    Timestamp at = Timestamp.from(asOf);
    List<Object> args = new ArrayList<>(List.of(start, end, end, end, at));
    String where = """
         WHERE ((d.late AND d.finished_at >= ? AND d.finished_at < ? AND d.outcome IN ('RESULT', 'REFUSED'))
             OR (d.received_at < ? AND (d.finished_at IS NULL OR d.finished_at >= ?) AND d.due_at < ?
                 AND coalesce(d.outcome, 'RESULT') IN ('RESULT', 'REFUSED')))""";
    if (agencyIds != null) {
      where += " AND d.responsible_agency_id = ANY (?)";
      args.add(agencyIds.toArray(String[]::new));
    }
    int total = jdbc.queryForObject("SELECT count(*) FROM onestop.dossier d " + where, Integer.class, args.toArray());
    List<PeriodicReport.LateDossier> out = jdbc.query("""
        SELECT d.code, d.procedure_name, d.responsible_agency_id, d.received_at, d.due_at, d.finished_at,
               a.issued_at AS apology_at, a.reason AS apology_reason,
               (SELECT max(e.written_at) FROM onestop.explanation e WHERE e.dossier_id = d.id) AS explanation_at,
               (SELECT string_agg(e.text, ' / ' ORDER BY e.written_at) FROM onestop.explanation e
                 WHERE e.dossier_id = d.id) AS explanation
          FROM onestop.dossier d LEFT JOIN onestop.apology a ON a.dossier_id = d.id""" + " " + where
        + " ORDER BY d.due_at, d.code LIMIT " + Math.max(1, limit), (rs, n) -> row(rs), args.toArray());
    return new Page(out, total);
  }

  private PeriodicReport.LateDossier row(ResultSet rs) throws SQLException {
    String agencyId = rs.getString("responsible_agency_id");
    return new PeriodicReport.LateDossier(rs.getString("code"), rs.getString("procedure_name"),
        organisation.find(agencyId).map(Agency::name).orElse(agencyId), instant(rs, "received_at"), instant(rs, "due_at"),
        instant(rs, "finished_at"), instant(rs, "apology_at"), rs.getString("apology_reason"), instant(rs, "explanation_at"),
        rs.getString("explanation"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
