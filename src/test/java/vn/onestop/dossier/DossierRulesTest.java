package vn.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.process.EngineClockExtension;

/**
 * The responsible-leg rule, the resolution-working-days rule and the PAUSE branch of the supplement
 * clock, without an engine (default working calendar, March 2026).
 */
class DossierRulesTest {

  private final WorkingCalendar calendar = new WorkingCalendar();

  private static Instant vn(String localDateTime) {
    return EngineClockExtension.local(localDateTime);
  }

  private static DossierRows.LegRow leg(int no, String due, String finished, boolean late) {
    return new DossierRows.LegRow(no, "agency-" + no, "task", BigDecimal.ONE, vn("2026-03-02T09:00"),
        due == null ? null : vn(due), finished == null ? null : vn(finished), finished == null ? null : "RESULT", late);
  }

  @Test
  void aLegAlreadyMarkedLateAnswersFirst() {
    List<DossierRows.LegRow> legs = List.of(leg(1, "2026-03-03T09:00", null, false), leg(2, "2026-03-04T09:00", "2026-03-05T09:00", true));
    assertThat(DossierRules.responsibleLeg(legs, vn("2026-03-06T09:00")).legNo()).isEqualTo(2);
  }

  @Test
  void elseTheRunningLegPastItsOwnDeadline() {
    List<DossierRows.LegRow> legs = List.of(leg(1, "2026-03-09T09:00", null, false), leg(2, "2026-03-03T09:00", null, false));
    assertThat(DossierRules.responsibleLeg(legs, vn("2026-03-04T09:00")).legNo()).isEqualTo(2);
  }

  @Test
  void elseTheFirstLegStillRunning() {
    List<DossierRows.LegRow> legs = List.of(leg(1, "2026-03-03T09:00", "2026-03-03T08:00", false),
        leg(2, "2026-03-09T09:00", null, false), leg(3, "2026-03-10T09:00", null, false));
    assertThat(DossierRules.responsibleLeg(legs, vn("2026-03-04T09:00")).legNo()).isEqualTo(2);
  }

  @Test
  void nobodyWhenEveryLegFinishedOnTime() {
    List<DossierRows.LegRow> legs = List.of(leg(1, "2026-03-03T09:00", "2026-03-03T08:00", false));
    assertThat(DossierRules.responsibleLeg(legs, vn("2026-03-04T09:00"))).isNull();
    assertThat(DossierRules.responsibleLeg(List.of(), vn("2026-03-04T09:00"))).isNull();
  }

  @Test
  void resolutionTimeRunsFromTheLastClockStart() {
    assertThat(DossierRules.resolutionWorkingDays(calendar, vn("2026-03-02T09:00"), vn("2026-03-01T09:00"),
        vn("2026-03-04T09:00"), "RESTART", List.of())).isEqualByComparingTo("2.00");
    assertThat(DossierRules.resolutionWorkingDays(calendar, null, vn("2026-03-02T09:00"), vn("2026-03-02T13:30"),
        "RESTART", List.of())).as("no clock start: from the reception; 2.5 of 8 hours").isEqualByComparingTo("0.31");
    assertThat(DossierRules.resolutionWorkingDays(calendar, null, null, vn("2026-03-02T13:30"), "RESTART", List.of()))
        .isEqualByComparingTo("0");
    assertThat(DossierRules.resolutionWorkingDays(calendar, vn("2026-03-04T09:00"), null, vn("2026-03-02T09:00"),
        "RESTART", List.of())).as("never negative").isEqualByComparingTo("0");
  }

  @Test
  void aPausingProcedureDoesNotCountTheTimeWithTheApplicant() {
    List<DossierRows.Pause> pauses = List.of(new DossierRows.Pause(vn("2026-03-03T09:00"), vn("2026-03-04T09:00")));
    assertThat(DossierRules.resolutionWorkingDays(calendar, vn("2026-03-02T09:00"), null, vn("2026-03-06T09:00"),
        "PAUSE", pauses)).isEqualByComparingTo("3.00");
    assertThat(DossierRules.resolutionWorkingDays(calendar, vn("2026-03-02T09:00"), null, vn("2026-03-06T09:00"),
        "RESTART", pauses)).as("a restarting procedure ignores the pauses").isEqualByComparingTo("4.00");
  }

  @Test
  void aPauseMovesTheAppointmentByTheWorkingTimeSpentWithTheApplicant() {
    Instant before = vn("2026-03-05T09:00");
    assertThat(DossierRules.pausedAppointment(calendar, before, vn("2026-03-03T09:00"), vn("2026-03-04T13:30")))
        .as("1 day and 2.5 hours with the applicant: Thursday 09:00 + 10.5 working hours").isEqualTo(vn("2026-03-06T11:30"));
    assertThat(DossierRules.pausedAppointment(calendar, before, vn("2026-03-06T09:00"), vn("2026-03-09T09:00")))
        .as("a weekend with the applicant costs nothing").isEqualTo(vn("2026-03-06T09:00"));
    assertThat(DossierRules.pausedAppointment(calendar, before, null, vn("2026-03-04T09:00"))).isEqualTo(before);
  }
}
