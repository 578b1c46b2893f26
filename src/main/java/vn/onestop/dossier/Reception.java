package vn.onestop.dossier;

import vn.onestop.register.DossierRow;
import static vn.onestop.dossier.Steps.*;
import static vn.onestop.dossier.DossierVariables.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.AgencyRole;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.RequiredDocument;
import vn.onestop.catalog.ResolvedLeg;
import vn.onestop.catalog.SupplementClock;
import vn.onestop.process.EngineTime;
import vn.onestop.process.WithoutAuthorization;
import vn.onestop.rules.RuleSet;
import vn.onestop.rules.RuleSets;

/**
 * Reception (tiếp nhận, Decree 61/2018 Art. 15-18): the register row opened at submission, the
 * clerk's check, refusal at the desk, the dossier code and appointment (form 01), the scan of every
 * component and the transfer to the handling agency.
 */
@Component
class Reception {

  private final DossierRows rows;
  private final ProcedureCatalog catalog;
  private final Organisation organisation;
  private final Deadlines deadlines;
  private final DossierCodes codes;
  private final EngineTime time;
  private final DossierSettings settings;
  private final DossierNotices notices;
  private final DossierPapers papers;
  private final RuleSets ruleSets;
  private final DossierRuleSets rules;
  private final ReceptionPlaces places;

  Reception(DossierRows rows, ProcedureCatalog catalog, Organisation organisation, Deadlines deadlines,
      DossierCodes codes, EngineTime time, DossierSettings settings, DossierNotices notices, DossierPapers papers,
      RuleSets ruleSets, DossierRuleSets rules, ReceptionPlaces places) {
    this.ruleSets = ruleSets;
    this.rules = rules;
    this.places = places;
    this.rows = rows;
    this.catalog = catalog;
    this.organisation = organisation;
    this.deadlines = deadlines;
    this.codes = codes;
    this.time = time;
    this.settings = settings;
    this.notices = notices;
    this.papers = papers;
  }

