package vn.onestop.dossier;

import vn.onestop.register.DossierRow;
import static vn.onestop.dossier.Steps.*;
import static vn.onestop.dossier.DossierVariables.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Organisation;
import vn.onestop.process.EngineTime;
import vn.onestop.process.WithoutAuthorization;
import vn.onestop.rules.RuleSet;
import vn.onestop.rules.SlipForm;

/**
 * Lateness (trễ hạn, Decree 61/2018 Art. 19.9): the leg that answers for it, the apology with its new
 * appointment (form 04; under Circular 03/2025 also the request to extend the handling time) before the
 * appointment, as many as the dossier's rule set allows (rule {@code apology}), the dossier marked late
 * when the appointment passes, and the written explanation to the head.
 */
@Component
class Lateness {

  /** Tasks of one agency's leg whose due dates follow a new appointment. */
  static final Set<String> HANDLING_TASKS = Set.of("Task_AssignSpecialist", "Task_Appraise", "Task_Approve", "Task_ReturnResult");

  private final DossierRows rows;
  private final Organisation organisation;
  private final Deadlines deadlines;
  private final EngineTime time;
  private final DossierSettings settings;
  private final DossierNotices notices;
  private final DossierPapers papers;
  private final DossierRuleSets rules;

  Lateness(DossierRows rows, Organisation organisation, Deadlines deadlines, EngineTime time, DossierSettings settings,
      DossierNotices notices, DossierPapers papers, DossierRuleSets rules) {
    this.rules = rules;
    this.rows = rows;
    this.organisation = organisation;
    this.deadlines = deadlines;
    this.time = time;
    this.settings = settings;
    this.notices = notices;
    this.papers = papers;
  }

  /** The leg whose delay it is now (see {@link DossierRules#responsibleLeg}). */
  DossierRows.LegRow responsibleLeg(DossierRow d, Instant now) {
    return DossierRules.responsibleLeg(rows.legs(d.id()), now);
  }

  /**
   * The apology timer fired: the agency whose leg puts the appointment at risk writes it - the leg
   * already past its own deadline, else the one still running.
   */
  void apologyDue(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
    DossierRows.LegRow leg = responsibleLeg(d, time.now());
    execution.setVariable(RESPONSIBLE_AGENCY_ID, leg == null ? d.handlingAgencyId() : leg.agencyId());
  }

