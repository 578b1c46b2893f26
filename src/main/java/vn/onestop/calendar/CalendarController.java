package vn.onestop.calendar;

import vn.onestop.process.EngineTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.web.ApiException;

/**
 * Public, read-only look-ups on the working calendar (lịch làm việc), for the portal and for citizens
 * checking a promised date. No login needed.
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  /** An unencoded '+' in a query string arrives as a space: "2026-02-16T09:00:00 07:00". */
  private static final Pattern SPACE_FOR_PLUS = Pattern.compile("(.*T[0-9:.]+) ([0-9]{2}(:?[0-9]{2})?)$");

  private final WorkingCalendar calendar;

  public CalendarController(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /** {@code GET /api/calendar/days/2026-02-17} → {@code {"date":"2026-02-17","working":false,"reason":"..."}}. */
  @GetMapping("/days/{date}")
  public DayResponse day(@PathVariable("date") String date) {
    LocalDate parsed;
    try {
      parsed = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("date", "'" + date + "' is not a date yyyy-MM-dd, e.g. 2026-02-17");
    }
    DayInfo info;
    try {
      info = calendar.day(parsed);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("date", e.getMessage());
    }
    return new DayResponse(info.date().toString(), info.working(), info.reason());
  }

  /**
   * {@code GET /api/calendar/due?from=2026-02-13T09:00:00+07:00&workingDays=3} → the deadline, with
   * offset +07:00. {@code from} must carry an offset ({@code Z} or {@code +07:00}); a '+' sent unencoded
   * (read as a space) is accepted.
   */
  @GetMapping("/due")
  public DueResponse due(@RequestParam("from") String from, @RequestParam("workingDays") String workingDays) {
    OffsetDateTime start = parseFrom(from);
    BigDecimal days = parseWorkingDays(workingDays);
    try {
      OffsetDateTime dueAt = calendar.addWorkingDays(start.toInstant(), days).atZone(EngineTime.ZONE).toOffsetDateTime();
      return new DueResponse(start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), days,
          dueAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("from", e.getMessage());
    }
  }

  private static OffsetDateTime parseFrom(String from) {
    String text = from.strip();
    var m = SPACE_FOR_PLUS.matcher(text);
    if (m.matches()) {
      text = m.group(1) + "+" + m.group(2);
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("from", "'" + from
          + "' is not an ISO-8601 date-time with offset, e.g. 2026-02-16T09:00:00+07:00 (encode '+' as %2B)");
    }
  }

  private BigDecimal parseWorkingDays(String workingDays) {
    BigDecimal days;
    try {
      days = new BigDecimal(workingDays.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("workingDays", "'" + workingDays + "' is not a number of working days, e.g. 0.5, 1, 12");
    }
    BigDecimal max = calendar.properties().maxWorkingDays();
    if (days.signum() < 0 || days.compareTo(max) > 0) {
      throw ApiException.badRequest("workingDays", "workingDays must be between 0 and " + max.toPlainString() + ", was " + workingDays);
    }
    days = days.stripTrailingZeros();
    if (days.scale() > 4) {
      throw ApiException.badRequest("workingDays", "workingDays takes at most 4 decimals, was " + workingDays);
    }
    return days.scale() < 0 ? days.setScale(0) : days;
  }

  /** A day of the calendar. */
  public record DayResponse(String date, boolean working, String reason) {}

  /** A deadline: {@code dueAt} in +07:00. */
  public record DueResponse(String from, BigDecimal workingDays, String dueAt) {}
}
