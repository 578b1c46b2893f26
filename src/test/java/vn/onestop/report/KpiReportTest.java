package vn.onestop.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.catalog.Organisation;

/**
 * Every KPI on the hand-built March 2019 data set of {@link ReportFixture#march2019()} (nhan-co):
 *
 * <pre>
 * received in March: D1 D2 D3 D4 D5 D6 D7 D8 D10 = 9 (D9 came in February)
 * resolved in March (RESULT/REFUSED): D1 D2 D3 D4 D5 D9 = 6 (D6 withdrawn, D10 finished in April)
 *   early D1 D3 D9 = 3, on time D2 (at the due instant) = 1, late D4 D5 = 2 → on-time 4/6 = 66.67 %
 *   late with apology D4 = 1/2 = 50 %, with explanation D4 = 1/2 = 50 %
 *   results (RESULT) D1 D2 D3 D4 D9 = 5, electronic D1 D3 = 2 → 40 %
 *   rated D1 D2 D3 D4 D9 = 5, satisfied D1 D2 D4 D9 = 4 → 80 %
 *   land D2 D3 → 1/2 = 50 %; construction D4 → 1/1; investment D9 → 1/1
 *   working days 2.25+5+3+6+12+7 = 35.25 / 6 = 5.875 → 5.88
 * online D2 D3 D8 D10 = 4/9 = 44.44 %; digitised D1 D2 D4 D6 D8 D10 = 6/9 = 66.67 %
 * supplement D3 = 1/9 = 11.11 %; fee paid D1 D2 D10 = 3, online D2 D10 = 2 → 66.67 %
 * in progress at 1/4 00:00: D7 D8 D10 = 3; overdue D7 = 1; withdrawn D6 = 1
 * </pre>
 */
