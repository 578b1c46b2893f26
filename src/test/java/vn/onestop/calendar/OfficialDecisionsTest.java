package vn.onestop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficialDecisionsTest {

  @TempDir
  Path dir;

  private WorkingCalendar calendarWith(String fileName, String yaml) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.writeString(dir.resolve(fileName), yaml);
    OfficialDecisions decisions = OfficialDecisions.from("file:" + dir.toAbsolutePath() + "/*.yaml");
    return new WorkingCalendar(CalendarProperties.defaults(), decisions);
  }

  @Test
  void theShippedFilesLoad() {
    OfficialDecisions decisions = OfficialDecisions.from("classpath*:calendar/*.yaml");
    assertThat(decisions.years()).contains(2025, 2026);
    OfficialDecision d2025 = decisions.forYear(2025).orElseThrow();
    assertThat(d2025.tet()).get().extracting(OfficialDecision.Tet::from).isEqualTo(LocalDate.of(2025, 1, 27));
    assertThat(d2025.workingDays()).extracting(OfficialDecision.DecidedDay::date).containsExactly(LocalDate.of(2025, 4, 26));
  }

  @Test
  void aValidFileShapesItsYear() throws IOException {
    WorkingCalendar calendar = calendarWith("2030.yaml", """
        year: 2030
        tet: {from: 2030-02-01, to: 2030-02-07, verified: false, note: "proposal only"}
        daysOff:
          - {date: 2030-04-29, reason: "Nghỉ hoán đổi"}
        workingDays:
          - {date: 2030-05-11, reason: "Làm bù cho thứ Hai 29/4/2030"}
        """);
    assertThat(calendar.day(LocalDate.of(2030, 2, 1)).reason()).contains("Tết");
    assertThat(calendar.isWorkingDay(LocalDate.of(2030, 4, 29))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2030, 5, 11))).isTrue();
  }

  @Test
  void aWorkingDayOnAWeekdayFailsStartUpNamingFileAndEntry() {
    assertThatThrownBy(() -> calendarWith("2030.yaml", """
        year: 2030
        workingDays:
          - {date: 2030-05-10, reason: "Làm bù"}
        """))
        .isInstanceOf(OfficialDecisions.InvalidDecision.class)
        .hasMessageContaining("calendar/2030.yaml: workingDays[0] (2030-05-10)");
  }

  @Test
  void listingAComputedMakeUpDayFails() {
    // Hùng Kings' day 2026 is a Sunday; Monday 27/4 is computed by Art. 111.3
    assertThatThrownBy(() -> calendarWith("2026.yaml", """
        year: 2026
        daysOff:
          - {date: 2026-04-27, reason: "Nghỉ bù Giỗ Tổ"}
        """))
        .hasMessageContaining("calendar/2026.yaml: daysOff[0] (2026-04-27) is already a day off");
  }

  @Test
  void malformedFilesFailWithClearMessages() {
    assertThatThrownBy(() -> calendarWith("2030.yaml", "year: 2031\n"))
        .hasMessageContaining("calendar/2030.yaml: 'year' is 2031 but the file name says 2030");
    assertThatThrownBy(() -> calendarWith("2030.yaml", "year: 2030\nholidays: []\n"))
        .hasMessageContaining("unknown key 'holidays'");
    assertThatThrownBy(() -> calendarWith("2030.yaml", "year: 2030\ndaysOff:\n  - {date: 2030-13-01, reason: x}\n"))
        .hasMessageContaining("daysOff[0].date");
    assertThatThrownBy(() -> calendarWith("2030.yaml", "year: 2030\ndaysOff:\n  - {date: 2031-01-02, reason: x}\n"))
        .hasMessageContaining("is not in 2030");
    assertThatThrownBy(() -> calendarWith("2030.yaml", "year: 2030\ndaysOff:\n  - {date: 2030-01-02}\n"))
        .hasMessageContaining("'reason' is required");
    assertThatThrownBy(() -> calendarWith("2030.yaml", "year: 2030\ntet: {from: 2030-02-02, to: 2030-02-06}\n"))
        .hasMessageContaining("tet.from: 2030-02-02 is a Thứ Bảy");
    assertThatThrownBy(() -> calendarWith("2030.yaml", "year: 2030\nnationalDayAdjacent: {date: 2030-09-05}\n"))
        .hasMessageContaining("not next to 2 September");
    assertThatThrownBy(() -> calendarWith("2030.yaml", "year: [2030\n"))
        .hasMessageContaining("calendar/2030.yaml: cannot read");
    assertThatThrownBy(() -> calendarWith("holidays.yaml", "year: 2030\n"))
        .hasMessageContaining("the file name must be the year");
  }
}
