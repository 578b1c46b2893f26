package vn.onestop.plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.notify.Notification;
import vn.onestop.notify.Notifier;
import vn.onestop.process.BpmnBean;
import vn.onestop.process.EngineTime;

/**
 * The plan's tasks as engine cases ({@code bpmn/plan-task.bpmn}): starts one case per task and lead
 * agency, and keeps {@code onestop.plan_case} (its only writer) current from the model's steps. The
 * deadline is the end of the working day of the appendix's date (the previous working day when that
 * date is a day off); the reminder goes five working days before it.
 */
@Component
@BpmnBean
public class PlanCases {

  private static final Logger LOG = LoggerFactory.getLogger(PlanCases.class);
  static final String PROCESS_KEY = "plan-task";
  static final BigDecimal REMINDER_WORKING_DAYS = BigDecimal.valueOf(5);

  private final PlanFiles files;
  private final RuntimeService runtime;
  private final JdbcTemplate jdbc;
  private final WorkingCalendar calendar;
  private final Notifier notifier;
  private final EngineTime time;
  private final IdentityService identity;

  public PlanCases(PlanFiles files, RuntimeService runtime, JdbcTemplate jdbc, WorkingCalendar calendar, Notifier notifier,
      EngineTime time, IdentityService identity) {
    this.identity = identity;
    this.files = files;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.notifier = notifier;
    this.time = time;
  }

  /** Starts the cases of a year's plan that do not exist yet; returns how many were started. Idempotent. */
  @Transactional
  public int startYear(int year) {
    PlanFiles.Plan plan = files.plan(year).orElseThrow(() -> new IllegalArgumentException("No plan for " + year));
    int started = 0;
    for (PlanTask task : plan.tasks()) {
      for (String agency : task.leadAgencies()) {
        Integer exists = jdbc.queryForObject("SELECT count(*) FROM onestop.plan_case WHERE plan_year = ? AND task_id = ?"
            + " AND agency_id = ?", Integer.class, year, task.id(), agency);
        if (exists != null && exists > 0) {
          continue;
        }
        Instant deadline = deadline(task.deadline());
        Instant reminder = calendar.subtractWorkingDays(deadline, REMINDER_WORKING_DAYS);
        Map<String, Object> vars = new HashMap<>();
        vars.put(PlanTaskVariables.PLAN_YEAR, year);
        vars.put(PlanTaskVariables.PLAN_TASK_ID, task.id());
        vars.put(PlanTaskVariables.LEAD_AGENCY_ID, agency);
        vars.put(PlanTaskVariables.FOLLOW_UP_AGENCY_ID, plan.followUpAgencyId());
        vars.put(PlanTaskVariables.CONTENT, task.content());
        vars.put(PlanTaskVariables.PRODUCT, task.product());
        vars.put(PlanTaskVariables.DEADLINE_AT, Date.from(deadline));
        vars.put(PlanTaskVariables.REMINDER_AT, Date.from(reminder));
        String pid = runtime.startProcessInstanceByKey(PROCESS_KEY, task.businessKey(agency), vars).getId();
        jdbc.update("INSERT INTO onestop.plan_case (plan_year, task_id, agency_id, process_instance_id, status, deadline_at,"
            + " assigned_at) VALUES (?, ?, ?, ?, 'ASSIGNED', ?, ?)", year, task.id(), agency, pid, Timestamp.from(deadline),
            Timestamp.from(time.now()));
        started++;
      }
    }
    LOG.info("Plan {}: {} task cases started", year, started);
    return started;
  }

  /** End of the working day of {@code day}, or of the last working day before it. */
  Instant deadline(LocalDate day) {
    LocalDate d = day;
    while (!calendar.isWorkingDay(d)) {
      d = d.minusDays(1);
    }
    List<vn.onestop.calendar.CalendarProperties.Session> sessions = calendar.properties().sessions();
    LocalTime end = sessions.get(sessions.size() - 1).end();
    return d.atTime(end).atZone(WorkingCalendar.ZONE).toInstant();
  }

