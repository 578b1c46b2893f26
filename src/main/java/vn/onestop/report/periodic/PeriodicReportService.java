package vn.onestop.report.periodic;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;
import vn.onestop.evaluation.Evaluation;
import vn.onestop.evaluation.EvaluationService;
import vn.onestop.evaluation.Index766;
import vn.onestop.evaluation.Index766Service;
import vn.onestop.evaluation.IndicatorScore;
import vn.onestop.plan.PlanController;
import vn.onestop.plan.PlanFiles;
import vn.onestop.process.EngineTime;
import vn.onestop.report.Kpi;
import vn.onestop.report.KpiReport;
import vn.onestop.report.KpiReportService;
import vn.onestop.report.KpiValue;
import vn.onestop.report.ReportFilter;
import vn.onestop.report.SupervisorScope;
import vn.onestop.web.ApiException;

/**
 * Gathers the figures of a periodic report (báo cáo định kỳ, plan 2025 appendix III.3) for the caller's
 * scope: the KPIs against the plan's targets, the Circular 01/2018 evaluation, the Decision 766 index,
 * the late dossiers with their apologies and explanations, and the plan tasks' status.
 *
 * <p>Reproducibility: an open period is computed live (in progress taken now); once the period has ended
 * its figures are computed with the period's end as cut-off and stored the first time its report is made
 * ({@link PeriodicSnapshots}), and every later report of that period is rendered from the stored figures.
 */
@Service
public class PeriodicReportService {

  /** At most this many late dossiers are listed (the count gives the rest). */
  static final int LATE_LIST_LIMIT = 500;

  private static final Map<String, String> CASE_STATUS = Map.of("ASSIGNED", "đã giao", "IN_PROGRESS", "đang thực hiện",
      "SUBMITTED", "đã nộp sản phẩm", "ACCEPTED", "đã nghiệm thu");

  private final SupervisorScope scope;
  private final KpiReportService kpis;
  private final EvaluationService evaluation;
  private final Index766Service index766;
  private final LateDossiers lateDossiers;
  private final PlanFiles plans;
  private final PlanController planTasks;
  private final PeriodicSnapshots snapshots;
  private final Organisation organisation;
  private final EngineTime time;
  private final int defaultCutOffDay;

  public PeriodicReportService(SupervisorScope scope, KpiReportService kpis, EvaluationService evaluation,
      Index766Service index766, LateDossiers lateDossiers, PlanFiles plans, PlanController planTasks,
      PeriodicSnapshots snapshots, Organisation organisation, EngineTime time,
      @Value("${onestop.report.periodic.cut-off-day:1}") int defaultCutOffDay) {
    this.scope = scope;
    this.kpis = kpis;
    this.evaluation = evaluation;
    this.index766 = index766;
    this.lateDossiers = lateDossiers;
    this.plans = plans;
    this.planTasks = planTasks;
    this.snapshots = snapshots;
    this.organisation = organisation;
    this.time = time;
    this.defaultCutOffDay = defaultCutOffDay;
  }

  /**
   * The period named by {@code label}, cut at the cut-off day of the year's plan
   * ({@code reporting.cut-off-day} in {@code plan/<year>.yaml}), else {@code onestop.report.periodic.cut-off-day}.
   */
  public PeriodicPeriod period(String label) {
    PeriodicPeriod plain = PeriodicPeriod.parse(label, 1);
    int cutOff = plans.plan(plain.year()).map(PlanFiles.Plan::cutOffDay).orElse(defaultCutOffDay);
    return PeriodicPeriod.parse(label, cutOff);
  }

  /** The report of {@code label} for {@code agency} (null: everything the caller may see). */
  public PeriodicReport report(String label, String agency) {
    PeriodicPeriod period = period(label);
    SupervisorScope.Selection selection = scope.select(agency);
    Instant now = time.now();
    if (!period.period().start().isBefore(now)) {
      throw ApiException.badRequest("period", "Kỳ báo cáo " + period.title() + " chưa bắt đầu (từ ngày "
          + PeriodicReportLayout.date(period.period().from()) + ")");
    }
    if (period.period().end().isAfter(now)) {
      return compute(period, selection, agency, now, false, null);
    }
    return snapshots.find(period, selection.agencyIds()).orElseGet(() -> snapshots.keep(period, selection.agencyIds(),
        compute(period, selection, agency, period.period().end(), true, now)));
  }

