package vn.onestop.dossier;

import static vn.onestop.process.ProcessVariables.*;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.AgencyRole;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.RequiredDocument;
import vn.onestop.catalog.ResolvedLeg;
import vn.onestop.catalog.ResultKind;
import vn.onestop.catalog.SupplementClock;
import vn.onestop.process.BpmnBean;
import vn.onestop.process.FormValues;
import vn.onestop.process.EngineTime;
import vn.onestop.process.WithoutAuthorization;

/**
 * The dossier register (sổ theo dõi hồ sơ) as the models see it: every step of {@code dossier.bpmn}
 * and {@code agency-handling.bpmn} calls one method here, which writes the register row, the
 * process-control record (form 05) and the facts each slip needs, in the engine's transaction, and
 * hands the deadlines back to the model as process variables. Decree 61/2018 Art. 15-20.
 */
@Component("dossierRegister")
@BpmnBean
public class DossierRegister {

  static final Set<String> CHANNELS = Set.of("DESK", "ONLINE", "POST");
  static final Set<String> RECEPTION_DECISIONS = Set.of("ACCEPT", "SUPPLEMENT", "REFUSE");
  static final Set<String> HANDLING_OUTCOMES = Set.of("RESULT", "SUPPLEMENT", "REFUSED");
  static final Set<String> RATINGS = Set.of("VERY_SATISFIED", "SATISFIED", "NOT_SATISFIED");
  /** Tasks of one agency's leg whose due dates follow a new appointment. */
  static final Set<String> HANDLING_TASKS = Set.of("Task_AssignSpecialist", "Task_Appraise", "Task_Approve", "Task_ReturnResult");

  private final DossierRows rows;
  private final ProcedureCatalog catalog;
  private final Organisation organisation;
  private final Deadlines deadlines;
  private final DossierCodes codes;
  private final EngineTime time;
  private final DossierSettings settings;
  private final DossierNotices notices;
  private final DossierPapers papers;

  public DossierRegister(DossierRows rows, ProcedureCatalog catalog, Organisation organisation, Deadlines deadlines,
      DossierCodes codes, EngineTime time, DossierSettings settings, DossierNotices notices, DossierPapers papers) {
    this.papers = papers;
    this.rows = rows;
    this.catalog = catalog;
    this.organisation = organisation;
    this.deadlines = deadlines;
    this.codes = codes;
    this.time = time;
    this.settings = settings;
    this.notices = notices;
  }

  // ---------------------------------------------------------------- reception (Art. 15-17)

  /** Start of a dossier: checks what the clerk or the portal gave and opens its register row. */
  public void register(DelegateExecution execution) {
    Procedure procedure = procedureOf(execution);
    Agency receiving = receivingAgency(execution, procedure);
    // Required on every path (Tasklist form, engine REST, portal API): no silent default to the desk.
    String channel = required(execution, CHANNEL, "Hình thức nộp (DESK, ONLINE, POST)").toUpperCase();
    if (!CHANNELS.contains(channel)) {
      throw new DossierInputException(CHANNEL, "Kênh tiếp nhận '" + channel + "' không hợp lệ (DESK, ONLINE, POST)");
    }
    String applicant = required(execution, APPLICANT_NAME, "Họ tên người nộp hồ sơ");
    List<ResolvedLeg> legs = catalog.legsFor(procedure, receiving.id());
    String handling = legs.stream().filter(ResolvedLeg::lead).findFirst().orElse(legs.get(0)).agencyId();
    Instant now = time.now();

    GeneratedKeyHolder key = new GeneratedKeyHolder();
    rows.jdbc().update(connection -> {
      var sql = connection.prepareStatement("""
          insert into onestop.dossier (process_instance_id, procedure_code, procedure_version, procedure_name, field, level,
            interlinked, receiving_agency_id, handling_agency_id, channel, online_level, portal_dossier_id,
            applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address, status,
            resolution_days, supplement_clock, submitted_at, fee_amount, fee_paid, fee_paid_online, fee_transaction_ref)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?, ?, ?, ?, ?)""",
          new String[] {"id"});
      int i = 1;
      sql.setString(i++, execution.getProcessInstanceId());
      sql.setString(i++, procedure.code());
      sql.setString(i++, procedure.version());
      sql.setString(i++, procedure.name());
      sql.setString(i++, procedure.field());
      sql.setString(i++, procedure.level().name());
      sql.setBoolean(i++, procedure.interlinked());
      sql.setString(i++, receiving.id());
      sql.setString(i++, handling);
      sql.setString(i++, channel);
      sql.setString(i++, "ONLINE".equals(channel) ? text(execution, "onlineLevel", procedure.onlineLevel().name()) : null);
      sql.setString(i++, text(execution, "portalDossierId", null));
      sql.setString(i++, applicant);
      sql.setString(i++, text(execution, APPLICANT_ID_NUMBER, null));
      sql.setString(i++, text(execution, APPLICANT_PHONE, null));
      sql.setString(i++, text(execution, APPLICANT_EMAIL, null));
      sql.setString(i++, text(execution, APPLICANT_ADDRESS, null));
      sql.setBigDecimal(i++, procedure.resolutionDays());
      sql.setString(i++, procedure.supplementClock() == null ? SupplementClock.RESTART.name() : procedure.supplementClock().name());
      sql.setTimestamp(i++, Timestamp.from(now));
      sql.setBigDecimal(i++, procedure.fee() == null ? null : procedure.fee().amountVnd());
      boolean paid = Boolean.TRUE.equals(execution.getVariable("feePaid"));
      sql.setBoolean(i++, paid);
      sql.setBoolean(i++, paid && "ONLINE".equals(channel));
      sql.setString(i, text(execution, "feeTransactionRef", null));
      return sql;
    }, key);
    long id = key.getKey().longValue();
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey("REG-" + id);
    }
    rows.event(id, now, "SUBMITTED", null, null, receiving.id(), actor(execution), null, null, channel);

