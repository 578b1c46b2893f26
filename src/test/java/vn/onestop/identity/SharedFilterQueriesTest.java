package vn.onestop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.onestop.OneStopSpringTest;
import vn.onestop.document.Digitisation;
import vn.onestop.identity.DossierFixtures.Desk;
import vn.onestop.identity.DossierFixtures.Step;

/**
 * The shared filters answered by one SQL statement ({@link SharedFilterQueries}) give what the engine's own task
 * query gives — for every shared filter and every member of staff — and over HTTP the counts and pages Tasklist
 * reads are the engine's; where the statement cannot be exact (an administrator, a revoke, an edited filter) the
 * engine answers.
 */
@OneStopSpringTest
class SharedFilterQueriesTest {

  static final List<String> STAFF = List.of("clerk", "clerk2", "specialist", "specialist-kt", "district-clerk",
      "tckh-specialist", "head");

  @Autowired SharedFilterQueries queries;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired Digitisation digitisation;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;
  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  DossierFixtures fixtures;

  @BeforeEach
  void dossiersAtEveryDesk() {
    fixtures = new DossierFixtures(identityService, runtimeService, taskService, digitisation);
    fixtures.ensureStaff();
    Date now = ClockUtil.getCurrentTime();
    List<DossierFixtures.Dossier> made = new ArrayList<>();
    made.add(fixtures.dossier(Desk.A, Step.CHECK, "Lọc nhanh Một"));
    made.add(fixtures.dossier(Desk.A, Step.CHECK, "Lọc nhanh Hai"));
    made.add(fixtures.dossier(Desk.A, Step.APPRAISE, "Lọc nhanh Ba"));
    made.add(fixtures.dossier(Desk.B, Step.CHECK, "Lọc nhanh Bốn"));
    made.add(fixtures.dossier(Desk.D, Step.ASSIGN, "Lọc nhanh Năm"));
    taskService.setDueDate(made.get(0).taskId(), new Date(now.getTime() - Duration.ofHours(2).toMillis()));
    taskService.setDueDate(made.get(1).taskId(), new Date(now.getTime() + Duration.ofHours(3).toMillis()));
    taskService.claim(made.get(1).taskId(), "clerk");
    taskService.setDueDate(made.get(3).taskId(), new Date(now.getTime() - Duration.ofDays(3).toMillis()));
  }

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
  }

  @Test
  void everySharedFilterCountsAndListsWhatTheEngineDoesForEveryMemberOfStaff() {
    int compared = 0;
    for (String user : STAFF) {
      SharedFilterQueries.Caller caller = caller(user);
      for (Filter filter : readableFilters(caller)) {
        List<Task> engine = asUser(caller, () -> filterService.list(filter.getId()));
        long engineCount = asUser(caller, () -> filterService.count(filter.getId()));
        String what = user + " / " + filter.getProperties().get(TasklistFilters.KEY);

        assertThat(queries.count(filter.getId(), caller)).as(what).contains(engineCount);
        List<String> counted = queries.taskIds(filter.getId(), caller).orElseThrow();
        assertThat(new HashSet<>(counted)).as(what).isEqualTo(new HashSet<>(TasklistFiltersTest.ids(engine)));
        compared++;
      }
    }
    assertThat(compared).as("filters compared").isGreaterThan(20);
    assertThat(queries.count(filterId("group"), caller("clerk")).orElseThrow()).as("clerk's group queue").isPositive();
  }

  @Test
  void tasklistsRequestsGetTheStatementsCountsAndTheEnginesTasks() throws Exception {
    SharedFilterQueries.Caller clerk = caller("clerk");
    String group = filterId("group");
    long engineCount = asUser(clerk, () -> filterService.count(group));

    assertThat(json.readTree(get("clerk", "/engine-rest/filter/" + group + "/count").body()).get("count").asLong())
        .isEqualTo(engineCount);

    HttpResponse<String> searched = post("clerk", "/engine-rest/filter/" + group + "/count", "{\"nameLike\":\"%không có%\"}",
        "application/json");
    assertThat(json.readTree(searched.body()).get("count").asLong()).as("search criteria go to the engine").isZero();

    HttpResponse<String> hal = post("clerk", "/engine-rest/filter/" + group + "/list?firstResult=0&maxResults=1",
        "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}", "application/hal+json");
    assertThat(hal.statusCode()).as(hal.body()).isEqualTo(200);
    JsonNode answer = json.readTree(hal.body());
    assertThat(answer.get("count").asLong()).as("the filter's total, not the page's").isEqualTo(engineCount);
    assertThat(answer.path("_embedded").path("task").findValuesAsText("id")).hasSize(1);

    HttpResponse<String> plain = post("clerk", "/engine-rest/filter/" + group + "/list?firstResult=0&maxResults=50", "{}",
        "application/json");
    assertThat(json.readTree(plain.body()).findValuesAsText("id")).hasSize((int) engineCount);

    JsonNode listed = json.readTree(get("clerk", "/engine-rest/filter?resourceType=Task&itemCount=true").body());
    for (JsonNode filter : listed) {
      String id = filter.get("id").asText();
      assertThat(filter.get("itemCount").asLong()).as(filter.get("name").asText())
          .isEqualTo(asUser(clerk, () -> filterService.count(id)));
    }
  }

  @Test
  void tasklistsOwnRestRootWithTheWebappSessionIsAnsweredByTheStatement() throws Exception {
    String group = filterId("group");
    long engineCount = asUser(caller("clerk"), () -> filterService.count(group));
    double before = meters.counter(SharedFilterShortcut.ANSWERS, "by", "statement").count();
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base()
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=clerk&password="
            + URLEncoder.encode(DossierFixtures.PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String root = base() + "/camunda/api/engine/engine/default";

    HttpResponse<String> count = browser.send(HttpRequest.newBuilder(URI.create(root + "/filter/" + group + "/count"))
        .header("X-XSRF-TOKEN", xsrf(cookies)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(json.readTree(count.body()).get("count").asLong()).as(count.body()).isEqualTo(engineCount);
    // the token of the signed-in session, as Tasklist reads it from any answer of the webapp's API
    String token = browser.send(HttpRequest.newBuilder(URI.create(root + "/task/count")).GET().build(),
        HttpResponse.BodyHandlers.discarding()).headers().firstValue("X-XSRF-TOKEN").orElse(xsrf(cookies));
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(root + "/filter/" + group
            + "/list?firstResult=0&maxResults=15")).header("X-XSRF-TOKEN", token).header("Origin", base())
        .header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(json.readTree(page.body()).get("count").asLong()).isEqualTo(engineCount);
    assertThat(meters.counter(SharedFilterShortcut.ANSWERS, "by", "statement").count()).as("answered by the statement")
        .isEqualTo(before + 1);
  }

  @Test
  void theEngineAnswersWhereTheStatementCannotBeExact() {
    String group = filterId("group");
    assertThat(queries.count(group, new SharedFilterQueries.Caller("admin", List.of("camunda-admin"), List.of())))
        .as("administrators are not checked by the engine").isEmpty();
    assertThat(queries.count(group, new SharedFilterQueries.Caller("clerk", fixtures.groupsOf("clerk"), List.of("t1"))))
        .as("a tenant member").isEmpty();

    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("clerk2");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId("*");
    revoke.removePermission(Permissions.READ);
    authorizationService.saveAuthorization(revoke);
    try {
      assertThat(queries.count(group, caller("clerk"))).as("a revoke exists").isEmpty();
    } finally {
      authorizationService.deleteAuthorization(revoke.getId());
    }

    Filter edited = filterService.getFilter(group);
    edited.setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskName("x"));
    filterService.saveFilter(edited);
    try {
      assertThat(queries.count(group, caller("clerk"))).as("an administrator edited the shared filter").isEmpty();
    } finally {
      tasklistFilters.run(null);
    }
    assertThat(queries.count(group, caller("clerk"))).isPresent();
  }

  // ------------------------------------------------------------------

  String base() {
    return "http://localhost:" + port;
  }

  static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
  }

  SharedFilterQueries.Caller caller(String user) {
    return new SharedFilterQueries.Caller(user, fixtures.groupsOf(user), List.of());
  }

  List<Filter> readableFilters(SharedFilterQueries.Caller caller) {
    return asUser(caller, () -> filterService.createTaskFilterQuery().list()).stream()
        .filter(f -> f.getProperties() != null && f.getProperties().containsKey(TasklistFilters.KEY)).toList();
  }

  String filterId(String key) {
    return filterService.createTaskFilterQuery().list().stream()
        .filter(f -> f.getProperties() != null && key.equals(f.getProperties().get(TasklistFilters.KEY)))
        .findFirst().orElseThrow().getId();
  }

  <T> T asUser(SharedFilterQueries.Caller caller, java.util.function.Supplier<T> work) {
    identityService.setAuthentication(caller.userId(), caller.groups());
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  HttpResponse<String> get(String user, String path) throws Exception {
    return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String user, String path, String body, String accept) throws Exception {
    return http.send(request(user, path).header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + DossierFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }
}
