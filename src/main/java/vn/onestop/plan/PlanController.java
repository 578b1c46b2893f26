package vn.onestop.plan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.catalog.Organisation;
import vn.onestop.report.Kpi;
import vn.onestop.report.KpiReport;
import vn.onestop.report.KpiReportService;
import vn.onestop.report.KpiValue;
import vn.onestop.report.ReportFilter;
import vn.onestop.report.ReportPeriod;
import vn.onestop.report.SupervisorScope;
import vn.onestop.web.ApiException;

/**
 * The plan's tasks and how they stand (issue 20): {@code GET /api/plan/tasks?year=…&agency=…}. Each
 * task lists its cases (one per lead agency in the caller's scope) and, when it has a measurable target,
 * the indicator's live value for the caller's scope against the plan's figure.
 */
@RestController
@RequestMapping("/api/plan")
public class PlanController {

  /** One lead agency's case of a task. */
  public record Case(String agencyId, String agencyName, String status, boolean overdue, Instant deadlineAt,
      Instant startedAt, Instant submittedAt, Instant acceptedAt, String productNote) {}

  /** A task with its cases and the live indicator. */
  public record TaskStatus(String id, String content, List<String> leadAgencies, List<String> coordinating, String deadline,
      boolean recurring, String product, String indicator, BigDecimal target, BigDecimal value, String indicatorStatus,
      boolean verified, String note, List<Case> cases) {}

  private final PlanFiles files;
  private final JdbcTemplate jdbc;
  private final SupervisorScope scope;
  private final KpiReportService reports;
  private final Organisation organisation;

  public PlanController(PlanFiles files, JdbcTemplate jdbc, SupervisorScope scope, KpiReportService reports,
      Organisation organisation) {
    this.files = files;
    this.jdbc = jdbc;
    this.scope = scope;
    this.reports = reports;
    this.organisation = organisation;
  }

  @GetMapping("/tasks")
  public List<TaskStatus> tasks(@RequestParam(name = "year") int year, @RequestParam(name = "agency", required = false) String agency) {
    PlanFiles.Plan plan = files.plan(year)
        .orElseThrow(() -> ApiException.notFound("Không có kế hoạch năm " + year));
    SupervisorScope.Selection selection = scope.select(agency);
    Set<String> visible = selection.agencyIds();
    KpiReport report = reports.report(ReportPeriod.parse(String.valueOf(year), null, null), selection.agencyId(),
        ReportFilter.all().withAgencies(visible), KpiReportService.GroupBy.NONE);
    Map<String, List<Case>> cases = new LinkedHashMap<>();
    jdbc.query("SELECT * FROM onestop.plan_case WHERE plan_year = ? ORDER BY task_id, agency_id", rs -> {
      String agencyId = rs.getString("agency_id");
      if (visible == null || visible.contains(agencyId)) {
        cases.computeIfAbsent(rs.getString("task_id"), k -> new ArrayList<>()).add(new Case(agencyId,
            organisation.find(agencyId).map(a -> a.name()).orElse(agencyId), rs.getString("status"), rs.getBoolean("overdue"),
            instant(rs.getTimestamp("deadline_at")), instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("accepted_at")), rs.getString("product_note")));
      }
    }, year);
    List<TaskStatus> out = new ArrayList<>();
    for (PlanTask t : plan.tasks()) {
      BigDecimal value = null;
      String status = null;
      if (t.indicator() != null) {
        KpiValue v = report.total().kpi(Kpi.valueOf(t.indicator()));
        value = v.value();
        status = v.status();
      }
      out.add(new TaskStatus(t.id(), t.content(), t.leadAgencies(), t.coordinating(), t.deadline().toString(), t.recurring(),
          t.product(), t.indicator(), t.target(), value, status, t.verified(), t.note(), cases.getOrDefault(t.id(), List.of())));
    }
    return out;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
