package vn.onestop.calendar;

import vn.onestop.process.EngineTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.onestop.calendar.CalendarProperties.Session;

/**
 * The working calendar (lịch làm việc) of state agencies, and deadline arithmetic on it.
 *
 * <p><b>Days.</b> Working days (ngày làm việc) are the days that are not a weekly rest day (ngày nghỉ
 * hằng tuần, Saturday and Sunday — Labour Code 2019 Art. 111), not a public holiday (ngày nghỉ lễ, Tết —
 * Art. 112: 1 January; Tết Nguyên đán; Hùng Kings' day, 10/3 lunar; 30 April; 1 May; 2 September and an
 * adjacent day), not a make-up day for a holiday that fell on a weekly rest day (nghỉ bù, Art. 111.3),
 * and not a day off by the year's official decision; a Saturday the decision swaps to a working day
 * (ngày làm bù) is a working day. Lunar dates come from {@link VietnameseLunarCalendar} (UTC+7); the
 * yearly decisions from {@link OfficialDecisions}. Each year is computed once and cached.
 *
 * <p><b>Hours.</b> A working day has the configured sessions (buổi làm việc; default 07:00–11:30 and
 * 13:30–17:00). Deadline arithmetic counts working time: one working day is the sessions' total (8 h),
 * half a day half of it (4 h), as provincial one-stop systems do (DOMAIN.md §5 [S]). So Monday 09:00 + 1
 * day is Tuesday 09:00, and a dossier received after hours starts the clock at the next opening: 17:01 +
 * 1 day is the next working day 17:00, the end of that day (Civil Code 2015 Art. 148: a period of days
 * ends at the end of its last day).
 *
 * <p><b>Time.</b> All instants are UTC {@link Instant}s; the calendar reasons in {@link #ZONE}
 * (+07:00, no daylight saving). Session starts are inclusive, session ends exclusive: 11:30 is outside
 * working hours, its next opening is 13:30; a deadline that uses up a session exactly ends at its end.
 */
@Component
public class WorkingCalendar {

  /** The same as {@link EngineTime#ZONE}, kept for callers outside the dossier core. */
  public static final ZoneId ZONE = EngineTime.ZONE;

