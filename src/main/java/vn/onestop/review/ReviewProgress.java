package vn.onestop.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.ProcedureFilter;
import vn.onestop.report.Kpi;
import vn.onestop.report.PlanTargets;
import vn.onestop.report.ReviewFigures;
import vn.onestop.report.Tally;

/**
 * Progress of the year's review plan against its targets (plan 2025 appendix II.4): per agency and in
 * total, counted per (agency, procedure) pair so agencies add up to the district and the province.
 *
 * <ul>
 *   <li>in scope — procedures in force on the day that the agency receives or handles (catalogue);</li>
 *   <li>reviewed — procedures whose review the head approved (whatever came of a proposal);</li>
 *   <li>proposed — reviewed procedures with an approved simplification proposal (accepted, rejected or
 *       still with the competent level);</li>
 *   <li>cost — yearly compliance cost before the proposals and the saving they propose, VND, from the
 *       latest review of each procedure.</li>
 * </ul>
 * The reviewed share is of internal procedures (TTHC nội bộ), as the plan words its target; the
 * proposed share and the cost cut are over all procedures reviewed.
 */
@Service
public class ReviewProgress implements ReviewFigures {

  static final List<String> REVIEWED = List.of("APPROVED", "PROPOSED", "ACCEPTED", "REJECTED");

  /** The figures of one agency (or the total) for one year. */
  public record Figures(String agencyId, String name, long inScope, long inScopeInternal, long assigned, long reviewed,
      long reviewedInternal, long proposed, long accepted, long overdue, BigDecimal yearlyCostBefore,
      BigDecimal yearlyCostSaving, BigDecimal reviewedInternalShare, BigDecimal proposedShare, BigDecimal costCutPercent) {}

  /** A share against the plan's target. */
  public record Target(Kpi kpi, String name, BigDecimal value, BigDecimal target, String status) {}

  /** The whole answer of {@code GET /api/review/progress}. */
  public record Progress(int year, LocalDate on, String planTitle, LocalDate planDueDate, Figures total,
      List<Target> targets, List<Figures> agencies) {}

  private final JdbcTemplate jdbc;
  private final ProcedureCatalog catalog;
  private final Organisation organisation;
  private final PlanTargets targets;
  private final ReviewPlans plans;

