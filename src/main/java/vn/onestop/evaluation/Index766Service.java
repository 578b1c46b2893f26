package vn.onestop.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.OnlineLevel;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.ProcedureFilter;
import vn.onestop.process.EngineTime;
import vn.onestop.report.ReportPeriod;

/**
 * Computes the Decision 766/QĐ-TTg index live from the register (one pass over the dossiers received
 * before the period's end and not finished before its start), the catalogue and the feedback
 * register; lists the dossiers that pull a component down.
 */
@Service
public class Index766Service {

  /** A dossier behind a component's shortfall. */
  public record Shortfall(String code, String responsibleAgencyId, Instant receivedAt, Instant dueAt, Instant finishedAt,
      boolean late, int supplementCount) {}

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final JdbcTemplate jdbc;
  private final Index766Definition definition;
  private final EvaluationFacts facts;
  private final ProcedureCatalog catalog;
  private final Organisation organisation;
  private final EngineTime time;
  private final Index766Summary summary;

  public Index766Service(JdbcTemplate jdbc, Index766Definition definition, EvaluationFacts facts, ProcedureCatalog catalog,
      Organisation organisation, EngineTime time) {
    this.jdbc = jdbc;
    this.summary = new Index766Summary(jdbc);
    this.definition = definition;
    this.facts = facts;
    this.catalog = catalog;
    this.organisation = organisation;
    this.time = time;
  }

  /**
   * The index of {@code agencyId} (subtree {@code agencyIds}; both {@code null}: the whole register). A
   * period of whole months reads the monthly summary ({@link Index766Summary}), any other the rows.
   */
  public Index766 compute(ReportPeriod period, String agencyId, Collection<String> agencyIds) {
    return compute(period, agencyId, agencyIds, Index766Summary.wholeMonths(period));
  }

  Index766 compute(ReportPeriod period, String agencyId, Collection<String> agencyIds, boolean fromSummary) {
    Instant asOf = asOf(period);
    Map<Index766Formula, long[]> counts = fromSummary ? summary.counts(period, asOf, agencyIds)
        : dossierCounts(period, asOf, agencyIds);
    List<Procedure> offered = catalog.search(new ProcedureFilter(null, null, agencyId, null, period.to()));
    counts.put(Index766Formula.PROCEDURES_PUBLISHED,
        new long[] {offered.stream().filter(Procedure::verified).count(), offered.size(), 0});
    counts.put(Index766Formula.PROCEDURES_ONLINE, new long[] {
        offered.stream().filter(p -> p.onlineLevel() != null && p.onlineLevel() != OnlineLevel.NONE).count(), offered.size(), 0});
    long[] feedback = facts.feedback(period.start(), period.end(), agencyIds);
    counts.put(Index766Formula.FEEDBACK_ON_TIME, new long[] {feedback[1], feedback[0], 0});

    List<Index766.Group> groups = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal maxWithData = BigDecimal.ZERO;
    for (Index766Definition.Group g : definition.groups()) {
      List<Index766.Component> components = new ArrayList<>();
      BigDecimal score = BigDecimal.ZERO;
      BigDecimal groupMax = BigDecimal.ZERO;
      for (Index766Definition.Part part : g.parts()) {
        long[] c = counts.get(part.formula());
        Index766.Component component = component(part, c[0], c[1],
            part.formula().source == Index766Formula.Source.DOSSIERS ? c[2] : null);
        components.add(component);
        if (component.score() != null) {
          score = score.add(component.score());
          groupMax = groupMax.add(part.max());
        }
      }
      groups.add(new Index766.Group(g.id(), g.name(), g.max(), score, groupMax, components));
      total = total.add(score);
      maxWithData = maxWithData.add(groupMax);
    }
    Agency agency = agencyId == null ? null : organisation.get(agencyId);
    return new Index766(agencyId, agency == null ? null : agency.name(), period.label(), asOf.toString(),
        definition.source(), total, maxWithData, groups);
  }

  /** The monthly series of the period (trend by month). */
  public List<Index766> trend(ReportPeriod period, String agencyId, Collection<String> agencyIds) {
    Instant now = time.now();
    return period.months().stream().filter(m -> m.start().isBefore(now)).map(m -> compute(m, agencyId, agencyIds)).toList();
  }

