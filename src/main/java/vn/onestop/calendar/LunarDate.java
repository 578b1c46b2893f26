package vn.onestop.calendar;

/**
 * A date of the Vietnamese lunar calendar (ngày âm lịch).
 *
 * @param year  the lunar year, numbered like the Gregorian year in which its first day (mùng 1 Tết) falls
 * @param month 1–12; month 1 is tháng Giêng, month 12 tháng Chạp
 * @param day   1–30
 * @param leap  {@code true} for the leap month (tháng nhuận) that repeats {@code month}
 */
public record LunarDate(int year, int month, int day, boolean leap) {

  public LunarDate {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("Lunar month must be 1–12, was " + month);
    }
    if (day < 1 || day > 30) {
      throw new IllegalArgumentException("Lunar day must be 1–30, was " + day);
    }
  }

  public static LunarDate of(int year, int month, int day) {
    return new LunarDate(year, month, day, false);
  }

  @Override
  public String toString() {
    return day + "/" + month + (leap ? " nhuận" : "") + "/" + year + " âm lịch";
  }
}
