package vn.onestop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
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
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.onestop.OneStopSpringTest;
import vn.onestop.document.Digitisation;
import vn.onestop.identity.DossierFixtures.Desk;
import vn.onestop.identity.DossierFixtures.Dossier;
import vn.onestop.identity.DossierFixtures.Step;

/** The shared Tasklist filters: per role, scoped to the user's agency by the engine, kept in step. */
@OneStopSpringTest
class TasklistFiltersTest {

  @Autowired TasklistFilters tasklistFilters;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired Digitisation digitisation;

  @AfterEach
  void realClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void everyFilterShowsTheDossierColumnsSortedByDueDate() {
    List<Filter> filters = onestopFilters(null);
    assertThat(filters).extracting(Filter::getName).containsExactlyInAnyOrder("Hồ sơ chờ tiếp nhận", "Việc của tôi",
        "Việc của nhóm", "Đến hạn trong 1 ngày làm việc", "Quá hạn", "Xin lỗi, giải trình");
    for (Filter filter : filters) {
      assertThat(filter.getProperties().get("variables")).as(filter.getName()).isEqualTo(TasklistFilters.COLUMNS);
      assertThat(((List<?>) filter.getProperties().get("variables")).stream().map(v -> (Object) ((Map<?, ?>) v).get("name")).toList())
          .containsExactly((Object) "dossierCode", "applicantName", "procedureName", "dueAt");
      TaskQueryImpl query = filter.getQuery();
      assertThat(query.getOrderingProperties()).as(filter.getName()).hasSize(1);
      assertThat(query.getOrderingProperties().get(0).getQueryProperty().getName()).isEqualTo("DUE_DATE_");
    }
  }

  @Test
  void eachRoleSeesItsFilters() {
    new DossierFixtures(identityService, runtimeService, taskService, digitisation).ensureStaff();
    assertThat(names("clerk")).containsExactly("Hồ sơ chờ tiếp nhận", "Việc của tôi", "Việc của nhóm",
        "Đến hạn trong 1 ngày làm việc", "Quá hạn");
    assertThat(names("specialist")).containsExactly("Việc của tôi", "Việc của nhóm", "Đến hạn trong 1 ngày làm việc",
        "Quá hạn", "Xin lỗi, giải trình");
    assertThat(names("head")).isEqualTo(names("specialist"));
    assertThat(names("designer")).isEmpty();
  }

  @Test
  void aClerkListsHerAgencysDossiersOnlyAndDueDatesSortThem() {
    DossierFixtures fixtures = new DossierFixtures(identityService, runtimeService, taskService, digitisation);
    Dossier first = fixtures.dossier(Desk.A, Step.CHECK, "Nguyễn Văn Một");
    Dossier second = fixtures.dossier(Desk.A, Step.CHECK, "Nguyễn Văn Hai");
    Dossier other = fixtures.dossier(Desk.B, Step.CHECK, "Trần Thị Ba");
    Date now = ClockUtil.getCurrentTime();
    taskService.setDueDate(first.taskId(), new Date(now.getTime() + Duration.ofHours(3).toMillis()));
    taskService.setDueDate(second.taskId(), new Date(now.getTime() + Duration.ofHours(1).toMillis()));

    List<String> reception = ids(run("clerk", "reception"));
    assertThat(reception).contains(first.taskId(), second.taskId()).doesNotContain(other.taskId());
    assertThat(reception.indexOf(second.taskId())).as("earlier due date first").isLessThan(reception.indexOf(first.taskId()));
    assertThat(ids(run("clerk2", "reception"))).contains(other.taskId()).doesNotContain(first.taskId(), second.taskId());
    assertThat(ids(run("clerk", "group"))).contains(first.taskId());

    taskService.claim(first.taskId(), "clerk");
    assertThat(ids(run("clerk", "mine"))).contains(first.taskId()).doesNotContain(second.taskId());
    assertThat(ids(run("clerk", "group"))).doesNotContain(first.taskId());
  }

  @Test
  void dueSoonCountsWorkingDaysAndOverdueIsPastTheDueDate() {
    DossierFixtures fixtures = new DossierFixtures(identityService, runtimeService, taskService, digitisation);
    // Friday 2026-03-13, 10:00 in Vietnam: one working day later is Monday 10:00.
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-03-13T03:00:00Z")));
    Dossier monday = fixtures.dossier(Desk.A, Step.CHECK, "Đến hạn thứ hai");
    Dossier tuesday = fixtures.dossier(Desk.A, Step.CHECK, "Đến hạn thứ ba");
    Dossier late = fixtures.dossier(Desk.A, Step.CHECK, "Quá hạn");
    taskService.setDueDate(monday.taskId(), Date.from(java.time.Instant.parse("2026-03-16T02:00:00Z")));
    taskService.setDueDate(tuesday.taskId(), Date.from(java.time.Instant.parse("2026-03-17T02:00:00Z")));
    taskService.setDueDate(late.taskId(), Date.from(java.time.Instant.parse("2026-03-13T02:00:00Z")));

    List<String> dueSoon = ids(run("clerk", "due-soon"));
    assertThat(dueSoon).contains(monday.taskId()).doesNotContain(tuesday.taskId(), late.taskId());
    assertThat(ids(run("clerk", "overdue"))).contains(late.taskId()).doesNotContain(monday.taskId(), tuesday.taskId());
    assertThat(ids(run("clerk2", "overdue"))).doesNotContain(late.taskId());
  }

  @Test
  void startUpKeepsFiltersAndGrantsInStep() {
    Filter reception = filter("reception");
    Authorization stray = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    stray.setGroupId("xa-da-giai-the-clerks"); // an agency no longer in the organisation file
    stray.setResource(Resources.FILTER);
    stray.setResourceId(reception.getId());
    stray.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(stray);
    Filter obsolete = filterService.newTaskFilter("Bộ lọc cũ");
    obsolete.setProperties(Map.of(TasklistFilters.KEY, "obsolete"));
    filterService.saveFilter(obsolete);
    long grants = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count();

    tasklistFilters.run(null);
    tasklistFilters.run(null);

    assertThat(filterService.getFilter(obsolete.getId())).isNull();
    assertThat(filter("reception").getId()).as("updated in place").isEqualTo(reception.getId());
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).groupIdIn("xa-da-giai-the-clerks")
        .count()).isZero();
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count()).isEqualTo(grants - 1);
    assertThat(onestopFilters(null)).hasSize(TasklistFilters.DEFINITIONS.size());
  }

  // ------------------------------------------------------------------

  List<Filter> onestopFilters(String user) {
    if (user != null) {
      identityService.setAuthentication(user, new DossierFixtures(identityService, runtimeService, taskService, digitisation)
          .groupsOf(user));
    }
    try {
      return filterService.createTaskFilterQuery().list().stream()
          .filter(f -> f.getProperties() != null && f.getProperties().containsKey(TasklistFilters.KEY))
          .sorted(java.util.Comparator.comparingInt(f -> ((Number) f.getProperties().get("priority")).intValue()))
          .toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  List<String> names(String user) {
    return onestopFilters(user).stream().map(Filter::getName).toList();
  }

  Filter filter(String key) {
    return onestopFilters(null).stream().filter(f -> key.equals(f.getProperties().get(TasklistFilters.KEY))).findFirst()
        .orElseThrow();
  }

  List<Task> run(String user, String key) {
    String id = filter(key).getId();
    identityService.setAuthentication(user, new DossierFixtures(identityService, runtimeService, taskService, digitisation)
        .groupsOf(user));
    try {
      return filterService.list(id);
    } finally {
      identityService.clearAuthentication();
    }
  }

  static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }
}
