package vn.onestop.report;

import vn.onestop.process.EngineTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.web.ApiException;

/**
 * A reporting period of whole days in Asia/Ho_Chi_Minh, {@code from} and {@code to} inclusive: a year
 * ({@code 2025}), a quarter ({@code 2025-Q2}), a month ({@code 2025-03}) or a custom range.
 */
public record ReportPeriod(LocalDate from, LocalDate to, String label) {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

  public ReportPeriod {
    if (to.isBefore(from)) {
      throw ApiException.badRequest("to", "Period ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /** {@code period} ({@code 2025}, {@code 2025-Q2}, {@code 2025-03}) or {@code from}/{@code to} (ISO dates). */
  public static ReportPeriod parse(String period, String from, String to) {
    if (period != null && !period.isBlank()) {
      Matcher m;
      if ((m = YEAR.matcher(period)).matches()) {
        int y = Integer.parseInt(m.group(1));
        return new ReportPeriod(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), period);
      }
      if ((m = QUARTER.matcher(period)).matches()) {
        int y = Integer.parseInt(m.group(1));
        int q = Integer.parseInt(m.group(2));
        LocalDate start = LocalDate.of(y, 3 * q - 2, 1);
        return new ReportPeriod(start, start.plusMonths(3).minusDays(1), period);
      }
      if ((m = MONTH.matcher(period)).matches()) {
        int month = Integer.parseInt(m.group(2));
        if (month >= 1 && month <= 12) {
          YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
          return new ReportPeriod(ym.atDay(1), ym.atEndOfMonth(), period);
        }
      }
      throw ApiException.badRequest("period", "'" + period + "' is not a period: use 2025, 2025-Q2 or 2025-03, or from/to dates");
    }
    if (from == null || to == null) {
      throw ApiException.badRequest(from == null ? "from" : "to",
          "Give a period (2025, 2025-Q2, 2025-03) or both from and to (yyyy-MM-dd)");
    }
    LocalDate f = date("from", from);
    LocalDate t = date("to", to);
    return new ReportPeriod(f, t, f + "…" + t);
  }

  private static LocalDate date(String name, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name, "'" + value + "' is not a date (yyyy-MM-dd)");
    }
  }

  /** First instant of the period. */
  public Instant start() {
    return from.atStartOfDay(EngineTime.ZONE).toInstant();
  }

  /** First instant after the period. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(EngineTime.ZONE).toInstant();
  }

  /** The year whose targets apply: the year the period ends in. */
  public int targetYear() {
    return to.getYear();
  }

  /** The months (or parts of months) of the period, for a month-by-month series. */
  public List<ReportPeriod> months() {
    List<ReportPeriod> out = new ArrayList<>();
    LocalDate cursor = from;
    while (!cursor.isAfter(to)) {
      YearMonth ym = YearMonth.from(cursor);
      LocalDate end = ym.atEndOfMonth().isAfter(to) ? to : ym.atEndOfMonth();
      out.add(new ReportPeriod(cursor, end, ym.toString()));
      cursor = end.plusDays(1);
    }
    return out;
  }

  /** The quarters (or parts of quarters) of the period. */
  public List<ReportPeriod> quarters() {
    List<ReportPeriod> out = new ArrayList<>();
    LocalDate cursor = from;
    while (!cursor.isAfter(to)) {
      int q = (cursor.getMonthValue() - 1) / 3 + 1;
      LocalDate qEnd = LocalDate.of(cursor.getYear(), 3 * q, 1).plusMonths(1).minusDays(1);
      LocalDate end = qEnd.isAfter(to) ? to : qEnd;
      out.add(new ReportPeriod(cursor, end, cursor.getYear() + "-Q" + q));
      cursor = end.plusDays(1);
    }
    return out;
  }
}