  /** The dossiers of a component's cohort that pull it down, oldest first, at most {@code limit}. */
  public List<Shortfall> shortfall(Index766Formula formula, ReportPeriod period, Collection<String> agencyIds, int limit) {
    if (formula.source != Index766Formula.Source.DOSSIERS) {
      throw new IllegalArgumentException(formula + " is not counted over dossiers");
    }
    List<Object> args = new ArrayList<>(params(period, asOf(period)));
    String sql = from(agencyIds, args) + " AND " + formula.cohort.sql + " AND " + formula.failing()
        + " ORDER BY d.received_at, d.id LIMIT " + Math.max(1, Math.min(limit, 5000));
    return jdbc.query("SELECT d.code, d.responsible_agency_id, d.received_at, d.due_at, d.finished_at, d.late,"
        + " d.supplement_count " + sql, (rs, n) -> new Shortfall(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
            instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getBoolean(6), rs.getInt(7)), args.toArray());
  }

  private Map<Index766Formula, long[]> dossierCounts(ReportPeriod period, Instant asOf, Collection<String> agencyIds) {
    List<Index766Formula> formulas = java.util.Arrays.stream(Index766Formula.values())
        .filter(f -> f.source == Index766Formula.Source.DOSSIERS).toList();
    StringBuilder select = new StringBuilder("SELECT ");
    for (Index766Formula f : formulas) {
      select.append("count(*) FILTER (WHERE ").append(f.cohort.sql).append("), ");
      select.append("count(*) FILTER (WHERE ").append(f.cohort.sql).append(" AND ").append(f.success).append(")");
      for (String penalty : f.penalties) {
        select.append(" - count(*) FILTER (WHERE ").append(f.cohort.sql).append(" AND ").append(penalty).append(")");
      }
      select.append(", count(*) FILTER (WHERE ").append(f.cohort.sql).append(" AND ").append(f.failing()).append("), ");
    }
    select.setLength(select.length() - 2);
    List<Object> args = new ArrayList<>(params(period, asOf));
    String sql = select + " " + from(agencyIds, args);
    Map<Index766Formula, long[]> counts = new LinkedHashMap<>();
    jdbc.query(sql, rs -> {
      int col = 1;
      for (Index766Formula f : formulas) {
        long denominator = rs.getLong(col++);
        long numerator = Math.max(0, rs.getLong(col++));
        long failing = rs.getLong(col++);
        counts.put(f, new long[] {numerator, denominator, failing});
      }
    }, args.toArray());
    return counts;
  }

  /**
   * The rows that can count: received before the period's end and not finished before its start. The
   * period's bounds are repeated as plain parameters so the planner can use the register's indexes.
   */
  private static String from(Collection<String> agencyIds, List<Object> args) {
    String sql = """
        FROM onestop.dossier d
        CROSS JOIN (SELECT ?::timestamptz AS f, ?::timestamptz AS t, ?::timestamptz AS a) p
        LEFT JOIN (SELECT DISTINCT dossier_code FROM onestop.feedback
                    WHERE status <> 'REJECTED' AND dossier_code IS NOT NULL) c ON c.dossier_code = d.code
        WHERE d.received_at < ? AND (d.finished_at IS NULL OR d.finished_at >= ?)""";
    args.add(args.get(1));
    args.add(args.get(0));
    if (agencyIds != null) {
      sql += " AND d.responsible_agency_id = ANY (?)";
      args.add(agencyIds.toArray(String[]::new));
    }
    return sql;
  }

  private static List<Object> params(ReportPeriod period, Instant asOf) {
    return List.of(Timestamp.from(period.start()), Timestamp.from(period.end()), Timestamp.from(asOf));
  }

  private Instant asOf(ReportPeriod period) {
    Instant now = time.now();
    return period.end().isBefore(now) ? period.end() : now;
  }

  static Index766.Component component(Index766Definition.Part part, long numerator, long denominator, Long failing) {
    if (denominator == 0) {
      return new Index766.Component(part.formula().name(), part.name(), numerator, denominator, null, part.threshold(),
          part.max(), null, failing, part.verified());
    }
    BigDecimal rate = BigDecimal.valueOf(numerator).multiply(HUNDRED).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    BigDecimal score = rate.compareTo(part.threshold()) >= 0 ? part.max().setScale(2, RoundingMode.HALF_UP)
        : rate.multiply(part.max()).divide(part.threshold(), 2, RoundingMode.HALF_UP);
    return new Index766.Component(part.formula().name(), part.name(), numerator, denominator, rate, part.threshold(),
        part.max(), score, failing, part.verified());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
