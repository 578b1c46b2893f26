package vn.onestop.feedback;

import static vn.onestop.feedback.FeedbackVariables.*;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;
import vn.onestop.process.BpmnBean;
import vn.onestop.process.FormValues;
import vn.onestop.process.EngineTime;

/**
 * The feedback and petition register (sổ theo dõi phản ánh, kiến nghị) as {@code feedback.bpmn} sees
 * it: each step calls one method, which writes {@code onestop.feedback} in the engine's transaction and
 * hands the legal deadlines back as absolute dates (Decree 20/2008, amended 48/2013; national portal
 * targets, DOMAIN.md §9): reject within 2 working days, forward outside competence within 5, answer
 * within 15 of reception, publish within 2 of the answer.
 */
@BpmnBean
@Component("feedbackRegister")
public class FeedbackRegister {

  public static final BigDecimal REJECT_DAYS = new BigDecimal("2");
  public static final BigDecimal FORWARD_DAYS = new BigDecimal("5");
  public static final BigDecimal ANSWER_DAYS = new BigDecimal("15");
  public static final BigDecimal PUBLISH_DAYS = new BigDecimal("2");
  static final Set<String> KINDS = names(FeedbackVariables.Kind.values());
  static final Set<String> CLASSIFICATIONS = names(FeedbackVariables.Classification.values());
  /** Transient start variable with the whole content; the persistent {@code content} is its preview. */
  public static final String FULL_CONTENT = "contentFull";
  /** Longest content kept in the process variable (Camunda stores at most 4,000 characters). */
  static final int PREVIEW = 3_900;

  /** The content as the process keeps it: whole up to {@link #PREVIEW} characters, else cut with a pointer to the register. */
  public static String preview(String content) {
    if (content == null || content.length() <= PREVIEW) {
      return content;
    }
    return content.substring(0, PREVIEW) + "… (còn tiếp; toàn văn trong sổ theo dõi phản ánh)";
  }

  private final JdbcTemplate jdbc;
  private final WorkingCalendar calendar;
  private final Organisation organisation;
  private final EngineTime time;
  private final FeedbackNotices notices;

