package vn.onestop.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The KPI report: the total of the supervisor's selection and one row per group.
 *
 * @param agency   the agency whose subtree is reported, or {@code null} for the whole province
 * @param groupBy  AGENCY, LEVEL, FIELD, PROCEDURE, CHANNEL, MONTH, QUARTER or NONE
 * @param asOf     the instant "in progress" and "overdue" are counted at
 */
public record KpiReport(LocalDate from, LocalDate to, String period, int targetYear, String agency, String groupBy,
    Instant asOf, Instant generatedAt, Row total, List<Row> rows) {

  /** One group: its key (agency id, field, month…), a label for people, counts and KPIs. */
  public record Row(String key, String label, Map<String, Long> counts, List<KpiValue> kpis) {

    public KpiValue kpi(Kpi kpi) {
      return kpis.stream().filter(k -> k.kpi() == kpi).findFirst().orElseThrow();
    }
  }
}
