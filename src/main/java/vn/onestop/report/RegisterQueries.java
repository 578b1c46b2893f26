package vn.onestop.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The report's SQL over the register ({@code onestop.dossier}). One pass over the dossiers that were
 * received in the period, finished in it, or still running at its end, with one FILTERed count per
 * {@link Tally} column, grouped by responsible agency and one dimension. Formulas: docs/kpis.md.
 */
@Repository
public class RegisterQueries {

  /** A dimension the counts may be grouped by, besides the responsible agency. */
  public enum Dimension {
    NONE("''"), LEVEL("level"), FIELD("field"), PROCEDURE("procedure_code"), CHANNEL("channel");

    final String column;

    Dimension(String column) {
      this.column = column;
    }
  }

  /** The counts of one (agency, dimension value) group. */
  public record Group(String agencyId, String key, Tally tally) {}

  private final JdbcTemplate jdbc;

  public RegisterQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Counts for the period: from the monthly summary ({@code onestop.report_month}, V21) when the period
   * is whole months, else from the register rows; "in progress" and "overdue" always from the register,
   * taken at {@code asOf} (the end of the period, or now for a period not over yet).
   */
  public List<Group> tally(ReportPeriod period, Instant asOf, ReportFilter filter, Dimension dimension,
      PlanTargets.SatisfactionFields fields) {
    if (period.from().getDayOfMonth() != 1 || !period.to().equals(period.to().withDayOfMonth(period.to().lengthOfMonth()))) {
      return tallyRows(period.start(), period.end(), asOf, filter, dimension, fields);
    }
    List<Object> args = new ArrayList<>(List.of(fields.land(), fields.land(), fields.construction(), fields.construction(),
        fields.investment(), fields.investment(), java.sql.Date.valueOf(period.from()),
        java.sql.Date.valueOf(period.to().plusDays(1))));
    StringBuilder sql = new StringBuilder("SELECT agency_id AS agency, ")
        .append(dimension == Dimension.NONE ? "''" : dimension.column).append(" AS dim,");
    sql.append("""
          sum(received) AS received, sum(received_online) AS received_online, sum(digitised) AS digitised,
          sum(with_supplement) AS with_supplement, sum(fee_paid) AS fee_paid, sum(fee_paid_online) AS fee_paid_online,
          sum(resolved) AS resolved, sum(early) AS early, sum(on_time) AS on_time, sum(late) AS late,
          sum(late_with_apology) AS late_with_apology, sum(late_with_explanation) AS late_with_explanation,
          sum(results) AS results, sum(results_electronic) AS results_electronic, sum(rated) AS rated,
          sum(satisfied) AS satisfied,
          coalesce(sum(rated) FILTER (WHERE field = ?), 0) AS rated_land,
          coalesce(sum(satisfied) FILTER (WHERE field = ?), 0) AS satisfied_land,
          coalesce(sum(rated) FILTER (WHERE field = ?), 0) AS rated_construction,
          coalesce(sum(satisfied) FILTER (WHERE field = ?), 0) AS satisfied_construction,
          coalesce(sum(rated) FILTER (WHERE field = ?), 0) AS rated_investment,
          coalesce(sum(satisfied) FILTER (WHERE field = ?), 0) AS satisfied_investment,
          sum(timed) AS timed, sum(withdrawn) AS withdrawn, 0 AS in_progress, 0 AS overdue,
          sum(working_days) AS working_days
        FROM onestop.report_month WHERE month >= ? AND month < ?""");
    filters(sql, args, filter, "agency_id");
    sql.append(" GROUP BY 1, 2");
    List<Group> groups = jdbc.query(sql.toString(), (rs, n) -> group(rs), args.toArray());
    return merge(groups, inProgress(asOf, filter, dimension));
  }

