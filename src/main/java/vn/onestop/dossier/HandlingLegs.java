package vn.onestop.dossier;

import vn.onestop.register.DossierRow;
import static vn.onestop.dossier.DossierVariables.*;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.LegArrangement;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.process.BpmnBean;
import vn.onestop.process.EngineTime;
import vn.onestop.process.JsonFormAnswers;

/**
 * The legs of a dossier's handling (Decree 61/2018 Art. 19.5-19.7): which agencies handle it, in
 * sequence (paper, Art. 19.6a: each passes its result to the next under a transfer slip) or in
 * parallel (electronic, Art. 19.6b), and across levels (Art. 19.7: the result comes back to the
 * receiving one-stop department). A single-window dossier is the one-leg case. Also the
 * consultations (lấy ý kiến, Art. 19.5) an agency asks of others inside its leg.
 */
@Component("legs")
@BpmnBean
public class HandlingLegs {

  private final DossierRows rows;
  private final ProcedureCatalog catalog;
  private final Organisation organisation;
  private final Deadlines deadlines;
  private final EngineTime time;
  private final DossierNotices notices;

  public HandlingLegs(DossierRows rows, ProcedureCatalog catalog, Organisation organisation, Deadlines deadlines,
      EngineTime time, DossierNotices notices) {
    this.rows = rows;
    this.catalog = catalog;
    this.organisation = organisation;
    this.deadlines = deadlines;
    this.time = time;
    this.notices = notices;
  }

  /**
   * Start of a handling round: the legs still without a result run now (all of them the first time;
   * after a supplement request, those that did not finish with a result). Their deadlines - the
   * facts of the transfer slip (phiếu chuyển xử lý) - are fixed now: one after the other for
   * SEQUENTIAL, all from now for PARALLEL.
   */
  public void plan(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
    Procedure procedure = catalog.find(d.procedureCode(), d.procedureVersion()).orElseThrow();
    boolean parallel = procedure.arrangement() == LegArrangement.PARALLEL;
    List<DossierRows.LegRow> pending = rows.legs(d.id()).stream()
        .filter(l -> !"RESULT".equals(l.outcome())).toList();
    Instant now = time.now();
    Instant start = now;
    List<String> slip = new ArrayList<>();
    for (DossierRows.LegRow leg : pending) {
      Instant due = deadlines.after(start, leg.budgetDays());
      rows.jdbc().update("""
          update onestop.dossier_leg set due_at = ?, outcome = null, started_at = null, finished_at = null,
            missing = null, refusal_reason = null where dossier_id = ? and leg_no = ?""",
          Timestamp.from(due), d.id(), leg.legNo());
      slip.add(leg.legNo() + ". " + organisation.get(leg.agencyId()).name() + ": " + leg.task()
          + " - hạn " + DossierNotices.format(due));
      if (!parallel) {
        start = due;
      }
    }
    rows.event(d.id(), now, "LEGS_PLANNED", null, d.receivingAgencyId(), null, null, null, null,
        (parallel ? "Song song" : "Tuần tự") + "\n" + String.join("\n", slip));
    execution.setVariable(PENDING_LEGS, pending.stream().map(l -> Integer.toString(l.legNo())).collect(Collectors.joining(",")));
    execution.setVariable(LEG_COUNT, pending.size());
    execution.setVariable(LEG_ARRANGEMENT, parallel ? "PARALLEL" : "SEQUENTIAL");
  }

  /** The leg number of the n-th instance of the multi-instance call ({@code loopCounter}). */
  public int legAt(String pendingLegs, Object loopCounter) {
    return Integer.parseInt(itemAt(pendingLegs, loopCounter));
  }

  /** Candidate groups of the n-th consulted agency's opinion task: its specialists and heads. */
  public String consultedGroups(String agencies, Object loopCounter) {
    Agency agency = organisation.get(itemAt(agencies, loopCounter));
    return agency.specialistsGroup() + "," + agency.headsGroup();
  }

  /** The n-th entry of a comma-separated list variable. */
  public String itemAt(String list, Object index) {
    String[] items = list.split(",");
    int i = ((Number) index).intValue();
    if (i < 0 || i >= items.length) {
      throw new IllegalStateException("No item " + i + " in '" + list + "'");
    }
    return items[i].trim();
  }

  /**
   * Completion condition of the legs: once a leg asks for a supplement or refuses, the round stops -
   * the legs still running are cancelled, those finished keep their results.
   */
  public boolean stopped(DelegateExecution execution) {
    Integer stopping = rows.jdbc().queryForObject(
        "select count(*) from onestop.dossier_leg where dossier_id = ? and outcome in ('SUPPLEMENT', 'REFUSED')",
        Integer.class, dossierId(execution));
    return stopping != null && stopping > 0;
  }

