package vn.onestop.identity;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.onestop.process.EngineTime;

/**
 * The counts of OneStop's shared Tasklist filters (bộ lọc công việc dùng chung) for one member of
 * staff, answered by one SQL statement instead of the engine's task query (issue 18.1).
 *
 * <p>Why: Camunda 7.24 checks a task query's authorizations either by joining all of the caller's grants to all
 * candidate tasks ({@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}, which PostgreSQL can neither hash nor
 * merge: quadratic in her own open tasks, camunda #2217) or, with {@code authorization-check-revokes: always}, with
 * several correlated sub-queries per task. The maintained forks moved to an {@code EXISTS} form (CIB seven #151,
 * Operaton #3152) that 7.24 cannot be configured to use. The statement here states the same check as three
 * {@code EXISTS} with one equality each (the caller's grant on the task, on its process definition, on
 * {@code '*'}), which PostgreSQL runs as hashed sub-plans: linear in the tasks, a few microseconds each. It goes
 * through the engine's public native query ({@link org.camunda.bpm.engine.task.NativeTaskQuery}), reads only, and is used only when it answers
 * exactly what the engine would:
 *
 * <ul>
 *   <li>the filter is one of {@link TasklistFilters#DEFINITIONS}, its stored query is the one OneStop saved (an
 *       administrator who edits it in Tasklist gets the engine's own answer);</li>
 *   <li>the caller is checked by the engine (authorization on, not an administrator), belongs to no tenant and to
 *       at least one group;</li>
 *   <li>no authorization revokes anything (OneStop writes grants only; a revoke makes the engine's check the
 *       judge again).</li>
 * </ul>
 * Otherwise {@link Optional#empty()} says "ask the engine". {@code SharedFilterQueriesTest} compares both answers
 * (the count and the tasks counted) for every filter and every demo user. Lists stay the engine's: choosing a
 * page here and letting the engine render it was measured slower than the engine's own page (docs/benchmarks.md).
 */
@Component
public class SharedFilterQueries {

