package vn.onestop.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.AgencyRole;
import vn.onestop.security.AgencyScope;

/**
 * The shared Tasklist filters (bộ lọc công việc) of OneStop staff, created at start-up and kept in
 * step with the organisation: each filter is shared (READ on the filter) with the role groups of every
 * agency that needs it, and grants of groups no longer in the organisation are removed. Queries use
 * {@code ${currentUser()}} / {@code ${currentUserGroups()}}, and the engine only lists tasks the user
 * may read (the {@link AgencyScope} rule), so one filter serves every agency. Idempotent; filters are recognised by the
 * {@value #KEY} property, so an administrator may rename them in Tasklist without creating copies.
 */
@Component
@Order(20) // after OrganisationGroups
public class TasklistFilters implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  static final String KEY = "onestopKey";

  /** Tasks in which a clerk writes the apology or a head the explanation (Decree 61/2018 Art. 19.9, 19.10). */
  static final List<String> APOLOGY_TASKS = List.of("Task_WriteApology", "Task_WriteLateApology",
      "Task_WriteExplanation", "Task_WriteExplanationAfterResult");

  private static final Set<AgencyRole> STAFF = Set.of(AgencyRole.CLERKS, AgencyRole.SPECIALISTS, AgencyRole.HEADS);

  /** What every OneStop filter shows beside the task name, in Vietnamese. */
  static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "dossierCode", "label", "Mã hồ sơ"),
      Map.of("name", "applicantName", "label", "Người nộp"),
      Map.of("name", "procedureName", "label", "Thủ tục"),
      Map.of("name", "dueAt", "label", "Hẹn trả"));

  /**
   * One shared filter: its key, Vietnamese name and description, colour, the roles it is for, its query, and the
   * same criteria as SQL for {@link SharedFilterQueries} (kept beside the query; {@code SharedFilterQueriesTest}
   * compares their answers).
   */
  record Definition(String key, String name, String description, int priority, String color, Set<AgencyRole> roles,
      Function<TaskQuery, TaskQuery> query, SharedFilterQueries.Where where) {}

  static final List<Definition> DEFINITIONS = List.of(
      new Definition("reception", "Hồ sơ chờ tiếp nhận", "Hồ sơ mới nộp, chờ bộ phận một cửa kiểm tra", -20, "#2f7ed8",
          Set.of(AgencyRole.CLERKS),
          q -> q.taskDefinitionKey("Task_CheckDossier").taskCandidateGroupInExpression("${currentUserGroups()}")
              .includeAssignedTasks(),
          s -> "RES.TASK_DEF_KEY_ = " + s.value("Task_CheckDossier") + " AND " + s.offeredToMyGroups()),
      new Definition("mine", "Việc của tôi", "Việc đã nhận hoặc được giao cho tôi", -10, "#3c763d", STAFF,
          q -> q.taskAssigneeExpression("${currentUser()}"),
          s -> "RES.ASSIGNEE_ = " + s.user()),
      new Definition("group", "Việc của nhóm", "Việc của nhóm tôi, chưa ai nhận", 0, "#555555", STAFF,
          q -> q.taskCandidateGroupInExpression("${currentUserGroups()}"),
          s -> "RES.ASSIGNEE_ IS NULL AND " + s.offeredToMyGroups()),
      new Definition("due-soon", "Đến hạn trong 1 ngày làm việc", "Việc đến hạn trong vòng một ngày làm việc", 10, "#f0ad4e",
          STAFF, q -> q.dueAfterExpression("${now()}").dueBeforeExpression("${tasklistDates.oneWorkingDayFromNow()}"),
          s -> "RES.DUE_DATE_ > " + s.now() + " AND RES.DUE_DATE_ < " + s.oneWorkingDayFromNow()),
      new Definition("overdue", "Quá hạn", "Việc đã quá hạn xử lý", 20, "#d9534f", STAFF,
          q -> q.dueBeforeExpression("${now()}"),
          s -> "RES.DUE_DATE_ < " + s.now()),
      new Definition("apologies", "Xin lỗi, giải trình", "Phiếu xin lỗi và báo cáo giải trình phải viết", 30, "#8a6d3b",
          Set.of(AgencyRole.SPECIALISTS, AgencyRole.HEADS),
          q -> q.taskDefinitionKeyIn(APOLOGY_TASKS.toArray(String[]::new)),
          s -> "RES.TASK_DEF_KEY_ IN " + s.values(APOLOGY_TASKS)));

  private final AgencyScope scope;
  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TasklistFilters(AgencyScope scope, FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService) {
    this.scope = scope;
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void run(ApplicationArguments args) {
    Map<String, Filter> existing = new HashMap<>();
    for (Filter filter : filterService.createTaskFilterQuery().list()) {
      Object key = filter.getProperties() == null ? null : filter.getProperties().get(KEY);
      if (key instanceof String k) {
        existing.put(k, filter);
      }
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (Definition definition : DEFINITIONS) {
      wanted.add(definition.key());
      Filter filter = save(definition, existing.get(definition.key()));
      share(filter.getId(), definition.roles());
    }
    existing.forEach((key, filter) -> {
      if (!wanted.contains(key)) {
        filterService.deleteFilter(filter.getId()); // the engine deletes its authorizations too
      }
    });
    LOG.info("Tasklist filters in step: {} shared filters", DEFINITIONS.size());
  }

  private Filter save(Definition definition, Filter filter) {
    if (filter == null) {
      filter = filterService.newTaskFilter(definition.name());
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(KEY, definition.key());
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("color", definition.color());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", COLUMNS);
    filter.setName(definition.name());
    filter.setProperties(properties);
    filter.setQuery(query(definition, taskService.createTaskQuery()));
    return filterService.saveFilter(filter);
  }

  /** The query a shared filter is saved with: the definition's criteria, ordered by due date. */
  static TaskQuery query(Definition definition, TaskQuery empty) {
    return definition.query().apply(empty).orderByDueDate().asc();
  }

  /** READ for the role groups of every agency; grants to other groups (agencies gone, roles changed) are removed. */
  private void share(String filterId, Set<AgencyRole> roles) {
    Set<String> groups = scope.staffGroups(roles);
    List<Authorization> grants = new ArrayList<>(authorizationService.createAuthorizationQuery()
        .resourceType(Resources.FILTER).resourceId(filterId).list());
    for (Authorization grant : grants) {
      if (grant.getGroupId() != null && !groups.remove(grant.getGroupId()) && !grant.getGroupId().equals(AgencyScope.ADMINISTRATORS)) {
        authorizationService.deleteAuthorization(grant.getId());
      }
    }
    for (String group : groups) {
      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(Resources.FILTER);
      grant.setResourceId(filterId);
      grant.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(grant);
    }
  }
}
