package vn.onestop.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunar calendar (âm lịch Việt Nam), computed astronomically.
 *
 * <p>Rules (the ones Hồ Ngọc Đức's public description of the Vietnamese calendar uses):
 * <ul>
 *   <li>a month starts on the local day (UTC+7, Vietnam's legal time since 1968) of an astronomical
 *       new moon (điểm sóc); new moons after Jean Meeus, <i>Astronomical Algorithms</i>, ch. 49,
 *       short series;</li>
 *   <li>month 11 is the month that contains the winter solstice (Đông chí, sun longitude 270°);</li>
 *   <li>a year with 13 months between two months 11 has a leap month (tháng nhuận): the first month
 *       after month 11 in which the sun enters no new 30° sector (no major solar term, trung khí)
 *       repeats the month before it.</li>
 * </ul>
 * The time zone is why this is not the Chinese calendar (UTC+8): a new moon between 16:00 and 17:00
 * UTC falls on different days, so some months (and e.g. Tết 1985 and 2007) differ.
 *
 * <p>Valid for the years 1900–2199; stateless and thread-safe.
 */
public final class VietnameseLunarCalendar {

  /** First lunar year this class answers for. */
  public static final int MIN_YEAR = 1900;
  /** Last lunar year this class answers for. */
  public static final int MAX_YEAR = 2199;

  /** Mean length of the synodic month in days. */
  private static final double SYNODIC_MONTH = 29.530588853;
  /** Julian day of the mean new moon of 1900-01-01 (Meeus' k = 0 for this epoch). */
  private static final double NEW_MOON_EPOCH = 2415021.076998695;
  /** Julian day number of 1970-01-01. */
  private static final long EPOCH_DAY_JDN = 2440588L;
  private static final double RAD = Math.PI / 180;

  private final double zoneHours;

  /** The calendar of Vietnam: UTC+7. */
  public VietnameseLunarCalendar() {
    this(7.0);
  }

  /** A calendar of the same rules for another time zone (UTC+8 gives the Chinese months). */
  public VietnameseLunarCalendar(double zoneHours) {
    this.zoneHours = zoneHours;
  }

  /** The lunar date of a Gregorian date. */
  public LunarDate toLunar(LocalDate date) {
    checkRange(date.getYear());
    long day = julianDayNumber(date);
    long lunation = (long) Math.floor((day - NEW_MOON_EPOCH) / SYNODIC_MONTH);
    long monthStart = newMoonDay(lunation + 1);
    if (monthStart > day) {
      monthStart = newMoonDay(lunation);
    }
    int gregorianYear = date.getYear();
    long month11;
    long nextMonth11;
    int lunarYear;
    long thisYearsMonth11 = month11Start(gregorianYear);
    if (thisYearsMonth11 >= monthStart) {
      lunarYear = gregorianYear;
      month11 = month11Start(gregorianYear - 1);
      nextMonth11 = thisYearsMonth11;
    } else {
      lunarYear = gregorianYear + 1;
      month11 = thisYearsMonth11;
      nextMonth11 = month11Start(gregorianYear + 1);
    }
    int monthsAfter11 = (int) Math.floor((monthStart - month11) / 29.0);
    int month = monthsAfter11 + 11;
    boolean leap = false;
    if (nextMonth11 - month11 > 365) {
      int leapOffset = leapMonthOffset(month11);
      if (monthsAfter11 >= leapOffset) {
        month = monthsAfter11 + 10;
        leap = monthsAfter11 == leapOffset;
      }
    }
    if (month > 12) {
      month -= 12;
    }
    if (month >= 11 && monthsAfter11 < 4) {
      lunarYear -= 1;
    }
    return new LunarDate(lunarYear, month, (int) (day - monthStart + 1), leap);
  }

  /**
   * The Gregorian date of a lunar date.
   *
   * @throws IllegalArgumentException if {@code lunar.leap()} is set but that year has no such leap
   *     month, or the day does not exist in that month
   */
  public LocalDate toSolar(LunarDate lunar) {
    checkRange(lunar.year());
    long month11;
    long nextMonth11;
    if (lunar.month() < 11) {
      month11 = month11Start(lunar.year() - 1);
      nextMonth11 = month11Start(lunar.year());
    } else {
      month11 = month11Start(lunar.year());
      nextMonth11 = month11Start(lunar.year() + 1);
    }
    long lunation = Math.round((month11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
    int offset = Math.floorMod(lunar.month() - 11, 12);
    if (nextMonth11 - month11 > 365) {
      int leapOffset = leapMonthOffset(month11);
      // leapOffset counts months from month 11 (offset 0); the leap month repeats the month before it
      int leapMonth = Math.floorMod(leapOffset + 9, 12) + 1;
      if (lunar.leap() && lunar.month() != leapMonth) {
        throw new IllegalArgumentException(lunar + ": that lunar year has no leap month " + lunar.month());
      }
      if (lunar.leap() || offset >= leapOffset) {
        offset += 1;
      }
    } else if (lunar.leap()) {
      throw new IllegalArgumentException(lunar + ": that lunar year has no leap month");
    }
    long monthStart = newMoonDay(lunation + offset);
    long nextMonthStart = newMoonDay(lunation + offset + 1);
    if (lunar.day() > nextMonthStart - monthStart) {
      throw new IllegalArgumentException(lunar + ": that month has only " + (nextMonthStart - monthStart) + " days");
    }
    return fromJulianDayNumber(monthStart + lunar.day() - 1);
  }

  /** Mùng 1 Tết: the first day of lunar year {@code year}, which starts in Gregorian year {@code year}. */
  public LocalDate newYear(int year) {
    return toSolar(LunarDate.of(year, 1, 1));
  }

  /** The month number repeated as leap month (tháng nhuận) in a lunar year, or 0 if it has none. */
  public int leapMonth(int lunarYear) {
    LocalDate monthStart = newYear(lunarYear);
    LocalDate end = newYear(lunarYear + 1);
    while (monthStart.isBefore(end)) {
      LunarDate lunar = toLunar(monthStart);
      if (lunar.leap()) {
        return lunar.month();
      }
      LocalDate next = monthStart.plusDays(29);
      monthStart = toLunar(next).day() == 1 ? next : next.plusDays(1);
    }
    return 0;
  }

  /** The local day (as Julian day number) of new moon number {@code lunation} since 1900-01-01. */
  private long newMoonDay(long lunation) {
    return (long) Math.floor(newMoon(lunation) + 0.5 + zoneHours / 24);
  }

  /** The first day of the lunar month that contains the winter solstice of Gregorian year {@code year}. */
  private long month11Start(int year) {
    long dec31 = julianDayNumber(LocalDate.of(year, 12, 31));
    long lunation = (long) Math.floor((dec31 - 2415021) / SYNODIC_MONTH);
    long start = newMoonDay(lunation);
    // if the sun is already past 270° when that month starts, the solstice was in the month before
    if (sunSector(start) >= 9) {
      start = newMoonDay(lunation - 1);
    }
    return start;
  }

  /**
   * Counting month 11 as 0, the offset of the first month that has no major solar term: the sun is
   * in the same 30° sector at its start and at the start of the next month.
   */
  private int leapMonthOffset(long month11) {
    long lunation = Math.round((month11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
    int i = 1;
    int sector = sunSector(newMoonDay(lunation + i));
    int previous;
    do {
      previous = sector;
      i++;
      sector = sunSector(newMoonDay(lunation + i));
    } while (sector != previous && i < 14);
    return i - 1;
  }

  /** The 30° sector (0–11, 0 = spring equinox) of the sun at the local midnight starting a day. */
  private int sunSector(long dayNumber) {
    return (int) Math.floor(sunLongitude(dayNumber - 0.5 - zoneHours / 24) / (Math.PI / 6));
  }

  /** Julian day (UT) of the true new moon number {@code k} after the 1900-01 one (Meeus, ch. 49). */
  static double newMoon(long k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
    double sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
    double moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
    double latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
    double correction = (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly)
        + 0.0021 * Math.sin(2 * sunAnomaly)
        - 0.4068 * Math.sin(moonAnomaly)
        + 0.0161 * Math.sin(2 * moonAnomaly)
        - 0.0004 * Math.sin(3 * moonAnomaly)
        + 0.0104 * Math.sin(2 * latitude)
        - 0.0051 * Math.sin(sunAnomaly + moonAnomaly)
        - 0.0074 * Math.sin(sunAnomaly - moonAnomaly)
        + 0.0004 * Math.sin(2 * latitude + sunAnomaly)
        - 0.0004 * Math.sin(2 * latitude - sunAnomaly)
        - 0.0006 * Math.sin(2 * latitude + moonAnomaly)
        + 0.0010 * Math.sin(2 * latitude - moonAnomaly)
        + 0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
    // ΔT, dynamical time minus universal time, in days
    double deltaT = t < -11
        ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
        : -0.000278 + 0.000265 * t + 0.000262 * t2;
    return mean + correction - deltaT;
  }

  /** Apparent ecliptic longitude of the sun, in radians [0, 2π), at Julian day {@code jd}. */
  static double sunLongitude(double jd) {
    double t = (jd - 2451545.0) / 36525;
    double t2 = t * t;
    double anomaly = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
    double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly)
        + (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly)
        + 0.000290 * Math.sin(3 * anomaly);
    double longitude = (meanLongitude + centre) * RAD;
    return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
  }

  static long julianDayNumber(LocalDate date) {
    return date.toEpochDay() + EPOCH_DAY_JDN;
  }

  static LocalDate fromJulianDayNumber(long jdn) {
    return LocalDate.ofEpochDay(jdn - EPOCH_DAY_JDN);
  }

  private static void checkRange(int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new IllegalArgumentException(
          "The lunar calendar is computed for " + MIN_YEAR + "–" + MAX_YEAR + " only, not " + year);
    }
  }
}
