package vn.onestop.review;

import static vn.onestop.review.ReviewFormValues.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.AgencyRole;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.RequiredDocument;
import vn.onestop.feedback.FeedbackNotices;
import vn.onestop.process.BpmnBean;
import vn.onestop.process.EngineTime;
import vn.onestop.process.FormValues;

/**
 * The review register (sổ theo dõi rà soát, đánh giá TTHC) as {@code procedure-review.bpmn} sees it:
 * each step calls one method, which writes {@code onestop.procedure_review} in the engine's transaction
 * and hands deadlines back as absolute dates computed with the working calendar.
 *
 * <p>Flow: the yearly plan (kế hoạch rà soát) assigns a procedure to an agency with a deadline; a
 * specialist answers, for each element of the procedure, whether it is necessary, reasonable and lawful
 * and may propose a simplification; the head of the agency approves; a proposal goes to the competent
 * level (the province People's Committee, which also records a ministry's answer), and an accepted one
 * becomes a new catalogue version from its effective date ({@link PublishedVersions}).
 */
@BpmnBean
@Component("reviewRegister")
public class ReviewRegister {

  /** Working days the competent level has to decide on a proposal (no legal figure found: a setting). */
  public static final BigDecimal DECISION_DAYS = new BigDecimal("20");
  /** Working days an ad-hoc review (no plan for the year) gets. */
  public static final BigDecimal AD_HOC_DAYS = new BigDecimal("20");
  static final Set<String> LEVELS = Set.of("PROVINCE", "MINISTRY");

  private final JdbcTemplate jdbc;
  private final WorkingCalendar calendar;
  private final Organisation organisation;
  private final ProcedureCatalog catalog;
  private final EngineTime time;
  private final CostEstimator costs;
  private final PublishedVersions versions;
  private final FeedbackNotices notices;
  private final ReviewPlans plans;
  private final ObjectMapper json = new ObjectMapper();