    execution.setVariable(DOSSIER_ID, id);
    execution.setVariable(PROCEDURE_CODE, procedure.code());
    execution.setVariable(PROCEDURE_VERSION, procedure.version());
    execution.setVariable(PROCEDURE_NAME, procedure.name());
    execution.setVariable(RECEIVING_AGENCY_ID, receiving.id());
    execution.setVariable(HANDLING_AGENCY_ID, handling);
    execution.setVariable(RESPONSIBLE_AGENCY_ID, handling);
    execution.setVariable(CHANNEL, channel);
    execution.setVariable(ON_THE_SPOT, procedure.onTheSpot());
    execution.setVariable(REQUIRED_DOCUMENTS, requiredDocuments(procedure));
    execution.setVariable(LATE, false);
    execution.setVariable(APOLOGY_ISSUED, false);
    execution.setVariable(EXPLANATION_OWED, false);
    execution.setVariable(CHECK_DUE_AT, date(deadlines.after(deadlines.clockStart(now), settings.receptionCheckDays())));
    execution.setVariable(REUSABLE_DOCUMENTS, papers.reusableOffer(id));
  }

  /** Task_CheckDossier, on complete: the decision must be complete before it leaves the desk. */
  public void checkDecision(DelegateTask task) {
    String decision = required(task, RECEPTION_DECISION, "Kết quả kiểm tra hồ sơ").toUpperCase();
    if (!RECEPTION_DECISIONS.contains(decision)) {
      throw new DossierInputException(RECEPTION_DECISION, "Kết quả kiểm tra '" + decision + "' không hợp lệ");
    }
    task.setVariable(RECEPTION_DECISION, decision);
    if (decision.equals("SUPPLEMENT")) {
      required(task, MISSING_DOCUMENTS, "Nội dung cần bổ sung, hoàn thiện (hướng dẫn một lần, đầy đủ)");
    }
    if (decision.equals("REFUSE")) {
      required(task, REFUSAL_REASON, "Lý do từ chối");
    }
  }

  /** Incomplete at the desk: form 02, once and completely; no clock runs (Art. 15.2b, 17.1b). */
  public void requestSupplementAtReception(DelegateExecution execution) {
    requestSupplement(execution, "RECEPTION", "SUPPLEMENT_REQUESTED");
  }

  /** Incomplete after appraisal: back to the applicant through the one-stop department (Art. 19.4). */
  public void requestSupplementInHandling(DelegateExecution execution) {
    DossierRow d = dossier(execution);
    Instant now = time.now();
    String note = null;
    if (d.receivedAt() != null
        && now.isAfter(deadlines.after(deadlines.clockStart(d.receivedAt()), settings.supplementNoticeDays()))) {
      note = "Yêu cầu bổ sung quá " + settings.supplementNoticeDays().toPlainString()
          + " ngày làm việc kể từ ngày tiếp nhận (Nghị định 61/2018 Điều 19.4)";
    }
    requestSupplement(execution, "HANDLING", "SUPPLEMENT_REQUESTED");
    if (note != null) {
      rows.event(d.id(), now, "SUPPLEMENT_NOTICE_LATE", null, d.handlingAgencyId(), d.receivingAgencyId(), null, null, "LATE", note);
    }
  }

  private void requestSupplement(DelegateExecution execution, String stage, String status) {
    DossierRow d = dossier(execution);
    String missing = required(execution, MISSING_DOCUMENTS, "Nội dung cần bổ sung");
    String agency = stage.equals("RECEPTION") ? d.receivingAgencyId()
        : text(execution, RESPONSIBLE_AGENCY_ID, text(execution, HANDLING_AGENCY_ID, d.handlingAgencyId()));
    Instant now = time.now();
    rows.jdbc().update("""
        insert into onestop.supplement_request (dossier_id, stage, agency_id, requested_at, requested_by, missing)
        values (?, ?, ?, ?, ?, ?)""", d.id(), stage, agency, Timestamp.from(now), actor(execution), missing);
    rows.set(d.id(), "status = ?, supplement_count = supplement_count + 1", status);
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
  public void supplementReceived(DelegateTask task) {
    DossierRow d = dossier(task);
    Instant now = time.now();
    rows.jdbc().update("""
        update onestop.supplement_request set completed_at = ?
        where id = (select max(id) from onestop.supplement_request where dossier_id = ? and completed_at is null)""",
        Timestamp.from(now), d.id());
    rows.set(d.id(), "status = ?", d.receivedAt() == null ? "REGISTERED" : "IN_PROGRESS");
    rows.event(d.id(), now, "SUPPLEMENT_RECEIVED", null, null, d.receivingAgencyId(), actor(task), null, null, null);
    task.setVariable(RECEPTION_DECISION, null);
  }

  /** Never completed: the dossier ends as not accepted (không tiếp nhận). */
  public void notAccepted(DelegateExecution execution) {
    DossierRow d = dossier(execution);
    rows.set(d.id(), "status = 'NOT_ACCEPTED', outcome = 'NOT_ACCEPTED'");
    rows.event(d.id(), time.now(), "NOT_ACCEPTED", null, d.receivingAgencyId(), null, null, null, null,
        "Hết thời hạn bổ sung, hoàn thiện hồ sơ");
  }

  /** Refused at the desk: form 03 with the reason (Art. 15.2c, 17.1c). */
  public void refuseAtReception(DelegateExecution execution) {
    DossierRow d = dossier(execution);
    String reason = required(execution, REFUSAL_REASON, "Lý do từ chối");
    rows.set(d.id(), "status = 'REFUSED', outcome = 'NOT_ACCEPTED', refusal_reason = ?", reason);
    rows.event(d.id(), time.now(), "REFUSED_AT_RECEPTION", null, d.receivingAgencyId(), null, actor(execution), null, null, reason);
    papers.refusal(d.id());
    notices.toApplicant(d, "REFUSAL", "Từ chối tiếp nhận hồ sơ", "Hồ sơ " + label(d) + " không được tiếp nhận: " + reason,
        Map.of("reason", reason));
  }

  /**
   * Accepted: the dossier code is issued, it becomes the business key, and the appointment is computed
   * from the working calendar (form 01; Art. 17.1d).
   */
  public void accept(DelegateExecution execution) {
    DossierRow d = dossier(execution);
    Agency receiving = organisation.get(d.receivingAgencyId());
    Instant now = time.now();
    LocalDate receiptDay = now.atZone(WorkingCalendar.ZONE).toLocalDate();
    String code = codes.issue(receiving.code(), receiptDay).toString();
    Instant clockStart = deadlines.clockStart(now);
    Instant appointment = deadlines.appointment(clockStart, d.resolutionDays());
    rows.set(d.id(), "code = ?, status = 'ACCEPTED', received_at = ?, clock_started_at = ?, original_due_at = ?, due_at = ?",
        code, now, clockStart, appointment, appointment);
    rows.event(d.id(), now, "RECEIVED", null, null, d.receivingAgencyId(), actor(execution), null, null, null);
    execution.setProcessBusinessKey(code);
    execution.setVariable(DOSSIER_CODE, code);
    setAppointment(execution, appointment);
    execution.setVariable(TRANSFER_DUE_AT, date(deadlines.transfer(now)));
    ResolvedLegs.insert(rows, d.id(), catalog.legsFor(catalog.find(d.procedureCode(), d.procedureVersion()).orElseThrow(),
        d.receivingAgencyId()));
    if (d.resolutionDays().signum() > 0) {
      papers.receipt(d.id());
      notices.toApplicant(d, "RECEIPT", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
          "Hồ sơ " + d.procedureName() + " đã được tiếp nhận, mã số " + code + ". Hẹn trả kết quả: "
              + DossierNotices.format(appointment) + ".",
          Map.of("appointment", DossierNotices.format(appointment), "code", code));
    }
  }

  private void setAppointment(VariableScope scope, Instant appointment) {
    scope.setVariable(DUE_AT, date(appointment));
    scope.setVariable(LATE_AT, date(appointment));
    scope.setVariable(APOLOGY_AT, date(deadlines.apologyTime(appointment)));
  }

  /** Task_ResolveOnTheSpot, on complete: resolved and returned at once (Art. 17.4). */
  public void resolvedOnTheSpot(DelegateTask task) {
    DossierRow d = dossier(task);
    String outcome = required(task, HANDLING_OUTCOME, "Kết quả giải quyết").toUpperCase();
    if (!Set.of("RESULT", "REFUSED").contains(outcome)) {
      throw new DossierInputException(HANDLING_OUTCOME, "Kết quả giải quyết tại chỗ phải là RESULT hoặc REFUSED");
    }
    if (outcome.equals("REFUSED")) {
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
      Procedure procedure = catalog.find(d.procedureCode(), d.procedureVersion()).orElseThrow();
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

  /** Task_DigitiseDossier, on complete: every component scanned (Decree 45/2020; Art. 17.1). */
  public void digitised(DelegateTask task) {
    DossierRow d = dossier(task);
    Instant now = time.now();
    papers.confirmDigitised(d.id(), actor(task));
    rows.event(d.id(), now, "DIGITISED", null, d.receivingAgencyId(), d.receivingAgencyId(), actor(task),
        instant(task.getVariable(TRANSFER_DUE_AT)), null, null);
  }

  /** Online dossiers go to the handling agency electronically at once (Art. 18.1). */
  public void transferredElectronically(DelegateExecution execution) {
    DossierRow d = dossier(execution);
    Instant now = time.now();
    rows.set(d.id(), "status = 'IN_PROGRESS', digitised = true, digitised_at = coalesce(digitised_at, ?)", now);
    rows.event(d.id(), now, "TRANSFERRED", null, d.receivingAgencyId(), d.handlingAgencyId(), null, null, "ON_TIME",
        "Chuyển hồ sơ điện tử");
  }

  /** Task_TransferDossier, on complete: the paper dossier handed to the handling agency (Art. 18.2). */
  public void transferredByClerk(DelegateTask task) {
    DossierRow d = dossier(task);
    Instant now = time.now();
    Instant due = instant(task.getVariable(TRANSFER_DUE_AT));
    rows.set(d.id(), "status = 'IN_PROGRESS'");
    rows.event(d.id(), now, "TRANSFERRED", null, d.receivingAgencyId(), d.handlingAgencyId(), actor(task), due,
        deadlines.timeliness(now, due), null);
  }

  /** Timer on the transfer: tell the head of the one-stop department. */
  public void transferLate(DelegateExecution execution) {
    DossierRow d = dossier(execution);
    notices.toStaff(d, organisation.get(d.receivingAgencyId()).headsGroup(), "TRANSFER_LATE", "Chậm chuyển hồ sơ",
        "Hồ sơ " + label(d) + " chưa được chuyển đến cơ quan giải quyết đúng hạn (Nghị định 61/2018 Điều 18).", Map.of());
  }

  // ---------------------------------------------------------------- handling (Art. 19)

  /**
   * agency-handling start: one agency's leg begins. Its deadline is the one fixed on the transfer slip
   * when the round was planned; the steps inside get their own from the leg's budgets. A leg at
   * another level (Art. 19.7) is announced to that level's one-stop department, which monitors it.
   */
  public void legStarted(DelegateExecution execution) {
    long id = dossierId(execution);
    int legNo = legNo(execution);
    Instant now = time.now();
    List<DossierRows.LegRow> legs = rows.legs(id);
    DossierRows.LegRow leg = legs.stream().filter(l -> l.legNo() == legNo).findFirst()
        .orElseThrow(() -> new IllegalStateException("Dossier #" + id + " has no leg " + legNo));
    DossierRow d = rows.get(id);
    ResolvedLeg resolved = catalog.legsFor(catalog.find(d.procedureCode(), d.procedureVersion()).orElseThrow(),
        d.receivingAgencyId()).stream().filter(l -> l.order() == legNo).findFirst().orElseThrow();
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

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Task_AssignSpecialist, on complete: the head names a specialist of the agency (Art. 19.2). */
  public void assigned(DelegateTask task) {
    String specialist = required(task, SPECIALIST, "Chuyên viên thụ lý");
    String agency = text(task, HANDLING_AGENCY_ID, null);
    List<String> groups = organisation.groupsActingFor(agency, AgencyRole.SPECIALISTS,
        LocalDate.ofInstant(time.now(), ProcedureCatalog.VIETNAM));
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
  public void appraised(DelegateTask task) {
    String outcome = required(task, PROPOSED_OUTCOME, "Đề xuất kết quả").toUpperCase();
    if (!HANDLING_OUTCOMES.contains(outcome) && !outcome.equals("CONSULT")) {
      throw new DossierInputException(PROPOSED_OUTCOME, "Đề xuất '" + outcome + "' không hợp lệ (RESULT, SUPPLEMENT, REFUSED, CONSULT)");
    }
    task.setVariable(PROPOSED_OUTCOME, outcome);
    switch (outcome) {
      case "CONSULT" -> {
        required(task, CONSULTED_AGENCIES, "Cơ quan được lấy ý kiến");
        required(task, CONSULTATION_QUESTION, "Nội dung xin ý kiến");
      }
      case "SUPPLEMENT" -> required(task, MISSING_DOCUMENTS, "Nội dung cần bổ sung");
      case "REFUSED" -> required(task, REFUSAL_REASON, "Lý do từ chối giải quyết");
      default -> required(task, RESULT_SUMMARY, "Nội dung kết quả giải quyết");
    }
    step(task, "APPRAISED", APPRAISE_DUE_AT, outcome);
  }

  /** Task_Approve, on complete: the head approves and signs, or sends it back (Art. 19.3). */
  public void approved(DelegateTask task) {
    boolean approved = Boolean.TRUE.equals(task.getVariable(APPROVED));
    step(task, approved ? "APPROVED" : "SENT_BACK", APPROVE_DUE_AT, text(task, "approvalRemarks", null));
  }

  private void step(DelegateTask task, String kind, String dueVariable, String note) {
    long id = dossierId(task);
    Instant now = time.now();
    Instant due = instant(task.getVariable(dueVariable));
    String agency = text(task, HANDLING_AGENCY_ID, null);
    rows.event(id, now, kind, legNo(task), agency, agency, actor(task), due, deadlines.timeliness(now, due), note);
  }

  /** agency-handling end: the leg's outcome goes back to the dossier. */
  public void legFinished(DelegateExecution execution) {
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

  // ---------------------------------------------------------------- late: apology and explanation (Art. 19.9)

  /** Task_WriteApology, on complete: form 04 with the reason and the one new appointment. */
  public void apologise(DelegateTask task) {
    DossierRow d = dossier(task);
    String reason = required(task, APOLOGY_REASON, "Lý do chậm");
    LocalDate newDay = dateField(task, NEW_DUE_DATE, "Ngày hẹn trả kết quả mới");
    if (!deadlines.calendar().isWorkingDay(newDay)) {
      throw new DossierInputException(NEW_DUE_DATE, "Ngày hẹn mới " + newDay + " không phải ngày làm việc");
    }
    Instant newDue = deadlines.endOfWorkingDay(newDay);
    if (!newDue.isAfter(d.dueAt())) {
      throw new DossierInputException(NEW_DUE_DATE, "Ngày hẹn mới phải sau ngày hẹn hiện tại " + DossierNotices.format(d.dueAt()));
    }
    Integer exists = rows.jdbc().queryForObject("select count(*) from onestop.apology where dossier_id = ?", Integer.class, d.id());
    if (exists != null && exists > 0) {
      throw new DossierInputException(NEW_DUE_DATE, "Hồ sơ " + label(d) + " đã được hẹn lại một lần; chỉ được hẹn lại một lần (Nghị định 61/2018 Điều 19.9)");
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
    notices.toApplicant(d, "APOLOGY", "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
        "Hồ sơ " + label(d) + " chậm so với ngày hẹn. Lý do: " + reason + ". Hẹn trả kết quả mới: "
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
  public void markLate(DelegateExecution execution) {
    DossierRow d = dossier(execution);
    Instant now = time.now();
    DossierRows.LegRow leg = responsibleLeg(d, now);
    String agency = leg == null ? d.handlingAgencyId() : leg.agencyId();
    rows.set(d.id(), "late = true, late_leg = coalesce(late_leg, ?), explanation_required = true", agency);
    if (leg != null) {
      rows.jdbc().update("update onestop.dossier_leg set late = true where dossier_id = ? and leg_no = ?", d.id(), leg.legNo());
    }
    execution.setVariable(RESPONSIBLE_AGENCY_ID, agency);
    rows.event(d.id(), now, "LATE", null, agency, null, null, d.dueAt(), "LATE", null);
    execution.setVariable(LATE, true);
    execution.setVariable(EXPLANATION_DUE_AT, date(deadlines.after(deadlines.clockStart(now), settings.explanationDays())));
  }

  /** Task_WriteExplanation, on complete: the written explanation to the head (plan II.6). */
  public void explain(DelegateTask task) {
    DossierRow d = dossier(task);
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

  // ---------------------------------------------------------------- after handling

  /**
   * The complete dossier is back after a supplement request: the resolution time restarts from zero
   * (Decree 61/2018 Art. 19.4), or - if the procedure version says PAUSE - the appointment moves by
   * the working time the dossier spent with the applicant (national index, Decision 766).
   */
  public void restartClock(DelegateExecution execution) {
    DossierRow d = dossier(execution);
    Instant now = time.now();
    Instant appointment;
    Instant clockStart;
    if ("PAUSE".equals(d.supplementClock())) {
      Timestamp requested = rows.jdbc().queryForObject(
          "select max(requested_at) from onestop.supplement_request where dossier_id = ? and stage = 'HANDLING'", Timestamp.class, d.id());
      BigDecimal paused = requested == null ? BigDecimal.ZERO : deadlines.calendar().workingDaysBetween(requested.toInstant(), now);
      appointment = deadlines.after(d.originalDueAt(), paused);
      clockStart = d.clockStartedAt();
    } else {
      clockStart = deadlines.clockStart(now);
      appointment = deadlines.appointment(clockStart, d.resolutionDays());
    }
    rows.set(d.id(), "status = 'IN_PROGRESS', clock_started_at = ?, original_due_at = ?, due_at = ?", clockStart, appointment, appointment);
    rows.event(d.id(), now, "CLOCK_RESTARTED", null, d.receivingAgencyId(), d.handlingAgencyId(), null, null, null,
        d.supplementClock() + ": hẹn mới " + DossierNotices.format(appointment));
    setAppointment(execution, appointment);
    notices.toApplicant(d, "RECEIPT", "Hẹn trả kết quả sau khi bổ sung hồ sơ",
        "Hồ sơ " + label(d) + " đã được bổ sung đầy đủ. Hẹn trả kết quả: " + DossierNotices.format(appointment) + ".",
        Map.of("appointment", DossierNotices.format(appointment)));
  }

  /** The applicant never completed the dossier during handling: processing stops. */
  public void stopped(DelegateExecution execution) {
    DossierRow d = dossier(execution);
    rows.set(d.id(), "status = 'STOPPED', outcome = 'STOPPED', finished_at = ?", time.now());
    rows.event(d.id(), time.now(), "STOPPED", null, d.receivingAgencyId(), null, null, null, null, "Hết thời hạn bổ sung hồ sơ");
  }

  /** Refusal after appraisal, within the resolution time, returned through the one-stop department (Art. 19.8). */
  public void refusedAfterAppraisal(DelegateExecution execution) {
    finish(execution, "REFUSED", required(execution, REFUSAL_REASON, "Lý do từ chối giải quyết"));
  }

  /** The result is ready at the one-stop department; an early one is announced (Art. 20.4). */
  public void resultReady(DelegateExecution execution) {
    finish(execution, "RESULT", null);
  }

  private void finish(DelegateExecution execution, String outcome, String refusalReason) {
    DossierRow d = dossier(execution);
    Instant now = time.now();
    boolean late = now.isAfter(instant(execution.getVariable(LATE_AT))) || d.late();
    String lateLeg = null;
    if (late) {
      DossierRows.LegRow leg = responsibleLeg(d, now);
      lateLeg = d.lateLeg() != null ? d.lateLeg() : leg != null ? leg.agencyId() : d.handlingAgencyId();
      execution.setVariable(RESPONSIBLE_AGENCY_ID, lateLeg);
    }
    rows.set(d.id(), "status = 'FINISHED', outcome = ?, finished_at = ?, refusal_reason = coalesce(?, refusal_reason), late = ?, late_leg = ?,"
            + " resolution_working_days = ?" + (late ? ", explanation_required = true" : ""),
        outcome, now, refusalReason, late, lateLeg, resolutionWorkingDays(d, now));
    if (late && !Boolean.TRUE.equals(execution.getVariable(LATE))) {
      // The result came after the appointment but before the lateness timer ran: the explanation is still owed.
      execution.setVariable(LATE, true);
      execution.setVariable(EXPLANATION_OWED, true);
      execution.setVariable(EXPLANATION_DUE_AT, date(deadlines.after(deadlines.clockStart(now), settings.explanationDays())));
    }
    rows.event(d.id(), now, outcome.equals("RESULT") ? "RESULT_READY" : "REFUSED", null, d.handlingAgencyId(), d.receivingAgencyId(),
        null, d.dueAt(), deadlines.timeliness(now, d.dueAt()), refusalReason);
    execution.setVariable(UNCOLLECTED_REMINDER_AT, date(deadlines.after(d.dueAt().isAfter(now) ? d.dueAt() : now,
        settings.uncollectedReminderDays())));
    if (outcome.equals("RESULT")) {
      Procedure procedure = catalog.find(d.procedureCode(), d.procedureVersion()).orElseThrow();
      String documentName = procedure.result() == null ? d.procedureName() : procedure.result().name();
      papers.electronicResult(d.id(), documentName, text(execution, RESULT_SUMMARY, documentName));
    } else {
      papers.refusal(d.id());
    }
    boolean early = "EARLY".equals(deadlines.timeliness(now, d.dueAt()));
    if (outcome.equals("RESULT")) {
      notices.toApplicant(d, early ? "EARLY_RESULT" : "RESULT_READY",
          early ? "Thông báo trả kết quả trước hạn" : "Kết quả đã sẵn sàng",
          "Hồ sơ " + label(d) + " đã có kết quả" + (early ? " trước ngày hẹn " + DossierNotices.format(d.dueAt()) : "")
              + ". Mời ông/bà đến nhận tại Bộ phận Một cửa hoặc nhận trực tuyến.",
          Map.of("early", Boolean.toString(early)));
    } else {
      notices.toApplicant(d, "REFUSAL", "Thông báo từ chối giải quyết hồ sơ",
          "Hồ sơ " + label(d) + " không được giải quyết. Lý do: " + refusalReason, Map.of("reason", refusalReason));
    }
  }

  /** Task_ReturnResult, on complete: handed over, with the applicant's rating if given (Art. 20). */
  public void returned(DelegateTask task) {
    DossierRow d = dossier(task);
    Instant now = time.now();
    rows.set(d.id(), "status = 'RETURNED', returned_at = ?", now);
    rows.event(d.id(), now, "RETURNED", null, d.receivingAgencyId(), null, actor(task), d.dueAt(),
        deadlines.timeliness(now, d.dueAt()), text(task, "returnChannel", "DESK"));
    recordRating(d, task, now);
    papers.processControl(d.id());
  }

  private void recordRating(DossierRow d, DelegateTask task, Instant now) {
    String rating = text(task, RATING, null);
    if (rating == null || rating.isBlank()) {
      return;
    }
    rating = rating.toUpperCase();
    if (!RATINGS.contains(rating)) {
      throw new DossierInputException(RATING, "Mức đánh giá '" + rating + "' không hợp lệ");
    }
    rows.set(d.id(), "rating = ?, rating_comment = ?, rated_at = ?, rated_by = 'CLERK'", rating, text(task, RATING_COMMENT, null), now);
  }

  /** Timer on an uncollected result: remind the applicant. */
  public void remindUncollected(DelegateExecution execution) {
    DossierRow d = dossier(execution);
    notices.toApplicant(d, "RESULT_READY", "Nhắc nhận kết quả",
        "Kết quả hồ sơ " + label(d) + " đang chờ ông/bà đến nhận tại Bộ phận Một cửa.", Map.of());
    rows.event(d.id(), time.now(), "UNCOLLECTED_REMINDER", null, d.receivingAgencyId(), null, null, null, null, null);
  }

  /** The applicant withdrew the dossier before the result (message DossierWithdrawn). */
  public void withdrawn(DelegateExecution execution) {
    DossierRow d = dossier(execution);
    rows.set(d.id(), "status = 'WITHDRAWN', outcome = 'WITHDRAWN', finished_at = ?", time.now());
    rows.event(d.id(), time.now(), "WITHDRAWN", null, null, d.receivingAgencyId(), text(execution, "withdrawnBy", null), null, null,
        text(execution, "withdrawalReason", null));
  }

  /**
   * The apology timer fired: the agency whose leg puts the appointment at risk writes it - the leg
   * already past its own deadline, else the one still running.
   */
  public void apologyDue(DelegateExecution execution) {
    DossierRow d = dossier(execution);
    DossierRows.LegRow leg = responsibleLeg(d, time.now());
    execution.setVariable(RESPONSIBLE_AGENCY_ID, leg == null ? d.handlingAgencyId() : leg.agencyId());
  }

  /**
   * Whose delay it is (the register names the leg, so supervisors see it): a leg already marked late;
   * else a running leg past its own deadline; else the first leg still running.
   */
  DossierRows.LegRow responsibleLeg(DossierRow d, Instant now) {
    List<DossierRows.LegRow> legs = rows.legs(d.id());
    return legs.stream().filter(DossierRows.LegRow::late).findFirst()
        .or(() -> legs.stream().filter(l -> l.finishedAt() == null && l.dueAt() != null && now.isAfter(l.dueAt())).findFirst())
        .or(() -> legs.stream().filter(l -> l.finishedAt() == null).findFirst())
        .orElse(null);
  }

  /**
   * The working time the dossier took, for the average resolution time: from the last (re)start of
   * the clock to the result, less the working days it spent with the applicant when the procedure
   * version pauses instead of restarting.
   */
  private BigDecimal resolutionWorkingDays(DossierRow d, Instant finished) {
    Instant start = d.clockStartedAt() != null ? d.clockStartedAt() : d.receivedAt();
    if (start == null || finished.isBefore(start)) {
      return BigDecimal.ZERO;
    }
    BigDecimal days = deadlines.calendar().workingDaysBetween(start, finished);
    if ("PAUSE".equals(d.supplementClock())) {
      for (Map<String, Object> pause : rows.jdbc().queryForList(
          "select requested_at, completed_at from onestop.supplement_request where dossier_id = ? and stage = 'HANDLING' and completed_at is not null",
          d.id())) {
        days = days.subtract(deadlines.calendar().workingDaysBetween(((Timestamp) pause.get("requested_at")).toInstant(),
            ((Timestamp) pause.get("completed_at")).toInstant()));
      }
    }
    return days.max(BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private Integer legOf(long dossierId, String agency) {
    return rows.legs(dossierId).stream().filter(l -> l.agencyId().equals(agency)).map(DossierRows.LegRow::legNo)
        .findFirst().orElse(null);
  }

  // ---------------------------------------------------------------- helpers

  private Procedure procedureOf(VariableScope scope) {
    String code = required(scope, PROCEDURE_CODE, "Mã thủ tục hành chính");
    LocalDate today = time.now().atZone(WorkingCalendar.ZONE).toLocalDate();
    return catalog.current(code.trim(), today).orElseThrow(() -> new DossierInputException(
        DossierInputException.Kind.NOT_FOUND, PROCEDURE_CODE,
        "Thủ tục '" + code + "' không có trong danh mục đang áp dụng ngày " + today));
  }

  private Agency receivingAgency(DelegateExecution execution, Procedure procedure) {
    String agencyId = text(execution, RECEIVING_AGENCY_ID, null);
    if (agencyId == null || agencyId.isBlank()) {
      agencyId = clerkAgency(execution);
    }
    String id = agencyId;
    Agency agency = organisation.find(id).orElseThrow(() -> new DossierInputException(
        DossierInputException.Kind.NOT_FOUND, RECEIVING_AGENCY_ID,
        "Cơ quan tiếp nhận '" + id + "' không có trong cơ cấu tổ chức"));
    boolean receives = catalog.receivingAgencies(procedure).stream().anyMatch(a -> a.id().equals(agency.id()));
    if (!receives) {
      throw new DossierInputException(RECEIVING_AGENCY_ID, "Thủ tục " + procedure.code() + " (" + procedure.name()
          + ") không được tiếp nhận tại " + agency.name());
    }
    return agency;
  }

  /** The agency whose one-stop clerks the starting user belongs to, when the form did not say. */
  private String clerkAgency(DelegateExecution execution) {
    Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = auth != null ? auth.getUserId() : text(execution, SUBMITTED_BY, null);
    if (user == null) {
      throw new DossierInputException(RECEIVING_AGENCY_ID, "Chưa chọn cơ quan tiếp nhận");
    }
    List<String> groups = WithoutAuthorization.call(() -> execution.getProcessEngineServices().getIdentityService()
        .createGroupQuery().groupMember(user).list()).stream().map(Group::getId).toList();
    List<String> agencies = List.copyOf(organisation.agenciesOf(groups, AgencyRole.CLERKS));
    if (agencies.size() != 1) {
      throw new DossierInputException(RECEIVING_AGENCY_ID, agencies.isEmpty()
          ? "Người dùng " + user + " không thuộc bộ phận một cửa nào; chọn cơ quan tiếp nhận"
          : "Người dùng " + user + " thuộc nhiều bộ phận một cửa " + agencies + "; chọn cơ quan tiếp nhận");
    }
    return agencies.get(0);
  }

  private static String requiredDocuments(Procedure procedure) {
    return procedure.documents().stream()
        .map(doc -> "• " + doc.name() + (doc.required() ? "" : " (nếu có)") + formLabel(doc))
        .collect(Collectors.joining("\n"));
  }

  private static String formLabel(RequiredDocument doc) {
    return doc.form() == null ? "" : switch (doc.form()) {
      case ORIGINAL -> " - bản chính";
      case COPY -> " - bản sao";
      case CERTIFIED_COPY -> " - bản sao có chứng thực";
      case ORIGINAL_TO_SHOW -> " - bản chính để đối chiếu";
    };
  }

  private DossierRow dossier(VariableScope scope) {
    return rows.get(dossierId(scope));
  }

  private static long dossierId(VariableScope scope) {
    Object id = scope.getVariable(DOSSIER_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("Process variable " + DOSSIER_ID + " is missing");
    }
    return number.longValue();
  }

  private static int legNo(VariableScope scope) {
    Object leg = scope.getVariable(LEG_NO);
    return leg instanceof Number n ? n.intValue() : 1;
  }

  private static String actor(VariableScope scope) {
    if (scope instanceof DelegateTask task) {
      Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (auth != null && auth.getUserId() != null) {
        return auth.getUserId();
      }
      return task.getAssignee();
    }
    if (scope instanceof DelegateExecution execution) {
      Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      return auth == null ? null : auth.getUserId();
    }
    return null;
  }

  static String text(VariableScope scope, String name, String fallback) {
    return FormValues.text(scope, name, fallback);
  }

  static String required(VariableScope scope, String name, String label) {
    return FormValues.required(scope, name, label, DossierInputException::new);
  }

  private static LocalDate dateField(VariableScope scope, String name, String label) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(WorkingCalendar.ZONE).toLocalDate();
    }
    String text = required(scope, name, label);
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new DossierInputException(name, label + ": '" + text + "' không phải ngày (yyyy-MM-dd)");
    }
  }

  private static String label(DossierRow d) {
    return (d.code() != null ? d.code() + " - " : "") + d.procedureName();
  }

  private static Date date(Instant instant) {
    return EngineTime.toDate(instant);
  }

  private static Instant instant(Object value) {
    return EngineTime.toInstant(value);
  }
}
