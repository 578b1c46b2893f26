package vn.onestop.dossier;

import vn.onestop.register.DossierRow;
import static vn.onestop.dossier.Steps.*;
import static vn.onestop.dossier.DossierVariables.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.SupplementClock;
import vn.onestop.process.EngineTime;
import vn.onestop.rules.RuleSet;
import vn.onestop.rules.SlipForm;

/**
 * Supplement and pause (bổ sung, hoàn thiện hồ sơ): the request made once and completely (form 02),
 * at the desk or after appraisal; the applicant's answer; the dossier that ends not accepted or
 * stopped when it never comes; and the clock that restarts - or pauses - afterwards (Decree 61/2018
 * Art. 15.2b, 17.1b, 19.4).
 */
@Component
class Supplements {

  private final DossierRows rows;
  private final Deadlines deadlines;
  private final EngineTime time;
  private final DossierSettings settings;
  private final DossierNotices notices;
  private final DossierPapers papers;
  private final DossierRuleSets rules;

  Supplements(DossierRows rows, Deadlines deadlines, EngineTime time, DossierSettings settings, DossierNotices notices,
      DossierPapers papers, DossierRuleSets rules) {
    this.rules = rules;
    this.rows = rows;
    this.deadlines = deadlines;
    this.time = time;
    this.settings = settings;
    this.notices = notices;
    this.papers = papers;
  }

  /** Incomplete at the desk: form 02, once and completely; no clock runs (Art. 15.2b, 17.1b). */
  void requestAtReception(DelegateExecution execution) {
    request(execution, "RECEPTION");
  }

  /**
   * Incomplete after appraisal: back to the applicant through the one-stop department, within the rule
   * set's working days of reception (rule {@code supplementNotice}; Decree 61/2018 Art. 19.4: 3).
   */
  void requestInHandling(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
    Instant now = time.now();
    RuleSet ruleSet = rules.of(d);
    String note = null;
    if (d.receivedAt() != null
        && now.isAfter(deadlines.after(deadlines.clockStart(d.receivedAt()), ruleSet.supplementNoticeDays()))) {
      note = "Yêu cầu bổ sung quá " + ruleSet.supplementNoticeDays().toPlainString()
          + " ngày làm việc kể từ ngày tiếp nhận (" + ruleSet.source("supplementNotice") + ")";
    }
    request(execution, "HANDLING");
    if (note != null) {
      rows.event(d.id(), now, "SUPPLEMENT_NOTICE_LATE", null, d.handlingAgencyId(), d.receivingAgencyId(), null, null, "LATE", note);
    }
  }

  private void request(DelegateExecution execution, String stage) {
    DossierRow d = rows.get(dossierId(execution));
    String missing = required(execution, MISSING_DOCUMENTS, "Nội dung cần bổ sung");
    String agency = stage.equals("RECEPTION") ? d.receivingAgencyId()
        : text(execution, RESPONSIBLE_AGENCY_ID, text(execution, HANDLING_AGENCY_ID, d.handlingAgencyId()));
    Instant now = time.now();
    rows.jdbc().update("""
        insert into onestop.supplement_request (dossier_id, stage, agency_id, requested_at, requested_by, missing)
        values (?, ?, ?, ?, ?, ?)""", d.id(), stage, agency, Timestamp.from(now), actor(execution), missing);
    rows.set(d.id(), "status = ?, supplement_count = supplement_count + 1", "SUPPLEMENT_REQUESTED");
    rows.event(d.id(), now, "SUPPLEMENT_REQUESTED", null, agency, d.receivingAgencyId(), actor(execution), null, null, missing);
    papers.supplementRequest(d.id());
    Instant waitUntil = deadlines.after(deadlines.clockStart(now), settings.supplementWaitDays());
    execution.setVariable(SUPPLEMENT_WAIT_UNTIL, date(waitUntil));
    notices.toApplicant(d, "SUPPLEMENT_REQUEST", "Yêu cầu bổ sung, hoàn thiện hồ sơ",
        "Hồ sơ " + label(d) + " cần bổ sung, hoàn thiện: " + missing + ". Vui lòng bổ sung trước "
            + DossierNotices.format(waitUntil) + ".",
        Map.of("missing", missing, "waitUntil", DossierNotices.format(waitUntil)));
  }