  /**
   * Start of a dossier: checks what the clerk or the portal gave and opens its register row, with the
   * rule set in force today - the one place where a date chooses the rules; the dossier keeps them.
   */
  void register(DelegateExecution execution) {
    Procedure procedure = procedureOf(execution);
    Agency receiving = receivingAgency(execution, procedure);
    // Required on every path (Tasklist form, engine REST, portal API): no silent default to the desk.
    Channel typed = decision(execution, CHANNEL, "Hình thức nộp (DESK, ONLINE, POST)", Channel.class);
    String channel = typed.name();
    String applicant = required(execution, APPLICANT_NAME, "Họ tên người nộp hồ sơ");
    Instant now = time.now();
    RuleSet ruleSet = ruleSets.on(now.atZone(EngineTime.ZONE).toLocalDate());
    ReceptionPlaces.Places place = places.resolve(procedure, receiving, text(execution, TERRITORY_AGENCY_ID, null),
        text(execution, RETURN_AGENCY_ID, null), now.atZone(EngineTime.ZONE).toLocalDate(), ruleSet);
    String handling = place.competentId();

    GeneratedKeyHolder key = new GeneratedKeyHolder();
    rows.jdbc().update(connection -> {
      var sql = connection.prepareStatement("""
          insert into onestop.dossier (process_instance_id, procedure_code, procedure_version, procedure_name, field, level,
            interlinked, receiving_agency_id, handling_agency_id, channel, online_level, portal_dossier_id,
            applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address, status,
            resolution_days, supplement_clock, submitted_at, fee_amount, fee_paid, fee_paid_online, fee_transaction_ref, rule_set)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?, ?, ?, ?, ?, ?)""",
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
      sql.setString(i++, typed == Channel.ONLINE ? text(execution, ONLINE_LEVEL, procedure.onlineLevel().name()) : null);
      sql.setString(i++, text(execution, PORTAL_DOSSIER_ID, null));
      sql.setString(i++, applicant);
      sql.setString(i++, text(execution, APPLICANT_ID_NUMBER, null));
      sql.setString(i++, text(execution, APPLICANT_PHONE, null));
      sql.setString(i++, text(execution, APPLICANT_EMAIL, null));
      sql.setString(i++, text(execution, APPLICANT_ADDRESS, null));
      sql.setBigDecimal(i++, procedure.resolutionDays());
      sql.setString(i++, procedure.supplementClock() == null ? ruleSet.supplementClockDefault() : procedure.supplementClock().name());
      sql.setTimestamp(i++, Timestamp.from(now));
      sql.setBigDecimal(i++, procedure.fee() == null ? null : procedure.fee().amountVnd());
      boolean paid = Boolean.TRUE.equals(execution.getVariable(FEE_PAID));
      sql.setBoolean(i++, paid);
      sql.setBoolean(i++, paid && typed == Channel.ONLINE);
      sql.setString(i++, text(execution, FEE_TRANSACTION_REF, null));
      sql.setString(i, ruleSet.id());
      return sql;
    }, key);
    long id = key.getKey().longValue();
    rows.set(id, "territory_agency_id = ?, return_agency_id = ?, received_anywhere = ?, interlinked = interlinked or ?",
        place.territoryId(), place.returnAgencyId(), place.receivedAnywhere(), place.interlinked());
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey("REG-" + id);
    }
    rows.event(id, now, "SUBMITTED", null, null, receiving.id(), actor(execution), null, null, channel);

    execution.setVariable(DOSSIER_ID, id);
    execution.setVariable(RULE_SET, ruleSet.id());
    execution.setVariable(PROCEDURE_CODE, procedure.code());
    execution.setVariable(PROCEDURE_VERSION, procedure.version());
    execution.setVariable(PROCEDURE_NAME, procedure.name());
    execution.setVariable(RECEIVING_AGENCY_ID, receiving.id());
    execution.setVariable(HANDLING_AGENCY_ID, handling);
    execution.setVariable(RESPONSIBLE_AGENCY_ID, handling);
    execution.setVariable(TERRITORY_AGENCY_ID, place.territoryId());
    execution.setVariable(RETURN_AGENCY_ID, place.returnAgencyId());
    execution.setVariable(CHANNEL, channel);
    execution.setVariable(ON_THE_SPOT, procedure.onTheSpot());
    execution.setVariable(REQUIRED_DOCUMENTS, requiredDocuments(procedure));
    execution.setVariable(LATE, false);
    execution.setVariable(APOLOGY_ISSUED, false);
    execution.setVariable(EXPLANATION_OWED, false);
    execution.setVariable(CHECK_DUE_AT, date(deadlines.after(deadlines.clockStart(now), settings.receptionCheckDays())));
    // No offer of reusable documents here: it grows with the applicant's history. The dossier panel reads it
    // from the data store when the clerk opens the task (GET /api/documents/applicants/{idNumber}/reusable).
  }

  /** Task_CheckDossier, on complete: the decision must be complete before it leaves the desk. */
  void checkDecision(DelegateTask task) {
    ReceptionDecision decision = decision(task, RECEPTION_DECISION, "Kết quả kiểm tra hồ sơ", ReceptionDecision.class);
    task.setVariable(RECEPTION_DECISION, decision.name());
    if (decision == ReceptionDecision.SUPPLEMENT) {
      required(task, MISSING_DOCUMENTS, "Nội dung cần bổ sung, hoàn thiện (hướng dẫn một lần, đầy đủ)");
    }
    if (decision == ReceptionDecision.REFUSE) {
      required(task, REFUSAL_REASON, "Lý do từ chối");
    }
  }

