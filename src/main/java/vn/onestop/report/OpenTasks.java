package vn.onestop.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.AgencyGroup;
import vn.onestop.catalog.Organisation;
import vn.onestop.process.EngineTime;
import vn.onestop.security.StaffSessionController;
import vn.onestop.security.SystemLookup;
import vn.onestop.web.ApiException;

/**
 * Supervisors see the work (giám sát việc giải quyết, issue 15.5): the open dossiers of the agencies a supervisor
 * oversees ({@link SupervisorScope}, i.e. {@code security.AgencyScope}) with the task each is waiting on and who holds
 * it — the assigned official by name, or the groups it is offered to by their names (e.g. "Công chức tiếp nhận và
 * trả kết quả – UBND xã Nhân Cơ"). Read only: the list shows the tasks, it neither claims nor completes them, and the
 * supervisor gets no engine right on them. {@code lateOnly}: the late dossiers and who holds them (hồ sơ quá hạn và
 * người đang giữ), latest appointment first passed.
 */
@Service
public class OpenTasks {

  /** Process models whose tasks belong to a dossier (business key = dossier code). */
  static final List<String> DOSSIER_PROCESSES = List.of("dossier", "agency-handling");

  /**
   * One open task of a dossier (a dossier waiting on no task — a timer, the applicant's supplement — has one entry
   * with no task).
   *
   * @param workingDaysLate working days past the appointment (số ngày làm việc quá hạn), 0 when not late
   * @param holder          the assigned official's full name, or the offered groups' names
   * @param assigned        whether an official holds the task (otherwise it waits in the groups' queue)
   */
  public record Entry(String code, String procedureName, String agencyName, Instant receivedAt, Instant dueAt,
      BigDecimal workingDaysLate, String taskName, Instant taskSince, String holder, boolean assigned) {}

  /** The list: as many dossiers as the limit allows, how many there are in all. */
  public record Listing(boolean lateOnly, Instant asOf, long total, int limit, List<Entry> entries) {}

  private record Dossier(String code, String procedureName, String agencyId, Instant receivedAt, Instant dueAt) {}

  private final JdbcTemplate jdbc;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identityService;
  private final Organisation organisation;
  private final WorkingCalendar calendar;
  private final Clock clock;

  @Autowired
  public OpenTasks(JdbcTemplate jdbc, TaskService tasks, RuntimeService runtime, IdentityService identityService,
      Organisation organisation, WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.runtime = runtime;
    this.identityService = identityService;
    this.organisation = organisation;
    this.calendar = calendar;
    this.clock = EngineTime.clock();
  }

  /** @param agencyIds responsible agencies to look in (from {@link SupervisorScope}), {@code null} for all */
  public Listing find(Set<String> agencyIds, boolean lateOnly, int limit) {
    if (limit < 1 || limit > 2000) {
      throw ApiException.badRequest("limit", "Số hồ sơ mỗi lần phải từ 1 đến 2000, đã gửi " + limit);
    }
    Instant now = clock.instant();
    long[] total = {0};
    List<Dossier> dossiers = dossiers(agencyIds, lateOnly, now, limit, total);
    Map<String, List<Task>> open = SystemLookup.read(identityService, () -> openTasks(dossiers));
    Map<String, String> groupNames = organisation.groups().stream()
        .collect(Collectors.toMap(AgencyGroup::id, AgencyGroup::name, (a, b) -> a));
    List<Entry> entries = new ArrayList<>();
    for (Dossier d : dossiers) {
      BigDecimal late = d.dueAt() != null && d.dueAt().isBefore(now)
          ? calendar.workingDaysBetween(d.dueAt(), now).setScale(1, RoundingMode.HALF_UP) : BigDecimal.ZERO;
      String agencyName = organisation.find(d.agencyId()).map(Agency::name).orElse(null);
      List<Task> waiting = open.getOrDefault(d.code(), List.of());
      if (waiting.isEmpty()) {
        entries.add(new Entry(d.code(), d.procedureName(), agencyName, d.receivedAt(), d.dueAt(), late, null, null, null, false));
      }
      for (Task task : waiting) {
        boolean assigned = task.getAssignee() != null;
        String holder = assigned ? SystemLookup.read(identityService,
            () -> StaffSessionController.displayName(identityService, task.getAssignee())) : offeredTo(task, groupNames);
        entries.add(new Entry(d.code(), d.procedureName(), agencyName, d.receivedAt(), d.dueAt(), late, task.getName(),
            task.getCreateTime() == null ? null : task.getCreateTime().toInstant(), holder, assigned));
      }
    }
    return new Listing(lateOnly, now, total[0], limit, entries);
  }

  private List<Dossier> dossiers(Collection<String> agencyIds, boolean lateOnly, Instant now, int limit, long[] total) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("""
        SELECT code, procedure_name, responsible_agency_id, received_at, due_at, count(*) OVER () AS total
        FROM onestop.dossier
        WHERE received_at IS NOT NULL AND finished_at IS NULL AND outcome IS NULL AND code IS NOT NULL""");
    if (lateOnly) {
      sql.append(" AND due_at < ?");
      args.add(Timestamp.from(now));
    }
    if (agencyIds != null) {
      sql.append(" AND responsible_agency_id = ANY(?)");
      args.add(agencyIds.toArray(String[]::new));
    }
    sql.append(" ORDER BY due_at NULLS LAST, code LIMIT ").append(limit);
    return jdbc.query(sql.toString(), (rs, n) -> {
      total[0] = rs.getLong("total");
      return new Dossier(rs.getString("code"), rs.getString("procedure_name"), rs.getString("responsible_agency_id"),
          instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("due_at")));
    }, args.toArray());
  }

  /** The open tasks of the dossiers' processes (the dossier's and its legs'), by dossier code. */
  private Map<String, List<Task>> openTasks(List<Dossier> dossiers) {
    Map<String, List<Task>> byCode = new LinkedHashMap<>();
    if (dossiers.isEmpty()) {
      return byCode;
    }
    String[] codes = dossiers.stream().map(Dossier::code).toArray(String[]::new);
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKeyIn(codes)
        .processDefinitionKeyIn(DOSSIER_PROCESSES.toArray(String[]::new)).orderByTaskCreateTime().asc().list();
    if (open.isEmpty()) {
      return byCode;
    }
    Map<String, String> codeOfInstance = runtime.createProcessInstanceQuery()
        .processInstanceIds(open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).list().stream()
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    for (Task task : open) {
      byCode.computeIfAbsent(codeOfInstance.get(task.getProcessInstanceId()), c -> new ArrayList<>()).add(task);
    }
    return byCode;
  }

  /** The names of the groups an unassigned task is offered to (candidate groups), or a note that none is. */
  private String offeredTo(Task task, Map<String, String> names) {
    List<String> groups = SystemLookup.read(identityService, () -> tasks.getIdentityLinksForTask(task.getId())).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> names.getOrDefault(l.getGroupId(), "Nhóm ngoài cơ cấu tổ chức")).distinct().toList();
    return groups.isEmpty() ? "Chưa giao cho ai" : "Chờ nhận: " + String.join("; ", groups);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
