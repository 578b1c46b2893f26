package vn.onestop.evaluation;

import vn.onestop.report.ReportPeriod;

/**
 * The query of the evaluation and index endpoints, bound from {@code ?agency=…&period=…}: the agency
 * (optional: everything the caller may see) and the period ({@code 2025}, {@code 2025-Q2},
 * {@code 2025-03}, or {@code from}/{@code to} dates).
 */
public record PeriodQuery(String agency, String period, String from, String to) {

  ReportPeriod reportPeriod() {
    return ReportPeriod.parse(period, from, to);
  }
}
