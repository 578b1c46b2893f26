package vn.onestop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.onestop.OneStopSpringTest;
import vn.onestop.document.Digitisation;
import vn.onestop.identity.DossierFixtures.Desk;
import vn.onestop.identity.DossierFixtures.Dossier;
import vn.onestop.identity.DossierFixtures.Step;

/**
 * Who may do what to whose dossier: every role × agency × action, once through {@code /engine-rest}
 * (HTTP Basic, as Tasklist's users and scripts call it) and once through the Java API with
 * {@code identityService.setAuthentication}. Agencies: commune A (Nhân Cơ), commune B (Kiến Thành),
 * the district one-stop department D. Dossiers are real {@code dossier} instances waiting at the
 * reception check, the head's assignment or the specialist's appraisal.
 *
 * <p>In the table, {@code T} = may list, read, claim and complete the task; {@code R} = may list and read
 * the task but neither claim nor complete it (supervisors, issue 15.5); {@code I} = may read the
 * process instance(s), their variables and their history; {@code -} = sees nothing of it.
 */
@OneStopSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixTest {

  /** The fixture dossiers, in the table's column order. */
  enum Target {
    A_CHECK(Desk.A, Step.CHECK), A_ASSIGN(Desk.A, Step.ASSIGN), A_APPRAISE(Desk.A, Step.APPRAISE),
    B_CHECK(Desk.B, Step.CHECK), B_ASSIGN(Desk.B, Step.ASSIGN), B_APPRAISE(Desk.B, Step.APPRAISE),
    D_CHECK(Desk.D, Step.CHECK);

    final Desk desk;
    final Step step;

    Target(Desk desk, Step step) {
      this.desk = desk;
      this.step = step;
    }
  }

  //                                      A-check A-assign A-appraise B-check B-assign B-appraise D-check
  static final Map<String, String[]> MATRIX = new LinkedHashMap<>();
  static {
    MATRIX.put("clerk",           row("TI", "I",  "I",  "-",  "-",  "-",  "-"));
    MATRIX.put("specialist",      row("I",  "I",  "TI", "-",  "-",  "-",  "-"));
    MATRIX.put("head",            row("I",  "TI", "I",  "-",  "-",  "-",  "-"));
    MATRIX.put("supervisor-nc",   row("RI", "RI", "RI", "-",  "-",  "-",  "-"));
    MATRIX.put("clerk2",          row("-",  "-",  "-",  "TI", "I",  "I",  "-"));
    MATRIX.put("specialist-kt",   row("-",  "-",  "-",  "I",  "I",  "TI", "-"));
    MATRIX.put("head-kt",         row("-",  "-",  "-",  "I",  "TI", "I",  "-"));
    MATRIX.put("district-clerk",  row("-",  "-",  "-",  "-",  "-",  "-",  "TI"));
    MATRIX.put("tckh-specialist", row("-",  "-",  "-",  "-",  "-",  "-",  "I"));
    MATRIX.put("supervisor",      row("RI", "RI", "RI", "RI", "RI", "RI", "RI"));
    MATRIX.put("designer",        row("-",  "-",  "-",  "-",  "-",  "-",  "-"));
    MATRIX.put("admin",           row("TI", "TI", "TI", "TI", "TI", "TI", "TI"));
  }

  /** Who may receive a dossier for commune A / commune B; who deploys; who manages users. */
  static final Map<String, String> START = Map.of("clerk", "A", "clerk2", "B", "admin", "AB");
  static final List<String> DEPLOYERS = List.of("designer", "admin");
  static final List<String> USER_ADMINS = List.of("admin");

  private static String[] row(String... cells) {
    assertThat(cells).hasSize(Target.values().length);
    return cells;
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;
  @Autowired Digitisation digitisation;

  final HttpClient http = HttpClient.newHttpClient();
  final Map<Target, Dossier> fixtures = new EnumMap<>(Target.class);
  final AtomicInteger probes = new AtomicInteger();
  DossierFixtures staff;

  @BeforeAll
  void staff() {
    staff = new DossierFixtures(identityService, runtimeService, taskService, digitisation);
    staff.ensureStaff();
  }

  /**
   * The shared dossier waiting at the target's step, created on first use: inside a test, where the
   * process-coverage recorder has a run open.
   */
  Dossier fixture(Target target) {
    return fixtures.computeIfAbsent(target, t -> staff.dossier(t.desk, t.step, "Người nộp " + t));
  }

  /** One channel to the engine, as a given user. */
  interface Channel {
    boolean listsTask(String user, Dossier d) throws Exception;
    boolean readsTask(String user, Dossier d) throws Exception;
    boolean claims(String user, Dossier d) throws Exception;
    boolean completes(String user, Dossier d, Map<String, Object> variables) throws Exception;
    boolean readsInstance(String user, String instanceId) throws Exception;
    boolean readsVariables(String user, String instanceId) throws Exception;
    boolean readsHistory(String user, String instanceId) throws Exception;
    boolean starts(String user, Desk desk) throws Exception;
    boolean deploys(String user) throws Exception;
    boolean createsUser(String user) throws Exception;
  }

  @TestFactory
  Stream<DynamicTest> engineRest() {
    return matrix("REST", new Rest());
  }

  @TestFactory
  Stream<DynamicTest> javaApi() {
    return matrix("Java", new JavaApi());
  }

  @TestFactory
  Stream<DynamicTest> cockpitAndAdminApplications() {
    Map<String, String> apps = new LinkedHashMap<>();
    apps.put("supervisor", "tasklist cockpit");
    apps.put("supervisor-nc", "tasklist cockpit");
    apps.put("head", "tasklist cockpit");
    apps.put("clerk", "tasklist");
    apps.put("specialist", "tasklist");
    apps.put("designer", "cockpit");
    return apps.entrySet().stream().flatMap(e -> Stream.of("tasklist", "cockpit", "admin").map(app ->
        dynamicTest(e.getKey() + " " + (e.getValue().contains(app) ? "opens " : "cannot open ") + app, () ->
            assertThat(authorizationService.isUserAuthorized(e.getKey(), staff.groupsOf(e.getKey()), Permissions.ACCESS,
                Resources.APPLICATION, app)).isEqualTo(e.getValue().contains(app)))));
  }

  Stream<DynamicTest> matrix(String name, Channel channel) {
    List<DynamicTest> tests = new ArrayList<>();
    MATRIX.forEach((user, cells) -> {
      for (Target target : Target.values()) {
        String cell = cells[target.ordinal()];
        boolean task = cell.contains("T");
        boolean reads = task || cell.contains("R");
        boolean instance = cell.contains("I");
        String label = name + ": " + user + " × " + target + " ";
        tests.add(dynamicTest(label + (reads ? "lists" : "does not list") + " the task",
            () -> assertThat(channel.listsTask(user, fixture(target))).isEqualTo(reads)));
        tests.add(dynamicTest(label + (reads ? "reads" : "cannot read") + " the task",
            () -> assertThat(channel.readsTask(user, fixture(target))).isEqualTo(reads)));
        tests.add(dynamicTest(label + (task ? "claims" : "cannot claim") + " the task",
            () -> assertThat(channel.claims(user, fixture(target))).isEqualTo(task)));
        tests.add(dynamicTest(label + (task ? "completes" : "cannot complete") + " the task", () -> {
          // Allowed completions use a fresh dossier at the same step, so the shared fixtures stay put.
          Dossier d = task ? staff.dossier(target.desk, target.step, "Hoàn thành " + user) : fixture(target);
          assertThat(channel.completes(user, d, completion(target))).isEqualTo(task);
        }));
        tests.add(dynamicTest(label + (instance ? "reads" : "cannot read") + " the process instance(s)", () -> {
          for (String id : fixture(target).instances()) {
            assertThat(channel.readsInstance(user, id)).as(id).isEqualTo(instance);
          }
        }));
        tests.add(dynamicTest(label + (instance ? "reads" : "cannot read") + " the variables", () -> {
          for (String id : fixture(target).instances()) {
            assertThat(channel.readsVariables(user, id)).as(id).isEqualTo(instance);
          }
        }));
        tests.add(dynamicTest(label + (instance ? "reads" : "cannot read") + " the history", () -> {
          for (String id : fixture(target).instances()) {
            assertThat(channel.readsHistory(user, id)).as(id).isEqualTo(instance);
          }
        }));
      }
      for (Desk desk : List.of(Desk.A, Desk.B)) {
        boolean may = START.getOrDefault(user, "").contains(desk.name());
        tests.add(dynamicTest(name + ": " + user + (may ? " receives" : " cannot receive") + " a dossier for " + desk.agencyId,
            () -> assertThat(channel.starts(user, desk)).isEqualTo(may)));
      }
      boolean deploys = DEPLOYERS.contains(user);
      tests.add(dynamicTest(name + ": " + user + (deploys ? " deploys" : " cannot deploy") + " a model",
          () -> assertThat(channel.deploys(user)).isEqualTo(deploys)));
      boolean creates = USER_ADMINS.contains(user);
      tests.add(dynamicTest(name + ": " + user + (creates ? " creates" : " cannot create") + " a user",
          () -> assertThat(channel.createsUser(user)).isEqualTo(creates)));
    });
    return tests.stream();
  }

  static Map<String, Object> completion(Target target) {
    return switch (target.step) {
      case CHECK -> Map.of("receptionDecision", "ACCEPT");
      case TRANSFERRED -> throw new IllegalArgumentException("no task of its own");
      case ASSIGN -> Map.of("specialist", target.desk.specialist);
      case APPRAISE -> Map.of("proposedOutcome", "RESULT", "resultSummary", "Đủ điều kiện");
    };
  }

  String probeModel() {
    String key = "isolation-probe";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_Probe" targetNamespace="https://onestop.vn/bpmn">
          <bpmn:process id="%s" name="Probe %d" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, probes.incrementAndGet());
  }

  /** The system (no user) puts a task back as it was after an allowed claim. */
  void restoreAssignee(Dossier d, String assignee) {
    taskService.setAssignee(d.taskId(), assignee);
  }

  String assigneeOf(Dossier d) {
    Task task = taskService.createTaskQuery().taskId(d.taskId()).singleResult();
    return task.getAssignee();
  }

  // ------------------------------------------------------------------ through /engine-rest

  final class Rest implements Channel {

    @Override
    public boolean listsTask(String user, Dossier d) throws Exception {
      JsonNode tasks = ok(get(user, "/engine-rest/task?processInstanceId=" + processOf(d)));
      for (JsonNode task : tasks) {
        if (task.get("id").asText().equals(d.taskId())) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean readsTask(String user, Dossier d) throws Exception {
      return allowed(get(user, "/engine-rest/task/" + d.taskId()), 404);
    }

    @Override
    public boolean claims(String user, Dossier d) throws Exception {
      String before = assigneeOf(d);
      if (before != null && !before.equals(user)) {
        taskService.setAssignee(d.taskId(), null);
      }
      try {
        return allowed(post(user, "/engine-rest/task/" + d.taskId() + "/claim", Map.of("userId", user)), 403, 404);
      } finally {
        restoreAssignee(d, before);
      }
    }

    @Override
    public boolean completes(String user, Dossier d, Map<String, Object> variables) throws Exception {
      Map<String, Object> typed = new LinkedHashMap<>();
      variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
      return allowed(post(user, "/engine-rest/task/" + d.taskId() + "/complete", Map.of("variables", typed)), 403, 404);
    }

    @Override
    public boolean readsInstance(String user, String instanceId) throws Exception {
      return allowed(get(user, "/engine-rest/process-instance/" + instanceId), 404);
    }

    @Override
    public boolean readsVariables(String user, String instanceId) throws Exception {
      return allowed(get(user, "/engine-rest/process-instance/" + instanceId + "/variables"), 403, 404);
    }

    @Override
    public boolean readsHistory(String user, String instanceId) throws Exception {
      boolean instance = allowed(get(user, "/engine-rest/history/process-instance/" + instanceId), 404);
      int variables = ok(get(user, "/engine-rest/history/variable-instance?processInstanceId=" + instanceId)).size();
      int activities = ok(get(user, "/engine-rest/history/activity-instance?processInstanceId=" + instanceId)).size();
      assertThat(variables > 0).as("historic variables agree with the historic instance").isEqualTo(instance);
      assertThat(activities > 0).as("historic activities agree with the historic instance").isEqualTo(instance);
      return instance;
    }

    @Override
    public boolean starts(String user, Desk desk) throws Exception {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("procedureCode", Map.of("value", desk.procedure));
      variables.put("receivingAgencyId", Map.of("value", desk.agencyId));
      variables.put("channel", Map.of("value", "DESK"));
      variables.put("applicantName", Map.of("value", "Thử quyền " + user));
      return allowed(post(user, "/engine-rest/process-definition/key/dossier/start", Map.of("variables", variables)), 403);
    }

    @Override
    public boolean deploys(String user) throws Exception {
      String boundary = "probe" + System.nanoTime();
      String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.bpmn\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n" + probeModel() + "\r\n--" + boundary + "--\r\n";
      HttpResponse<String> response = send(user, request("/engine-rest/deployment/create")
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
      return allowed(response, 403);
    }

    @Override
    public boolean createsUser(String user) throws Exception {
      String id = "probe-" + user + "-" + probes.incrementAndGet();
      boolean created = allowed(post(user, "/engine-rest/user/create",
          Map.of("profile", Map.of("id", id, "firstName", "Thử", "lastName", "Nghiệm"),
              "credentials", Map.of("password", "Kt@2026-matkhau!"))), 403);
      identityService.deleteUser(id);
      return created;
    }

    private String processOf(Dossier d) {
      return taskService.createTaskQuery().taskId(d.taskId()).singleResult().getProcessInstanceId();
    }

    /** 2xx: allowed; one of the {@code refusals}: refused; anything else fails the test. */
    private boolean allowed(HttpResponse<String> response, int... refusals) {
      int status = response.statusCode();
      if (status / 100 == 2) {
        return true;
      }
      for (int refusal : refusals) {
        if (status == refusal) {
          return false;
        }
      }
      throw new AssertionError("Unexpected " + status + " for " + response.request().uri() + ": " + response.body());
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return json.readTree(response.body());
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
      return send(user, request(path).GET());
    }

    private HttpResponse<String> post(String user, String path, Object body) throws Exception {
      return send(user, request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + DossierFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)));
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  // ------------------------------------------------------------------ through the Java API

  final class JavaApi implements Channel {

    @Override
    public boolean listsTask(String user, Dossier d) throws Exception {
      return as(user, () -> taskService.createTaskQuery().taskId(d.taskId()).count() == 1);
    }

    @Override
    public boolean readsTask(String user, Dossier d) throws Exception {
      return allowed(user, () -> taskService.getVariables(d.taskId()));
    }

    @Override
    public boolean claims(String user, Dossier d) throws Exception {
      String before = assigneeOf(d);
      if (before != null && !before.equals(user)) {
        taskService.setAssignee(d.taskId(), null);
      }
      try {
        return allowed(user, () -> {
          taskService.claim(d.taskId(), user);
          return null;
        });
      } finally {
        restoreAssignee(d, before);
      }
    }

    @Override
    public boolean completes(String user, Dossier d, Map<String, Object> variables) throws Exception {
      return allowed(user, () -> {
        taskService.complete(d.taskId(), variables);
        return null;
      });
    }

    @Override
    public boolean readsInstance(String user, String instanceId) throws Exception {
      return as(user, () -> runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() == 1);
    }

    @Override
    public boolean readsVariables(String user, String instanceId) throws Exception {
      return allowed(user, () -> runtimeService.getVariables(instanceId));
    }

    @Override
    public boolean readsHistory(String user, String instanceId) throws Exception {
      return as(user, () -> {
        boolean instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count() == 1;
        boolean variables = historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).count() > 0;
        boolean tasks = historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).count() > 0;
        assertThat(variables).as("historic variables agree with the historic instance").isEqualTo(instance);
        assertThat(tasks).as("historic tasks agree with the historic instance").isEqualTo(instance);
        return instance;
      });
    }

    @Override
    public boolean starts(String user, Desk desk) throws Exception {
      return allowed(user, () -> runtimeService.startProcessInstanceByKey("dossier", Map.of("procedureCode", desk.procedure,
          "receivingAgencyId", desk.agencyId, "channel", "DESK", "applicantName", "Thử quyền " + user)));
    }

    @Override
    public boolean deploys(String user) throws Exception {
      return allowed(user, () -> repositoryService.createDeployment().name("probe")
          .addString("probe.bpmn", probeModel()).deploy());
    }

    @Override
    public boolean createsUser(String user) throws Exception {
      String id = "probe-" + user + "-" + probes.incrementAndGet();
      boolean created = allowed(user, () -> {
        User probe = identityService.newUser(id);
        probe.setPassword("Kt@2026-matkhau!");
        identityService.saveUser(probe);
        return null;
      });
      identityService.deleteUser(id);
      return created;
    }

    private <T> T as(String user, Callable<T> work) throws Exception {
      identityService.setAuthentication(user, staff.groupsOf(user));
      try {
        return work.call();
      } finally {
        identityService.clearAuthentication();
      }
    }

    private boolean allowed(String user, Callable<?> work) throws Exception {
      try {
        as(user, work);
        return true;
      } catch (AuthorizationException refused) {
        return false;
      }
    }
  }
}