  public ReviewRegister(JdbcTemplate jdbc, WorkingCalendar calendar, Organisation organisation, ProcedureCatalog catalog,
      EngineTime time, CostEstimator costs, PublishedVersions versions, FeedbackNotices notices, ReviewPlans plans) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.organisation = organisation;
    this.catalog = catalog;
    this.time = time;
    this.costs = costs;
    this.versions = versions;
    this.notices = notices;
    this.plans = plans;
  }

  // ---------------------------------------------------------------- steps of the model

  /**
   * Start: records the assignment under the year's plan (creating an ad-hoc plan when there is none),
   * computes the deadline and the reminder as absolute dates, and puts the procedure's current catalogue
   * data into variables for the forms.
   */
  public void assigned(DelegateExecution execution) {
    Agency agency = agency(required(execution, "agencyId", "Cơ quan rà soát"));
    String code = required(execution, "procedureCode", "Mã thủ tục hành chính");
    Instant now = time.now();
    LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
    Procedure p = catalog.current(code, today).orElseThrow(() -> new ReviewInputException("procedureCode",
        "Thủ tục '" + code + "' không có trong danh mục đang áp dụng ngày " + today));
    int year = execution.getVariable("planYear") == null ? today.getYear()
        : ((Number) execution.getVariable("planYear")).intValue();
    ReviewPlans.Plan plan = plans.find(year).orElseGet(() -> plans.create(year, "Rà soát đột xuất năm " + year,
        calendar.addWorkingDays(now, AD_HOC_DAYS).atZone(WorkingCalendar.ZONE).toLocalDate(), new BigDecimal("5")));
    Instant due = endOfWorkingDay(plan.dueDate());
    Instant reminder = calendar.subtractWorkingDays(due, plan.reminderDays());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var sql = connection.prepareStatement("""
          insert into onestop.procedure_review (plan_year, agency_id, procedure_code, procedure_version, procedure_kind,
            process_instance_id, reason, status, due_at, reminder_at)
          values (?, ?, ?, ?, ?, ?, ?, 'ASSIGNED', ?, ?)""", new String[] {"id"});
      sql.setInt(1, year);
      sql.setString(2, agency.id());
      sql.setString(3, p.code());
      sql.setString(4, p.version());
      sql.setString(5, p.kind().name());
      sql.setString(6, execution.getProcessInstanceId());
      sql.setString(7, FormValues.text(execution, "reviewReason", plan.title()));
      sql.setTimestamp(8, Timestamp.from(due));
      sql.setTimestamp(9, Timestamp.from(reminder));
      return sql;
    }, key);
    long id = key.getKey().longValue();
    execution.setVariable("reviewId", id);
    execution.setVariable("planYear", year);
    execution.setVariable("reviewDueAt", EngineTime.toDate(due));
    execution.setVariable("reviewReminderAt", EngineTime.toDate(reminder));
    execution.setVariable("procedureVersion", p.version());
    execution.setVariables(catalogueData(p));
  }

  /** Reminder timer: tells the specialists and the head that the deadline is near. */
  public void remind(DelegateExecution execution) {
    long id = reviewId(execution);
    jdbc.update("update onestop.procedure_review set reminded_at = ? where id = ?", Timestamp.from(time.now()), id);
    String agencyId = (String) execution.getVariable("agencyId");
    String text = "Rà soát thủ tục " + execution.getVariable("procedureCode") + " phải hoàn thành trước "
        + execution.getVariable("reviewDueAt");
    for (AgencyRole role : List.of(AgencyRole.SPECIALISTS, AgencyRole.HEADS)) {
      notices.toStaff("RS-" + id, role.groupId(agencyId), "REVIEW_REMINDER", "Nhắc hạn rà soát TTHC", text);
    }
  }

  /** Deadline timer: flags the review overdue (it stays so in the progress report) and tells the head. */
  public void overdue(DelegateExecution execution) {
    long id = reviewId(execution);
    jdbc.update("update onestop.procedure_review set overdue = true where id = ?", id);
    notices.toStaff("RS-" + id, AgencyRole.HEADS.groupId((String) execution.getVariable("agencyId")), "REVIEW_OVERDUE",
        "Quá hạn rà soát TTHC", "Rà soát thủ tục " + execution.getVariable("procedureCode") + " đã quá hạn kế hoạch.");
  }

  /**
   * The specialist completes the review form: every element answered on the three criteria, a
   * conclusion, and optionally a simplification, which is tried on the catalogue version at once
   * (so a component that does not exist or a time that cannot fit is refused on the form) and costed.
   */
  public void reviewed(DelegateTask task) {
    long id = reviewId(task);
    ObjectNode findings = json.createObjectNode();
    for (ReviewElement e : ReviewElement.values()) {
      ObjectNode element = findings.putObject(e.key());
      for (ReviewElement.Criterion c : ReviewElement.Criterion.values()) {
        element.put(c.key(), answer(task, e, c));
      }
      String remark = FormValues.text(task, e.remarkVariable(), null);
      if (remark != null) {
        element.put("remark", remark);
      }
    }
    String conclusion = FormValues.text(task, "findings", null);
    if (conclusion == null) {
      throw new ReviewInputException("findings", "Kết luận rà soát (findings) chưa được nhập");
    }
    Simplification proposal = proposal(task);
    boolean simplify = task.getVariable("simplify") == null ? proposal.changesSomething()
        : bool(task.getVariable("simplify"));
    if (simplify && !proposal.changesSomething()) {
      throw new ReviewInputException("proposedDays",
          "Đề xuất đơn giản hóa cần ít nhất một thay đổi: thời hạn, thành phần hồ sơ bỏ hoặc không bắt buộc, phí");
    }
    Procedure base = reviewedVersion(task);
    Procedure after;
    try {
      after = simplify ? proposal.apply(base, "proposal", base.effectiveFrom()) : base;
    } catch (IllegalArgumentException e) {
      throw new ReviewInputException("proposedDays", "Phương án đơn giản hóa (proposedDays, removedDocuments, optionalDocuments, proposedFee) không áp dụng được: " + e.getMessage());
    }
    ComplianceCost.Comparison cost = costs.compare(base, after);
    jdbc.update("""
        update onestop.procedure_review set status = 'REVIEWED', findings = ?, conclusion = ?, reviewed_by = ?, reviewed_at = ?,
          simplify = ?, proposal_summary = ?, proposed_days = ?, removed_documents = ?, optional_documents = ?, proposed_fee = ?,
          cost_before = ?, cost_after = ?, dossiers_per_year = ?, yearly_cost_before = ?, yearly_cost_after = ?
        where id = ?""",
        findings.toString(), conclusion, task.getAssignee(), Timestamp.from(time.now()), simplify, proposal.summary(),
        simplify ? proposal.resolutionDays() : null, simplify ? String.join(",", proposal.removedDocuments()) : null,
        simplify ? String.join(",", proposal.optionalDocuments()) : null, simplify ? proposal.feeVnd() : null,
        cost.before().total(), cost.after().total(), cost.dossiersPerYear(), cost.yearlyBefore(), cost.yearlyAfter(), id);
    task.setVariable("simplify", simplify);
    task.setVariable("costBefore", cost.before().total().longValue());
    task.setVariable("costAfter", cost.after().total().longValue());
    task.setVariable("dossiersPerYear", cost.dossiersPerYear());
    task.setVariable("costSavingPercent", cost.savingPercent() == null ? null : cost.savingPercent().doubleValue());
    task.setVariable("costSummary", "Chi phí tuân thủ: " + vnd(cost.before().total()) + " → " + vnd(cost.after().total())
        + " đồng/hồ sơ; " + cost.dossiersPerYear() + " hồ sơ trong 12 tháng; tiết kiệm "
        + vnd(cost.savingPerYear()) + " đồng/năm" + (cost.savingPercent() == null ? "" : " (" + cost.savingPercent() + " %)"));
  }

  /** The head's decision on the review form; a send-back needs remarks. */
  public void headDecided(DelegateTask task) {
    boolean approved = bool(task.getVariable("approved"));
    task.setVariable("approved", approved);
    long id = reviewId(task);
    if (!approved) {
      if (FormValues.text(task, "remarks", null) == null) {
        throw new ReviewInputException("remarks", "Ý kiến chỉ đạo (remarks) là bắt buộc khi trả lại kết quả rà soát");
      }
      jdbc.update("update onestop.procedure_review set status = 'ASSIGNED' where id = ?", id);
      return;
    }
    String level = FormValues.text(task, "competentLevel", "PROVINCE").toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      throw new ReviewInputException("competentLevel", "Cấp có thẩm quyền '" + level + "' không hợp lệ (PROVINCE, MINISTRY)");
    }
    task.setVariable("competentLevel", level);
    jdbc.update("update onestop.procedure_review set approved_by = ?, approved_at = ?, competent_level = ? where id = ?",
        task.getAssignee(), Timestamp.from(time.now()), level, id);
  }

  /**
   * After the head's approval: a review without a proposal is done (it counts towards the review
   * target); a proposal goes to the competent level — the province People's Committee's heads, who
   * also record a ministry's answer — with a decision due date.
   */
  public void approved(DelegateExecution execution) {
    long id = reviewId(execution);
    boolean simplify = bool(execution.getVariable("simplify"));
    jdbc.update("update onestop.procedure_review set status = ? where id = ?", simplify ? "PROPOSED" : "APPROVED", id);
    if (simplify) {
      Agency province = root(agency((String) execution.getVariable("agencyId")));
      execution.setVariable("competentGroup", AgencyRole.HEADS.groupId(province.id()));
      execution.setVariable("decisionDueAt", EngineTime.toDate(calendar.addWorkingDays(time.now(), DECISION_DAYS)));
    }
  }

  /** The competent level's decision: accepted proposals need an effective date after today. */
  public void decided(DelegateTask task) {
    long id = reviewId(task);
    boolean accepted = bool(task.getVariable("proposalAccepted"));
    task.setVariable("proposalAccepted", accepted);
    String note = FormValues.text(task, "decisionNote", null);
    LocalDate effective = null;
    if (accepted) {
      effective = date(task.getVariable("effectiveFrom"));
      LocalDate today = time.now().atZone(WorkingCalendar.ZONE).toLocalDate();
      if (effective == null || !effective.isAfter(today)) {
        throw new ReviewInputException("effectiveFrom", "Ngày có hiệu lực (effectiveFrom) phải sau ngày " + today);
      }
      task.setVariable("effectiveFrom", effective.toString());
    } else if (note == null) {
      throw new ReviewInputException("decisionNote", "Lý do không chấp thuận (decisionNote) là bắt buộc");
    }
    jdbc.update("""
        update onestop.procedure_review set decision = ?, decision_note = ?, decided_by = ?, decided_at = ?, effective_from = ?
        where id = ?""", accepted ? "ACCEPTED" : "REJECTED", note, task.getAssignee(), Timestamp.from(time.now()),
        effective == null ? null : Date.valueOf(effective), id);
  }

  /** Accepted: the simplification becomes a new catalogue version from the effective date. */
  public void publish(DelegateExecution execution) {
    Procedure published = versions.publish(reviewId(execution));
    execution.setVariable("publishedVersion", published.version());
  }

  /** Rejected: the review is done without a change; the agency is told. */
  public void rejected(DelegateExecution execution) {
    long id = reviewId(execution);
    jdbc.update("update onestop.procedure_review set status = 'REJECTED' where id = ?", id);
    notices.toStaff("RS-" + id, AgencyRole.HEADS.groupId((String) execution.getVariable("agencyId")), "REVIEW_REJECTED",
        "Phương án đơn giản hóa không được chấp thuận", String.valueOf(execution.getVariable("decisionNote")));
  }

  // ---------------------------------------------------------------- helpers

  /** The procedure's current data for the forms (the reviewer sees it beside the fields). */
  static Map<String, Object> catalogueData(Procedure p) {
    String documents = p.documents().stream()
        .map(d -> "- " + d.name() + " (" + d.id() + "; " + d.form() + (d.required() ? "" : "; không bắt buộc") + ")")
        .collect(Collectors.joining("\n"));
    String sequence = p.legs().stream().map(l -> l.order() + ". " + l.task() + " — " + plain(l.workingDays()) + " ngày")
        .collect(Collectors.joining("\n"));
    return Map.of(
        "procedureName", p.name(),
        "procedureKind", p.internal() ? "TTHC nội bộ" : "TTHC cho người dân, doanh nghiệp",
        "currentTime", plain(p.resolutionDays()) + " ngày làm việc" + (p.timeNote() == null ? "" : " — " + p.timeNote()),
        "currentDocuments", documents,
        "currentFee", vnd(p.fee().amountVnd()) + " đồng" + (p.fee().note() == null ? "" : " — " + p.fee().note()),
        "currentSequence", sequence,
        "currentChannel", "Mức trực tuyến: " + p.onlineLevel() + (p.interlinked() ? "; liên thông" : ""),
        "currentResult", p.result().name(),
        "currentLegalBasis", p.legalBasis() == null ? "" : p.legalBasis());
  }

  private Procedure reviewedVersion(VariableScope scope) {
    String code = (String) scope.getVariable("procedureCode");
    String version = (String) scope.getVariable("procedureVersion");
    return catalog.find(code, version).orElseThrow(() -> new IllegalStateException(
        "Procedure " + code + " version " + version + " disappeared from the catalogue"));
  }

  private Agency agency(String id) {
    return organisation.find(id).orElseThrow(() -> new ReviewInputException("agencyId",
        "Cơ quan '" + id + "' không có trong cơ cấu tổ chức"));
  }

  private Agency root(Agency a) {
    Agency at = a;
    while (at.parentId() != null) {
      at = organisation.get(at.parentId());
    }
    return at;
  }

  /** The end of the last session of the plan's due day (the previous working day if it is a day off). */
  private Instant endOfWorkingDay(LocalDate day) {
    LocalDate d = calendar.isWorkingDay(day) ? day : previousWorkingDay(day);
    return calendar.addWorkingDays(calendar.nextOpening(d.atStartOfDay(WorkingCalendar.ZONE).toInstant()), BigDecimal.ONE);
  }

  private LocalDate previousWorkingDay(LocalDate day) {
    LocalDate d = day.minusDays(1);
    while (!calendar.isWorkingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }
}
