package vn.onestop.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.calendar.WorkingCalendar;

/**
 * The plan's appendix as engine cases (issue 20, item 3): one case per task and lead agency, started
 * once; the lead agency's head takes it on and submits the product, the follow-up office accepts it;
 * a reminder five working days before the deadline and the overdue mark at it.
 */
@OneStopSpringTest
class PlanCasesTest {

  static final String HEAD = "plantest-vp-head";

  @LocalServerPort int port;
  @Autowired PlanCases cases;
  @Autowired PlanFiles files;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
    identity.deleteUser(HEAD);
  }

  @Test
  void oneCasePerTaskAndLeadAgencyWalkedToAcceptance() throws Exception {
    // 1 June 2025: task IV.2 (due 30/06/2025) is not due yet.
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2025-06-02T08:00").atZone(WorkingCalendar.ZONE).toInstant()));
    int expected = files.plan(2025).orElseThrow().tasks().stream().mapToInt(t -> t.leadAgencies().size()).sum();
    int before = count();
    int started = cases.startYear(2025);
    assertThat(started + before).isEqualTo(expected);
    assertThat(count()).isEqualTo(expected);
    assertThat(cases.startYear(2025)).as("a second start adds nothing").isZero();

    String key = "KH2025-IV.2-dakrlap-vp";
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM onestop.plan_case WHERE process_instance_id = ?", pid);
    assertThat(row.get("status")).isEqualTo("ASSIGNED");
    // Deadline: end of the working day of Monday 30/06/2025 (17:00 in Vietnam).
    assertThat(((java.sql.Timestamp) row.get("deadline_at")).toInstant())
        .isEqualTo(LocalDateTime.parse("2025-06-30T17:00").atZone(WorkingCalendar.ZONE).toInstant());

    // The head of the district office sees the task in his group's list (engine authorizations on).
    user(HEAD, "dakrlap-vp-heads");
    identity.setAuthentication(HEAD, List.of("dakrlap-vp-heads"));
    Task takeOn = tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("dakrlap-vp-heads").singleResult();
    assertThat(takeOn.getTaskDefinitionKey()).isEqualTo("Task_TakeOnTask");
    tasks.claim(takeOn.getId(), HEAD);
    tasks.complete(takeOn.getId());
    assertThat(status(pid)).isEqualTo("IN_PROGRESS");

    // Five working days before the deadline the reminder fires (23/06/2025 17:00), once.
    identity.clearAuthentication();
    List<Job> timers = management.createJobQuery().processInstanceId(pid).timers().list();
    assertThat(timers).hasSize(2);
    Job reminder = timers.stream().min(java.util.Comparator.comparing(Job::getDuedate)).orElseThrow();
    // Five working days before Monday 30/06 17:00: the end of Monday 23/06 (or the opening of the 24th).
    assertThat(reminder.getDuedate().toInstant()).isBetween(
        LocalDateTime.parse("2025-06-23T17:00").atZone(WorkingCalendar.ZONE).toInstant(),
        LocalDateTime.parse("2025-06-24T07:00").atZone(WorkingCalendar.ZONE).toInstant());
    management.executeJob(reminder.getId());
    management.createJobQuery().processInstanceId(pid).messages().list().forEach(j -> management.executeJob(j.getId()));
    assertThat(jdbc.queryForObject("SELECT reminded_at IS NOT NULL FROM onestop.plan_case WHERE process_instance_id = ?",
        Boolean.class, pid)).isTrue();

    // Submitted, sent back once, submitted again, accepted.
    identity.setAuthentication(HEAD, List.of("dakrlap-vp-heads"));
    Task submit = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_SubmitProduct").singleResult();
    tasks.complete(submit.getId(), Map.of("productNote", "Báo cáo số 12/BC-UBND ngày 20/6/2025"));
    assertThat(status(pid)).isEqualTo("SUBMITTED");
    Task accept = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_AcceptProduct").singleResult();
    tasks.complete(accept.getId(), Map.of("productDecision", "SENT_BACK", "remarks", "Bổ sung số liệu quý II"));
    Task again = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_SubmitProduct").singleResult();
    tasks.complete(again.getId(), Map.of("productNote", "Báo cáo số 15/BC-UBND ngày 27/6/2025"));
    accept = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_AcceptProduct").singleResult();
    tasks.complete(accept.getId(), Map.of("productDecision", "ACCEPTED"));
    row = jdbc.queryForMap("SELECT * FROM onestop.plan_case WHERE process_instance_id = ?", pid);
    assertThat(row.get("status")).isEqualTo("ACCEPTED");
    assertThat(row.get("product_note")).isEqualTo("Báo cáo số 15/BC-UBND ngày 27/6/2025");
    assertThat(row.get("accepted_by")).isEqualTo(HEAD);
    assertThat(row.get("overdue")).isEqualTo(false);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();

    // Another case left untouched past its deadline is marked overdue.
    identity.clearAuthentication();
    String late = runtime.createProcessInstanceQuery().processInstanceBusinessKey("KH2025-IV.2-nhan-co").singleResult().getId();
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2025-07-01T08:00").atZone(WorkingCalendar.ZONE).toInstant()));
    // Still at "take on": the deadline timer belongs to the submit step, so the task is late by its due date.
    Task lateTask = tasks.createTaskQuery().processInstanceId(late).singleResult();
    tasks.complete(lateTask.getId());
    management.createJobQuery().processInstanceId(late).timers().list().forEach(j -> management.executeJob(j.getId()));
    management.createJobQuery().processInstanceId(late).messages().list().forEach(j -> management.executeJob(j.getId()));
    assertThat(jdbc.queryForObject("SELECT overdue FROM onestop.plan_case WHERE process_instance_id = ?", Boolean.class, late))
        .isTrue();

    // The supervisor sees the task with its cases and the live indicator of measurable tasks; a clerk does not.
    JsonNode list = new ObjectMapper().readTree(get("/api/plan/tasks?year=2025", "supervisor").body());
    JsonNode iv2 = null;
    JsonNode ii9 = null;
    for (JsonNode t : list) {
      if (t.path("id").asText().equals("IV.2")) {
        iv2 = t;
      }
      if (t.path("id").asText().equals("II.9")) {
        ii9 = t;
      }
    }
    assertThat(iv2).isNotNull();
    assertThat(iv2.path("cases").findValuesAsText("status")).contains("ACCEPTED");
    assertThat(ii9.path("indicator").asText()).isEqualTo("SATISFACTION");
    assertThat(ii9.path("target").asInt()).isEqualTo(90);
    assertThat(get("/api/plan/tasks?year=2025", "clerk").statusCode()).isEqualTo(403);
    assertThat(get("/api/plan/tasks?year=1999", "supervisor").statusCode()).isEqualTo(404);
  }

  private int count() {
    return jdbc.queryForObject("SELECT count(*) FROM onestop.plan_case WHERE plan_year = 2025", Integer.class);
  }

  private String status(String pid) {
    return jdbc.queryForObject("SELECT status FROM onestop.plan_case WHERE process_instance_id = ?", String.class, pid);
  }

  private void user(String id, String group) {
    identity.deleteUser(id);
    var u = identity.newUser(id);
    u.setFirstName("Chánh");
    u.setLastName("Văn phòng");
    u.setPassword("Plan-Test@2026!");
    identity.saveUser(u);
    identity.createMembership(id, group);
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    String auth = Base64.getEncoder().encodeToString((user + ":Demo@2026!").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + auth).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
