package vn.onestop.dossier;

import vn.onestop.register.DossierRow;
import static vn.onestop.dossier.Steps.*;
import static vn.onestop.dossier.DossierVariables.*;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.ResultKind;
import vn.onestop.catalog.SupplementClock;
import vn.onestop.process.EngineTime;

/**
 * Outcome and return (trả kết quả, Decree 61/2018 Art. 19.8, 20): on the spot, the result or the
 * refusal ready at the one-stop department, the hand-over with the applicant's rating, the reminder
 * of an uncollected result, and the withdrawal. Writes the resolution time the KPI report averages.
 */
@Component
class Outcomes {

  private final DossierRows rows;
  private final ProcedureCatalog catalog;
  private final Deadlines deadlines;
  private final EngineTime time;
  private final DossierSettings settings;
  private final DossierNotices notices;
  private final DossierPapers papers;
  private final Lateness lateness;
  private final DossierRuleSets rules;

  Outcomes(DossierRows rows, ProcedureCatalog catalog, Deadlines deadlines, EngineTime time, DossierSettings settings,
      DossierNotices notices, DossierPapers papers, Lateness lateness, DossierRuleSets rules) {
    this.rules = rules;
    this.rows = rows;
    this.catalog = catalog;
    this.deadlines = deadlines;
    this.time = time;
    this.settings = settings;
    this.notices = notices;
    this.papers = papers;
    this.lateness = lateness;
  }

  /** Task_ResolveOnTheSpot, on complete: resolved and returned at once (Art. 17.4). */
  void resolvedOnTheSpot(DelegateTask task) {
    DossierRow d = rows.get(dossierId(task));
    String outcome = required(task, HANDLING_OUTCOME, "Kết quả giải quyết").toUpperCase();
    if (!outcome.equals(Outcome.RESULT.name()) && !outcome.equals(Outcome.REFUSED.name())) {
      throw new DossierInputException(HANDLING_OUTCOME, "Kết quả giải quyết tại chỗ phải là RESULT hoặc REFUSED");
    }
    if (outcome.equals(Outcome.REFUSED.name())) {
      required(task, REFUSAL_REASON, "Lý do từ chối giải quyết");
    }
    Instant now = time.now();
    boolean late = now.isAfter(d.dueAt());
    rows.set(d.id(), "status = 'RETURNED', outcome = ?, finished_at = ?, returned_at = ?, late = ?, late_leg = ?, refusal_reason = ?,"
            + " resolution_working_days = ?",
        outcome, now, now, late, late ? d.handlingAgencyId() : null, text(task, REFUSAL_REASON, null), resolutionWorkingDays(d, now));
    papers.digitisedIfComplete(d.id(), actor(task));
    if (outcome.equals("RESULT")) {
      // Every result is issued electronically (plan: 100 %), on the spot too.
      Procedure procedure = procedure(d);
      if (procedure.result() != null && procedure.result().kind() == ResultKind.CERTIFIED_ECOPY) {
        papers.certifiedEcopy(d.id(), actor(task));
      } else {
        papers.electronicResult(d.id(), procedure.result() == null ? d.procedureName() : procedure.result().name(),
            text(task, RESULT_SUMMARY, d.procedureName()));
      }
    }
    rows.jdbc().update("update onestop.dossier_leg set started_at = ?, finished_at = ?, outcome = ?, due_at = ?, late = ? where dossier_id = ?",
        Timestamp.from(d.receivedAt()), Timestamp.from(now), outcome, Timestamp.from(d.dueAt()), late, d.id());
    rows.event(d.id(), now, "RESOLVED_ON_THE_SPOT", 1, d.handlingAgencyId(), d.receivingAgencyId(), actor(task),
        d.dueAt(), deadlines.timeliness(now, d.dueAt()), text(task, RESULT_SUMMARY, null));
    rows.event(d.id(), now, "RETURNED", null, d.receivingAgencyId(), null, actor(task), d.dueAt(),
        deadlines.timeliness(now, d.dueAt()), null);
    recordRating(d, task, now);
  }

  /** Refusal after appraisal, within the resolution time, returned through the one-stop department (Art. 19.8). */
  void refusedAfterAppraisal(DelegateExecution execution) {
    finish(execution, "REFUSED", required(execution, REFUSAL_REASON, "Lý do từ chối giải quyết"));
  }

  /** The result is ready at the one-stop department; an early one is announced (Art. 20.4). */
  void resultReady(DelegateExecution execution) {
    finish(execution, "RESULT", null);
  }

