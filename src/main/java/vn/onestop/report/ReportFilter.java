package vn.onestop.report;

import java.util.Set;

/**
 * Which dossiers a report looks at, besides the period.
 *
 * @param agencyIds responsible agencies (an agency and its subtree), or {@code null} for the whole register
 * @param level     PROVINCE / DISTRICT / COMMUNE, or {@code null}
 * @param field     lĩnh vực as written in the register, or {@code null}
 * @param procedure procedure code, or {@code null}
 * @param channel   DESK / ONLINE / POST, or {@code null}
 */
public record ReportFilter(Set<String> agencyIds, String level, String field, String procedure, String channel) {

  public static ReportFilter all() {
    return new ReportFilter(null, null, null, null, null);
  }

  public ReportFilter withAgencies(Set<String> ids) {
    return new ReportFilter(ids, level, field, procedure, channel);
  }
}
