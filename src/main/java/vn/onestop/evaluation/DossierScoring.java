package vn.onestop.evaluation;

import java.time.Instant;
import java.util.OptionalInt;
import vn.onestop.calendar.WorkingCalendar;

/**
 * The points of one dossier on the per-dossier indicators of Circular 01/2018/TT-VPCP Art. 13
 * (applied per Art. 14.1): 2, 1 or 0, or empty when the register has no data for the indicator.
 * Pure rules over {@link EvaluatedDossier}; the unit and staff totals are {@link UnitScoring}'s.
 *
 * <p>"Shorter than the allowed time" is read as in the KPI report (docs/kpis.md): finished on a day
 * before the appointment day; "equal" is finished on the appointment day or before it on the same
 * day; "longer" is late (a dossier that missed its appointment stays late even when a new one given with
 * an apology is met).
 */
public final class DossierScoring {

  private DossierScoring() {}

  /** Art. 13.1: total time against the legal time. */
  public static OptionalInt totalTime(EvaluatedDossier d) {
    if (d.finishedAt() == null || d.dueAt() == null) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(timeliness(d.finishedAt(), d.dueAt(), d.late()));
  }

  /**
   * Art. 13.2: each participating agency's time against its own limit; the dossier gets the points of
   * its worst leg (one late agency makes the dossier score 0). Legs not finished or without a
   * deadline are not scored; a dossier without scored legs has no data.
   */
  public static OptionalInt agencyTimes(EvaluatedDossier d) {
    return d.legs().stream()
        .filter(l -> l.finishedAt() != null && l.dueAt() != null)
        .mapToInt(l -> timeliness(l.finishedAt(), l.dueAt(), l.late()))
        .min();
  }

  /**
   * Art. 13.3: contacts with the reception point to complete the dossier — each supplement request
   * (phiếu yêu cầu bổ sung) is one. The exception "unless the applicant is at fault" needs a person's
   * judgement that the register does not hold: every request counts.
   */
  public static int contactsToComplete(EvaluatedDossier d) {
    return d.supplementCount() == 0 ? 2 : d.supplementCount() == 1 ? 1 : 0;
  }

  /**
   * Art. 13.4: agencies the applicant had to contact. A dossier filed fully online (toàn trình) and
   * never sent back for a supplement needed no contact (2); any other dossier went through the one-stop
   * department only (1), because OneStop routes every supplement and result through it. Site checks
   * and councils that the law makes the applicant attend (the clause's addition) are not modelled.
   */
  public static int agenciesContacted(EvaluatedDossier d) {
    return d.online() && "FULL_PROCESS".equals(d.onlineLevel()) && d.supplementCount() == 0 ? 2 : 1;
  }

  /**
   * Art. 13.6: the procedure disclosed both electronically and posted at the desk (2), or one of them
   * (1). The electronic disclosure is OneStop's public catalogue, where every procedure a dossier can be
   * filed under is published; the posting is a supervisor's input ({@code posted-at-desk}).
   */
  public static int disclosure(boolean postedAtDesk) {
    return postedAtDesk ? 2 : 1;
  }

  /**
   * Art. 13.7: staff attitude — a founded complaint about behaviour gives 0; else early 2, on time 1.
   * A late dossier meets neither condition of 2 or 1 points and scores 0.
   */
  public static OptionalInt attitude(EvaluatedDossier d) {
    if (d.complaint()) {
      return OptionalInt.of(0);
    }
    return totalTime(d);
  }

  /** 2 when finished on a day before the deadline's day, 1 when by the deadline, 0 when late. */
  static int timeliness(Instant finished, Instant due, boolean late) {
    if (late || finished.isAfter(due)) {
      return 0;
    }
    return finished.atZone(WorkingCalendar.ZONE).toLocalDate().isBefore(due.atZone(WorkingCalendar.ZONE).toLocalDate()) ? 2 : 1;
  }
}
