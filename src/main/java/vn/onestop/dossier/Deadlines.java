package vn.onestop.dossier;

import vn.onestop.process.EngineTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.ResolvedLeg;
import vn.onestop.catalog.StepBudgets;
import vn.onestop.rules.RuleSet;

/**
 * The deadlines of a dossier (thời hạn giải quyết), computed with the working calendar and handed to
 * the models as absolute instants: never trust a {@code P3D} timer to mean three working days.
 */
@Component
public class Deadlines {

  private final WorkingCalendar calendar;

  public Deadlines(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  /**
   * When the resolution clock starts for a dossier accepted at {@code acceptedAt}: at once during
   * working hours, otherwise at the next opening (a dossier filed in the evening counts from the next
   * working morning).
   */
  public Instant clockStart(Instant acceptedAt) {
    return calendar.nextOpening(acceptedAt);
  }

  /**
   * The appointment (ngày hẹn trả) for a procedure of {@code resolutionDays} working days whose clock
   * started at {@code clockStart}. A procedure resolved on the spot is due by the end of the working
   * day, or of the next working day when received after 15:00 (Civil Status Law Art. 16, Decree
   * 23/2015 Art. 7; Decree 61/2018 Art. 18).
   */
  public Instant appointment(Instant clockStart, BigDecimal resolutionDays) {
    if (resolutionDays.signum() == 0) {
      LocalDate day = clockStart.atZone(EngineTime.ZONE).toLocalDate();
      if (calendar.isAfterCutOff(clockStart) || !calendar.isWorkingDay(day)) {
        day = calendar.nextWorkingDay(day);
      }
      return endOfWorkingDay(day);
    }
    return calendar.addWorkingDays(clockStart, resolutionDays);
  }

  /** The end of the last session of a working day. */
  public Instant endOfWorkingDay(LocalDate day) {
    Instant opening = calendar.nextOpening(day.atStartOfDay(EngineTime.ZONE).toInstant());
    return calendar.addWorkingDays(opening, BigDecimal.ONE);
  }

  /**
   * The apology is due the rule set's lead time before the appointment (rule {@code apology.leadWorkingDays};
   * Decree 61/2018 Art. 19.9: at least one working day).
   */
  public Instant apologyTime(Instant appointment, RuleSet rules) {
    return calendar.subtractWorkingDays(appointment, rules.apologyLeadDays());
  }

  public Instant after(Instant from, BigDecimal workingDays) {
    return calendar.addWorkingDays(from, workingDays);
  }

  /**
   * Paper dossiers reach the handling agency the same day, or the next morning when received after the
   * rule set's cut-off (rule {@code transfer}; Decree 61/2018 Art. 18.2: 15:00).
   */
  public Instant transfer(Instant acceptedAt, RuleSet rules) {
    return calendar.transferDeadline(acceptedAt, rules.transferCutOff());
  }

  /** Due instants of the steps inside one agency's leg, from the leg's step budgets (e-PAR style). */
  public LegDeadlines leg(Instant legStart, ResolvedLeg leg) {
    StepBudgets steps = leg.steps();
    BigDecimal half = new BigDecimal("0.5");
    BigDecimal assign = steps.reception().signum() > 0 ? steps.reception() : half.min(leg.workingDays());
    Instant assignDue = calendar.addWorkingDays(legStart, assign);
    BigDecimal appraisal = steps.handling().signum() > 0 ? steps.handling()
        : leg.workingDays().subtract(assign).subtract(steps.approval()).subtract(steps.returnToOneStop()).max(BigDecimal.ZERO);
    Instant appraiseDue = calendar.addWorkingDays(assignDue, appraisal);
    Instant legDue = calendar.addWorkingDays(legStart, leg.workingDays());
    Instant approveDue = steps.approval().signum() > 0 ? calendar.addWorkingDays(appraiseDue, steps.approval()) : legDue;
    if (approveDue.isAfter(legDue)) {
      approveDue = legDue;
    }
    return new LegDeadlines(assignDue, min(appraiseDue, approveDue), approveDue, legDue);
  }

  /**
   * Early / on time / late for a step done at {@code doneAt} against {@code dueAt}, as written on the
   * process-control slip (form 05): early when done on an earlier day than the due day.
   */
  public String timeliness(Instant doneAt, Instant dueAt) {
    if (dueAt == null) {
      return null;
    }
    if (doneAt.isAfter(dueAt)) {
      return "LATE";
    }
    LocalDate doneDay = doneAt.atZone(EngineTime.ZONE).toLocalDate();
    LocalDate dueDay = dueAt.atZone(EngineTime.ZONE).toLocalDate();
    return doneDay.isBefore(dueDay) ? "EARLY" : "ON_TIME";
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Step due instants inside a leg: assignment, appraisal, approval and the leg itself. */
  public record LegDeadlines(Instant assignDue, Instant appraiseDue, Instant approveDue, Instant legDue) {}
}