@OneStopSpringTest
class KpiReportTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired KpiReportService reports;
  @Autowired Organisation organisation;
  ReportFixture fixture;

  @BeforeEach
  void data() {
    fixture = new ReportFixture(jdbc);
    fixture.clean();
    fixture.march2019();
  }

  @AfterEach
  void clean() {
    fixture.clean();
  }

  private KpiReport march(String agency, KpiReportService.GroupBy groupBy) {
    ReportFilter filter = ReportFilter.all().withAgencies(organisation.subtree(agency));
    return reports.report(ReportPeriod.parse("2019-03", null, null), agency, filter, groupBy);
  }

  @Test
  void countsOfTheMonth() {
    KpiReport.Row total = march("nhan-co", KpiReportService.GroupBy.NONE).total();
    assertThat(total.counts()).containsEntry("received", 9L).containsEntry("resolved", 6L)
        .containsEntry("early", 3L).containsEntry("onTime", 1L).containsEntry("late", 2L)
        .containsEntry("withdrawn", 1L).containsEntry("inProgress", 3L).containsEntry("overdue", 1L)
        .containsEntry("timed", 6L);
  }

  @Test
  void everyKpi() {
    KpiReport report = march("nhan-co", KpiReportService.GroupBy.NONE);
    KpiReport.Row t = report.total();
    assertThat(report.targetYear()).isEqualTo(2019);
    value(t, Kpi.ON_TIME_RATE, "66.67", 6, "95", "NOT_MET");
    value(t, Kpi.LATE_WITH_APOLOGY, "50.00", 2, "100", "NOT_MET");
    value(t, Kpi.LATE_WITH_EXPLANATION, "50.00", 2, "100", "NOT_MET");
    value(t, Kpi.SATISFACTION, "80.00", 5, "90", "NOT_MET");
    value(t, Kpi.SATISFACTION_LAND, "50.00", 2, "85", "NOT_MET");
    value(t, Kpi.SATISFACTION_CONSTRUCTION, "100.00", 1, "85", "MET");
    value(t, Kpi.SATISFACTION_INVESTMENT, "100.00", 1, "85", "MET");
    value(t, Kpi.ONLINE_SHARE, "44.44", 9, "50", "NOT_MET");
    value(t, Kpi.FEE_ONLINE_SHARE, "66.67", 3, "50", "MET");
    value(t, Kpi.DIGITISED_SHARE, "66.67", 9, "100", "NOT_MET");
    value(t, Kpi.ELECTRONIC_RESULT_SHARE, "40.00", 5, "100", "NOT_MET");
    value(t, Kpi.SUPPLEMENT_RATE, "11.11", 9, null, "NO_TARGET");
    value(t, Kpi.AVERAGE_RESOLUTION_DAYS, "5.88", 6, null, "NO_TARGET");
  }

  @Test
  void resolvedExactlyAtTheDueInstantIsOnTime() {
    ReportFilter filter = new ReportFilter(organisation.subtree("nhan-co"), null, "Đất đai", null, "ONLINE");
    KpiReport r = reports.report(ReportPeriod.parse(null, "2019-03-11", "2019-03-11"), "nhan-co", filter,
        KpiReportService.GroupBy.NONE);
    // Only D2 finished on 11/3 (at 17:00 sharp, its due instant).
    assertThat(r.total().counts()).containsEntry("resolved", 1L).containsEntry("onTime", 1L)
        .containsEntry("early", 0L).containsEntry("late", 0L);
    value(r.total(), Kpi.ON_TIME_RATE, "100.00", 1, "95", "MET");
  }

  @Test
  void withdrawnAndRestartedDossiers() {
    ReportFilter filter = ReportFilter.all().withAgencies(organisation.subtree("nhan-co"));
    // 8/3 only: D6 was withdrawn that day (not resolved); D3's first appointment was 8/3 but its clock restarted.
    KpiReport day = reports.report(ReportPeriod.parse(null, "2019-03-08", "2019-03-08"), "nhan-co", filter,
        KpiReportService.GroupBy.NONE);
    assertThat(day.total().counts()).containsEntry("resolved", 0L).containsEntry("withdrawn", 1L)
        .containsEntry("late", 0L);
    assertThat(day.total().kpi(Kpi.ON_TIME_RATE).status()).isEqualTo("NO_DATA");
    KpiReport restarted = reports.report(ReportPeriod.parse(null, "2019-03-15", "2019-03-15"), "nhan-co", filter,
        KpiReportService.GroupBy.NONE);
    assertThat(restarted.total().counts()).containsEntry("resolved", 1L).containsEntry("early", 1L)
        .containsEntry("late", 0L).containsEntry("withSupplement", 0L);
  }

  @Test
  void agencyRowsRollUpTheSubtree() {
    KpiReport r = march("dakrlap", KpiReportService.GroupBy.AGENCY);
    KpiReport.Row nhanCo = r.rows().stream().filter(x -> x.key().equals("nhan-co")).findFirst().orElseThrow();
    KpiReport.Row kienDuc = r.rows().stream().filter(x -> x.key().equals("kien-duc")).findFirst().orElseThrow();
    assertThat(nhanCo.counts()).containsEntry("resolved", 6L);
    assertThat(kienDuc.counts()).containsEntry("resolved", 1L).containsEntry("late", 1L);
    assertThat(r.total().counts().get("resolved")).isGreaterThanOrEqualTo(7L);
  }

  @Test
  void fieldAndMonthBreakdowns() {
    KpiReport byField = march("nhan-co", KpiReportService.GroupBy.FIELD);
    KpiReport.Row land = byField.rows().stream().filter(x -> x.key().equals("Đất đai")).findFirst().orElseThrow();
    assertThat(land.counts()).containsEntry("received", 2L).containsEntry("resolved", 2L);
    ReportFilter filter = ReportFilter.all().withAgencies(organisation.subtree("nhan-co"));
    KpiReport byMonth = reports.report(ReportPeriod.parse("2019-Q1", null, null), "nhan-co", filter,
        KpiReportService.GroupBy.MONTH);
    assertThat(byMonth.rows()).extracting(KpiReport.Row::key).containsExactly("2019-01", "2019-02", "2019-03");
    assertThat(byMonth.rows().get(1).counts()).containsEntry("received", 1L).containsEntry("inProgress", 1L);
    assertThat(byMonth.total().counts()).containsEntry("received", 10L).containsEntry("resolved", 6L)
        .containsEntry("inProgress", 3L);
  }

  @Test
  void monthlySummaryFollowsEveryChangeOfTheRegister() {
    sameAsRows();
    // D7 finishes late at the end of March, D1 moves to another agency, D2's rating changes, D9 goes.
    jdbc.update("UPDATE onestop.dossier SET finished_at = ?, outcome = 'RESULT', status = 'RETURNED', late = true,"
        + " resolution_working_days = 4 WHERE code = 'RPTT-D7'", java.sql.Timestamp.from(ReportFixture.at("2019-03-29T10:00")));
    jdbc.update("UPDATE onestop.dossier SET handling_agency_id = 'kien-duc' WHERE code = 'RPTT-D1'");
    jdbc.update("UPDATE onestop.dossier SET rating = 'NOT_SATISFIED', status = 'RATED' WHERE code = 'RPTT-D2'");
    jdbc.update("DELETE FROM onestop.dossier WHERE code = 'RPTT-D9'");
    sameAsRows();
    KpiReport.Row t = march("nhan-co", KpiReportService.GroupBy.NONE).total();
    // resolved: D2 D3 D4 D5 D7; late D4 D5 D7; satisfied D4 of rated D2 D3 D4.
    assertThat(t.counts()).containsEntry("resolved", 5L).containsEntry("late", 3L).containsEntry("inProgress", 2L)
        .containsEntry("overdue", 0L).containsEntry("received", 8L);
    value(t, Kpi.SATISFACTION, "33.33", 3, "90", "NOT_MET");
  }

  @Autowired RegisterQueries queries;
  @Autowired PlanTargets targets;

  /** The monthly summary (V21) and the register rows give the same counts, per agency and field. */
  private void sameAsRows() {
    ReportPeriod march = ReportPeriod.parse("2019-03", null, null);
    ReportFilter filter = ReportFilter.all().withAgencies(organisation.subtree("dakrlap"));
    var fromSummary = queries.tally(march, march.end(), filter, RegisterQueries.Dimension.FIELD, targets.satisfactionFields());
    var fromRows = queries.tallyRows(march.start(), march.end(), march.end(), filter, RegisterQueries.Dimension.FIELD,
        targets.satisfactionFields());
    assertThat(flatten(fromSummary)).isEqualTo(flatten(fromRows));
  }

  private static java.util.Map<String, String> flatten(java.util.List<RegisterQueries.Group> groups) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    RegisterQueries.sumBy(groups, g -> g.agencyId() + "|" + g.key()).forEach((k, t) -> {
      boolean empty = t.asMap().values().stream().allMatch(v -> v == 0) && t.workingDays().signum() == 0;
      if (!empty) {
        out.put(k, t.asMap() + " wd=" + t.workingDays().stripTrailingZeros().toPlainString());
      }
    });
    return out;
  }

  private static void value(KpiReport.Row row, Kpi kpi, String value, long denominator, String target, String status) {
    KpiValue v = row.kpi(kpi);
    assertThat(v.value()).as(kpi.name()).isEqualByComparingTo(new BigDecimal(value));
    assertThat(v.denominator()).as(kpi + " denominator").isEqualTo(denominator);
    if (target == null) {
      assertThat(v.target()).as(kpi + " target").isNull();
    } else {
      assertThat(v.target()).as(kpi + " target").isEqualByComparingTo(new BigDecimal(target));
    }
    assertThat(v.status()).as(kpi + " status").isEqualTo(status);
  }
}
