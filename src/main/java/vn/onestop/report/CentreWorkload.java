package vn.onestop.report;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.onestop.catalog.Organisation;

/**
 * What each one-stop department received and what it handled, counted separately (tiếp nhận không phụ thuộc
 * địa giới hành chính, Decree 118/2025 Art. 14): a centre receives dossiers of other communes, which are
 * handled - and counted as handled - where they belong. A dossier counts as received at its receiving
 * department, and as handled at the one-stop department of its competent agency, in the period of its
 * reception. Served as {@code GET /api/reports/centres?period=2025-Q3} ({@link ReportController}), in the
 * caller's supervision scope.
 */
@Repository
public class CentreWorkload {

  /**
   * One department's counts.
   *
   * @param received             dossiers it received
   * @param receivedForElsewhere of those, dossiers whose competent agency is another department's
   * @param handled              dossiers whose competent agency it serves, wherever received
   * @param handledFromElsewhere of those, dossiers received at another department
   */
  public record Row(String agencyId, String name, long received, long receivedForElsewhere, long handled,
      long handledFromElsewhere) {}

  private final JdbcTemplate jdbc;
  private final Organisation organisation;

  public CentreWorkload(JdbcTemplate jdbc, Organisation organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  /** The counts of the period for the departments among {@code agencyIds} ({@code null}: all). */
  public List<Row> count(ReportPeriod period, Set<String> agencyIds) {
    Map<String, long[]> byCentre = new LinkedHashMap<>();
    jdbc.query("""
        select receiving_agency_id, handling_agency_id, count(*) from onestop.dossier
        where received_at >= ? and received_at < ? and handling_agency_id is not null group by 1, 2 order by 1, 2""",
        rs -> {
          String receiving = rs.getString(1);
          String handlingDesk = organisation.find(rs.getString(2)).map(a -> organisation.oneStopFor(a.id()).id())
              .orElse(rs.getString(2));
          long n = rs.getLong(3);
          boolean elsewhere = !receiving.equals(handlingDesk);
          long[] r = byCentre.computeIfAbsent(receiving, k -> new long[4]);
          r[0] += n;
          r[1] += elsewhere ? n : 0;
          long[] h = byCentre.computeIfAbsent(handlingDesk, k -> new long[4]);
          h[2] += n;
          h[3] += elsewhere ? n : 0;
        }, Timestamp.from(period.start()), Timestamp.from(period.end()));
    List<Row> rows = new ArrayList<>();
    byCentre.forEach((id, c) -> {
      if (agencyIds == null || agencyIds.contains(id)) {
        rows.add(new Row(id, organisation.find(id).map(a -> a.name()).orElse(id), c[0], c[1], c[2], c[3]));
      }
    });
    return rows;
  }
}