  /** End of {@code Task_TakeOnTask}: the lead agency works on it. */
  public void inProgress(DelegateExecution execution) {
    update(execution, "status = 'IN_PROGRESS', started_at = coalesce(started_at, ?)", Timestamp.from(time.now()));
  }

  /** End of {@code Task_SubmitProduct}: the product is submitted for acceptance. */
  public void submitted(DelegateExecution execution) {
    Object note = execution.getVariable(PlanTaskVariables.PRODUCT_NOTE);
    update(execution, "status = 'SUBMITTED', submitted_at = ?, product_note = ?", Timestamp.from(time.now()),
        note == null ? null : note.toString());
  }

  /** {@code Task_RecordAccepted}: the follow-up office accepted the product. */
  public void accepted(DelegateExecution execution) {
    String by = identity.getCurrentAuthentication() == null ? null : identity.getCurrentAuthentication().getUserId();
    update(execution, "status = 'ACCEPTED', accepted_at = ?, accepted_by = ?", Timestamp.from(time.now()), by);
  }

  /** {@code Task_RemindLead}: tells the lead agency's heads the deadline is near, once per case. */
  public void remind(DelegateExecution execution) {
    int changed = update(execution, "reminded_at = ? WHERE reminded_at IS NULL AND status IN ('ASSIGNED', 'IN_PROGRESS')",
        Timestamp.from(time.now()));
    if (changed > 0) {
      notifyHeads(execution, "PLAN_TASK_REMINDER", "Sắp đến hạn nhiệm vụ kế hoạch ",
          "Nhiệm vụ %s sắp đến hạn (%s). Đề nghị hoàn thành và nộp sản phẩm: %s");
    }
  }

  /** {@code Task_MarkOverdue}: the deadline passed without a submitted product. */
  public void overdue(DelegateExecution execution) {
    int changed = update(execution, "overdue = true WHERE status IN ('ASSIGNED', 'IN_PROGRESS')");
    if (changed > 0) {
      notifyHeads(execution, "PLAN_TASK_OVERDUE", "Quá hạn nhiệm vụ kế hoạch ",
          "Nhiệm vụ %s đã quá hạn (%s) mà chưa nộp sản phẩm: %s");
    }
  }

  private void notifyHeads(DelegateExecution execution, String kind, String subject, String body) {
    String agency = (String) execution.getVariable(PlanTaskVariables.LEAD_AGENCY_ID);
    String taskId = (String) execution.getVariable(PlanTaskVariables.PLAN_TASK_ID);
    Date deadline = (Date) execution.getVariable(PlanTaskVariables.DEADLINE_AT);
    String due = deadline.toInstant().atZone(WorkingCalendar.ZONE).toLocalDate()
        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    notifier.send(new Notification(kind, null, new Notification.Recipient(null, null, null, agency + "-heads"),
        Notification.Audience.STAFF, subject + taskId, String.format(body, taskId, due, execution.getVariable(PlanTaskVariables.PRODUCT)),
        Map.of("planTaskId", taskId, "deadline", due, "agency", agency)));
  }

  /**
   * Updates this case's row; {@code set} is a SET list, optionally followed by {@code WHERE} conditions
   * that are added to the row's key.
   */
  private int update(DelegateExecution execution, String set, Object... args) {
    String[] parts = set.split(" WHERE ", 2);
    String sql = "UPDATE onestop.plan_case SET " + parts[0] + " WHERE plan_year = ? AND task_id = ? AND agency_id = ?"
        + (parts.length > 1 ? " AND " + parts[1] : "");
    Object[] all = java.util.Arrays.copyOf(args, args.length + 3);
    all[args.length] = ((Number) execution.getVariable(PlanTaskVariables.PLAN_YEAR)).intValue();
    all[args.length + 1] = execution.getVariable(PlanTaskVariables.PLAN_TASK_ID);
    all[args.length + 2] = execution.getVariable(PlanTaskVariables.LEAD_AGENCY_ID);
    return jdbc.update(sql, all);
  }
}
