package vn.onestop.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The days of one Gregorian year that are not ordinary: public holidays (ngày nghỉ lễ, Tết — Labour
 * Code 2019 Art. 112), their make-up days (nghỉ bù, Art. 111.3), and the yearly official swaps. Built
 * once per year and cached by {@link WorkingCalendar}; immutable.
 */
final class HolidayYear {

  static final String WORKING = "Ngày làm việc (working day)";
  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d/M/yyyy");

  private final int year;
  private final Set<DayOfWeek> restDays;
  private final Map<LocalDate, DayInfo> special;
  private final boolean fromDecision;

  private HolidayYear(int year, Set<DayOfWeek> restDays, Map<LocalDate, DayInfo> special, boolean fromDecision) {
    this.year = year;
    this.restDays = restDays;
    this.special = Map.copyOf(special);
    this.fromDecision = fromDecision;
  }

  int year() {
    return year;
  }

  /** {@code true} when an official decision file shaped this year, {@code false} for computed rules alone. */
  boolean fromDecision() {
    return fromDecision;
  }

  DayInfo day(LocalDate date) {
    DayInfo info = special.get(date);
    if (info != null) {
      return info;
    }
    if (restDays.contains(date.getDayOfWeek())) {
      return new DayInfo(date, false, weekdayName(date.getDayOfWeek()));
    }
    return new DayInfo(date, true, WORKING);
  }

  /** The non-ordinary days, in date order (for listings and tests). */
  List<DayInfo> specialDays() {
    return List.copyOf(new TreeMap<>(special).values());
  }

