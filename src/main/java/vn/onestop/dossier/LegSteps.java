package vn.onestop.dossier;

import vn.onestop.register.DossierRow;
import static vn.onestop.dossier.Steps.*;
import static vn.onestop.dossier.DossierVariables.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.AgencyRole;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.ResolvedLeg;
import vn.onestop.process.EngineTime;
import vn.onestop.process.JsonFormAnswers;
import vn.onestop.process.WithoutAuthorization;

/**
 * The steps inside one agency's leg ({@code agency-handling.bpmn}, Decree 61/2018 Art. 19.2-19.4):
 * the leg's start with its step deadlines, assignment to a specialist, appraisal, approval, and the
 * leg's outcome written back to the register. Which legs run and how they combine is
 * {@link HandlingLegs}.
 */
@Component
class LegSteps {

  private final EngineTime time;
  private final DossierRows rows;
  private final Deadlines deadlines;
  private final ProcedureCatalog catalog;
  private final Organisation organisation;
  private final DossierNotices notices;

  LegSteps(EngineTime time, DossierRows rows, Deadlines deadlines, ProcedureCatalog catalog, Organisation organisation,
      DossierNotices notices) {
    this.time = time;
    this.rows = rows;
    this.deadlines = deadlines;
    this.catalog = catalog;
    this.organisation = organisation;
    this.notices = notices;
  }

  /**
   * agency-handling start: one agency's leg begins. Its deadline is the one fixed on the transfer slip
   * when the round was planned; the steps inside get their own from the leg's budgets. A leg at
   * another level (Art. 19.7) is announced to that level's one-stop department, which monitors it.
   */
  void legStarted(DelegateExecution execution) {
    long id = dossierId(execution);
    int legNo = legNo(execution);
    Instant now = time.now();
    List<DossierRows.LegRow> legs = rows.legs(id);
    DossierRows.LegRow leg = legs.stream().filter(l -> l.legNo() == legNo).findFirst()
        .orElseThrow(() -> new IllegalStateException("Dossier #" + id + " has no leg " + legNo));
    DossierRow d = rows.get(id);
    ResolvedLeg resolved = catalog.legsFor(catalog.find(d.procedureCode(), d.procedureVersion()).orElseThrow(),
        d.receivingAgencyId(), ReceptionPlaces.territoryOf(rows, id)).stream().filter(l -> l.order() == legNo).findFirst().orElseThrow();
    Deadlines.LegDeadlines steps = deadlines.leg(now, resolved);
    Instant legDue = leg.dueAt() != null ? leg.dueAt() : steps.legDue();
    rows.jdbc().update("update onestop.dossier_leg set started_at = ?, due_at = ?, finished_at = null, outcome = null, rounds = rounds + 1 where dossier_id = ? and leg_no = ?",
        Timestamp.from(now), Timestamp.from(legDue), id, legNo);
    String from = legs.stream().filter(l -> l.legNo() < legNo && "RESULT".equals(l.outcome()))
        .reduce((a, b) -> b).map(DossierRows.LegRow::agencyId).orElse(d.receivingAgencyId());
    rows.event(id, now, "LEG_STARTED", legNo, from, leg.agencyId(), null, legDue, null, leg.task());
    if (resolved.crossLevel()) {
      Agency upper = organisation.oneStopFor(leg.agencyId());
      notices.toStaff(d, upper.clerksGroup(), "CROSS_LEVEL_TRANSFER", "Hồ sơ liên thông từ cấp dưới",
          "Hồ sơ " + label(d) + " chuyển đến " + organisation.get(leg.agencyId()).name() + ", hạn "
              + DossierNotices.format(legDue) + " (Nghị định 61/2018 Điều 19.7).", Map.of());
    }
    execution.setVariable(HANDLING_AGENCY_ID, leg.agencyId());
    execution.setVariable(ASSIGN_DUE_AT, date(min(steps.assignDue(), legDue)));
    execution.setVariable(APPRAISE_DUE_AT, date(min(steps.appraiseDue(), legDue)));
    execution.setVariable(APPROVE_DUE_AT, date(min(steps.approveDue(), legDue)));
    execution.setVariable(LEG_DUE_AT, date(legDue));
  }