  public ReviewProgress(JdbcTemplate jdbc, ProcedureCatalog catalog, Organisation organisation, PlanTargets targets,
      ReviewPlans plans) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.organisation = organisation;
    this.targets = targets;
    this.plans = plans;
  }

  /** The year's progress for the agency's subtree ({@code agencyId} null: the whole organisation). */
  public Progress progress(int year, LocalDate on, String agencyId) {
    Set<String> scope = agencyId == null ? null : organisation.subtree(agencyId);
    Map<String, Tally> byAgency = byAgency(year, on);
    Map<String, long[]> extra = extras(year);
    List<Figures> rows = new ArrayList<>();
    Tally total = new Tally();
    long[] totalExtra = new long[3];
    for (Agency a : organisation.all()) {
      Tally t = byAgency.get(a.id());
      long[] x = extra.getOrDefault(a.id(), new long[3]);
      if ((scope != null && !scope.contains(a.id())) || t == null) {
        continue;
      }
      rows.add(figures(a.id(), a.name(), t, x));
      total.add(t);
      for (int i = 0; i < 3; i++) {
        totalExtra[i] += x[i];
      }
    }
    String label = agencyId == null ? "Toàn tỉnh" : organisation.get(agencyId).name();
    Figures sum = figures(agencyId == null ? "ALL" : agencyId, label, total, totalExtra);
    List<Target> goals = List.of(
        target(Kpi.REVIEWED_SHARE, sum.reviewedInternalShare(), year),
        target(Kpi.SIMPLIFICATION_PROPOSED_SHARE, sum.proposedShare(), year),
        target(Kpi.COMPLIANCE_COST_CUT, sum.costCutPercent(), year));
    var plan = plans.find(year);
    return new Progress(year, on, plan.map(ReviewPlans.Plan::title).orElse(null),
        plan.map(ReviewPlans.Plan::dueDate).orElse(null), sum, goals, rows);
  }

  @Override
  public Map<String, Tally> byAgency(int year, LocalDate on) {
    Map<String, Tally> out = new LinkedHashMap<>();
    for (Agency a : organisation.all()) {
      List<Procedure> procedures = catalog.search(new ProcedureFilter(null, null, a.id(), null, on));
      if (procedures.isEmpty()) {
        continue;
      }
      Tally t = new Tally();
      t.set("reviewScope", procedures.size());
      t.set("reviewScopeInternal", procedures.stream().filter(Procedure::internal).count());
      out.put(a.id(), t);
    }
    jdbc.query("""
        select agency_id,
               count(distinct procedure_code) filter (where status in ('APPROVED','PROPOSED','ACCEPTED','REJECTED')) as reviewed,
               count(distinct procedure_code) filter (where status in ('APPROVED','PROPOSED','ACCEPTED','REJECTED')
                                                      and procedure_kind = 'INTERNAL') as reviewed_internal,
               count(distinct procedure_code) filter (where simplify and status in ('PROPOSED','ACCEPTED','REJECTED')) as proposed
        from onestop.procedure_review where plan_year = ? group by agency_id""", rs -> {
      Tally t = out.computeIfAbsent(rs.getString("agency_id"), k -> new Tally());
      t.set("reviewed", rs.getLong("reviewed"));
      t.set("reviewedInternal", rs.getLong("reviewed_internal"));
      t.set("simplificationProposed", rs.getLong("proposed"));
    }, year);
    jdbc.query("""
        select distinct on (agency_id, procedure_code) agency_id, yearly_cost_before, yearly_cost_after
        from onestop.procedure_review
        where plan_year = ? and simplify and status in ('PROPOSED','ACCEPTED','REJECTED')
        order by agency_id, procedure_code, approved_at desc""", rs -> {
      Tally t = out.computeIfAbsent(rs.getString("agency_id"), k -> new Tally());
      long before = rs.getLong("yearly_cost_before");
      long after = rs.getLong("yearly_cost_after");
      t.set("complianceCostBefore", t.get("complianceCostBefore") + before);
      t.set("complianceCostSaving", t.get("complianceCostSaving") + before - after);
    }, year);
    return out;
  }

  /** Assigned, accepted and overdue counts, which the KPI report does not need. */
  private Map<String, long[]> extras(int year) {
    Map<String, long[]> out = new HashMap<>();
    jdbc.query("""
        select agency_id, count(distinct procedure_code) as assigned,
               count(distinct procedure_code) filter (where status = 'ACCEPTED') as accepted,
               count(distinct procedure_code) filter (where overdue) as overdue
        from onestop.procedure_review where plan_year = ? group by agency_id""",
        rs -> {
          out.put(rs.getString("agency_id"), new long[] {rs.getLong("assigned"), rs.getLong("accepted"), rs.getLong("overdue")});
        }, year);
    return out;
  }

  private Figures figures(String id, String name, Tally t, long[] x) {
    long inScopeInternal = t.get("reviewScopeInternal");
    return new Figures(id, name, t.get("reviewScope"), inScopeInternal, x[0], t.get("reviewed"), t.get("reviewedInternal"),
        t.get("simplificationProposed"), x[1], x[2], BigDecimal.valueOf(t.get("complianceCostBefore")),
        BigDecimal.valueOf(t.get("complianceCostSaving")), share(t.get("reviewedInternal"), inScopeInternal),
        share(t.get("simplificationProposed"), t.get("reviewed")),
        share(t.get("complianceCostSaving"), t.get("complianceCostBefore")));
  }

  private Target target(Kpi kpi, BigDecimal value, int year) {
    BigDecimal goal = targets.target(kpi, year).orElse(null);
    String status = value == null ? "NO_DATA" : goal == null ? "NO_TARGET" : value.compareTo(goal) >= 0 ? "MET" : "NOT_MET";
    return new Target(kpi, kpi.nameVi(), value, goal, status);
  }

  static BigDecimal share(long numerator, long denominator) {
    return denominator <= 0 ? null
        : BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
  }
}
