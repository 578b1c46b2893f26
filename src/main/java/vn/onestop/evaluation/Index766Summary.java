package vn.onestop.evaluation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.report.ReportPeriod;

/**
 * The dossier counts of the Decision 766 index for a period of whole months, from the monthly summary
 * {@code onestop.index766_month} (V122) instead of the register rows: the same numerators, denominators
 * and failing counts as {@link Index766Formula}'s SQL, by the flags the trigger records. Two parts are
 * read live because they are not facts of one dossier alone: the dossiers still running at the period's
 * end (on time or not depends on the moment the figures are taken) and the complaints about resolved
 * dossiers (the feedback register).
 */
final class Index766Summary {

  static final int CODE = 1;
  static final int DIGITISED = 2;
  static final int REUSED = 4;
  static final int ONLINE_E_RESULT = 8;
  static final int FEE_BEARING = 16;
  static final int PAID_ONLINE = 32;
  static final int LATE = 64;
  static final int APOLOGISED = 128;
  static final int SATISFIED = 256;
  static final int RATED = 512;
  static final int NOT_SATISFIED = 1024;
  static final int ON_TIME = 2048;

  private final JdbcTemplate jdbc;

  Index766Summary(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the period is whole months (the summary's grain). */
  static boolean wholeMonths(ReportPeriod period) {
    return period.from().getDayOfMonth() == 1 && period.to().plusDays(1).getDayOfMonth() == 1;
  }

  /** {numerator, denominator, failing} per dossier formula. */
  Map<Index766Formula, long[]> counts(ReportPeriod period, Instant asOf, Collection<String> agencyIds) {
    Map<Index766Formula, long[]> c = new EnumMap<>(Index766Formula.class);
    for (Index766Formula f : Index766Formula.values()) {
      if (f.source == Index766Formula.Source.DOSSIERS) {
        c.put(f, new long[3]);
      }
    }
    List<Object> args = new ArrayList<>(List.of(Date.valueOf(period.from()), Date.valueOf(period.to().plusDays(1))));
    String scope = scope(agencyIds, args, "agency_id");
    jdbc.query("SELECT cohort, flags, sum(n) FROM onestop.index766_month WHERE month >= ? AND month < ?" + scope
        + " GROUP BY cohort, flags", rs -> {
          int flags = rs.getInt(2);
          long n = rs.getLong(3);
          if ("R".equals(rs.getString(1))) {
            received(c, flags, n);
          } else {
            resolved(c, flags, n);
          }
        }, args.toArray());
    running(c.get(Index766Formula.ON_TIME), period, asOf, agencyIds);
    complaints(c.get(Index766Formula.SATISFACTION), period, agencyIds);
    c.get(Index766Formula.SATISFACTION)[0] = Math.max(0, c.get(Index766Formula.SATISFACTION)[0]);
    return c;
  }

  private static void received(Map<Index766Formula, long[]> c, int flags, long n) {
    add(c.get(Index766Formula.PROGRESS_PUBLISHED), true, (flags & CODE) != 0, n);
    add(c.get(Index766Formula.DIGITISED), true, (flags & DIGITISED) != 0, n);
    add(c.get(Index766Formula.REUSED), true, (flags & REUSED) != 0, n);
    add(c.get(Index766Formula.ONLINE_WITH_E_RESULT), true, (flags & ONLINE_E_RESULT) != 0, n);
    add(c.get(Index766Formula.PAID_ONLINE), (flags & FEE_BEARING) != 0, (flags & PAID_ONLINE) != 0, n);
  }

  private static void resolved(Map<Index766Formula, long[]> c, int flags, long n) {
    add(c.get(Index766Formula.LATE_APOLOGISED), (flags & LATE) != 0, (flags & APOLOGISED) != 0, n);
    add(c.get(Index766Formula.ON_TIME), true, (flags & ON_TIME) != 0, n);
    add(c.get(Index766Formula.RATED_SATISFIED), (flags & RATED) != 0, (flags & SATISFIED) != 0, n);
    // 100 % − (late % + complained or dissatisfied %): each penalty comes off the numerator
    long[] s = c.get(Index766Formula.SATISFACTION);
    s[1] += n;
    s[0] += n - ((flags & LATE) != 0 ? n : 0) - ((flags & NOT_SATISFIED) != 0 ? n : 0);
    s[2] += (flags & (LATE | NOT_SATISFIED)) != 0 ? n : 0;
  }

  private static void add(long[] counts, boolean inCohort, boolean success, long n) {
    if (inCohort) {
      counts[1] += n;
      counts[success ? 0 : 2] += n;
    }
  }

  /**
   * Dossiers received before the period's end and still running at it: on time if not yet past the
   * appointment. Two index-friendly halves (not finished at all; finished after the end) instead of an OR.
   */
  private void running(long[] onTime, ReportPeriod period, Instant asOf, Collection<String> agencyIds) {
    Timestamp end = Timestamp.from(period.end());
    Timestamp at = Timestamp.from(asOf);
    List<Object> args = new ArrayList<>(List.of(at, at, end, end, end));
    String scope = scope(agencyIds, args, "d.responsible_agency_id");
    jdbc.query("""
        SELECT count(*), count(*) FILTER (WHERE NOT d.late AND d.supplement_count <= 1 AND ?::timestamptz <= d.due_at),
               count(*) FILTER (WHERE NOT (NOT d.late AND d.supplement_count <= 1 AND ?::timestamptz <= d.due_at))
          FROM (SELECT late, supplement_count, due_at, outcome, responsible_agency_id FROM onestop.dossier
                 WHERE finished_at IS NULL AND received_at < ?
                UNION ALL
                SELECT late, supplement_count, due_at, outcome, responsible_agency_id FROM onestop.dossier
                 WHERE finished_at >= ? AND received_at < ?) d
         WHERE coalesce(d.outcome, 'RESULT') IN ('RESULT', 'REFUSED')""" + " " + scope, rs -> {
          onTime[1] += rs.getLong(1);
          onTime[0] += rs.getLong(2);
          onTime[2] += rs.getLong(3);
        }, args.toArray());
  }

  /**
   * Resolved dossiers with a complaint that was not rejected and not already counted as dissatisfied;
   * driven from the (small) feedback register, one index probe per dossier code ({@code OFFSET 0} keeps
   * the planner from turning it into a scan of the register).
   */
  private void complaints(long[] satisfaction, ReportPeriod period, Collection<String> agencyIds) {
    List<Object> args = new ArrayList<>(List.of(Timestamp.from(period.start()), Timestamp.from(period.end())));
    String scope = scope(agencyIds, args, "d.responsible_agency_id");
    jdbc.query("""
        SELECT count(*) FILTER (WHERE d.rating IS DISTINCT FROM 'NOT_SATISFIED'),
               count(*) FILTER (WHERE d.rating IS DISTINCT FROM 'NOT_SATISFIED' AND NOT d.late)
          FROM (SELECT DISTINCT dossier_code FROM onestop.feedback
                 WHERE status <> 'REJECTED' AND dossier_code IS NOT NULL) c
          CROSS JOIN LATERAL (SELECT * FROM onestop.dossier x WHERE x.code = c.dossier_code OFFSET 0) d
         WHERE d.finished_at >= ? AND d.finished_at < ? AND d.outcome IN ('RESULT', 'REFUSED')""" + " " + scope, rs -> {
          satisfaction[0] -= rs.getLong(1);
          satisfaction[2] += rs.getLong(2);
        }, args.toArray());
  }

  private static String scope(Collection<String> agencyIds, List<Object> args, String column) {
    if (agencyIds == null) {
      return "";
    }
    args.add(agencyIds.toArray(String[]::new));
    return " AND " + column + " = ANY (?)";
  }
}