  /** Refused at the desk: form 03 with the reason (Art. 15.2c, 17.1c). */
  void refuseAtReception(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
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
  void accept(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
    Agency receiving = organisation.get(d.receivingAgencyId());
    Instant now = time.now();
    LocalDate receiptDay = now.atZone(EngineTime.ZONE).toLocalDate();
    String code = codes.issue(receiving.code(), receiptDay).toString();
    Instant clockStart = deadlines.clockStart(now);
    Instant appointment = deadlines.appointment(clockStart, d.resolutionDays());
    rows.set(d.id(), "code = ?, status = 'ACCEPTED', received_at = ?, clock_started_at = ?, original_due_at = ?, due_at = ?",
        code, now, clockStart, appointment, appointment);
    rows.event(d.id(), now, "RECEIVED", null, null, d.receivingAgencyId(), actor(execution), null, null, null);
    execution.setProcessBusinessKey(code);
    execution.setVariable(DOSSIER_CODE, code);
    RuleSet ruleSet = rules.of(d);
    setAppointment(execution, deadlines, ruleSet, appointment);
    execution.setVariable(TRANSFER_DUE_AT, date(deadlines.transfer(now, ruleSet)));
    ResolvedLegs.insert(rows, d.id(), catalog.legsFor(catalog.find(d.procedureCode(), d.procedureVersion()).orElseThrow(),
        d.receivingAgencyId(), ReceptionPlaces.territoryOf(rows, d.id())));
    if (d.resolutionDays().signum() > 0) {
      papers.receipt(d.id());
      notices.toApplicant(d, "RECEIPT", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
          "Hồ sơ " + d.procedureName() + " đã được tiếp nhận, mã số " + code + ". Hẹn trả kết quả: "
              + DossierNotices.format(appointment) + ".",
          Map.of("appointment", DossierNotices.format(appointment), "code", code));
    }
  }

  /** The appointment in force and the two timers that follow it: lateness at it, the apology the rule set's lead time before. */
  static void setAppointment(VariableScope scope, Deadlines deadlines, RuleSet ruleSet, Instant appointment) {
    scope.setVariable(DUE_AT, date(appointment));
    scope.setVariable(LATE_AT, date(appointment));
    scope.setVariable(APOLOGY_AT, date(deadlines.apologyTime(appointment, ruleSet)));
  }

  /** Task_DigitiseDossier, on complete: every component scanned (Decree 45/2020; Art. 17.1). */
  void digitised(DelegateTask task) {
    DossierRow d = rows.get(dossierId(task));
    Instant now = time.now();
    papers.confirmDigitised(d.id(), actor(task));
    rows.event(d.id(), now, "DIGITISED", null, d.receivingAgencyId(), d.receivingAgencyId(), actor(task),
        instant(task.getVariable(TRANSFER_DUE_AT)), null, null);
  }

  /** Online dossiers go to the handling agency electronically at once (Art. 18.1). */
  void transferredElectronically(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
    Instant now = time.now();
    rows.set(d.id(), "status = 'IN_PROGRESS', digitised = true, digitised_at = coalesce(digitised_at, ?)", now);
    rows.event(d.id(), now, "TRANSFERRED", null, d.receivingAgencyId(), d.handlingAgencyId(), null, null, "ON_TIME",
        "Chuyển hồ sơ điện tử");
  }

  /** Task_TransferDossier, on complete: the paper dossier handed to the handling agency (Art. 18.2). */
  void transferredByClerk(DelegateTask task) {
    DossierRow d = rows.get(dossierId(task));
    Instant now = time.now();
    Instant due = instant(task.getVariable(TRANSFER_DUE_AT));
    rows.set(d.id(), "status = 'IN_PROGRESS'");
    rows.event(d.id(), now, "TRANSFERRED", null, d.receivingAgencyId(), d.handlingAgencyId(), actor(task), due,
        deadlines.timeliness(now, due), null);
  }

  /** Timer on the transfer: tell the head of the one-stop department. */
  void transferLate(DelegateExecution execution) {
    DossierRow d = rows.get(dossierId(execution));
    notices.toStaff(d, organisation.get(d.receivingAgencyId()).headsGroup(), "TRANSFER_LATE", "Chậm chuyển hồ sơ",
        "Hồ sơ " + label(d) + " chưa được chuyển đến cơ quan giải quyết đúng hạn (" + rules.of(d).source("transfer") + ").",
        Map.of());
  }

  private Procedure procedureOf(VariableScope scope) {
    String code = required(scope, PROCEDURE_CODE, "Mã thủ tục hành chính");
    LocalDate today = time.now().atZone(EngineTime.ZONE).toLocalDate();
    return catalog.current(code.trim(), today).orElseThrow(() -> new DossierInputException(
        DossierInputException.Kind.NOT_FOUND, PROCEDURE_CODE, "Thủ tục '" + code + "' không có trong danh mục đang áp dụng ngày " + today));
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
}