  private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);
  /** How far any walk through the calendar may go: guards against a calendar with no working days. */
  private static final int MAX_DAYS_WALKED = 366 * 60;

  private final CalendarProperties properties;
  private final OfficialDecisions decisions;
  private final VietnameseLunarCalendar lunar = new VietnameseLunarCalendar();
  private final List<Session> sessions;
  private final Duration workingDay;
  private final ConcurrentMap<Integer, HolidayYear> years = new ConcurrentHashMap<>();

  /**
   * Builds the years that have a decision file at once, so that a file which contradicts the rules
   * stops start-up with its name and entry.
   */
  @Autowired
  public WorkingCalendar(CalendarProperties properties, OfficialDecisions decisions) {
    this.properties = properties;
    this.decisions = decisions;
    this.sessions = properties.sessions();
    this.workingDay = properties.workingDay();
    for (int year : decisions.years()) {
      years.put(year, HolidayYear.build(year, properties.weeklyRestDays(), lunar, decisions.forYear(year)));
    }
  }

  /** The calendar with default hours and the decision files on the classpath. */
  public WorkingCalendar() {
    this(CalendarProperties.defaults(), OfficialDecisions.from(CalendarProperties.defaults().decisionFiles()));
  }

  /** The settings in use. */
  public CalendarProperties properties() {
    return properties;
  }

  /** Length of one working day of deadline arithmetic (8 h by default). */
  public Duration workingDayLength() {
    return workingDay;
  }

  /**
   * What kind of day {@code date} is, and why.
   *
   * @throws IllegalArgumentException outside the years 1901–2198 (the lunar calendar needs the neighbouring years)
   */
  public DayInfo day(LocalDate date) {
    return year(date.getYear()).day(date);
  }

  public boolean isWorkingDay(LocalDate date) {
    return day(date).working();
  }

  /** The days off and swapped working days of a year, in date order (weekends not listed). */
  public List<DayInfo> specialDays(int year) {
    return year(year).specialDays();
  }

  /** {@code at} itself if within working hours, else the start of the next working session. */
  public Instant nextOpening(Instant at) {
    LocalDate date = localDate(at);
    for (int i = 0; i < MAX_DAYS_WALKED; i++, date = date.plusDays(1)) {
      if (!isWorkingDay(date)) {
        continue;
      }
      for (Session s : sessions) {
        Instant end = at(date, s.end());
        if (at.isBefore(end)) {
          Instant start = at(date, s.start());
          return at.isBefore(start) ? start : at;
        }
      }
    }
    throw noWorkingDays(at);
  }

  /**
   * The deadline (hạn giải quyết) {@code workingDays} working days after {@code from}: the clock starts
   * at {@link #nextOpening}, then counts working time (1 day = {@link #workingDayLength()}). Zero days
   * gives {@code nextOpening(from)}. A budget that ends exactly at a session end gives that session end
   * (17:00), not the next opening.
   *
   * @param workingDays working days, e.g. 0.5, 1, 3, 12; not negative
   */
  public Instant addWorkingDays(Instant from, BigDecimal workingDays) {
    Duration remaining = toWorkingTime(workingDays);
    if (remaining.isZero()) {
      return nextOpening(from);
    }
    Instant t = from;
    LocalDate date = localDate(from);
    for (int i = 0; i < MAX_DAYS_WALKED; i++, date = date.plusDays(1)) {
      if (!isWorkingDay(date)) {
        continue;
      }
      for (Session s : sessions) {
        Instant end = at(date, s.end());
        if (!end.isAfter(t)) {
          continue;
        }
        Instant start = max(at(date, s.start()), t);
        Duration available = Duration.between(start, end);
        if (remaining.compareTo(available) <= 0) {
          return start.plus(remaining);
        }
        remaining = remaining.minus(available);
        t = end;
      }
    }
    throw noWorkingDays(from);
  }

  /**
   * The instant {@code workingDays} of working time before {@code due}, e.g. "one working day before the
   * deadline" for an apology letter (văn bản xin lỗi) timer. Zero days gives {@code due}. A budget that
   * ends exactly at a session start gives that start (so the result is within working hours):
   * {@code subtractWorkingDays(addWorkingDays(x, d), d) == x} for every {@code x} within working hours.
   */
  public Instant subtractWorkingDays(Instant due, BigDecimal workingDays) {
    Duration remaining = toWorkingTime(workingDays);
    if (remaining.isZero()) {
      return due;
    }
    Instant t = due;
    LocalDate date = localDate(due);
    for (int i = 0; i < MAX_DAYS_WALKED; i++, date = date.minusDays(1)) {
      if (!isWorkingDay(date)) {
        continue;
      }
      for (int j = sessions.size() - 1; j >= 0; j--) {
        Session s = sessions.get(j);
        Instant start = at(date, s.start());
        if (!start.isBefore(t)) {
          continue;
        }
        Instant end = min(at(date, s.end()), t);
        Duration available = Duration.between(start, end);
        if (remaining.compareTo(available) <= 0) {
          return end.minus(remaining);
        }
        remaining = remaining.minus(available);
        t = start;
      }
    }
    throw noWorkingDays(due);
  }

  /**
   * Working time elapsed from {@code from} to {@code to}, in working days (scale 4, half-up), e.g. for
   * "resolved on time?" and average resolution time.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}: compare the instants first
   *     (an early finish is not negative working time)
   */
  public BigDecimal workingDaysBetween(Instant from, Instant to) {
    Duration worked = workingTimeBetween(from, to);
    return new BigDecimal(worked.toNanos())
        .divide(new BigDecimal(workingDay.toNanos()), 4, RoundingMode.HALF_UP);
  }

  /**
   * Working time within working sessions from {@code from} to {@code to}.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("Working time from " + from + " to an earlier " + to + " is undefined");
    }
    Duration total = Duration.ZERO;
    LocalDate last = localDate(to);
    for (LocalDate date = localDate(from); !date.isAfter(last); date = date.plusDays(1)) {
      if (!isWorkingDay(date)) {
        continue;
      }
      for (Session s : sessions) {
        Instant start = max(at(date, s.start()), from);
        Instant end = min(at(date, s.end()), to);
        if (start.isBefore(end)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  /**
   * When a paper dossier received at the one-stop desk must have been transferred to the handling unit
   * (Decree 61/2018 Art. 18.2: "chuyển ngay hồ sơ tiếp nhận trực tiếp trong ngày làm việc hoặc chuyển vào
   * đầu giờ ngày làm việc tiếp theo đối với trường hợp tiếp nhận sau 15 giờ"; DOMAIN.md §2.3):
   * <ul>
   *   <li>received on a working day not after the cut-off (15:00, also before opening): the end of that
   *       working day (17:00);</li>
   *   <li>received on a working day after the cut-off: "the start of the next working day", which we read
   *       as the end of that day's morning session (11:30, {@code onestop.calendar.transfer-next-day-by})
   *       — a deadline at the opening minute itself could never be met;</li>
   *   <li>received on a day off: as if received at the next opening, so the end of the next working day.</li>
   * </ul>
   */
  public Instant transferDeadline(Instant receivedAt) {
    return transferDeadline(receivedAt, properties.transferCutOff());
  }

  /** The same with the cut-off a dossier's rule set gives ({@code rules/<id>.yaml}, rule {@code transfer}). */
  public Instant transferDeadline(Instant receivedAt, LocalTime cutOff) {
    LocalDate date = localDate(receivedAt);
    if (!isWorkingDay(date)) {
      return at(nextWorkingDay(date), lastSessionEnd());
    }
    if (!receivedAt.atZone(ZONE).toLocalTime().isAfter(cutOff)) {
      return at(date, lastSessionEnd());
    }
    return at(nextWorkingDay(date), properties.transferNextDayBy());
  }

  /** {@code true} if the local time of {@code at} is after the 15:00 cut-off (Decree 61/2018 Art. 18.2). */
  public boolean isAfterCutOff(Instant at) {
    return at.atZone(ZONE).toLocalTime().isAfter(properties.transferCutOff());
  }

  /** The first working day after {@code date}. */
  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate d = date.plusDays(1);
    for (int i = 0; i < MAX_DAYS_WALKED; i++, d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        return d;
      }
    }
    throw new IllegalStateException("No working day after " + date);
  }

  /** The Vietnamese lunar calendar the holidays are computed with. */
  public VietnameseLunarCalendar lunarCalendar() {
    return lunar;
  }

  private HolidayYear year(int year) {
    if (year <= VietnameseLunarCalendar.MIN_YEAR || year >= VietnameseLunarCalendar.MAX_YEAR) {
      throw new IllegalArgumentException("The working calendar covers the years "
          + (VietnameseLunarCalendar.MIN_YEAR + 1) + "–" + (VietnameseLunarCalendar.MAX_YEAR - 1) + ", not " + year);
    }
    HolidayYear cached = years.get(year);
    return cached != null ? cached : years.computeIfAbsent(year, this::computeWithoutDecision);
  }

  private HolidayYear computeWithoutDecision(int year) {
    log.warn("Working calendar: no official decision file calendar/{}.yaml; {} uses the Labour Code rules alone "
        + "(Tết = last day of the lunar year + first 4 days, no swaps). Add the file when the decision is out.", year, year);
    return HolidayYear.build(year, properties.weeklyRestDays(), lunar, decisions.forYear(year));
  }

  private Duration toWorkingTime(BigDecimal workingDays) {
    if (workingDays == null || workingDays.signum() < 0) {
      throw new IllegalArgumentException("Working days must be zero or more, was " + workingDays);
    }
    return Duration.ofNanos(workingDays.multiply(new BigDecimal(workingDay.toNanos()))
        .setScale(0, RoundingMode.HALF_UP).longValueExact());
  }

  private LocalTime lastSessionEnd() {
    return sessions.get(sessions.size() - 1).end();
  }

  private static LocalDate localDate(Instant at) {
    return at.atZone(ZONE).toLocalDate();
  }

  private static Instant at(LocalDate date, LocalTime time) {
    return date.atTime(time).atZone(ZONE).toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static IllegalStateException noWorkingDays(Instant at) {
    return new IllegalStateException("No working time within " + MAX_DAYS_WALKED + " days of " + at);
  }
}