  /** Task_WriteApology, on complete: form 04 with the reason and the one new appointment. */
  void apologise(DelegateTask task) {
    DossierRow d = rows.get(dossierId(task));
    String reason = required(task, APOLOGY_REASON, "Lý do chậm");
    LocalDate newDay = dateField(task, NEW_DUE_DATE, "Ngày hẹn trả kết quả mới");
    if (!deadlines.calendar().isWorkingDay(newDay)) {
      throw new DossierInputException(NEW_DUE_DATE, "Ngày hẹn mới " + newDay + " không phải ngày làm việc");
    }
    Instant newDue = deadlines.endOfWorkingDay(newDay);
    if (!newDue.isAfter(d.dueAt())) {
      throw new DossierInputException(NEW_DUE_DATE, "Ngày hẹn mới phải sau ngày hẹn hiện tại " + DossierNotices.format(d.dueAt()));
    }
    RuleSet ruleSet = rules.of(d);
    Integer given = rows.jdbc().queryForObject("select count(*) from onestop.apology where dossier_id = ?", Integer.class, d.id());
    if (given != null && given >= ruleSet.maxNewAppointments()) {
      throw new DossierInputException(NEW_DUE_DATE, "Hồ sơ " + label(d) + " đã được hẹn lại " + given + " lần; chỉ được hẹn lại "
          + ruleSet.maxNewAppointments() + " lần (" + ruleSet.source("apology") + ")");
    }
    Instant now = time.now();
    String agency = text(task, RESPONSIBLE_AGENCY_ID, d.handlingAgencyId());
    rows.jdbc().update("""
        insert into onestop.apology (dossier_id, agency_id, leg_no, reason, previous_due_at, new_due_at, issued_at, issued_by)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", d.id(), agency, legOf(d.id(), agency), reason, Timestamp.from(d.dueAt()), Timestamp.from(newDue),
        Timestamp.from(now), actor(task));
    rows.set(d.id(), "due_at = ?, apology_at = ?, apology_required = true", newDue, now);
    rows.event(d.id(), now, "APOLOGY", null, agency, d.receivingAgencyId(), actor(task), instant(task.getVariable(LATE_AT)),
        deadlines.timeliness(now, instant(task.getVariable(APOLOGY_AT))), reason);
    task.getExecution().setVariable(DUE_AT, date(newDue));
    task.getExecution().setVariable(APOLOGY_ISSUED, true);
    moveOpenTaskDueDates(task, d, newDue);
    papers.apology(d.id());
    notices.toApplicant(d, "APOLOGY", ruleSet.form(SlipForm.APOLOGY).title(),
        "Hồ sơ " + label(d) + " chậm so với ngày hẹn. Lý do: " + reason + ". "
            + (ruleSet.apologyRequestsExtension() ? "Đề nghị gia hạn thời gian giải quyết đến: " : "Hẹn trả kết quả mới: ")
            + DossierNotices.format(newDue) + ". Chúng tôi thành thật xin lỗi.",
        Map.of("reason", reason, "newDueAt", DossierNotices.format(newDue)));
    notices.toStaff(d, organisation.get(d.receivingAgencyId()).clerksGroup(), "APOLOGY", "Hẹn lại ngày trả kết quả",
        "Cơ quan giải quyết hẹn lại hồ sơ " + label(d) + " đến " + DossierNotices.format(newDue) + ".", Map.of());
  }

  /** A new appointment moves the due dates of the dossier's open handling and return tasks. */
  private void moveOpenTaskDueDates(DelegateTask task, DossierRow d, Instant newDue) {
    var taskService = task.getProcessEngineServices().getTaskService();
    WithoutAuthorization.run(() -> {
      for (Task open : taskService.createTaskQuery().processInstanceBusinessKey(d.code()).list()) {
        if (HANDLING_TASKS.contains(open.getTaskDefinitionKey()) && !open.getId().equals(task.getId())) {
          open.setDueDate(date(newDue));
          taskService.saveTask(open);
        }
      }
    });
  }

  /** Timer at the appointment: the dossier is late, whatever comes later (DOMAIN §2.8). */
  void markLate(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
    Instant now = time.now();
    DossierRows.LegRow leg = responsibleLeg(d, now);
    String agency = leg == null ? d.handlingAgencyId() : leg.agencyId();
    // The dossier, its responsible leg and the LATE line of the process-control record in one statement: this runs in
    // every deadline timer's transaction, where each round trip counts (issue 18.3, docs/benchmarks.md).
    // The leg's row is locked before the dossier's, as the head's approval of the leg's outcome locks them (the leg,
    // then the dossier's result): in the other order the deadline and that approval deadlocked, and PostgreSQL aborted
    // one of them (DeadlineMeetsApprovalTest). The order of a WITH's updates is otherwise unspecified; the dossier's
    // update reads the leg's count, so it cannot run before the leg's update has finished.
    int events = rows.jdbc().update("""
        with leg as (
          update onestop.dossier_leg set late = true where dossier_id = ? and leg_no = ? returning leg_no),
        marked as (
          update onestop.dossier set late = true, late_leg = coalesce(late_leg, ?), explanation_required = true,
            updated_at = now() where id = ? and (select count(*) from leg) >= 0 returning id)
        insert into onestop.dossier_event (dossier_id, at, kind, from_agency_id, due_at, timeliness)
        select id, cast(? as timestamptz), 'LATE', cast(? as varchar), cast(? as timestamptz), 'LATE' from marked""",
        d.id(), leg == null ? null : leg.legNo(), agency, d.id(), Timestamp.from(now), agency,
        d.dueAt() == null ? null : Timestamp.from(d.dueAt()));
    if (events != 1) {
      throw new IllegalStateException("Dossier #" + d.id() + " is not in the register");
    }
    if (!java.util.Objects.equals(agency, execution.getVariable(RESPONSIBLE_AGENCY_ID))) {
      // usually unchanged (one leg): an unchanged value would still cost an update and its history (issue 18.3)
      execution.setVariable(RESPONSIBLE_AGENCY_ID, agency);
    }
    execution.setVariable(LATE, true);
    execution.setVariable(EXPLANATION_DUE_AT, date(deadlines.after(deadlines.clockStart(now), settings.explanationDays())));
  }

  /** Task_WriteExplanation, on complete: the written explanation to the head (plan II.6). */
  void explain(DelegateTask task) {
    DossierRow d = rows.get(dossierId(task));
    String text = required(task, EXPLANATION, "Nội dung giải trình");
    Instant now = time.now();
    String agency = text(task, RESPONSIBLE_AGENCY_ID, d.handlingAgencyId());
    rows.jdbc().update("""
        insert into onestop.explanation (dossier_id, agency_id, leg_no, text, written_at, written_by) values (?, ?, ?, ?, ?, ?)""",
        d.id(), agency, legOf(d.id(), agency), text, Timestamp.from(now), actor(task));
    rows.set(d.id(), "explanation_at = ?", now);
    rows.event(d.id(), now, "EXPLANATION", null, agency, null, actor(task), instant(task.getVariable(EXPLANATION_DUE_AT)),
        deadlines.timeliness(now, instant(task.getVariable(EXPLANATION_DUE_AT))), text);
  }

  /** Explanation owed from now (after the result came late, before the lateness timer ran). */
  void owe(DelegateExecution execution, Instant now) {
    execution.setVariable(LATE, true);
    execution.setVariable(EXPLANATION_OWED, true);
    execution.setVariable(EXPLANATION_DUE_AT, date(deadlines.after(deadlines.clockStart(now), settings.explanationDays())));
  }

  private Integer legOf(long dossierId, String agency) {
    return rows.legs(dossierId).stream().filter(l -> l.agencyId().equals(agency)).map(DossierRows.LegRow::legNo)
        .findFirst().orElse(null);
  }
}
