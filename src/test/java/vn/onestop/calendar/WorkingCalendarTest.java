package vn.onestop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

  private final WorkingCalendar calendar = new WorkingCalendar();

  private static Instant vn(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
  }

  private static BigDecimal days(String n) {
    return new BigDecimal(n);
  }

  private void assertOff(String date, String reasonPart) {
    DayInfo day = calendar.day(LocalDate.parse(date));
    assertThat(day.working()).as("%s is a day off", date).isFalse();
    assertThat(day.reason()).as("reason of %s", date).contains(reasonPart);
  }

  private void assertWorking(String date) {
    assertThat(calendar.isWorkingDay(LocalDate.parse(date))).as("%s is a working day", date).isTrue();
  }

  @Test
  void tet2025FromTheDecisionFileWithItsWeekends() {
    for (LocalDate d = LocalDate.of(2025, 1, 25); !d.isAfter(LocalDate.of(2025, 2, 2)); d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as("%s", d).isFalse();
    }
    assertOff("2025-01-27", "Tết Nguyên đán");
    assertOff("2025-01-25", "Thứ Bảy");
    assertWorking("2025-01-24");
    assertWorking("2025-02-03");
  }

  @Test
  void holidays2025AndTheSwappedSaturday() {
    assertOff("2025-01-01", "Tết Dương lịch");
    assertOff("2025-04-07", "Hùng Vương");
    assertOff("2025-04-30", "Chiến thắng");
    assertOff("2025-05-01", "Lao động");
    assertOff("2025-05-02", "hoán đổi");
    assertOff("2025-09-01", "Quốc khánh");
    assertOff("2025-09-02", "Quốc khánh");
    DayInfo saturday = calendar.day(LocalDate.of(2025, 4, 26));
    assertThat(saturday.working()).isTrue();
    assertThat(saturday.reason()).startsWith("Làm bù cho");
    assertThat(calendar.day(LocalDate.of(2025, 3, 12))).isEqualTo(
        new DayInfo(LocalDate.of(2025, 3, 12), true, "Ngày làm việc (working day)"));
  }

  @Test
  void year2026FromTheDecisionFile() {
    assertOff("2026-02-17", "Tết Nguyên đán");
    for (LocalDate d = LocalDate.of(2026, 2, 14); !d.isAfter(LocalDate.of(2026, 2, 22)); d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as("%s", d).isFalse();
    }
    assertWorking("2026-02-13");
    assertWorking("2026-02-23");
    assertOff("2026-01-02", "hoán đổi");
    assertWorking("2026-01-10");
    assertOff("2026-08-31", "hoán đổi");
    assertOff("2026-09-01", "Quốc khánh");
    assertWorking("2026-08-22");
    assertWorking("2026-11-24"); // Vietnam Culture Day: not a day off unless a yearly file adds it
  }

  @Test
  void holidayOnASundayGivesTheNextWorkingDayOffArt111_3() {
    // Hùng Kings' day 2026 is Sunday 26/4: Monday 27/4 off
    assertOff("2026-04-26", "Hùng Vương");
    assertOff("2026-04-27", "111.3");
    assertWorking("2026-04-28");
    // 2023 (no file): 1/1 Sunday → 2/1 off; 2/9 Saturday (with 1/9) → Monday 4/9 off
    assertOff("2023-01-02", "Nghỉ bù Tết Dương lịch");
    assertOff("2023-09-01", "Quốc khánh");
    assertOff("2023-09-04", "111.3");
    assertWorking("2023-09-05");
    // 2028 (no file): 1/1 Saturday → Monday 3/1
    assertOff("2028-01-03", "111.3");
  }

  @Test
  void yearWithoutFileComputesTetWithMakeUpDays() {
    // Tết 2027 = Saturday 6/2: 5/2 – 9/2, and 10/2, 11/2 for the Saturday and Sunday
    for (String d : List.of("2027-02-05", "2027-02-08", "2027-02-09")) {
      assertOff(d, "Tết Nguyên đán");
    }
    assertOff("2027-02-10", "111.3");
    assertOff("2027-02-11", "111.3");
    assertWorking("2027-02-04");
    assertWorking("2027-02-12");
    // 2024: Tết 10/2 (Saturday): 9/2 – 13/2, make-up 14/2 and 15/2
    assertOff("2024-02-14", "111.3");
    assertOff("2024-02-15", "111.3");
    assertWorking("2024-02-16");
  }

  @Test
  void oneWorkingDayIsEightWorkingHours() {
    assertThat(calendar.addWorkingDays(vn("2025-03-10T09:00"), days("1"))).isEqualTo(vn("2025-03-11T09:00"));
    assertThat(calendar.addWorkingDays(vn("2025-03-10T16:59"), days("1"))).isEqualTo(vn("2025-03-11T16:59"));
    // received after hours: clock starts at 07:00 next working day, due at its end
    assertThat(calendar.addWorkingDays(vn("2025-03-10T17:01"), days("1"))).isEqualTo(vn("2025-03-11T17:00"));
    assertThat(calendar.addWorkingDays(vn("2025-03-14T17:01"), days("1"))).isEqualTo(vn("2025-03-17T17:00"));
    assertThat(calendar.addWorkingDays(vn("2025-03-10T09:00"), days("3"))).isEqualTo(vn("2025-03-13T09:00"));
    assertThat(calendar.addWorkingDays(vn("2025-03-10T09:00"), days("12"))).isEqualTo(vn("2025-03-26T09:00"));
  }

  @Test
  void halfDayBudget() {
    assertThat(calendar.addWorkingDays(vn("2025-03-10T07:00"), days("0.5"))).isEqualTo(vn("2025-03-10T11:00"));
    assertThat(calendar.addWorkingDays(vn("2025-03-10T10:00"), days("0.5"))).isEqualTo(vn("2025-03-10T16:00"));
    // received at lunch: clock starts 13:30, 3.5 h that afternoon, 0.5 h the next morning
    assertThat(calendar.addWorkingDays(vn("2025-03-10T12:15"), days("0.5"))).isEqualTo(vn("2025-03-11T07:30"));
  }

  @Test
  void zeroDaysIsTheNextOpening() {
    assertThat(calendar.addWorkingDays(vn("2025-03-10T09:00"), BigDecimal.ZERO)).isEqualTo(vn("2025-03-10T09:00"));
    assertThat(calendar.addWorkingDays(vn("2025-03-10T12:00"), BigDecimal.ZERO)).isEqualTo(vn("2025-03-10T13:30"));
    assertThat(calendar.nextOpening(vn("2025-03-10T11:30"))).isEqualTo(vn("2025-03-10T13:30"));
    assertThat(calendar.nextOpening(vn("2025-03-10T06:59"))).isEqualTo(vn("2025-03-10T07:00"));
    assertThat(calendar.nextOpening(vn("2025-03-15T10:00"))).isEqualTo(vn("2025-03-17T07:00"));
    assertThat(calendar.nextOpening(vn("2025-01-24T17:00"))).isEqualTo(vn("2025-02-03T07:00"));
  }

  @Test
  void deadlinesSkipHolidaysAndUseSwappedSaturdays() {
    // Friday 24/1/2025 16:00 + 1 day: 1 h on Friday, 7 h on Monday 3/2 after Tết
    assertThat(calendar.addWorkingDays(vn("2025-01-24T16:00"), days("1"))).isEqualTo(vn("2025-02-03T16:00"));
    // Friday 25/4/2025 + 1 day → the swapped working Saturday 26/4
    assertThat(calendar.addWorkingDays(vn("2025-04-25T09:00"), days("1"))).isEqualTo(vn("2025-04-26T09:00"));
    // Tuesday 29/4/2025 + 1 day → Monday 5/5 (30/4, 1/5, 2/5 and the weekend off)
    assertThat(calendar.addWorkingDays(vn("2025-04-29T09:00"), days("1"))).isEqualTo(vn("2025-05-05T09:00"));
  }

  @Test
  void elapsedWorkingTimeAcrossAWeekendAndAHoliday() {
    assertThat(calendar.workingTimeBetween(vn("2025-03-14T15:00"), vn("2025-03-17T09:00"))).isEqualTo(Duration.ofHours(4));
    assertThat(calendar.workingDaysBetween(vn("2025-03-14T15:00"), vn("2025-03-17T09:00"))).isEqualByComparingTo("0.5");
    assertThat(calendar.workingDaysBetween(vn("2025-04-29T09:00"), vn("2025-05-05T09:00"))).isEqualTo(new BigDecimal("1.0000"));
    assertThat(calendar.workingDaysBetween(vn("2025-01-24T07:00"), vn("2025-02-03T17:00"))).isEqualTo(new BigDecimal("2.0000"));
    assertThat(calendar.workingTimeBetween(vn("2025-03-15T08:00"), vn("2025-03-16T18:00"))).isZero();
    assertThat(calendar.workingDaysBetween(vn("2025-03-10T07:00"), vn("2025-03-10T08:00"))).isEqualTo(new BigDecimal("0.1250"));
    assertThatThrownBy(() -> calendar.workingTimeBetween(vn("2025-03-11T09:00"), vn("2025-03-10T09:00")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void subtractIsTheInverseOfAdd() {
    List<Instant> starts = List.of(vn("2025-01-24T16:00"), vn("2025-03-10T07:00"), vn("2025-03-10T09:17"),
        vn("2025-03-10T13:30"), vn("2025-04-25T16:59"), vn("2025-12-31T10:00"), vn("2026-02-13T08:00"));
    for (Instant from : starts) {
      for (String d : List.of("0.5", "1", "3", "12", "1.25")) {
        Instant due = calendar.addWorkingDays(from, days(d));
        assertThat(calendar.subtractWorkingDays(due, days(d))).as("%s + %s − %s", from, d, d).isEqualTo(from);
        assertThat(calendar.workingDaysBetween(from, due)).as("%s → %s", from, due).isEqualByComparingTo(d);
      }
    }
  }

  @Test
  void oneWorkingDayBeforeTheDeadline() {
    // due Monday 3/2/2025 16:00 (after Tết): one working day before is Friday 24/1 16:00
    assertThat(calendar.subtractWorkingDays(vn("2025-02-03T16:00"), days("1"))).isEqualTo(vn("2025-01-24T16:00"));
    // due at a day's end: the result is the start of that day, the same working-time point as the day before's end
    assertThat(calendar.subtractWorkingDays(vn("2025-03-11T17:00"), days("1"))).isEqualTo(vn("2025-03-11T07:00"));
    // from outside working hours, counting back starts at the last closing
    assertThat(calendar.subtractWorkingDays(vn("2025-03-15T12:00"), days("0.5"))).isEqualTo(vn("2025-03-14T11:00"));
    assertThat(calendar.subtractWorkingDays(vn("2025-03-15T12:00"), BigDecimal.ZERO)).isEqualTo(vn("2025-03-15T12:00"));
  }

  @Test
  void transferDeadlineOfAPaperDossier() {
    assertThat(calendar.transferDeadline(vn("2025-03-10T10:00"))).isEqualTo(vn("2025-03-10T17:00"));
    assertThat(calendar.transferDeadline(vn("2025-03-10T15:00"))).isEqualTo(vn("2025-03-10T17:00"));
    assertThat(calendar.transferDeadline(vn("2025-03-10T06:30"))).isEqualTo(vn("2025-03-10T17:00"));
    assertThat(calendar.transferDeadline(vn("2025-03-10T15:01"))).isEqualTo(vn("2025-03-11T11:30"));
    assertThat(calendar.transferDeadline(vn("2025-01-24T15:30"))).isEqualTo(vn("2025-02-03T11:30"));
    assertThat(calendar.transferDeadline(vn("2025-03-15T10:00"))).isEqualTo(vn("2025-03-17T17:00"));
    assertThat(calendar.isAfterCutOff(vn("2025-03-10T15:00"))).isFalse();
    assertThat(calendar.isAfterCutOff(vn("2025-03-10T15:00:01"))).isTrue();
  }

  @Test
  void instantsAreUtcAndTheCalendarThinksInPlus7() {
    // 2025-03-10T02:00Z is 09:00 in Hà Nội
    assertThat(calendar.addWorkingDays(Instant.parse("2025-03-10T02:00:00Z"), days("1")))
        .isEqualTo(Instant.parse("2025-03-11T02:00:00Z"));
    // 2025-03-09T23:30Z is already Monday 06:30 in Hà Nội
    assertThat(calendar.nextOpening(Instant.parse("2025-03-09T23:30:00Z"))).isEqualTo(Instant.parse("2025-03-10T00:00:00Z"));
  }

  @Test
  void customSessionsChangeTheLengthOfAWorkingDay() {
    CalendarProperties saturdayMornings = new CalendarProperties(
        List.of(new CalendarProperties.Session(java.time.LocalTime.of(13, 0), java.time.LocalTime.of(17, 0)),
                new CalendarProperties.Session(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(12, 0))),
        null, null, null, null, null);
    WorkingCalendar custom = new WorkingCalendar(saturdayMornings, OfficialDecisions.none());
    assertThat(custom.workingDayLength()).isEqualTo(Duration.ofHours(8));
    assertThat(custom.addWorkingDays(vn("2025-03-10T17:30"), days("1"))).isEqualTo(vn("2025-03-11T17:00"));
    assertThat(custom.transferDeadline(vn("2025-03-10T16:00"))).isEqualTo(vn("2025-03-11T12:00"));
  }

  @Test
  void longBudgetsRoundTrip() {
    Instant due = calendar.addWorkingDays(vn("2025-03-10T09:00"), days("3650"));
    assertThat(calendar.workingDaysBetween(vn("2025-03-10T09:00"), due)).isEqualByComparingTo("3650");
  }

  @Test
  void yearsOutsideTheLunarCalendarAreRefused() {
    assertThatThrownBy(() -> calendar.day(LocalDate.of(2500, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.addWorkingDays(Instant.EPOCH, days("-1"))).isInstanceOf(IllegalArgumentException.class);
  }
}