  private void finish(DelegateExecution execution, String outcome, String refusalReason) {
    DossierRow d = rows.get(dossierId(execution));
    Instant now = time.now();
    boolean late = now.isAfter(instant(execution.getVariable(LATE_AT))) || d.late();
    String lateLeg = null;
    if (late) {
      DossierRows.LegRow leg = lateness.responsibleLeg(d, now);
      lateLeg = d.lateLeg() != null ? d.lateLeg() : leg != null ? leg.agencyId() : d.handlingAgencyId();
      execution.setVariable(RESPONSIBLE_AGENCY_ID, lateLeg);
    }
    rows.set(d.id(), "status = 'FINISHED', outcome = ?, finished_at = ?, refusal_reason = coalesce(?, refusal_reason), late = ?, late_leg = ?,"
            + " resolution_working_days = ?" + (late ? ", explanation_required = true" : ""),
        outcome, now, refusalReason, late, lateLeg, resolutionWorkingDays(d, now));
    if (late && !Boolean.TRUE.equals(execution.getVariable(LATE))) {
      // The result came after the appointment but before the lateness timer ran: the explanation is still owed.
      lateness.owe(execution, now);
    }
    String timeliness = deadlines.timeliness(now, d.dueAt());
    rows.event(d.id(), now, outcome.equals("RESULT") ? "RESULT_READY" : "REFUSED", null, d.handlingAgencyId(), d.receivingAgencyId(),
        null, d.dueAt(), timeliness, refusalReason);
    execution.setVariable(UNCOLLECTED_REMINDER_AT, date(deadlines.after(d.dueAt().isAfter(now) ? d.dueAt() : now,
        settings.uncollectedReminderDays())));
    if (outcome.equals("RESULT")) {
      Procedure procedure = procedure(d);
      String documentName = procedure.result() == null ? d.procedureName() : procedure.result().name();
      papers.electronicResult(d.id(), documentName, text(execution, RESULT_SUMMARY, documentName));
      // announced in advance where the dossier's rule set requires it (rule earlyReturnNotice; Decree 61/2018 Art. 20.4)
      boolean early = "EARLY".equals(timeliness) && rules.of(d).earlyReturnNoticeRequired();
      notices.toApplicant(d, early ? "EARLY_RESULT" : "RESULT_READY",
          early ? "Thông báo trả kết quả trước hạn" : "Kết quả đã sẵn sàng",
          "Hồ sơ " + label(d) + " đã có kết quả" + (early ? " trước ngày hẹn " + DossierNotices.format(d.dueAt()) : "")
              + ". Mời ông/bà đến nhận tại Bộ phận Một cửa hoặc nhận trực tuyến.",
          Map.of("early", Boolean.toString(early)));
    } else {
      papers.refusal(d.id());
      notices.toApplicant(d, "REFUSAL", "Thông báo từ chối giải quyết hồ sơ",
          "Hồ sơ " + label(d) + " không được giải quyết. Lý do: " + refusalReason, Map.of("reason", refusalReason));
    }
  }

  /** Task_ReturnResult, on complete: handed over, with the applicant's rating if given (Art. 20). */
  void returned(DelegateTask task) {
    DossierRow d = rows.get(dossierId(task));
    Instant now = time.now();
    rows.set(d.id(), "status = 'RETURNED', returned_at = ?", now);
    rows.event(d.id(), now, "RETURNED", null, d.receivingAgencyId(), null, actor(task), d.dueAt(),
        deadlines.timeliness(now, d.dueAt()), text(task, RETURN_CHANNEL, Channel.DESK.name()));
    recordRating(d, task, now);
    papers.processControl(d.id());
  }

  private void recordRating(DossierRow d, DelegateTask task, Instant now) {
    Rating rating = optionalDecision(task, RATING, "Mức đánh giá", Rating.class);
    if (rating != null) {
      rows.set(d.id(), "rating = ?, rating_comment = ?, rated_at = ?, rated_by = 'CLERK'", rating.name(), text(task, RATING_COMMENT, null), now);
    }
  }

  /** Timer on an uncollected result: remind the applicant. */
  void remindUncollected(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
    notices.toApplicant(d, "RESULT_READY", "Nhắc nhận kết quả",
        "Kết quả hồ sơ " + label(d) + " đang chờ ông/bà đến nhận tại Bộ phận Một cửa.", Map.of());
    rows.event(d.id(), time.now(), "UNCOLLECTED_REMINDER", null, d.receivingAgencyId(), null, null, null, null, null);
  }

  /** The applicant withdrew the dossier before the result (message DossierWithdrawn). */
  void withdrawn(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
    rows.set(d.id(), "status = 'WITHDRAWN', outcome = 'WITHDRAWN', finished_at = ?", time.now());
    rows.event(d.id(), time.now(), "WITHDRAWN", null, null, d.receivingAgencyId(), text(execution, WITHDRAWN_BY, null), null, null,
        text(execution, WITHDRAWAL_REASON, null));
  }

  private BigDecimal resolutionWorkingDays(DossierRow d, Instant finished) {
    return DossierRules.resolutionWorkingDays(deadlines.calendar(), d.clockStartedAt(), d.receivedAt(), finished,
        d.supplementClock(), SupplementClock.PAUSE.name().equals(d.supplementClock()) ? rows.handlingPauses(d.id()) : List.of());
  }

  private Procedure procedure(DossierRow d) {
    return catalog.find(d.procedureCode(), d.procedureVersion()).orElseThrow();
  }
}
