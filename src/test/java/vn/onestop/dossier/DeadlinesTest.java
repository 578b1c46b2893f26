package vn.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.rules.RuleSet;
import vn.onestop.rules.RuleSets;
import vn.onestop.catalog.ResolvedLeg;
import vn.onestop.catalog.StepBudgets;
import vn.onestop.process.EngineClockExtension;

/**
 * The deadlines of a dossier on the default working calendar (sessions 07:00-11:30 and 13:30-17:00,
 * 8 working hours a day; March 2026 has no holiday), without an engine: Monday 2 March 2026 is the
 * reference day.
 */
class DeadlinesTest {

  private final Deadlines deadlines = new Deadlines(new WorkingCalendar());

  private static Instant vn(String localDateTime) {
    return EngineClockExtension.local(localDateTime);
  }

  @Test
  void theAppointmentCountsWorkingTimeFromTheClockStart() {
    assertThat(deadlines.appointment(vn("2026-03-02T09:00"), new BigDecimal("3"))).isEqualTo(vn("2026-03-05T09:00"));
    assertThat(deadlines.appointment(vn("2026-03-05T09:00"), new BigDecimal("2"))).as("over the weekend")
        .isEqualTo(vn("2026-03-09T09:00"));
    assertThat(deadlines.appointment(vn("2026-03-02T09:00"), new BigDecimal("0.5"))).as("half a day: 4 working hours")
        .isEqualTo(vn("2026-03-02T15:00"));
  }

  @Test
  void onTheSpotIsDueTheSameWorkingDayOrTheNextAfterTheCutOff() {
    assertThat(deadlines.appointment(vn("2026-03-02T10:00"), BigDecimal.ZERO)).isEqualTo(vn("2026-03-02T17:00"));
    assertThat(deadlines.appointment(vn("2026-03-02T15:30"), BigDecimal.ZERO)).isEqualTo(vn("2026-03-03T17:00"));
    assertThat(deadlines.appointment(vn("2026-03-06T15:30"), BigDecimal.ZERO)).as("Friday after 15:00: Monday")
        .isEqualTo(vn("2026-03-09T17:00"));
  }

  @Test
  void aDossierAcceptedAfterHoursStartsTheClockAtTheNextOpening() {
    assertThat(deadlines.clockStart(vn("2026-03-02T09:00"))).isEqualTo(vn("2026-03-02T09:00"));
    assertThat(deadlines.clockStart(vn("2026-03-02T18:00"))).isEqualTo(vn("2026-03-03T07:00"));
    assertThat(deadlines.clockStart(vn("2026-03-02T12:00"))).as("lunch break").isEqualTo(vn("2026-03-02T13:30"));
    assertThat(deadlines.clockStart(vn("2026-03-07T10:00"))).as("Saturday").isEqualTo(vn("2026-03-09T07:00"));
  }

  @Test
  void theApologyIsDueOneWorkingDayBeforeTheAppointment() {
    RuleSet nd61 = new RuleSets("classpath*:rules/*.yaml").get("nd61-2018");
    assertThat(deadlines.apologyTime(vn("2026-03-05T09:00"), nd61)).isEqualTo(vn("2026-03-04T09:00"));
    assertThat(deadlines.apologyTime(vn("2026-03-09T09:00"), nd61)).as("Monday: the Friday before").isEqualTo(vn("2026-03-06T09:00"));
  }

  @Test
  void aNewAppointmentIsTheEndOfAWorkingDay() {
    assertThat(deadlines.endOfWorkingDay(LocalDate.of(2026, 3, 6))).isEqualTo(vn("2026-03-06T17:00"));
  }

  @Test
  void timelinessOnTheProcessControlSlip() {
    Instant due = vn("2026-03-05T09:00");
    assertThat(deadlines.timeliness(vn("2026-03-04T16:00"), due)).isEqualTo("EARLY");
    assertThat(deadlines.timeliness(vn("2026-03-05T08:00"), due)).as("same day, before the hour").isEqualTo("ON_TIME");
    assertThat(deadlines.timeliness(due, due)).isEqualTo("ON_TIME");
    assertThat(deadlines.timeliness(vn("2026-03-05T09:01"), due)).isEqualTo("LATE");
    assertThat(deadlines.timeliness(due, null)).isNull();
  }

  @Test
  void theStepsOfALegShareItsBudget() {
    ResolvedLeg leg = new ResolvedLeg(1, "dakrlap-tckh", "Thẩm định", new BigDecimal("3"), StepBudgets.NONE, false, true);
    Deadlines.LegDeadlines steps = deadlines.leg(vn("2026-03-02T09:00"), leg);
    assertThat(steps.assignDue()).as("half a day to assign").isEqualTo(vn("2026-03-02T15:00"));
    assertThat(steps.legDue()).isEqualTo(vn("2026-03-05T09:00"));
    assertThat(steps.approveDue()).as("no approval budget: the leg's deadline").isEqualTo(steps.legDue());
    assertThat(steps.appraiseDue()).as("the rest of the leg").isEqualTo(vn("2026-03-05T09:00"));

    ResolvedLeg budgeted = new ResolvedLeg(1, "dakrlap-tckh", "Thẩm định", new BigDecimal("3"),
        new StepBudgets(new BigDecimal("0.5"), new BigDecimal("1.5"), new BigDecimal("0.5"), new BigDecimal("0.5")), false, true);
    Deadlines.LegDeadlines given = deadlines.leg(vn("2026-03-02T09:00"), budgeted);
    assertThat(given.assignDue()).isEqualTo(vn("2026-03-02T15:00"));
    assertThat(given.appraiseDue()).as("1.5 days after the assignment").isEqualTo(vn("2026-03-04T09:00"));
    assertThat(given.approveDue()).isEqualTo(vn("2026-03-04T15:00"));
    assertThat(given.legDue()).isEqualTo(vn("2026-03-05T09:00"));
  }
}
