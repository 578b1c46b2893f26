package vn.onestop.calendar;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the working calendar (lịch làm việc), keys {@code onestop.calendar.*}. Every key has a
 * default here, so the calendar works with no configuration file at all.
 *
 * @param sessions          working sessions (buổi làm việc) of a working day, in local time, ascending
 *                          and not overlapping; default 07:00–11:30 and 13:30–17:00 (usual civil-service
 *                          hours, DOMAIN.md §5 [S]). One working day of deadline arithmetic is their total
 *                          length (8 h by default), half a day half of it
 * @param transferCutOff    the cut-off for same-day transfer of a paper dossier (Decree 61/2018 Art. 18.2:
 *                          "tiếp nhận sau 15 giờ"); default 15:00
 * @param transferNextDayBy when a dossier received after the cut-off must have been transferred on the next
 *                          working day; default the end of the first (morning) session, 11:30 — see
 *                          {@link WorkingCalendar#transferDeadline}
 * @param weeklyRestDays    weekly rest days (ngày nghỉ hằng tuần, Labour Code 2019 Art. 111); default
 *                          Saturday and Sunday
 * @param decisionFiles     where the yearly official decisions are, a Spring resource pattern; default
 *                          {@code classpath*:calendar/*.yaml}
 * @param maxWorkingDays    the largest budget the public {@code /api/calendar/due} endpoint accepts; default 3650
 */
@ConfigurationProperties(prefix = "onestop.calendar")
public record CalendarProperties(
    List<Session> sessions,
    LocalTime transferCutOff,
    LocalTime transferNextDayBy,
    Set<DayOfWeek> weeklyRestDays,
    String decisionFiles,
    BigDecimal maxWorkingDays) {

  /** A working session (buổi làm việc), {@code start} inclusive, {@code end} exclusive. */
  public record Session(LocalTime start, LocalTime end) {

    public Session {
      if (start == null || end == null || !start.isBefore(end)) {
        throw new IllegalArgumentException(
            "onestop.calendar.sessions: a session needs start < end, was " + start + "–" + end);
      }
    }

    public Duration length() {
      return Duration.between(start, end);
    }
  }

  public CalendarProperties {
    sessions = sessions == null || sessions.isEmpty()
        ? List.of(new Session(LocalTime.of(7, 0), LocalTime.of(11, 30)),
                  new Session(LocalTime.of(13, 30), LocalTime.of(17, 0)))
        : sorted(sessions);
    transferCutOff = transferCutOff == null ? LocalTime.of(15, 0) : transferCutOff;
    transferNextDayBy = transferNextDayBy == null ? sessions.get(0).end() : transferNextDayBy;
    weeklyRestDays = weeklyRestDays == null || weeklyRestDays.isEmpty()
        ? Set.copyOf(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))
        : Set.copyOf(weeklyRestDays);
    if (weeklyRestDays.size() == 7) {
      throw new IllegalArgumentException("onestop.calendar.weekly-rest-days: a week needs at least one working day");
    }
    decisionFiles = decisionFiles == null || decisionFiles.isBlank() ? "classpath*:calendar/*.yaml" : decisionFiles;
    maxWorkingDays = maxWorkingDays == null ? BigDecimal.valueOf(3650) : maxWorkingDays;
  }

  /** All defaults: what the calendar uses when nothing is configured. */
  public static CalendarProperties defaults() {
    return new CalendarProperties(null, null, null, null, null, null);
  }

  /** Length of one working day: the sessions' total. */
  public Duration workingDay() {
    return sessions.stream().map(Session::length).reduce(Duration.ZERO, Duration::plus);
  }

  private static List<Session> sorted(List<Session> sessions) {
    List<Session> list = new ArrayList<>(sessions);
    list.sort(Comparator.comparing(Session::start));
    for (int i = 1; i < list.size(); i++) {
      if (list.get(i).start().isBefore(list.get(i - 1).end())) {
        throw new IllegalArgumentException("onestop.calendar.sessions: sessions overlap: "
            + list.get(i - 1).start() + "–" + list.get(i - 1).end() + " and " + list.get(i).start() + "–" + list.get(i).end());
      }
    }
    return List.copyOf(list);
  }
}