  /**
   * After the round: the dossier's outcome from its legs. A supplement request from any leg goes back
   * through the receiving one-stop department (Art. 19.4); a refusal refuses the dossier; otherwise
   * the results of all legs make the result.
   */
  public void combine(DelegateExecution execution) {
    long id = dossierId(execution);
    List<DossierRows.LegRow> legs = rows.legs(id);
    List<Map<String, Object>> decided = rows.jdbc().queryForList(
        "select leg_no, agency_id, outcome, missing, refusal_reason, result_summary from onestop.dossier_leg where dossier_id = ? order by leg_no", id);
    Map<String, Object> supplement = first(decided, "SUPPLEMENT");
    Map<String, Object> refusal = first(decided, "REFUSED");
    if (supplement != null) {
      execution.setVariable(HANDLING_OUTCOME, "SUPPLEMENT");
      execution.setVariable(MISSING_DOCUMENTS, supplement.get("missing"));
      execution.setVariable(RESPONSIBLE_AGENCY_ID, supplement.get("agency_id"));
    } else if (refusal != null) {
      execution.setVariable(HANDLING_OUTCOME, "REFUSED");
      execution.setVariable(REFUSAL_REASON, refusal.get("refusal_reason"));
      execution.setVariable(RESPONSIBLE_AGENCY_ID, refusal.get("agency_id"));
    } else {
      boolean allDone = legs.stream().allMatch(l -> "RESULT".equals(l.outcome()));
      if (!allDone) {
        throw new IllegalStateException("Dossier #" + id + " finished its legs without a result of every leg: " + legs);
      }
      execution.setVariable(HANDLING_OUTCOME, "RESULT");
      execution.setVariable(RESULT_SUMMARY, decided.stream().map(r -> (String) r.get("result_summary"))
          .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("; ")));
    }
  }

  private static Map<String, Object> first(List<Map<String, Object>> legs, String outcome) {
    return legs.stream().filter(l -> outcome.equals(l.get("outcome"))).findFirst().orElse(null);
  }

  // ---------------------------------------------------------------- consultation (Art. 19.5)

  /** Task_Appraise proposed CONSULT: the agencies asked, the question and the deadline. */
  public void requestConsultation(DelegateExecution execution) {
    long id = dossierId(execution);
    int legNo = ((Number) execution.getVariable(LEG_NO)).intValue();
    String asking = (String) execution.getVariable(HANDLING_AGENCY_ID);
    String question = Steps.required(execution, CONSULTATION_QUESTION, "Nội dung xin ý kiến");
    List<String> agencies = JsonFormAnswers.texts(Steps.required(execution, CONSULTED_AGENCIES, "Cơ quan được lấy ý kiến"));
    for (String agency : agencies) {
      if (organisation.find(agency).isEmpty() || agency.equals(asking)) {
        throw new DossierInputException(CONSULTED_AGENCIES, "Không thể lấy ý kiến cơ quan '" + agency + "'");
      }
    }
    BigDecimal days = new BigDecimal(Steps.text(execution, CONSULTATION_DAYS, "2"));
    if (days.signum() <= 0) {
      throw new DossierInputException(CONSULTATION_DAYS, "Thời hạn trả lời phải lớn hơn 0 ngày làm việc");
    }
    Instant now = time.now();
    Instant due = deadlines.after(deadlines.clockStart(now), days);
    for (String agency : agencies) {
      rows.jdbc().update("""
          insert into onestop.consultation (dossier_id, leg_no, asking_agency_id, agency_id, question, requested_at, due_at)
          values (?, ?, ?, ?, ?, ?, ?)""", id, legNo, asking, agency, question, Timestamp.from(now), Timestamp.from(due));
      rows.event(id, now, "CONSULTATION_REQUESTED", legNo, asking, agency, null, due, null, question);
    }
    execution.setVariable(CONSULTATION_AGENCIES, String.join(",", agencies));
    execution.setVariable(CONSULTATION_COUNT, agencies.size());
    execution.setVariable(CONSULTATION_DUE_AT, EngineTime.toDate(due));
  }

  /** Task_GiveOpinion, on complete: the consulted agency's written opinion. */
  public void opinionGiven(DelegateTask task) {
    long id = dossierId(task);
    String agency = itemAt((String) task.getVariable(CONSULTATION_AGENCIES), task.getVariable("loopCounter"));
    String opinion = Steps.required(task, OPINION, "Ý kiến");
    Instant now = time.now();
    String actor = task.getAssignee();
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      actor = auth.getUserId();
    }
    int updated = rows.jdbc().update("""
        update onestop.consultation set answered_at = ?, answered_by = ?, opinion = ?
        where id = (select max(id) from onestop.consultation where dossier_id = ? and agency_id = ? and answered_at is null)""",
        Timestamp.from(now), actor, opinion, id, agency);
    if (updated != 1) {
      throw new IllegalStateException("No open consultation of " + agency + " for dossier #" + id);
    }
    Instant due = EngineTime.toInstant(task.getVariable(CONSULTATION_DUE_AT));
    rows.event(id, now, "OPINION_GIVEN", ((Number) task.getVariable(LEG_NO)).intValue(), agency,
        (String) task.getVariable(HANDLING_AGENCY_ID), actor, due, deadlines.timeliness(now, due), opinion);
  }

  /**
   * A consulted agency is late: the head of the receiving one-stop department is told (Art. 19.5),
   * and the leg goes on without the missing opinions.
   */
  public void consultationOverdue(DelegateExecution execution) {
    long id = dossierId(execution);
    DossierRow d = rows.get(id);
    Instant now = time.now();
    List<String> late = rows.jdbc().queryForList(
        "select agency_id from onestop.consultation where dossier_id = ? and answered_at is null and overdue_notified_at is null",
        String.class, id);
    rows.jdbc().update("update onestop.consultation set overdue_notified_at = ? where dossier_id = ? and answered_at is null",
        Timestamp.from(now), id);
    for (String agency : late) {
      rows.event(id, now, "CONSULTATION_OVERDUE", ((Number) execution.getVariable(LEG_NO)).intValue(), agency,
          d.receivingAgencyId(), null, EngineTime.toInstant(execution.getVariable(CONSULTATION_DUE_AT)), "LATE", null);
    }
    Agency receiving = organisation.get(d.receivingAgencyId());
    notices.toStaff(d, organisation.oneStopFor(receiving.id()).headsGroup(), "CONSULTATION_OVERDUE", "Chậm trả lời ý kiến",
        "Hồ sơ " + d.code() + ": " + late.stream().map(a -> organisation.get(a).name()).collect(Collectors.joining(", "))
            + " chưa trả lời ý kiến đúng hạn (Nghị định 61/2018 Điều 19.5).", Map.of());
  }
}
