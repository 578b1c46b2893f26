package vn.onestop.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.onestop.process.EngineClockExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.calendar.WorkingCalendar;

/** Every path of feedback.bpmn with the engine's clock: rejected, forwarded and answered, sent back, overdue and escalated. */
@OneStopSpringTest
@ExtendWith(EngineClockExtension.class)
class FeedbackProcessTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  static Instant at(String local) {
    return EngineClockExtension.at(local);
  }

  ProcessInstance received(String agency) {
    Map<String, Object> v = new HashMap<>(Map.of("kind", "REGULATION", "agencyId", agency, "senderName", "Phạm Văn Dũng",
        "senderPhone", "0912000111", "senderEmail", "dung@example.vn", "subject", "Thủ tục chứng thực yêu cầu nhiều bản sao",
        "content", "Đề nghị giảm số bản sao phải nộp khi chứng thực chữ ký."));
    return runtimeService.startProcessInstanceByKey("feedback", v);
  }

  Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  void complete(ProcessInstance pi, String key, Object... vars) {
    Task t = task(pi, key);
    assertThat(t).as("open task " + key).isNotNull();
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < vars.length; i += 2) {
      v.put((String) vars[i], vars[i + 1]);
    }
    taskService.complete(t.getId(), v);
  }

  Map<String, Object> row(ProcessInstance pi) {
    return jdbc.queryForMap("select * from onestop.feedback where process_instance_id = ?", pi.getId());
  }

  boolean ended(ProcessInstance pi) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
  }

  boolean candidate(Task t, String group) {
    return taskService.getIdentityLinksForTask(t.getId()).stream().anyMatch(l -> group.equals(l.getGroupId()));
  }

  @Test
  void not_accepted_feedback_ends_with_the_reason_within_two_working_days() {
    Instant start = at("2026-03-02T09:00");
    ProcessInstance pi = received("nhan-co");
    Task classify = task(pi, "Task_ClassifyFeedback");
    assertThat(candidate(classify, "nhan-co-clerks")).isTrue();
    assertThat(classify.getDueDate().toInstant()).isEqualTo(LocalDateTime.parse("2026-03-04T09:00").atZone(WorkingCalendar.ZONE).toInstant());
    assertThat(pi.getBusinessKey()).startsWith("PAKN-");
    assertThatThrownBy(() -> complete(pi, "Task_ClassifyFeedback", "classification", "REJECT"))
        .as("a refusal needs its reason").hasMessageContaining("rejectReason");
    complete(pi, "Task_ClassifyFeedback", "classification", "REJECT", "rejectReason", "Không thuộc phạm vi quy định hành chính");
    assertThat(ended(pi)).isTrue();
    Map<String, Object> r = row(pi);
    assertThat(r.get("status")).isEqualTo("REJECTED");
    assertThat(r.get("rejected_reason")).isEqualTo("Không thuộc phạm vi quy định hành chính");
    assertThat(((java.sql.Timestamp) r.get("received_at")).toInstant()).isEqualTo(start);
  }

  @Test
  void forwarded_to_the_competent_agency_answered_after_a_send_back_and_published() throws Exception {
    at("2026-03-02T09:00");
    ProcessInstance pi = received("nhan-co");
    complete(pi, "Task_ClassifyFeedback", "classification", "FORWARD", "forwardTo", "kien-thanh");
    Task again = task(pi, "Task_ClassifyFeedback");
    assertThat(candidate(again, "kien-thanh-clerks")).as("the competent agency classifies it").isTrue();
    assertThat(row(pi).get("forwarded_from")).isEqualTo("nhan-co");
    at("2026-03-03T10:00");
    complete(pi, "Task_ClassifyFeedback", "classification", "ACCEPT");
    Task answer = task(pi, "Task_AnswerFeedback");
    assertThat(candidate(answer, "kien-thanh-specialists")).isTrue();
    // 15 working days from the forward (2026-03-02 09:00) end on 2026-03-23 09:00.
    assertThat(answer.getDueDate().toInstant()).isEqualTo(LocalDateTime.parse("2026-03-23T09:00").atZone(WorkingCalendar.ZONE).toInstant());
    complete(pi, "Task_AnswerFeedback", "answer", "Dự thảo 1");
    assertThatThrownBy(() -> complete(pi, "Task_ApproveAnswer", "answerApproved", false)).hasMessageContaining("approvalRemarks");
    complete(pi, "Task_ApproveAnswer", "answerApproved", false, "approvalRemarks", "Nêu rõ căn cứ pháp lý");
    complete(pi, "Task_AnswerFeedback", "answer", "Theo Nghị định 23/2015, chỉ cần nộp một bản sao.");
    complete(pi, "Task_ApproveAnswer", "answerApproved", true);
    assertThat(row(pi).get("status")).isEqualTo("ANSWERED");
    Task publish = task(pi, "Task_PublishAnswer");
    assertThat(publish.getDueDate().toInstant()).isEqualTo(LocalDateTime.parse("2026-03-05T10:00").atZone(WorkingCalendar.ZONE).toInstant());
    complete(pi, "Task_PublishAnswer", "publish", true);
    assertThat(ended(pi)).isTrue();
    Map<String, Object> r = row(pi);
    assertThat(r.get("status")).isEqualTo("PUBLISHED");
    assertThat(r.get("overdue")).isEqualTo(false);

    HttpResponse<String> published = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/api/feedback/published?agency=kien-thanh")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode list = json.readTree(published.body());
    assertThat(list.findValuesAsText("code")).contains((String) r.get("code"));
    assertThat(published.body()).doesNotContain("Phạm Văn Dũng", "0912000111", "dung@example.vn");
  }

  @Test
  void an_overdue_answer_escalates_to_the_head_and_the_escalation_closes_with_the_publication() {
    at("2026-03-02T09:00");
    ProcessInstance pi = received("nhan-co");
    complete(pi, "Task_ClassifyFeedback", "classification", "ACCEPT");
    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).as("absolute date: 15 working days")
        .isEqualTo(LocalDateTime.parse("2026-03-23T09:00").atZone(WorkingCalendar.ZONE).toInstant());
    at("2026-03-23T09:01");
    managementService.executeJob(timer.getId());
    Task escalation = task(pi, "Task_EscalateFeedback");
    assertThat(escalation).isNotNull();
    assertThat(candidate(escalation, "nhan-co-heads")).isTrue();
    assertThat(task(pi, "Task_AnswerFeedback")).as("the work goes on").isNotNull();
    assertThat(row(pi).get("overdue")).isEqualTo(true);

    complete(pi, "Task_AnswerFeedback", "answer", "Trả lời muộn");
    complete(pi, "Task_ApproveAnswer", "answerApproved", true);
    complete(pi, "Task_PublishAnswer", "publish", false);
    assertThat(ended(pi)).as("publication ends the instance, the open escalation with it").isTrue();
    Map<String, Object> r = row(pi);
    assertThat(r.get("status")).isEqualTo("ANSWERED");
    assertThat(r.get("published")).isEqualTo(false);
    assertThat(r.get("overdue")).isEqualTo(true);
  }

  @Test
  void the_head_records_an_instruction_on_the_overdue_feedback() {
    at("2026-03-02T09:00");
    ProcessInstance pi = received("nhan-co");
    complete(pi, "Task_ClassifyFeedback", "classification", "ACCEPT");
    at("2026-03-24T08:00");
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getId());
    complete(pi, "Task_EscalateFeedback", "headInstruction", "Trả lời trước ngày 26/3");
    assertThat(row(pi).get("head_instruction")).isEqualTo("Trả lời trước ngày 26/3");
    complete(pi, "Task_AnswerFeedback", "answer", "Đã trả lời");
    complete(pi, "Task_ApproveAnswer", "answerApproved", true);
    complete(pi, "Task_PublishAnswer", "publish", true);
    assertThat(ended(pi)).isTrue();
    assertThat(row(pi).get("status")).isEqualTo("PUBLISHED");
  }

  @Test
  void the_public_api_starts_the_process_and_refuses_incomplete_feedback() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/feedback"))
        .header("Content-Type", "application/json").header("X-Forwarded-For", "192.0.2.77")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("agencyId", "nhan-co", "senderName", "Lê Hoa",
            "senderEmail", "hoa@example.vn", "subject", "Giờ làm việc", "content", "Đề nghị mở cửa sáng thứ Bảy.")))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String code = json.readTree(created.body()).get("code").asText();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);

    HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/feedback"))
        .header("Content-Type", "application/json").header("X-Forwarded-For", "192.0.2.77")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("agencyId", "nhan-co", "senderName", "Lê Hoa",
            "subject", "Giờ làm việc", "content", "Không có địa chỉ")))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json.readTree(missing.body()).get("field").asText()).isEqualTo("senderAddress");
  }
}