  /**
   * Applies the Labour Code to {@code year}, then the official decision if there is one.
   *
   * @throws OfficialDecisions.InvalidDecision if the decision contradicts the rules (naming file and entry)
   */
  static HolidayYear build(int year, Set<DayOfWeek> restDays, VietnameseLunarCalendar lunar,
                           Optional<OfficialDecision> decision) {
    // Art. 112.1: the public holidays themselves
    Map<LocalDate, String> holidays = new TreeMap<>();
    holidays.put(LocalDate.of(year, 1, 1), "Tết Dương lịch (New Year's Day)");
    String tet = "Tết Nguyên đán (Lunar New Year)";
    Optional<OfficialDecision.Tet> decidedTet = decision.flatMap(OfficialDecision::tet);
    if (decidedTet.isPresent()) {
      OfficialDecision.Tet t = decidedTet.get();
      for (String end : List.of("from", "to")) {
        LocalDate d = end.equals("from") ? t.from() : t.to();
        if (restDays.contains(d.getDayOfWeek())) {
          throw new OfficialDecisions.InvalidDecision(decision.get().file() + ": tet." + end + ": " + d + " is a "
              + weekdayName(d.getDayOfWeek()) + "; list the official weekdays off, the weekends around them are off anyway", null);
        }
      }
      for (LocalDate d = t.from(); !d.isAfter(t.to()); d = d.plusDays(1)) {
        holidays.put(d, tet);
      }
    } else {
      // Art. 112.1.b leaves the 5 days to the Prime Minister; without a decision: the last day of the old
      // year and the first four of the new one
      LocalDate newYear = lunar.newYear(year);
      for (LocalDate d = newYear.minusDays(1); d.isBefore(newYear.plusDays(4)); d = d.plusDays(1)) {
        holidays.put(d, tet);
      }
    }
    addHoliday(holidays, lunar.toSolar(LunarDate.of(year, 3, 10)), "Giỗ Tổ Hùng Vương (Hùng Kings' Commemoration Day)");
    addHoliday(holidays, LocalDate.of(year, 4, 30), "Ngày Chiến thắng (Reunification Day)");
    addHoliday(holidays, LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động (International Labour Day)");
    addHoliday(holidays, LocalDate.of(year, 9, 2), "Quốc khánh (National Day)");
    LocalDate adjacent = decision.flatMap(OfficialDecision::nationalDayAdjacent)
        .map(OfficialDecision.DecidedDay::date)
        .orElseGet(() -> defaultNationalDayAdjacent(year));
    addHoliday(holidays, adjacent, "Quốc khánh, ngày liền kề (National Day, adjacent day)");

    List<OfficialDecision.DecidedDay> daysOff = decision.map(OfficialDecision::daysOff).orElse(List.of());
    List<OfficialDecision.DecidedDay> workingDays = decision.map(OfficialDecision::workingDays).orElse(List.of());
    Map<LocalDate, DayInfo> special = new HashMap<>();
    holidays.forEach((d, reason) -> special.put(d, new DayInfo(d, false, reason)));

    // Art. 111.3: a holiday on a weekly rest day gives the next working day off
    List<LocalDate> makeUps = new ArrayList<>();
    for (Map.Entry<LocalDate, String> h : holidays.entrySet()) {
      if (!restDays.contains(h.getKey().getDayOfWeek())) {
        continue;
      }
      LocalDate d = h.getKey().plusDays(1);
      while (restDays.contains(d.getDayOfWeek()) || holidays.containsKey(d) || makeUps.contains(d)) {
        d = d.plusDays(1);
      }
      makeUps.add(d);
      special.put(d, new DayInfo(d, false, "Nghỉ bù " + h.getValue() + " " + h.getKey().format(DAY_MONTH)
          + " (make-up day off, Labour Code 2019 Art. 111.3)"));
    }

    String file = decision.map(OfficialDecision::file).orElse("");
    for (int i = 0; i < daysOff.size(); i++) {
      OfficialDecision.DecidedDay off = daysOff.get(i);
      DayInfo already = special.get(off.date());
      if (already != null || restDays.contains(off.date().getDayOfWeek())) {
        throw new OfficialDecisions.InvalidDecision(file + ": daysOff[" + i + "] (" + off.date() + ") is already a day off: "
            + (already != null ? already.reason() : weekdayName(off.date().getDayOfWeek()))
            + " (holidays and Art. 111.3 make-up days are computed; list only extra days off)", null);
      }
      special.put(off.date(), new DayInfo(off.date(), false, off.reason()));
    }
    for (int i = 0; i < workingDays.size(); i++) {
      OfficialDecision.DecidedDay work = workingDays.get(i);
      DayInfo already = special.get(work.date());
      if (already != null || !restDays.contains(work.date().getDayOfWeek())) {
        throw new OfficialDecisions.InvalidDecision(file + ": workingDays[" + i + "] (" + work.date() + ") is not a weekly rest day but "
            + (already != null ? already.reason() : WORKING) + "; only a Saturday or Sunday can be swapped to a working day", null);
      }
      special.put(work.date(), new DayInfo(work.date(), true, work.reason()));
    }
    return new HolidayYear(year, restDays, special, decision.isPresent());
  }

  /**
   * Art. 112.1.đ gives 2 September "and one adjacent day", fixed yearly. Without a decision: 3 September
   * when 2 September is a Thursday (a bridge to the weekend, as in 2021), else 1 September (2022–2026).
   */
  static LocalDate defaultNationalDayAdjacent(int year) {
    LocalDate nationalDay = LocalDate.of(year, 9, 2);
    return nationalDay.getDayOfWeek() == DayOfWeek.THURSDAY ? nationalDay.plusDays(1) : nationalDay.minusDays(1);
  }

  private static void addHoliday(Map<LocalDate, String> holidays, LocalDate date, String reason) {
    holidays.merge(date, reason, (a, b) -> a + "; " + b);
  }

  static String weekdayName(DayOfWeek day) {
    return switch (day) {
      case MONDAY -> "Thứ Hai (Monday)";
      case TUESDAY -> "Thứ Ba (Tuesday)";
      case WEDNESDAY -> "Thứ Tư (Wednesday)";
      case THURSDAY -> "Thứ Năm (Thursday)";
      case FRIDAY -> "Thứ Sáu (Friday)";
      case SATURDAY -> "Thứ Bảy (Saturday)";
      case SUNDAY -> "Chủ nhật (Sunday)";
    };
  }
}
