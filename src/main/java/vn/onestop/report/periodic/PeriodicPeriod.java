package vn.onestop.report.periodic;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.onestop.report.ReportPeriod;
import vn.onestop.web.ApiException;

/**
 * The period of a periodic report (kỳ báo cáo định kỳ): a quarter ({@code 2025-Q3}), a half-year
 * ({@code 2025-H1}, {@code 2025-H2}) or a year ({@code 2025}), cut at the cut-off day (ngày chốt số liệu).
 * With cut-off day 15 (many provinces, LAW-2025.md §5) a period starts on the 15th of the month before
 * its first month and ends on the 14th of its last month: 2025-Q3 is 15/06/2025–14/09/2025 and the year
 * 2025 is 15/12/2024–14/12/2025; with cut-off day 1 the periods are calendar quarters, halves and years.
 *
 * @param kind    QUARTER, HALF or YEAR
 * @param title   the period as a report names it ("quý III năm 2025", "6 tháng đầu năm 2025", "năm 2025")
 */
public record PeriodicPeriod(String label, String kind, int year, String title, int cutOffDay, ReportPeriod period) {

  private static final Pattern SYNTAX = Pattern.compile("(\\d{4})(?:-(Q[1-4]|H[12]))?");
  private static final String[] ROMAN = {"I", "II", "III", "IV"};

  /** Parses {@code label}; a malformed one is a 400 naming the syntax, in Vietnamese. */
  public static PeriodicPeriod parse(String label, int cutOffDay) {
    Matcher m = label == null ? null : SYNTAX.matcher(label.trim().toUpperCase(java.util.Locale.ROOT));
    if (m == null || !m.matches()) {
      throw ApiException.badRequest("period", "Kỳ báo cáo '" + label + "' không hợp lệ: dùng quý (2025-Q3), sáu tháng"
          + " (2025-H1 hoặc 2025-H2) hoặc năm (2025)");
    }
    int year = Integer.parseInt(m.group(1));
    if (year < 2000 || year > 2100) {
      throw ApiException.badRequest("period", "Năm " + year + " nằm ngoài khoảng báo cáo được (2000–2100)");
    }
    String part = m.group(2);
    int firstMonth;
    int months;
    String kind;
    String title;
    if (part == null) {
      firstMonth = 1;
      months = 12;
      kind = "YEAR";
      title = "năm " + year;
    } else if (part.startsWith("Q")) {
      int q = part.charAt(1) - '0';
      firstMonth = 3 * q - 2;
      months = 3;
      kind = "QUARTER";
      title = "quý " + ROMAN[q - 1] + " năm " + year;
    } else {
      int h = part.charAt(1) - '0';
      firstMonth = h == 1 ? 1 : 7;
      months = 6;
      kind = "HALF";
      title = (h == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
    }
    LocalDate first = LocalDate.of(year, firstMonth, 1);
    LocalDate from;
    LocalDate to;
    if (cutOffDay <= 1) {
      from = first;
      to = first.plusMonths(months).minusDays(1);
    } else {
      from = first.minusMonths(1).withDayOfMonth(cutOffDay);
      to = first.plusMonths(months - 1L).withDayOfMonth(cutOffDay - 1);
    }
    String normalised = year + (part == null ? "" : "-" + part);
    return new PeriodicPeriod(normalised, kind, year, title, cutOffDay, new ReportPeriod(from, to, normalised));
  }
}