  public FeedbackRegister(JdbcTemplate jdbc, WorkingCalendar calendar, Organisation organisation, EngineTime time,
      FeedbackNotices notices) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.organisation = organisation;
    this.time = time;
    this.notices = notices;
  }

  /** Start: logs the feedback (vào sổ) and computes the classification deadlines. */
  public void register(DelegateExecution execution) {
    String kind = text(execution, KIND, "REGULATION").toUpperCase(Locale.ROOT);
    if (!KINDS.contains(kind)) {
      throw new FeedbackInputException(KIND, "Loại phản ánh '" + kind + "' không hợp lệ (REGULATION, BEHAVIOUR)");
    }
    Agency agency = agency(required(execution, AGENCY_ID, "Cơ quan nhận phản ánh"), AGENCY_ID);
    String name = required(execution, SENDER_NAME, "Họ tên người phản ánh");
    String subject = required(execution, SUBJECT, "Tiêu đề");
    String full = text(execution, FULL_CONTENT, null);
    String content = full != null ? full : required(execution, CONTENT, "Nội dung phản ánh, kiến nghị");
    Instant now = time.now();
    Instant classifyDue = calendar.addWorkingDays(now, REJECT_DAYS);
    Instant forwardDue = calendar.addWorkingDays(now, FORWARD_DAYS);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var sql = connection.prepareStatement("""
          insert into onestop.feedback (process_instance_id, kind, agency_id, received_by, channel, sender_name, sender_address,
            sender_phone, sender_email, subject, content, dossier_code, status, received_at, classify_due_at, forward_due_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?)""", new String[] {"id"});
      int i = 1;
      sql.setString(i++, execution.getProcessInstanceId());
      sql.setString(i++, kind);
      sql.setString(i++, agency.id());
      sql.setString(i++, agency.id());
      sql.setString(i++, text(execution, CHANNEL, "DESK").toUpperCase(Locale.ROOT));
      sql.setString(i++, name);
      sql.setString(i++, text(execution, SENDER_ADDRESS, null));
      sql.setString(i++, text(execution, SENDER_PHONE, null));
      sql.setString(i++, text(execution, SENDER_EMAIL, null));
      sql.setString(i++, subject);
      sql.setString(i++, content);
      sql.setString(i++, text(execution, DOSSIER_CODE, null));
      sql.setTimestamp(i++, Timestamp.from(now));
      sql.setTimestamp(i++, Timestamp.from(classifyDue));
      sql.setTimestamp(i, Timestamp.from(forwardDue));
      return sql;
    }, key);
    long id = key.getKey().longValue();
    String code = "PAKN-" + id;
    jdbc.update("update onestop.feedback set code = ? where id = ?", code, id);
    execution.setProcessBusinessKey(code);
    execution.setVariable(FEEDBACK_ID, id);
    execution.setVariable(FEEDBACK_CODE, code);
    execution.setVariable(KIND, kind);
    execution.setVariable(AGENCY_ID, agency.id());
    execution.setVariable(AGENCY_NAME, agency.name());
    execution.setVariable(CLASSIFY_DUE_AT, EngineTime.toDate(classifyDue));
    execution.setVariable(FORWARD_DUE_AT, EngineTime.toDate(forwardDue));
    notices.toSender(id, "FEEDBACK_RECEIVED", "Đã tiếp nhận phản ánh, kiến nghị",
        "Phản ánh, kiến nghị \"" + subject + "\" đã được " + agency.name() + " tiếp nhận, mã số " + code
            + ". Thời hạn trả lời: 15 ngày làm việc.");
  }

  /** Task_ClassifyFeedback, on complete: the classification must be complete. */
  public void classified(DelegateTask task) {
    String decision = required(task, CLASSIFICATION, "Kết quả phân loại").toUpperCase(Locale.ROOT);
    if (!CLASSIFICATIONS.contains(decision)) {
      throw new FeedbackInputException(CLASSIFICATION, "Kết quả phân loại '" + decision + "' không hợp lệ (ACCEPT, REJECT, FORWARD)");
    }
    task.setVariable(CLASSIFICATION, decision);
    if (decision.equals("REJECT")) {
      required(task, REJECT_REASON, "Lý do không tiếp nhận");
    }
    if (decision.equals("FORWARD")) {
      String to = required(task, FORWARD_TO, "Cơ quan có thẩm quyền");
      agency(to, FORWARD_TO);
      if (to.equals(text(task, AGENCY_ID, null))) {
        throw new FeedbackInputException(FORWARD_TO, "Không thể chuyển phản ánh cho chính cơ quan đang xử lý");
      }
    }
  }

  /** Not accepted (missing name, address or content; not a matter of administrative regulations). */
  public void rejected(DelegateExecution execution) {
    long id = feedbackId(execution);
    String reason = required(execution, REJECT_REASON, "Lý do không tiếp nhận");
    jdbc.update("update onestop.feedback set status = 'REJECTED', rejected_reason = ? where id = ?", reason, id);
    notices.toSender(id, "FEEDBACK_REJECTED", "Phản ánh, kiến nghị không được tiếp nhận",
        "Phản ánh, kiến nghị " + text(execution, FEEDBACK_CODE, "") + " không được tiếp nhận xử lý. Lý do: " + reason);
  }

  /** Outside the agency's competence or about an official's conduct: forwarded (within 5 working days). */
  public void forwarded(DelegateExecution execution) {
    long id = feedbackId(execution);
    String from = required(execution, AGENCY_ID, "Cơ quan");
    Agency to = agency(required(execution, FORWARD_TO, "Cơ quan có thẩm quyền"), FORWARD_TO);
    Instant now = time.now();
    jdbc.update("""
        update onestop.feedback set status = 'FORWARDED', forwarded_from = ?, forwarded_at = ?, agency_id = ?,
          classify_due_at = ?, forward_due_at = ? where id = ?""", from, Timestamp.from(now), to.id(),
        Timestamp.from(calendar.addWorkingDays(now, REJECT_DAYS)), Timestamp.from(calendar.addWorkingDays(now, FORWARD_DAYS)), id);
    execution.setVariable(FORWARDED_LATE, now.isAfter(EngineTime.toInstant(execution.getVariable(FORWARD_DUE_AT))));
    execution.setVariable(AGENCY_ID, to.id());
    execution.setVariable(AGENCY_NAME, to.name());
    execution.setVariable(FORWARD_TO, null);
    execution.setVariable(CLASSIFICATION, null);
    execution.setVariable(CLASSIFY_DUE_AT, EngineTime.toDate(calendar.addWorkingDays(now, REJECT_DAYS)));
    execution.setVariable(FORWARD_DUE_AT, EngineTime.toDate(calendar.addWorkingDays(now, FORWARD_DAYS)));
    notices.toSender(id, "FEEDBACK_FORWARDED", "Chuyển phản ánh, kiến nghị",
        "Phản ánh, kiến nghị " + text(execution, FEEDBACK_CODE, "") + " đã được chuyển đến " + to.name() + " để xử lý theo thẩm quyền.");
  }

  /** Within competence: handled; the answer is due 15 working days after the competent agency received it. */
  public void accepted(DelegateExecution execution) {
    long id = feedbackId(execution);
    Instant now = time.now();
    Instant received = jdbc.queryForObject("select coalesce(forwarded_at, received_at) from onestop.feedback where id = ?",
        Timestamp.class, id).toInstant();
    Instant answerDue = calendar.addWorkingDays(received, ANSWER_DAYS);
    jdbc.update("update onestop.feedback set status = 'IN_PROGRESS', accepted_at = ?, answer_due_at = ? where id = ?",
        Timestamp.from(now), Timestamp.from(answerDue), id);
    execution.setVariable(ANSWER_DUE_AT, EngineTime.toDate(answerDue));
  }

  /** Task_AnswerFeedback, on complete: the specialist drafts the answer. */
  public void answerDrafted(DelegateTask task) {
    required(task, ANSWER, "Nội dung trả lời");
    task.setVariable(ANSWER_APPROVED, null);
  }

  /** Task_ApproveAnswer, on complete: the head signs the answer or sends it back with remarks. */
  public void answerReviewed(DelegateTask task) {
    boolean approved = Boolean.TRUE.equals(task.getVariable(ANSWER_APPROVED));
    task.setVariable(ANSWER_APPROVED, approved);
    if (!approved) {
      required(task, APPROVAL_REMARKS, "Ý kiến chỉ đạo khi trả lại dự thảo");
    }
  }

  /** Timer at the answer deadline: overdue, escalated to the head of the agency. */
  public void overdue(DelegateExecution execution) {
    long id = feedbackId(execution);
    Instant now = time.now();
    jdbc.update("update onestop.feedback set overdue = true, escalated_at = ? where id = ?", Timestamp.from(now), id);
    Agency agency = organisation.get(required(execution, AGENCY_ID, "Cơ quan"));
    notices.toStaff(text(execution, FEEDBACK_CODE, null), agency.headsGroup(), "FEEDBACK_OVERDUE", "Phản ánh, kiến nghị quá hạn",
        "Phản ánh, kiến nghị " + text(execution, FEEDBACK_CODE, "") + " đã quá thời hạn trả lời 15 ngày làm việc.");
  }

  /** Task_EscalateFeedback, on complete: the head's instruction is recorded. */
  public void escalationHandled(DelegateTask task) {
    String instruction = required(task, HEAD_INSTRUCTION, "Ý kiến chỉ đạo");
    jdbc.update("update onestop.feedback set head_instruction = ? where id = ?", instruction, feedbackId(task));
  }

  /** The approved answer goes to the sender; publication is due within 2 working days. */
  public void answered(DelegateExecution execution) {
    long id = feedbackId(execution);
    String answer = required(execution, ANSWER, "Nội dung trả lời");
    Instant now = time.now();
    Instant publishDue = calendar.addWorkingDays(now, PUBLISH_DAYS);
    Timestamp due = jdbc.queryForObject("select answer_due_at from onestop.feedback where id = ?", Timestamp.class, id);
    jdbc.update("""
        update onestop.feedback set status = 'ANSWERED', answer = ?, answered_at = ?, publish_due_at = ?,
          overdue = overdue or ? where id = ?""", answer, Timestamp.from(now), Timestamp.from(publishDue),
        due != null && now.isAfter(due.toInstant()), id);
    execution.setVariable(PUBLISH_DUE_AT, EngineTime.toDate(publishDue));
    execution.setVariable(PUBLISH, true);
    notices.toSender(id, "FEEDBACK_ANSWERED", "Trả lời phản ánh, kiến nghị",
        "Trả lời phản ánh, kiến nghị " + text(execution, FEEDBACK_CODE, "") + ": " + answer);
  }

  /** Task_PublishAnswer done: the answer is published (công khai) unless withheld for a reason. */
  public void published(DelegateExecution execution) {
    long id = feedbackId(execution);
    boolean publish = !Boolean.FALSE.equals(execution.getVariable(PUBLISH));
    if (publish) {
      jdbc.update("update onestop.feedback set status = 'PUBLISHED', published = true, published_at = ? where id = ?",
          Timestamp.from(time.now()), id);
    }
  }

  // ---------------------------------------------------------------- helpers

  private Agency agency(String id, String field) {
    return organisation.find(id).orElseThrow(() -> new FeedbackInputException(field, "Cơ quan '" + id + "' không có trong cơ cấu tổ chức"));
  }

  private static long feedbackId(VariableScope scope) {
    Object id = scope.getVariable(FEEDBACK_ID);
    if (!(id instanceof Number n)) {
      throw new IllegalStateException("Process variable feedbackId is missing");
    }
    return n.longValue();
  }

  static String text(VariableScope scope, String name, String fallback) {
    return FormValues.text(scope, name, fallback);
  }

  static String required(VariableScope scope, String name, String label) {
    return FormValues.required(scope, name, label, FeedbackInputException::new);
  }

  private static Set<String> names(Enum<?>[] values) {
    return java.util.Arrays.stream(values).map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