  /**
   * Dossiers in progress at {@code asOf} and those of them past their appointment, per group: the still
   * open ones (partial index ix_dossier_rpt_open) plus those finished after {@code asOf}
   * (ix_dossier_rpt_finished), as two index scans rather than one OR over the whole register.
   */
  List<Group> inProgress(Instant asOf, ReportFilter filter, Dimension dimension) {
    Timestamp a = Timestamp.from(asOf);
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT agency, dim, count(*) AS in_progress, count(*) FILTER (WHERE due_at < ?) AS overdue FROM (");
    args.add(a);
    sql.append("SELECT responsible_agency_id AS agency, ").append(dimension.column).append(" AS dim, due_at FROM onestop.dossier")
        .append(" WHERE received_at IS NOT NULL AND finished_at IS NULL AND outcome IS NULL AND received_at < ?");
    args.add(a);
    filters(sql, args, filter, "responsible_agency_id");
    sql.append(" UNION ALL SELECT responsible_agency_id, ").append(dimension.column).append(", due_at FROM onestop.dossier")
        .append(" WHERE finished_at >= ? AND received_at < ?");
    args.add(a);
    args.add(a);
    filters(sql, args, filter, "responsible_agency_id");
    sql.append(") p GROUP BY 1, 2");
    return jdbc.query(sql.toString(), (rs, n) -> {
      Tally t = new Tally();
      t.set("inProgress", rs.getLong("in_progress"));
      t.set("overdue", rs.getLong("overdue"));
      return new Group(rs.getString("agency"), rs.getString("dim"), t);
    }, args.toArray());
  }

  private static List<Group> merge(List<Group> a, List<Group> b) {
    Map<List<String>, Group> byKey = new LinkedHashMap<>();
    for (Group g : a) {
      byKey.put(java.util.Arrays.asList(g.agencyId(), g.key()), g);
    }
    for (Group g : b) {
      Group existing = byKey.get(java.util.Arrays.asList(g.agencyId(), g.key()));
      if (existing == null) {
        byKey.put(java.util.Arrays.asList(g.agencyId(), g.key()), g);
      } else {
        existing.tally().add(g.tally());
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private static void filters(StringBuilder sql, List<Object> args, ReportFilter filter, String agencyColumn) {
    if (filter.agencyIds() != null) {
      sql.append(" AND ").append(agencyColumn).append(" = ANY(?)");
      args.add(filter.agencyIds().toArray(String[]::new));
    }
    condition(sql, args, "level", filter.level());
    condition(sql, args, "field", filter.field());
    condition(sql, args, "procedure_code", filter.procedure());
    condition(sql, args, "channel", filter.channel());
  }

  /**
   * Counts for {@code [start, end)} straight from the register rows (any period; the summary's oracle in
   * tests); "in progress" and "overdue" are taken at {@code asOf}.
   */
  public List<Group> tallyRows(Instant start, Instant end, Instant asOf, ReportFilter filter, Dimension dimension,
      PlanTargets.SatisfactionFields fields) {
    Timestamp s = Timestamp.from(start);
    Timestamp e = Timestamp.from(end);
    Timestamp a = Timestamp.from(asOf);
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    sql.append("""
        SELECT agency, dim,
          count(*) FILTER (WHERE rcv) AS received,
          count(*) FILTER (WHERE rcv AND channel = 'ONLINE') AS received_online,
          count(*) FILTER (WHERE rcv AND digitised) AS digitised,
          count(*) FILTER (WHERE rcv AND supplement_count > 0) AS with_supplement,
          count(*) FILTER (WHERE rcv AND fee_paid) AS fee_paid,
          count(*) FILTER (WHERE rcv AND fee_paid AND fee_paid_online) AS fee_paid_online,
          count(*) FILTER (WHERE res) AS resolved,
          count(*) FILTER (WHERE res AND NOT late AND finished_day < due_day) AS early,
          count(*) FILTER (WHERE res AND NOT late AND NOT (finished_day < due_day)) AS on_time,
          count(*) FILTER (WHERE res AND late) AS late,
          count(*) FILTER (WHERE res AND late AND apology_at IS NOT NULL) AS late_with_apology,
          count(*) FILTER (WHERE res AND late AND explanation_at IS NOT NULL) AS late_with_explanation,
          count(*) FILTER (WHERE res AND outcome = 'RESULT') AS results,
          count(*) FILTER (WHERE res AND outcome = 'RESULT' AND result_electronic) AS results_electronic,
          count(*) FILTER (WHERE res AND rating IS NOT NULL) AS rated,
          count(*) FILTER (WHERE res AND rating IN ('VERY_SATISFIED', 'SATISFIED')) AS satisfied,
          count(*) FILTER (WHERE res AND rating IS NOT NULL AND field = ?) AS rated_land,
          count(*) FILTER (WHERE res AND rating IN ('VERY_SATISFIED', 'SATISFIED') AND field = ?) AS satisfied_land,
          count(*) FILTER (WHERE res AND rating IS NOT NULL AND field = ?) AS rated_construction,
          count(*) FILTER (WHERE res AND rating IN ('VERY_SATISFIED', 'SATISFIED') AND field = ?) AS satisfied_construction,
          count(*) FILTER (WHERE res AND rating IS NOT NULL AND field = ?) AS rated_investment,
          count(*) FILTER (WHERE res AND rating IN ('VERY_SATISFIED', 'SATISFIED') AND field = ?) AS satisfied_investment,
          count(resolution_working_days) FILTER (WHERE res) AS timed,
          count(*) FILTER (WHERE fin AND outcome = 'WITHDRAWN') AS withdrawn,
          count(*) FILTER (WHERE wip) AS in_progress,
          count(*) FILTER (WHERE wip AND due_at < ?) AS overdue,
          sum(resolution_working_days) FILTER (WHERE res) AS working_days
        FROM (
          SELECT responsible_agency_id AS agency, """).append(dimension.column).append("""
         AS dim, channel, digitised, supplement_count, fee_paid, fee_paid_online, late, apology_at,
                 explanation_at, outcome, result_electronic, rating, field, resolution_working_days, due_at,
                 (received_at >= ? AND received_at < ?) AS rcv,
                 (finished_at >= ? AND finished_at < ?) AS fin,
                 (finished_at >= ? AND finished_at < ? AND outcome IN ('RESULT', 'REFUSED')) AS res,
                 (received_at < ? AND ((finished_at IS NULL AND outcome IS NULL) OR finished_at >= ?)) AS wip,
                 (finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS finished_day,
                 (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS due_day
          FROM onestop.dossier
          WHERE ((received_at >= ? AND received_at < ?)
              OR (finished_at >= ? AND finished_at < ?)
              OR (received_at < ? AND finished_at IS NULL AND outcome IS NULL)
              OR (received_at < ? AND finished_at >= ?))
        """);
    args.add(fields.land());
    args.add(fields.land());
    args.add(fields.construction());
    args.add(fields.construction());
    args.add(fields.investment());
    args.add(fields.investment());
    args.add(a);
    args.add(s); args.add(e);
    args.add(s); args.add(e);
    args.add(s); args.add(e);
    args.add(a); args.add(a);
    args.add(s); args.add(e);
    args.add(s); args.add(e);
    args.add(a);
    args.add(a); args.add(a);
    filters(sql, args, filter, "responsible_agency_id");
    sql.append(") d GROUP BY agency, dim");
    return jdbc.query(sql.toString(), (rs, n) -> group(rs), args.toArray());
  }

  private static void condition(StringBuilder sql, List<Object> args, String column, String value) {
    if (value != null && !value.isBlank()) {
      sql.append(" AND ").append(column).append(" = ?");
      args.add(value);
    }
  }

  private static Group group(ResultSet rs) throws SQLException {
    Tally t = new Tally();
    String[] columns = {"received", "received_online", "digitised", "with_supplement", "fee_paid", "fee_paid_online",
        "resolved", "early", "on_time", "late", "late_with_apology", "late_with_explanation", "results",
        "results_electronic", "rated", "satisfied", "rated_land", "satisfied_land", "rated_construction",
        "satisfied_construction", "rated_investment", "satisfied_investment", "timed", "withdrawn", "in_progress",
        "overdue"};
    for (int i = 0; i < columns.length; i++) {
      t.set(Tally.COUNTS[i], rs.getLong(columns[i]));
    }
    t.setWorkingDays(rs.getBigDecimal("working_days"));
    return new Group(rs.getString("agency"), rs.getString("dim"), t);
  }

  /** Sum of groups by key, for callers that roll agencies up. */
  public static Map<String, Tally> sumBy(List<Group> groups, java.util.function.Function<Group, String> key) {
    Map<String, Tally> out = new LinkedHashMap<>();
    for (Group g : groups) {
      String k = key.apply(g);
      if (k != null) {
        out.computeIfAbsent(k, x -> new Tally()).add(g.tally());
      }
    }
    return out;
  }
}
