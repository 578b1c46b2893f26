package vn.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.LockWaits;
import vn.onestop.OneStopSpringTest;

/**
 * A clerk's step that loses to a concurrent change of the same dossier (thay đổi đồng thời) is rolled back by the
 * engine; OneStop sends it again ({@link ConcurrentChangeRetry}) instead of answering a server fault. Made to happen
 * here: the head approves over HTTP ({@code /engine-rest}, and Tasklist's own root) while the dossier's row in the register is held by
 * another connection, so the approval waits there after the engine has read the dossier's process; meanwhile the
 * process is suspended and activated again (its rows change under the approval). Released, the approval's first
 * attempt fails on the engine's optimistic lock — the same thing a deadline's timer or a second head does.
 */
@OneStopSpringTest
class ConcurrentChangeTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired MeterRegistry meters;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port, json);
  }

  @Test
  void anApprovalThatLosesToAConcurrentChangeIsSentAgainAndGoesThrough() throws Exception {
    approvedWhileTheDossierChanges(approval -> http.postJson("head", "/engine-rest/task/" + approval + "/complete",
        Map.of("variables", Http.vars("approved", true))));
  }

  /** The same through Tasklist's own REST root, with the head's Tasklist session, as Tasklist submits a form. */
  @Test
  void inTasklistToo() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(http.uri("/camunda/app/tasklist/default/")).GET().build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(http.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=head&password=" + URLEncoder.encode(Http.PASSWORD, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the token of the signed-in session, as Tasklist reads it from any answer of the webapp's API
    String token = browser.send(HttpRequest.newBuilder(http.uri("/camunda/api/engine/engine/default/task/count")).GET().build(),
        HttpResponse.BodyHandlers.discarding()).headers().firstValue("X-XSRF-TOKEN").orElse(xsrf(cookies));
    approvedWhileTheDossierChanges(approval -> browser.send(HttpRequest.newBuilder(
            http.uri("/camunda/api/engine/engine/default/task/" + approval + "/submit-form"))
        .header("X-XSRF-TOKEN", token).header("Origin", "http://localhost:" + port).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("variables", Http.vars("approved", true))))).build(),
        HttpResponse.BodyHandlers.ofString()));
  }

  interface Approval {
    HttpResponse<String> send(String taskId) throws Exception;
  }

  private void approvedWhileTheDossierChanges(Approval approve) throws Exception {
    ProcessInstance dossier = runtimeService.startProcessInstanceByKey("dossier", Map.of("procedureCode", "DNO.HT.01",
        "receivingAgencyId", "nhan-co", "channel", "ONLINE", "applicantName", "Trần Thị Đồng Thời",
        "applicantIdNumber", "066190007777", "applicantPhone", "0912000777"));
    taskService.complete(taskService.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey("Task_CheckDossier")
        .singleResult().getId(), Map.of("receptionDecision", "ACCEPT"));
    long id = ((Number) runtimeService.getVariable(dossier.getId(), "dossierId")).longValue();
    String code = jdbc.queryForObject("select code from onestop.dossier where id = ?", String.class, id);
    complete(code, "Task_AssignSpecialist", Map.of("specialist", "specialist"));
    complete(code, "Task_Appraise", Map.of("proposedOutcome", "RESULT", "resultSummary", "Cải chính năm sinh"));
    String approval = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_Approve")
        .singleResult().getId();

    double resentBefore = resent();
    ExecutorService head = Executors.newSingleThreadExecutor();
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock = holder.prepareStatement("select 1 from onestop.dossier where id = ? for no key update")) {
        lock.setLong(1, id);
        lock.execute();
      }
      Future<HttpResponse<String>> approved = head.submit(() -> approve.send(approval));
      LockWaits.ofStatement(jdbc, "^update onestop\\.dossier set status", approved);  // the result waits for the row
      runtimeService.suspendProcessInstanceById(dossier.getId());
      runtimeService.activateProcessInstanceById(dossier.getId());
      holder.rollback();

      HttpResponse<String> answer = approved.get(60, TimeUnit.SECONDS);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
      assertThat(resent() - resentBefore).as("the first attempt lost, and was sent again").isEqualTo(1);
    } finally {
      head.shutdownNow();
    }
    assertThat(jdbc.queryForObject("select status from onestop.dossier where id = ?", String.class, id)).isEqualTo("FINISHED");
    assertThat(jdbc.queryForObject("select count(*) from onestop.dossier_event where dossier_id = ? and kind = 'LEG_FINISHED'",
        Integer.class, id)).as("the leg finished once: the lost attempt left nothing").isEqualTo(1);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_ReturnResult").count())
        .isEqualTo(1);
  }

  static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
  }

  private double resent() {
    return meters.get(ConcurrentChangeRetry.LOST).tag("then", "resent").counter().count();
  }

  private void complete(String code, String taskKey, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey)
        .singleResult().getId(), variables);
  }
}