  /** The signed-in member of staff as the engine knows her. */
  public record Caller(String userId, List<String> groups, List<String> tenants) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What an id or a name may hold to be written into the statement (the engine's id pattern and a little more). */
  private static final java.util.regex.Pattern SAFE_LITERAL = java.util.regex.Pattern.compile("[A-Za-z0-9._@:-]{1,255}");

  private final FilterService filters;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ProcessEngineConfiguration configuration;
  private final TasklistDates dates;
  private final EngineTime time;
  private final Map<String, JsonNode> savedQueries = new java.util.concurrent.ConcurrentHashMap<>();

  public SharedFilterQueries(FilterService filters, TaskService tasks, IdentityService identity,
      ProcessEngineConfiguration configuration, TasklistDates dates, EngineTime time) {
    this.filters = filters;
    this.tasks = tasks;
    this.identity = identity;
    this.configuration = configuration;
    this.dates = dates;
    this.time = time;
  }

  /** How many tasks the filter shows the caller, or empty when only the engine can say. */
  public Optional<Long> count(String filterId, Caller caller) {
    return asCaller(caller, () -> statement(filterId, caller).map(s -> s.count(tasks)));
  }

  /** How many tasks any filter shows the caller: here when possible, else the engine's count as the caller. */
  public long countAny(String filterId, Caller caller) {
    return asCaller(caller, () -> statement(filterId, caller).map(s -> s.count(tasks))
        .orElseGet(() -> filters.count(filterId)));
  }

  /** The tasks the statement selects for the caller (what {@code SharedFilterQueriesTest} compares with the engine's list). */
  Optional<List<String>> taskIds(String filterId, Caller caller) {
    return asCaller(caller, () -> statement(filterId, caller).map(s -> s.taskIds(tasks)));
  }

  /** Runs with the engine's authentication set to the caller (the filter's READ check, the engine's counts). */
  private <T> T asCaller(Caller caller, Supplier<T> work) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(caller.userId(), caller.groups(), caller.tenants());
    try {
      return work.get();
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  private Optional<Statement> statement(String filterId, Caller caller) {
    if (!answersFor(caller)) {
      return Optional.empty();
    }
    Filter filter;
    try {
      filter = filters.getFilter(filterId); // the engine checks READ on the filter
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    Object key = filter == null || filter.getProperties() == null ? null : filter.getProperties().get(TasklistFilters.KEY);
    TasklistFilters.Definition definition = TasklistFilters.DEFINITIONS.stream()
        .filter(d -> d.key().equals(key)).findFirst().orElse(null);
    if (definition == null || !savedAsDefined(filter, definition) || revokesExist()) {
      return Optional.empty();
    }
    Statement statement = new Statement(caller);
    try {
      statement.where("(" + definition.where().sql(statement) + ") AND " + statement.readable());
    } catch (Unsafe e) {
      return Optional.empty();
    }
    return Optional.of(statement);
  }

  /** The engine would check this caller's authorizations, and the statement states that check. */
  private boolean answersFor(Caller caller) {
    if (!configuration.isAuthorizationEnabled() || caller.userId() == null || caller.groups().isEmpty()
        || !caller.tenants().isEmpty() || !configuration.isTenantCheckEnabled()) {
      return false;
    }
    if (configuration instanceof ProcessEngineConfigurationImpl engine) {
      List<String> adminGroups = engine.getAdminGroups() == null ? List.of() : engine.getAdminGroups();
      List<String> adminUsers = engine.getAdminUsers() == null ? List.of() : engine.getAdminUsers();
      return adminUsers.stream().noneMatch(caller.userId()::equals) && caller.groups().stream().noneMatch(adminGroups::contains);
    }
    return false;
  }

  /** The stored query is the one {@link TasklistFilters} saved for this definition (compared as REST JSON). */
  private boolean savedAsDefined(Filter filter, TasklistFilters.Definition definition) {
    JsonNode defined = savedQueries.computeIfAbsent(definition.key(), k -> JSON.valueToTree(TaskQueryDto.fromQuery(
        TasklistFilters.query(definition, tasks.createTaskQuery()))));
    JsonNode stored = JSON.valueToTree(TaskQueryDto.fromQuery((TaskQuery) filter.getQuery()));
    return defined.equals(stored);
  }

  private boolean revokesExist() {
    return tasks.createNativeTaskQuery()
        .sql("SELECT COUNT(*) FROM (SELECT 1 FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = 2 LIMIT 1) R").count() > 0;
  }

  /** The criteria of one shared filter as SQL over {@code ACT_RU_TASK RES}, with values from the statement. */
  @FunctionalInterface
  interface Where {
    String sql(Statement statement);
  }

  /**
   * One native statement under construction: criteria, the authorization check and the order. Values are written
   * into the SQL as literals, not bound: with bound group ids PostgreSQL may settle on a generic plan that cannot
   * know how many of the caller's grants there are and probes the grants task by task (ten times slower at
   * 100,000 open dossiers). Only ids of the engine's identity pattern and timestamps are written; any other
   * character makes the statement refuse ({@link Unsafe}), and the engine answers.
   */
  final class Statement {

    private final Caller caller;
    private String where = "";

    Statement(Caller caller) {
      this.caller = caller;
    }

    /** A SQL literal for an id or a name (letters, digits, {@code . _ - @ :}) or a timestamp. */
    String value(Object value) {
      if (value instanceof Date date) {
        // the engine binds a Date as a timestamp in the JVM's zone (the column has none): the same text here
        return "TIMESTAMP '" + new java.sql.Timestamp(date.getTime()) + "'";
      }
      String text = String.valueOf(value);
      if (!SAFE_LITERAL.matcher(text).matches()) {
        throw new Unsafe();
      }
      return "'" + text + "'";
    }

    /** A parenthesised list of literals. */
    String values(List<?> values) {
      List<String> literals = new ArrayList<>();
      values.forEach(v -> literals.add(value(v)));
      return "(" + String.join(", ", literals) + ")";
    }

    String user() {
      return value(caller.userId());
    }

    String groups() {
      return values(caller.groups());
    }

    /** The engine's current time, as {@code ${now()}} in a filter. */
    String now() {
      return value(Date.from(time.now()));
    }

    /** {@code ${tasklistDates.oneWorkingDayFromNow()}} in a filter. */
    String oneWorkingDayFromNow() {
      return value(dates.oneWorkingDayFromNow());
    }

    /** {@code taskCandidateGroupIn(${currentUserGroups()})}: offered to one of the caller's groups. */
    String offeredToMyGroups() {
      return "EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate'"
          + " AND I.GROUP_ID_ IN " + groups() + ")";
    }

    void where(String criteria) {
      this.where = criteria;
    }

    /**
     * What the engine's check grants: a grant or global authorization (TYPE_ 0, 1) of the caller or one of her
     * groups, READ on the task or READ_TASK on its process definition, on the resource itself or on '*'. Tasks of
     * case executions are always visible (as in the engine).
     */
    String readable() {
      String grants = "A.TYPE_ < 2 AND (A.USER_ID_ IN (" + user() + ", '*') OR A.GROUP_ID_ IN " + groups() + ")"
          + " AND (A.RESOURCE_TYPE_ = 7 AND (A.PERMS_ & 2) = 2 OR A.RESOURCE_TYPE_ = 6 AND (A.PERMS_ & 64) = 64)";
      return "(RES.CASE_EXECUTION_ID_ IS NOT NULL"
          + " OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = RES.ID_ AND " + grants + ")"
          + " OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = D.KEY_ AND " + grants + ")"
          + " OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = '*' AND " + grants + "))";
    }

    private String from() {
      return " FROM ACT_RU_TASK RES LEFT JOIN ACT_RE_PROCDEF D ON D.ID_ = RES.PROC_DEF_ID_"
          + " WHERE RES.TENANT_ID_ IS NULL AND " + where;
    }

    long count(TaskService taskService) {
      return taskService.createNativeTaskQuery().sql("SELECT COUNT(*)" + from()).count();
    }

    List<String> taskIds(TaskService taskService) {
      List<String> ids = new ArrayList<>();
      for (Task task : taskService.createNativeTaskQuery().sql("SELECT RES.*" + from()).list()) {
        ids.add(task.getId());
      }
      return ids;
    }
  }

  /** A value that is not written into SQL: the engine answers instead. */
  static final class Unsafe extends RuntimeException {
    Unsafe() {
      super(null, null, false, false);
    }
  }

}