  /** The applicant brought what was missing (Task_AwaitSupplement*, on complete). */
  void received(DelegateTask task) {
    DossierRow d = rows.get(dossierId(task));
    Instant now = time.now();
    rows.jdbc().update("""
        update onestop.supplement_request set completed_at = ?
        where id = (select max(id) from onestop.supplement_request where dossier_id = ? and completed_at is null)""",
        Timestamp.from(now), d.id());
    rows.set(d.id(), "status = ?", d.receivedAt() == null ? "REGISTERED" : "IN_PROGRESS");
    rows.event(d.id(), now, "SUPPLEMENT_RECEIVED", null, null, d.receivingAgencyId(), actor(task), null, null, null);
    task.setVariable(RECEPTION_DECISION, null);
  }

  /** Never completed at the desk: the dossier ends as not accepted (không tiếp nhận). */
  void notAccepted(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
    rows.set(d.id(), "status = 'NOT_ACCEPTED', outcome = 'NOT_ACCEPTED'");
    rows.event(d.id(), time.now(), "NOT_ACCEPTED", null, d.receivingAgencyId(), null, null, null, null,
        "Hết thời hạn bổ sung, hoàn thiện hồ sơ");
  }

  /**
   * The applicant never completed the dossier during handling: processing stops, and where the rule set
   * says so (rule {@code stopNotice}; Circular 03/2025 form 05) the applicant gets a written notice.
   */
  void stopped(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
    rows.set(d.id(), "status = 'STOPPED', outcome = 'STOPPED', finished_at = ?", time.now());
    rows.event(d.id(), time.now(), "STOPPED", null, d.receivingAgencyId(), null, null, null, null, "Hết thời hạn bổ sung hồ sơ");
    RuleSet ruleSet = rules.of(d);
    if (ruleSet.stopNoticeWritten()) {
      papers.stopNotice(d.id());
      notices.toApplicant(d, "STOP_NOTICE", ruleSet.form(SlipForm.STOP_NOTICE).title(),
          "Hồ sơ " + label(d) + " đã dừng giải quyết vì hết thời hạn bổ sung, hoàn thiện hồ sơ.", Map.of());
    }
  }

  /**
   * The complete dossier is back after a supplement request: the resolution time restarts from zero
   * (Decree 61/2018 Art. 19.4), or - if the procedure version says PAUSE - the appointment moves by
   * the working time the dossier spent with the applicant (national index, Decision 766).
   */
  void restartClock(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
    Instant now = time.now();
    Instant appointment;
    Instant clockStart;
    if (SupplementClock.PAUSE.name().equals(d.supplementClock())) {
      appointment = DossierRules.pausedAppointment(deadlines.calendar(), d.originalDueAt(),
          rows.lastHandlingSupplementRequest(d.id()), now);
      clockStart = d.clockStartedAt();
    } else {
      clockStart = deadlines.clockStart(now);
      appointment = deadlines.appointment(clockStart, d.resolutionDays());
    }
    rows.set(d.id(), "status = 'IN_PROGRESS', clock_started_at = ?, original_due_at = ?, due_at = ?", clockStart, appointment, appointment);
    rows.event(d.id(), now, "CLOCK_RESTARTED", null, d.receivingAgencyId(), d.handlingAgencyId(), null, null, null,
        d.supplementClock() + ": hẹn mới " + DossierNotices.format(appointment));
    Reception.setAppointment(execution, deadlines, rules.of(d), appointment);
    notices.toApplicant(d, "RECEIPT", "Hẹn trả kết quả sau khi bổ sung hồ sơ",
        "Hồ sơ " + label(d) + " đã được bổ sung đầy đủ. Hẹn trả kết quả: " + DossierNotices.format(appointment) + ".",
        Map.of("appointment", DossierNotices.format(appointment)));
  }
}
