package vn.onestop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.onestop.OneStopSpringTest;
import vn.onestop.document.Digitisation;
import vn.onestop.identity.DossierFixtures.Desk;
import vn.onestop.identity.DossierFixtures.Dossier;
import vn.onestop.identity.DossierFixtures.Step;

/**
 * Supervisors see the work (issue 15.5): the open task of a dossier received at the commune of Nhân Cơ is
 * read - listed, opened, its candidate group and assignee seen, as Cockpit's "User Tasks" tab shows them -
 * by the supervisors of the commune, of the district Đắk R'lấp above it and of the province Đắk Nông above
 * that, through the Java API under their identity and through {@code /engine-rest}; a supervisor of
 * another subtree (the commune of Kiến Thành) sees nothing; none of them claims, completes or assigns it.
 * The grant is one READ row per supervisors group, and goes with the task.
 */
@OneStopSpringTest
class SupervisorTaskAccessTest {

  /** Supervisor of the commune (nhan-co-supervisors), as in the isolation matrix. */
  static final String COMMUNE = "supervisor-nc";
  /** Supervisor of the district (dakrlap-supervisors), the demo user. */
  static final String DISTRICT = "supervisor";
  /** Supervisor of the province (dak-nong-supervisors). */
  static final String PROVINCE = "supervisor-dn";
  /** Supervisor of another commune of the district (kien-thanh-supervisors). */
  static final String OTHER = "supervisor-kt";
  static final List<String> ABOVE = List.of(COMMUNE, DISTRICT, PROVINCE);
  static final Map<String, String> SUPERVISOR_GROUPS = new TreeMap<>(Map.of(
      "nhan-co-supervisors", COMMUNE, "dakrlap-supervisors", DISTRICT, "dak-nong-supervisors", PROVINCE));

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired Digitisation digitisation;

  final HttpClient http = HttpClient.newHttpClient();
  DossierFixtures fixtures;

  @BeforeEach
  void staff() {
    fixtures = new DossierFixtures(identityService, runtimeService, taskService, digitisation);
    fixtures.ensureStaff();
    fixtures.ensureUser(PROVINCE, "dak-nong-supervisors");
    fixtures.ensureUser(OTHER, "kien-thanh-supervisors");
  }