  /** Task_AssignSpecialist, on complete: the head names a specialist of the agency (Art. 19.2). */
  void assigned(DelegateTask task) {
    String specialist = required(task, SPECIALIST, "Chuyên viên thụ lý");
    String agency = text(task, HANDLING_AGENCY_ID, null);
    DossierRow d = rows.get(dossierId(task));
    List<String> groups = organisation.groupsActingFor(agency, AgencyRole.SPECIALISTS,
        LocalDate.ofInstant(time.now(), EngineTime.ZONE),
        organisation.territoryOf(ReceptionPlaces.territoryOf(rows, d.id()), d.receivingAgencyId()), d.procedureCode());
    // The head may not hold READ on user accounts; checking membership is the system's bookkeeping.
    boolean member = WithoutAuthorization.call(() -> groups.stream().anyMatch(group -> task.getProcessEngineServices()
        .getIdentityService().createUserQuery().userId(specialist).memberOfGroup(group).count() > 0));
    if (!member) {
      throw new DossierInputException(SPECIALIST, "'" + specialist + "' không thuộc nhóm chuyên viên "
          + String.join(" hoặc ", groups));
    }
    step(task, "ASSIGNED", ASSIGN_DUE_AT, specialist);
  }

  /** Task_Appraise, on complete: the specialist proposes the outcome (Art. 19.3-19.4, 19.8). */
  void appraised(DelegateTask task) {
    Outcome outcome = decision(task, PROPOSED_OUTCOME, "Đề xuất kết quả", Outcome.class);
    task.setVariable(PROPOSED_OUTCOME, outcome.name());
    switch (outcome) {
      case CONSULT -> {
        List<String> picked = JsonFormAnswers.texts(task.getVariable(CONSULTED_AGENCY_LIST));
        if (!picked.isEmpty()) {
          task.setVariable(CONSULTED_AGENCIES, String.join(",", picked));
        }
        required(task, CONSULTED_AGENCIES, "Cơ quan được lấy ý kiến");
        required(task, CONSULTATION_QUESTION, "Nội dung xin ý kiến");
      }
      case SUPPLEMENT -> required(task, MISSING_DOCUMENTS, "Nội dung cần bổ sung");
      case REFUSED -> required(task, REFUSAL_REASON, "Lý do từ chối giải quyết");
      case RESULT -> required(task, RESULT_SUMMARY, "Nội dung kết quả giải quyết");
    }
    step(task, "APPRAISED", APPRAISE_DUE_AT, outcome.name());
  }

  /** Task_Approve, on complete: the head approves and signs, or sends it back (Art. 19.3). */
  void approved(DelegateTask task) {
    boolean approved = Boolean.TRUE.equals(task.getVariable(APPROVED));
    step(task, approved ? "APPROVED" : "SENT_BACK", APPROVE_DUE_AT, text(task, APPROVAL_REMARKS, null));
  }

  private void step(DelegateTask task, String kind, String dueVariable, String note) {
    long id = dossierId(task);
    Instant now = time.now();
    Instant due = instant(task.getVariable(dueVariable));
    String agency = text(task, HANDLING_AGENCY_ID, null);
    rows.event(id, now, kind, legNo(task), agency, agency, actor(task), due, deadlines.timeliness(now, due), note);
  }

  /** agency-handling end: the leg's outcome goes back to the dossier. */
  void legFinished(DelegateExecution execution) {
    long id = dossierId(execution);
    int legNo = legNo(execution);
    String outcome = text(execution, PROPOSED_OUTCOME, "RESULT");
    Instant now = time.now();
    Instant legDue = instant(execution.getVariable(LEG_DUE_AT));
    rows.jdbc().update("""
        update onestop.dossier_leg set finished_at = ?, outcome = ?, late = late or ?, missing = ?, refusal_reason = ?, result_summary = ?
        where dossier_id = ? and leg_no = ?""",
        Timestamp.from(now), outcome, legDue != null && now.isAfter(legDue),
        outcome.equals("SUPPLEMENT") ? text(execution, MISSING_DOCUMENTS, null) : null,
        outcome.equals("REFUSED") ? text(execution, REFUSAL_REASON, null) : null,
        outcome.equals("RESULT") ? text(execution, RESULT_SUMMARY, null) : null, id, legNo);
    String agency = text(execution, HANDLING_AGENCY_ID, null);
    DossierRow d = rows.get(id);
    rows.event(id, now, "LEG_FINISHED", legNo, agency, d.receivingAgencyId(), null, legDue, deadlines.timeliness(now, legDue), outcome);
    execution.setVariable(HANDLING_OUTCOME, outcome);
  }
}
