package vn.onestop.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.onestop.review.ReviewForms.allYes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.calendar.WorkingCalendar;

/**
 * The paths of {@code procedure-review.bpmn} that do not publish a version (publication, with dossiers
 * before and after, is in {@code vn.onestop.dossier.ReviewPublishesVersionTest}).
 */
@OneStopSpringTest
class ProcedureReviewProcessTest {

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  static Instant at(String local) {
    Instant i = LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant();
    ClockUtil.setCurrentTime(Date.from(i));
    return i;
  }

  ProcessInstance start(String reason) {
    return runtimeService.startProcessInstanceByKey("procedure-review",
        withVariables("agencyId", "nhan-co", "procedureCode", "1.001193", "reviewReason", reason));
  }

  Map<String, Object> review(long id) {
    return jdbc.queryForMap("select * from onestop.procedure_review where id = ?", id);
  }

  long reviewId(ProcessInstance pi) {
    return jdbc.queryForObject("select id from onestop.procedure_review where process_instance_id = ?", Long.class, pi.getId());
  }

  @Test
  void approvedAtFirstReadingWithoutProposal() {
    at("2027-03-01T09:00");
    ProcessInstance review = start("Rà soát định kỳ 2027");

    assertThat(review).isWaitingAt("Task_ReviewProcedure");
    assertThat(task()).hasCandidateGroup("nhan-co-specialists");
    assertThat(runtimeService.getVariable(review.getId(), "currentDocuments").toString())
        .as("the reviewer sees the catalogue's components").contains("Tờ khai đăng ký khai sinh").contains("to-khai");
    complete(task(), allYes("findings", "Thủ tục cần thiết, hợp lý, hợp pháp; giữ nguyên"));

    assertThat(review).isWaitingAt("Task_ApproveReview");
    assertThat(task()).hasCandidateGroup("nhan-co-heads");
    complete(task(), withVariables("approved", true));

    assertThat(review).isEnded().hasPassed("End_ReviewApproved");
    Map<String, Object> row = review(reviewId(review));
    assertThat(row.get("status")).isEqualTo("APPROVED");
    assertThat(row.get("simplify")).isEqualTo(false);
    assertThat(row.get("procedure_kind")).isEqualTo("PUBLIC");
    assertThat(row.get("findings").toString()).contains("\"documents\":{\"necessary\":\"YES\"");
  }

  @Test
  void anUnansweredElementKeepsTheFormOpen() {
    at("2027-03-01T09:00");
    ProcessInstance review = start("Rà soát định kỳ 2027");
    Map<String, Object> answers = allYes("findings", "Thiếu một câu trả lời");
    answers.remove(ReviewElement.FEES.variable(ReviewElement.Criterion.LAWFUL));

    assertThatThrownBy(() -> complete(task(review), answers)).hasMessageContaining("review_fees_lawful");
    assertThat(review).isWaitingAt("Task_ReviewProcedure");
  }

  @Test
  void sentBackThenApproved() {
    at("2027-03-01T09:00");
    ProcessInstance review = start("Phản ánh của người dân");
    complete(task(review), allYes("findings", "Chưa đủ"));
    assertThatThrownBy(() -> complete(task(review), withVariables("approved", false)))
        .as("a send-back needs remarks").hasMessageContaining("remarks");
    complete(task(review), withVariables("approved", false, "remarks", "Bổ sung số liệu"));

    assertThat(review).isWaitingAt("Task_ReviewProcedure");
    complete(task(review), allYes("findings", "Đã bổ sung"));
    complete(task(review), withVariables("approved", true));

    assertThat(review).isEnded().hasPassed("Gateway_ReviewRound", "End_ReviewApproved");
  }

  @Test
  void proposalRejectedByTheProvince() {
    at("2027-03-01T09:00");
    ProcessInstance review = runtimeService.startProcessInstanceByKey("procedure-review",
        withVariables("agencyId", "nhan-co", "procedureCode", "DNO.NB.01", "reviewReason", "Rà soát TTHC nội bộ"));
    assertThatThrownBy(() -> complete(task(review), allYes("findings", "Rút ngắn", "simplify", true, "proposedDays", 25)))
        .as("a longer time is no simplification").hasMessageContaining("proposedDays");
    complete(task(review), allYes("findings", "Thời hạn 20 ngày quá dài", "simplify", true, "proposedDays", 15,
        "proposalSummary", "Rút ngắn thời hạn thẩm định còn 15 ngày"));
    complete(task(review), withVariables("approved", true, "competentLevel", "PROVINCE"));

    assertThat(review).isWaitingAt("Task_DecideProposal");
    assertThat(task(review)).hasCandidateGroup("dak-nong-heads");
    assertThatThrownBy(() -> complete(task(review), withVariables("proposalAccepted", "false")))
        .hasMessageContaining("decisionNote");
    complete(task(review), withVariables("proposalAccepted", "false", "decisionNote", "Chưa đủ căn cứ"));
    execute(job("Task_RecordRejection", review));

    assertThat(review).isEnded().hasPassed("End_ProposalRejected");
    Map<String, Object> row = review(reviewId(review));
    assertThat(row.get("status")).isEqualTo("REJECTED");
    assertThat(row.get("procedure_kind")).isEqualTo("INTERNAL");
    assertThat(row.get("proposed_days").toString()).isEqualTo("15.00");
  }

  @Test
  void remindsBeforeTheDeadlineAndFlagsItOverdue() {
    at("2027-03-01T09:00");
    ProcessInstance review = start("Rà soát đột xuất");
    long id = reviewId(review);
    Map<String, Object> row = review(id);
    Instant due = ((java.sql.Timestamp) row.get("due_at")).toInstant();
    Instant reminder = ((java.sql.Timestamp) row.get("reminder_at")).toInstant();
    assertThat(reminder).isBefore(due);
    assertThat(managementService.createJobQuery().processInstanceId(review.getId()).timers().list())
        .extracting(j -> j.getDuedate().toInstant()).containsExactlyInAnyOrder(reminder, due);

    ClockUtil.setCurrentTime(Date.from(reminder.plusSeconds(60)));
    execute(job("Timer_ReviewReminder", review));
    execute(job("Task_SendReminder", review));
    assertThat(review(id).get("reminded_at")).isNotNull();
    assertThat(review).isWaitingAt("Task_ReviewProcedure");

    ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
    execute(job("Timer_ReviewOverdue", review));
    execute(job("Task_MarkReviewOverdue", review));
    assertThat(review(id).get("overdue")).isEqualTo(true);
    assertThat(review).isWaitingAt("Task_ReviewProcedure").hasPassed("End_Reminded", "End_OverdueNoted");
  }
}
