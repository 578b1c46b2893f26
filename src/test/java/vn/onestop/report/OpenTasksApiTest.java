package vn.onestop.report;

import static vn.onestop.report.ReportListings.codes;
import static vn.onestop.report.ReportListings.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.document.Digitisation;
import vn.onestop.identity.DossierFixtures;
import vn.onestop.process.EngineTime;

/**
 * Supervisors see the work (issue 15.5): {@code GET /api/reports/open-tasks} lists the late dossiers of the
 * supervisor's subtree with the open task and who holds it, by name; it is scoped by AgencyScope, read only, and a
 * browser reads it with its Cockpit session (one login, issue 15.4) as {@code GET /api/staff/me} does.
 */
@OneStopSpringTest
class OpenTasksApiTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired Digitisation digitisation;
  @Autowired JdbcTemplate jdbc;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
  }

  @Test
  void theLateDossiersOfTheSubtreeWithWhoHoldsThemAndNothingToClaim() throws Exception {
    DossierFixtures fixtures = new DossierFixtures(identityService, runtimeService, taskService, digitisation);
    fixtures.ensureStaff();
    fixtures.ensureUser("supervisor-kt", "kien-thanh-supervisors");
    DossierFixtures.Dossier held = fixtures.dossier(DossierFixtures.Desk.A, DossierFixtures.Step.APPRAISE, "Đỗ Văn Giữ");
    DossierFixtures.Dossier queued = fixtures.dossier(DossierFixtures.Desk.A, DossierFixtures.Step.ASSIGN, "Hà Thị Hàng");
    String heldCode = code(held);
    String queuedCode = code(queued);
    jdbc.update("UPDATE onestop.dossier SET due_at = ? WHERE code = ?",
        Timestamp.from(EngineTime.clock().instant().minus(Duration.ofDays(4))), heldCode);

    JsonNode late = get("/api/reports/open-tasks", "supervisor", 200);
    JsonNode entry = entry(late, heldCode);
    assertThat(entry.path("holder").asText()).isEqualTo("Trần Văn Minh");
    assertThat(entry.path("assigned").asBoolean()).isTrue();
    assertThat(entry.path("agencyName").asText()).isEqualTo("Ủy ban nhân dân xã Nhân Cơ");
    assertThat(entry.path("taskName").asText()).isNotBlank();
    assertThat(entry.path("workingDaysLate").decimalValue()).isPositive();
    assertThat(codes(late)).as("late only by default").doesNotContain(queuedCode);

    JsonNode all = get("/api/reports/open-tasks?late=false&limit=2000", "supervisor-nc", 200);
    JsonNode waiting = entry(all, queuedCode);
    assertThat(waiting.path("assigned").asBoolean()).isFalse();
    assertThat(waiting.path("holder").asText()).startsWith("Chờ nhận: ").contains("Nhân Cơ").doesNotContain("nhan-co");
    assertThat(codes(get("/api/reports/open-tasks?late=false&limit=2000", "supervisor-kt", 200)))
        .as("another commune's supervisor").doesNotContain(heldCode, queuedCode);
    get("/api/reports/open-tasks", "clerk", 403);
    get("/api/reports/open-tasks?agency=kien-thanh", "supervisor-nc", 403);

    // read only: the supervisor holds no engine right on the task
    identityService.setAuthentication("supervisor", List.of("dakrlap-supervisors"));
    assertThatThrownBy(() -> taskService.claim(held.taskId(), "supervisor")).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aCockpitSessionReadsTheStaffApiWithoutAPassword() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(request("/camunda/app/cockpit/default/").GET().build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(request("/camunda/api/admin/auth/user/default/login/cockpit")
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=supervisor&password="
            + URLEncoder.encode(DossierFixtures.PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);

    HttpResponse<String> me = browser.send(request("/api/staff/me").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(json.readTree(me.body()).path("name").asText()).isEqualTo("Bùi Phương Thảo");
    assertThat(browser.send(request("/api/reports/open-tasks").GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode()).isEqualTo(200);
    assertThat(http.send(request("/api/staff/me").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode())
        .as("no session, no Basic").isEqualTo(401);
  }

  private String code(DossierFixtures.Dossier dossier) {
    return (String) runtimeService.getVariable(dossier.instanceId(), "dossierCode");
  }



  private JsonNode get(String path, String user, int status) throws Exception {
    String auth = Base64.getEncoder().encodeToString((user + ":" + DossierFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(request(path).header("Authorization", "Basic " + auth).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " as " + user + ": " + r.body()).isEqualTo(status);
    return json.readTree(r.body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
  }
}