  @Test
  void theSupervisorsAboveTheCommuneReadItsTaskOneRowPerGroupAndTheRowsGoWithTheTask() throws Exception {
    Dossier dossier = fixtures.dossier(Desk.A, Step.CHECK, "Giám Sát Đọc");

    assertThat(supervisorRows(dossier.taskId())).as("one READ-only row per supervisors group, none per user")
        .containsOnlyKeys(SUPERVISOR_GROUPS.keySet());
    for (Authorization row : supervisorRows(dossier.taskId()).values()) {
      assertThat(row.getUserId()).isNull();
      assertThat(row.isPermissionGranted(Permissions.READ)).isTrue();
      assertThat(row.isPermissionGranted(Permissions.UPDATE)).isFalse();
      assertThat(row.isPermissionGranted(Permissions.TASK_WORK)).isFalse();
      assertThat(row.isPermissionGranted(Permissions.TASK_ASSIGN)).isFalse();
    }

    for (String user : ABOVE) {
      assertThat(as(user, () -> taskService.createTaskQuery().processInstanceId(dossier.instanceId()).list()))
          .as("%s lists the task", user).extracting(Task::getId).containsExactly(dossier.taskId());
      assertThat(as(user, () -> taskService.getIdentityLinksForTask(dossier.taskId()))).as("%s sees who may take it", user)
          .extracting(IdentityLink::getGroupId).contains("nhan-co-clerks");
      assertThat(refused(user, () -> taskService.claim(dossier.taskId(), user))).as("%s claims", user).isTrue();
      assertThat(refused(user, () -> taskService.setAssignee(dossier.taskId(), "clerk"))).as("%s assigns", user).isTrue();
      assertThat(refused(user, () -> taskService.complete(dossier.taskId(), Map.of("receptionDecision", "ACCEPT"))))
          .as("%s completes", user).isTrue();
    }
    assertThat(as(OTHER, () -> taskService.createTaskQuery().processInstanceId(dossier.instanceId()).count()))
        .as("another commune's supervisor").isZero();
    assertThat(taskService.createTaskQuery().taskId(dossier.taskId()).singleResult().getAssignee()).isNull();

    taskService.complete(dossier.taskId(), Map.of("receptionDecision", "ACCEPT"));
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(dossier.taskId())
        .count()).as("the engine deletes a task's authorizations when it ends").isZero();
    Task next = taskService.createTaskQuery().processInstanceId(dossier.instanceId()).singleResult();
    assertThat(supervisorRows(next.getId())).as("the next task is read by the same supervisors")
        .containsOnlyKeys(SUPERVISOR_GROUPS.keySet());
  }

  @Test
  void throughEngineRestTheSupervisorsListAndOpenTheTaskButClaimCompleteAndAssignAreRefused() throws Exception {
    Dossier dossier = fixtures.dossier(Desk.A, Step.APPRAISE, "Giám Sát Qua REST");
    String leg = dossier.legId();

    for (String user : ABOVE) {
      JsonNode tasks = ok(get(user, "/engine-rest/task?processInstanceId=" + leg));
      assertThat(tasks).as("%s lists the appraisal", user).hasSize(1);
      assertThat(tasks.get(0).get("id").asText()).isEqualTo(dossier.taskId());
      assertThat(tasks.get(0).get("assignee").asText()).as("who holds it").isEqualTo("specialist");
      assertThat(ok(get(user, "/engine-rest/task/" + dossier.taskId() + "/identity-links")).toString())
          .contains("nhan-co-specialists");
      refusedOverRest(post(user, "/engine-rest/task/" + dossier.taskId() + "/claim", Map.of("userId", user)));
      refusedOverRest(post(user, "/engine-rest/task/" + dossier.taskId() + "/assignee", Map.of("userId", user)));
      refusedOverRest(post(user, "/engine-rest/task/" + dossier.taskId() + "/complete", Map.of("variables",
          Map.of("proposedOutcome", Map.of("value", "RESULT"), "resultSummary", Map.of("value", "Đủ điều kiện")))));
    }
    assertThat(ok(get(OTHER, "/engine-rest/task?processInstanceId=" + leg))).as("another commune's supervisor").isEmpty();
    assertThat(get(OTHER, "/engine-rest/task/" + dossier.taskId()).statusCode()).isEqualTo(404);
    Task task = taskService.createTaskQuery().taskId(dossier.taskId()).singleResult();
    assertThat(task.getAssignee()).as("still the specialist's").isEqualTo("specialist");
  }

  @Test
  void aLaterLegsSupervisorsSeeNoTaskBeforeTheirLegStarts() {
    Dossier dossier = fixtures.dossier(Desk.D, LegAccessTest.LAND_TRANSFER, Step.TRANSFERRED, "Giám Sát Liên Thông");
    List<String> tasks = new ArrayList<>();
    taskService.createTaskQuery().processInstanceId(dossier.legId()).list().forEach(t -> tasks.add(t.getId()));
    assertThat(tasks).containsExactly(dossier.taskId());
    List<String> readers = new ArrayList<>();
    for (Authorization row : authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(dossier.taskId()).list()) {
      readers.add(row.getGroupId());
    }
    // the land branch belongs to the provincial land registration office, not to the district
    assertThat(readers).contains(LegAccessTest.LAND_BRANCH + "-supervisors", "dak-nong-vpdkdd-supervisors",
        "dak-nong-supervisors").doesNotContain(LegAccessTest.TAX + "-supervisors", "dak-nong-cuc-thue-supervisors");
    fixtures.ensureUser("supervisor-tax", LegAccessTest.TAX + "-supervisors");
    assertThat(as("supervisor-tax", () -> taskService.createTaskQuery().processInstanceId(dossier.legId()).count()
        + taskService.createTaskQuery().processInstanceId(dossier.instanceId()).count())).isZero();
  }

  /** The TASK rows of supervisors groups on the task, by group. */
  private Map<String, Authorization> supervisorRows(String taskId) {
    Map<String, Authorization> rows = new TreeMap<>();
    for (Authorization row : authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(taskId).list()) {
      if (row.getGroupId() != null && row.getGroupId().endsWith("-supervisors")) {
        rows.put(row.getGroupId(), row);
      }
      assertThat(row.getUserId()).as("no supervisor gets a row of his own").isNotIn(SUPERVISOR_GROUPS.values());
    }
    return rows;
  }

  private <T> T as(String user, Supplier<T> work) {
    identityService.setAuthentication(user, fixtures.groupsOf(user));
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private boolean refused(String user, Runnable work) {
    try {
      as(user, () -> {
        work.run();
        return null;
      });
      return false;
    } catch (AuthorizationException expected) {
      return true;
    }
  }

  private void refusedOverRest(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.request().uri() + ": " + response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(403);
    assertThat(problem.get("detail").asText()).isNotBlank();
  }

  private JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
  }

  private HttpResponse<String> post(String user, String path, Object body) throws Exception {
    return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
  }

  private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
    request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + DossierFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
