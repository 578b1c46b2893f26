package vn.onestop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VietnameseLunarCalendarTest {

  private final VietnameseLunarCalendar lunar = new VietnameseLunarCalendar();

  @Test
  void lunarNewYears2020To2030() {
    Map<Integer, LocalDate> known = Map.ofEntries(
        Map.entry(2020, LocalDate.of(2020, 1, 25)),
        Map.entry(2021, LocalDate.of(2021, 2, 12)),
        Map.entry(2022, LocalDate.of(2022, 2, 1)),
        Map.entry(2023, LocalDate.of(2023, 1, 22)),
        Map.entry(2024, LocalDate.of(2024, 2, 10)),
        Map.entry(2025, LocalDate.of(2025, 1, 29)),
        Map.entry(2026, LocalDate.of(2026, 2, 17)),
        Map.entry(2027, LocalDate.of(2027, 2, 6)),
        Map.entry(2028, LocalDate.of(2028, 1, 26)),
        Map.entry(2029, LocalDate.of(2029, 2, 13)),
        // new moon 2030-02-02 16:09 UTC: 23:09 in Vietnam, already 3 February in China
        Map.entry(2030, LocalDate.of(2030, 2, 2)));
    known.forEach((year, date) -> assertThat(lunar.newYear(year)).as("Tết %d", year).isEqualTo(date));
  }

  @Test
  void vietnameseTetDiffersFromChineseWhereTheTimeZoneMatters() {
    VietnameseLunarCalendar chinese = new VietnameseLunarCalendar(8.0);
    assertThat(lunar.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
    assertThat(chinese.newYear(1985)).isEqualTo(LocalDate.of(1985, 2, 20));
    assertThat(lunar.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
    assertThat(chinese.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 18));
    assertThat(lunar.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
    assertThat(chinese.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
  }

  @Test
  void hungKingsDayIsTheTenthDayOfTheThirdMonth() {
    assertThat(lunar.toSolar(LunarDate.of(2023, 3, 10))).isEqualTo(LocalDate.of(2023, 4, 29));
    assertThat(lunar.toSolar(LunarDate.of(2024, 3, 10))).isEqualTo(LocalDate.of(2024, 4, 18));
    assertThat(lunar.toSolar(LunarDate.of(2025, 3, 10))).isEqualTo(LocalDate.of(2025, 4, 7));
    assertThat(lunar.toSolar(LunarDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2026, 4, 26));
  }

  @Test
  void leapMonths() {
    assertThat(lunar.leapMonth(2020)).isEqualTo(4);
    assertThat(lunar.leapMonth(2023)).isEqualTo(2);
    assertThat(lunar.leapMonth(2024)).isZero();
    assertThat(lunar.leapMonth(2025)).isEqualTo(6);
    assertThat(lunar.leapMonth(2026)).isZero();
  }

  @Test
  void leapMonthDatesConvertBothWays() {
    // 2023: month 2 from 20/2, leap month 2 from 22/3, month 3 from 20/4
    assertThat(lunar.toSolar(LunarDate.of(2023, 2, 1))).isEqualTo(LocalDate.of(2023, 2, 20));
    assertThat(lunar.toSolar(new LunarDate(2023, 2, 1, true))).isEqualTo(LocalDate.of(2023, 3, 22));
    assertThat(lunar.toLunar(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(2023, 2, 1, true));
    assertThat(lunar.toLunar(LocalDate.of(2023, 4, 20))).isEqualTo(LunarDate.of(2023, 3, 1));
    // 2025: leap month 6 from 25/7
    assertThat(lunar.toLunar(LocalDate.of(2025, 7, 25))).isEqualTo(new LunarDate(2025, 6, 1, true));
    assertThat(lunar.toLunar(LocalDate.of(2025, 6, 25))).isEqualTo(LunarDate.of(2025, 6, 1));
    assertThatThrownBy(() -> lunar.toSolar(new LunarDate(2024, 2, 1, true)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lastDayOfTheLunarYearAndRoundTrip() {
    // 29 Tết Ất Tỵ (month 12 had 29 days) is the day before Tết Bính Ngọ
    assertThat(lunar.toLunar(LocalDate.of(2026, 2, 16))).isEqualTo(LunarDate.of(2025, 12, 29));
    assertThat(lunar.toLunar(LocalDate.of(2026, 2, 17))).isEqualTo(LunarDate.of(2026, 1, 1));
    for (LocalDate d = LocalDate.of(2019, 1, 1); d.isBefore(LocalDate.of(2032, 1, 1)); d = d.plusDays(1)) {
      assertThat(lunar.toSolar(lunar.toLunar(d))).as("round trip %s", d).isEqualTo(d);
    }
  }
}
