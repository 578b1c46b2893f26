package vn.onestop.report;

import java.math.BigDecimal;
import java.time.Clock;
import vn.onestop.process.EngineTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;
import vn.onestop.report.RegisterQueries.Dimension;
import vn.onestop.report.RegisterQueries.Group;
import vn.onestop.web.ApiException;

/** Builds the {@link KpiReport} from the register's counts and the plan's targets. */
@Service
public class KpiReportService {

  /** How rows are grouped. */
  public enum GroupBy { NONE, AGENCY, LEVEL, FIELD, PROCEDURE, CHANNEL, MONTH, QUARTER }

  private final RegisterQueries queries;
  private final PlanTargets targets;
  private final Organisation organisation;
  private final Clock clock;
  private ReviewFigures reviewFigures;

  /** With the engine's clock ({@link EngineTime#clock()}). */
  public KpiReportService(RegisterQueries queries, PlanTargets targets, Organisation organisation) {
    this(queries, targets, organisation, EngineTime.clock());
  }

  @Autowired
  public KpiReportService(RegisterQueries queries, PlanTargets targets, Organisation organisation, Clock clock) {
    this.queries = queries;
    this.targets = targets;
    this.organisation = organisation;
    this.clock = clock;
  }

  /** The review figures (rà soát TTHC), when the review feature is present. */
  @Autowired(required = false)
  void setReviewFigures(ReviewFigures reviewFigures) {
    this.reviewFigures = reviewFigures;
  }

  public static GroupBy groupBy(String value) {
    if (value == null || value.isBlank()) {
      return GroupBy.NONE;
    }
    try {
      return GroupBy.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("groupBy", "'" + value + "' is not one of " + java.util.Arrays.toString(GroupBy.values()));
    }
  }

  /**
   * The report for the agency's subtree ({@code agencyId} null = the whole register; {@code filter}'s
   * agency set must already be the caller's allowed scope or null).
   */
  public KpiReport report(ReportPeriod period, String agencyId, ReportFilter filter, GroupBy groupBy) {
    Instant now = clock.instant();
    Instant asOf = period.end().isBefore(now) ? period.end() : now;
    int year = period.targetYear();
    List<KpiReport.Row> rows = new ArrayList<>();
    Tally total;
    switch (groupBy) {
      case MONTH, QUARTER -> {
        total = new Tally();
        List<ReportPeriod> parts = groupBy == GroupBy.MONTH ? period.months() : period.quarters();
        for (ReportPeriod part : parts) {
          Instant partAsOf = part.end().isBefore(now) ? part.end() : now;
          Tally t = sum(queries.tally(part, partAsOf, filter, Dimension.NONE, targets.satisfactionFields()));
          rows.add(row(part.label(), part.from() + "…" + part.to(), t, year));
          total.add(withoutSnapshot(t));
        }
        // A dossier in progress at each month's end is not "in progress" for the year; take the period's own.
        Tally whole = sum(queries.tally(period, asOf, filter, Dimension.NONE, targets.satisfactionFields()));
        total.set("inProgress", whole.get("inProgress"));
        total.set("overdue", whole.get("overdue"));
      }
      case AGENCY -> {
        List<Group> groups = queries.tally(period, asOf, filter, Dimension.NONE, targets.satisfactionFields());
        total = sum(groups);
        for (Map.Entry<String, Set<String>> unit : agencyUnits(agencyId, filter).entrySet()) {
          Tally t = new Tally();
          groups.stream().filter(g -> unit.getValue().contains(g.agencyId())).forEach(g -> t.add(g.tally()));
          addReview(t, unit.getValue(), review(year, period));
          String label = organisation.find(unit.getKey()).map(Agency::name).orElse(unit.getKey());
          if (unit.getKey().equals(agencyId) && unit.getValue().size() == 1) {
            label = label + " (trực tiếp)";
          }
          rows.add(row(unit.getKey(), label, t, year));
        }
      }
      default -> {
        Dimension dimension = switch (groupBy) {
          case LEVEL -> Dimension.LEVEL;
          case FIELD -> Dimension.FIELD;
          case PROCEDURE -> Dimension.PROCEDURE;
          case CHANNEL -> Dimension.CHANNEL;
          default -> Dimension.NONE;
        };
        List<Group> groups = queries.tally(period, asOf, filter, dimension, targets.satisfactionFields());
        total = sum(groups);
        if (dimension != Dimension.NONE) {
          RegisterQueries.sumBy(groups, Group::key).forEach((k, t) -> rows.add(row(k, k, t, year)));
          rows.sort(java.util.Comparator.comparing(KpiReport.Row::key));
        }
      }
    }
    addReview(total, reviewScope(agencyId, filter), review(year, period));
    String totalLabel = agencyId == null ? "Toàn tỉnh" : organisation.find(agencyId).map(Agency::name).orElse(agencyId);
    return new KpiReport(period.from(), period.to(), period.label(), year, agencyId, groupBy.name(), asOf, now,
        row(agencyId == null ? "ALL" : agencyId, totalLabel, total, year), List.copyOf(rows));
  }