  private PeriodicReport compute(PeriodicPeriod p, SupervisorScope.Selection selection, String agency, Instant asOf,
      boolean closed, Instant snapshotAt) {
    KpiReport kpi = kpis.report(p.period(), selection.agencyId(), ReportFilter.all().withAgencies(selection.agencyIds()),
        KpiReportService.GroupBy.NONE);
    Map<String, Long> c = kpi.total().counts();
    PeriodicReport.Counts counts = new PeriodicReport.Counts(c.get("received"), c.get("receivedOnline"), c.get("resolved"),
        c.get("early"), c.get("onTime"), c.get("late"), c.get("inProgress"), c.get("overdue"), c.get("lateWithApology"),
        c.get("lateWithExplanation"));
    LateDossiers.Page late = lateDossiers.list(p.period(), asOf, selection.agencyIds(), LATE_LIST_LIMIT);
    String name = selection.agencyId() == null ? "Toàn tỉnh"
        : organisation.find(selection.agencyId()).map(Agency::name).orElse(selection.agencyId());
    String planSource = plans.plan(p.year()).map(PlanFiles.Plan::source).orElse(null);
    return new PeriodicReport(p.label(), p.kind(), p.title(), p.period().from(), p.period().to(), p.cutOffDay(),
        selection.agencyId(), name, planSource, asOf, closed, snapshotAt, counts, targets(kpi),
        evaluation(evaluation.evaluate(p.period(), selection.agencyId(), selection.agencyIds())),
        index(index766.compute(p.period(), selection.agencyId(), selection.agencyIds())), late.dossiers(), late.total(),
        tasks(p.year(), agency));
  }

  private static List<PeriodicReport.Target> targets(KpiReport report) {
    List<PeriodicReport.Target> out = new ArrayList<>();
    for (KpiValue v : report.total().kpis()) {
      if (v.value() == null && v.target() == null) {
        continue;
      }
      Boolean met = "MET".equals(v.status()) ? Boolean.TRUE : "NOT_MET".equals(v.status()) ? Boolean.FALSE : null;
      out.add(new PeriodicReport.Target(v.name(), v.value(), v.target(), v.unit() == Kpi.Unit.PERCENT ? "%" : "ngày làm việc",
          met, v.numerator(), v.denominator()));
    }
    return out;
  }

  private static List<PeriodicReport.Score> evaluation(Evaluation e) {
    List<PeriodicReport.Score> out = new ArrayList<>();
    for (Evaluation.Part part : e.parts()) {
      BigDecimal max = BigDecimal.ZERO;
      for (IndicatorScore s : part.indicators()) {
        out.add(new PeriodicReport.Score("Chỉ số " + s.no() + ". " + s.name(), s.article(), s.score(), BigDecimal.valueOf(2),
            s.dossiers() == null ? null : s.dossiers().longValue(), s.basis()));
        max = max.add(BigDecimal.valueOf(2));
      }
      out.add(new PeriodicReport.Score("Tổng điểm (" + part.schemeName() + ")", "Điều 15", part.total(), max,
          (long) part.dossiers(), "Xếp loại: " + part.grade().name()));
    }
    return out;
  }

  private static List<PeriodicReport.Score> index(Index766 index) {
    List<PeriodicReport.Score> out = new ArrayList<>();
    for (Index766.Group g : index.groups()) {
      out.add(new PeriodicReport.Score(g.name(), "QĐ 766/QĐ-TTg", g.score(), g.max(), null,
          "Điểm tối đa của các thành phần có dữ liệu: " + g.maxWithData().stripTrailingZeros().toPlainString()));
    }
    out.add(new PeriodicReport.Score("Tổng điểm", "QĐ 766/QĐ-TTg", index.total(), BigDecimal.valueOf(100), null,
        "Điểm tối đa của các thành phần có dữ liệu: " + index.maxWithData().stripTrailingZeros().toPlainString()));
    return out;
  }

  private List<PeriodicReport.Task> tasks(int year, String agency) {
    if (plans.plan(year).isEmpty()) {
      return List.of();
    }
    List<PeriodicReport.Task> out = new ArrayList<>();
    for (PlanController.TaskStatus t : planTasks.tasks(year, agency)) {
      Map<String, Integer> byStatus = new TreeMap<>();
      long overdue = t.cases().stream().filter(PlanController.Case::overdue).count();
      t.cases().forEach(c -> byStatus.merge(CASE_STATUS.getOrDefault(c.status(), c.status()), 1, Integer::sum));
      StringBuilder status = new StringBuilder();
      byStatus.forEach((s, n) -> status.append(status.length() == 0 ? "" : ", ").append(n).append(' ').append(s));
      if (overdue > 0) {
        status.append("; ").append(overdue).append(" quá hạn");
      }
      List<String> leads = t.leadAgencies().stream().map(id -> organisation.find(id).map(Agency::name).orElse(id)).toList();
      String lead = leads.size() <= 3 ? String.join(", ", leads)
          : String.join(", ", leads.subList(0, 2)) + " và " + (leads.size() - 2) + " cơ quan khác";
      String indicator = t.indicator() == null ? "" : Kpi.valueOf(t.indicator()).nameVi() + ": "
          + PeriodicReportLayout.number(t.value()) + " / chỉ tiêu " + PeriodicReportLayout.number(t.target())
          + ("MET".equals(t.indicatorStatus()) ? " (đạt)" : "NOT_MET".equals(t.indicatorStatus()) ? " (chưa đạt)" : "");
      out.add(new PeriodicReport.Task(t.id(), t.content(), lead, t.recurring() ? "Thường xuyên" : t.deadline(), t.product(),
          status.length() == 0 ? "Chưa giao trong phạm vi báo cáo" : status.toString(), indicator));
    }
    return out;
  }
}
