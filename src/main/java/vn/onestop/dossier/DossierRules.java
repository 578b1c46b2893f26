package vn.onestop.dossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.SupplementClock;

/**
 * Two rules of the register that do not need the engine, kept apart so they are tested on their own:
 * whose delay a late dossier is (the responsible leg), and how many working days a dossier took (the
 * resolution time of the KPI report).
 */
final class DossierRules {

  private DossierRules() {}

  /**
   * Whose delay it is (the register names the leg, so supervisors see it): a leg already marked late;
   * else a running leg past its own deadline; else the first leg still running; null when every leg
   * has finished on time.
   */
  static DossierRows.LegRow responsibleLeg(List<DossierRows.LegRow> legs, Instant now) {
    return legs.stream().filter(DossierRows.LegRow::late).findFirst()
        .or(() -> legs.stream().filter(l -> l.finishedAt() == null && l.dueAt() != null && now.isAfter(l.dueAt())).findFirst())
        .or(() -> legs.stream().filter(l -> l.finishedAt() == null).findFirst())
        .orElse(null);
  }

  /**
   * The working time a dossier took, for the average resolution time: from the last (re)start of the
   * clock (else the reception) to the result, less the working days it spent with the applicant
   * ({@code pauses}) when the procedure version pauses (tạm dừng) instead of restarting; never negative,
   * two decimals.
   */
  static BigDecimal resolutionWorkingDays(WorkingCalendar calendar, Instant clockStartedAt, Instant receivedAt,
      Instant finished, String supplementClock, List<DossierRows.Pause> pauses) {
    Instant start = clockStartedAt != null ? clockStartedAt : receivedAt;
    if (start == null || finished.isBefore(start)) {
      return BigDecimal.ZERO;
    }
    BigDecimal days = calendar.workingDaysBetween(start, finished);
    if (SupplementClock.PAUSE.name().equals(supplementClock)) {
      for (DossierRows.Pause pause : pauses) {
        days = days.subtract(calendar.workingDaysBetween(pause.from(), pause.to()));
      }
    }
    return days.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * The appointment after a supplement during handling when the procedure version pauses (tạm dừng)
   * the clock instead of restarting it (national index, Decision 766): the appointment in force before
   * moves by the working time the dossier spent with the applicant, from the request to its return.
   */
  static Instant pausedAppointment(WorkingCalendar calendar, Instant appointmentBefore, Instant requestedAt, Instant returnedAt) {
    BigDecimal paused = requestedAt == null ? BigDecimal.ZERO : calendar.workingDaysBetween(requestedAt, returnedAt);
    return calendar.addWorkingDays(appointmentBefore, paused);
  }
}