  /**
   * The units an agency breakdown shows: each direct child of the agency with its whole subtree, plus
   * the agency's own dossiers; for the whole province, each root of the organisation.
   */
  private Map<String, Set<String>> agencyUnits(String agencyId, ReportFilter filter) {
    Map<String, Set<String>> units = new java.util.LinkedHashMap<>();
    List<Agency> heads;
    if (agencyId == null) {
      heads = organisation.all().stream().filter(a -> a.parentId() == null).toList();
    } else {
      units.put(agencyId, Set.of(agencyId));
      heads = organisation.children(agencyId);
    }
    for (Agency a : heads) {
      Set<String> ids = new LinkedHashSet<>(organisation.subtree(a.id()));
      if (filter.agencyIds() != null) {
        ids.retainAll(filter.agencyIds());
      }
      if (!ids.isEmpty()) {
        units.put(a.id(), ids);
      }
    }
    return units;
  }

  private Map<String, Tally> review(int year, ReportPeriod period) {
    return reviewFigures == null ? Map.of() : reviewFigures.byAgency(year, period.to());
  }

  private Set<String> reviewScope(String agencyId, ReportFilter filter) {
    Set<String> ids = new LinkedHashSet<>(agencyId == null
        ? organisation.all().stream().map(Agency::id).toList() : organisation.subtree(agencyId));
    if (filter.agencyIds() != null) {
      ids.retainAll(filter.agencyIds());
    }
    return ids;
  }

  private static void addReview(Tally t, Set<String> agencies, Map<String, Tally> review) {
    review.forEach((agency, figures) -> {
      if (agencies.contains(agency)) {
        t.add(figures);
      }
    });
  }

  private static Tally sum(List<Group> groups) {
    Tally t = new Tally();
    groups.forEach(g -> t.add(g.tally()));
    return t;
  }

  private static Tally withoutSnapshot(Tally t) {
    Tally copy = new Tally().add(t);
    copy.set("inProgress", 0);
    copy.set("overdue", 0);
    return copy;
  }

  KpiReport.Row row(String key, String label, Tally t, int year) {
    List<KpiValue> kpis = new ArrayList<>();
    kpis.add(value(Kpi.ON_TIME_RATE, t.get("early") + t.get("onTime"), t.get("resolved"), year));
    kpis.add(value(Kpi.LATE_WITH_APOLOGY, t.get("lateWithApology"), t.get("late"), year));
    kpis.add(value(Kpi.LATE_WITH_EXPLANATION, t.get("lateWithExplanation"), t.get("late"), year));
    kpis.add(value(Kpi.SATISFACTION, t.get("satisfied"), t.get("rated"), year));
    kpis.add(value(Kpi.SATISFACTION_LAND, t.get("satisfiedLand"), t.get("ratedLand"), year));
    kpis.add(value(Kpi.SATISFACTION_CONSTRUCTION, t.get("satisfiedConstruction"), t.get("ratedConstruction"), year));
    kpis.add(value(Kpi.SATISFACTION_INVESTMENT, t.get("satisfiedInvestment"), t.get("ratedInvestment"), year));
    kpis.add(value(Kpi.ONLINE_SHARE, t.get("receivedOnline"), t.get("received"), year));
    kpis.add(value(Kpi.FEE_ONLINE_SHARE, t.get("feePaidOnline"), t.get("feePaid"), year));
    kpis.add(value(Kpi.DIGITISED_SHARE, t.get("digitised"), t.get("received"), year));
    kpis.add(value(Kpi.ELECTRONIC_RESULT_SHARE, t.get("resultsElectronic"), t.get("results"), year));
    kpis.add(value(Kpi.SUPPLEMENT_RATE, t.get("withSupplement"), t.get("received"), year));
    kpis.add(KpiValue.of(Kpi.AVERAGE_RESOLUTION_DAYS, t.workingDays(), t.get("timed"),
        targets.target(Kpi.AVERAGE_RESOLUTION_DAYS, year).orElse(null)));
    kpis.add(value(Kpi.REVIEWED_SHARE, t.get("reviewedInternal"), t.get("reviewScopeInternal"), year));
    kpis.add(value(Kpi.SIMPLIFICATION_PROPOSED_SHARE, t.get("simplificationProposed"), t.get("reviewed"), year));
    kpis.add(value(Kpi.COMPLIANCE_COST_CUT, t.get("complianceCostSaving"), t.get("complianceCostBefore"), year));
    return new KpiReport.Row(key, label, t.asMap(), List.copyOf(kpis));
  }

  private KpiValue value(Kpi kpi, long numerator, long denominator, int year) {
    return KpiValue.of(kpi, BigDecimal.valueOf(numerator), denominator, targets.target(kpi, year).orElse(null));
  }
}
