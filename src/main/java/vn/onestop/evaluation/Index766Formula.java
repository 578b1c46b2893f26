package vn.onestop.evaluation;

import java.util.List;

/**
 * How each component of the Decision 766/QĐ-TTg index is counted (the weights and thresholds are data in
 * {@code evaluation/index-766.yaml}). A dossier component is a cohort of register rows and a condition
 * that a dossier of the cohort meets; {@code penalties} are subtracted from the numerator (the
 * satisfaction formula 100 % − (late % + complaint %)). Catalogue and feedback components are counted
 * by {@link Index766Service} from the catalogue and the feedback register.
 *
 * <p>SQL below runs over {@code onestop.dossier d}, the period {@code p} (columns {@code f} start,
 * {@code t} end, {@code a} the moment the figures are taken: the period's end or now), and {@code c},
 * the dossier codes with a feedback that was not rejected.
 */
public enum Index766Formula {

  /** Catalogue procedures of the unit whose data were checked against the national database. */
  PROCEDURES_PUBLISHED(Source.CATALOGUE, null, null),
  /** Received dossiers with a code the citizen can look up. */
  PROGRESS_PUBLISHED(Source.DOSSIERS, Cohort.RECEIVED, "d.code IS NOT NULL"),
  /** Resolved late dossiers with an apology (form 04). */
  LATE_APOLOGISED(Source.DOSSIERS, Cohort.RESOLVED_LATE, "d.apology_at IS NOT NULL"),
  /**
   * Dossiers handled in the period or still in handling at its end, on time: not late, at most one
   * supplement request, and finished (or, still running, taken at the period's end) by the appointment.
   */
  ON_TIME(Source.DOSSIERS, Cohort.HANDLED, "NOT d.late AND d.supplement_count <= 1 AND "
      + "(CASE WHEN d.finished_at < p.t THEN d.finished_at ELSE p.a END) <= d.due_at"),
  /** Received dossiers with their components digitised and an electronic result. */
  DIGITISED(Source.DOSSIERS, Cohort.RECEIVED, "d.digitised AND d.result_electronic"),
  /** Received dossiers that reused at least one digitised paper from the applicant's data store. */
  REUSED(Source.DOSSIERS, Cohort.RECEIVED, "d.reused_documents > 0"),
  /** Received dossiers filed online that also got an electronic result. */
  ONLINE_WITH_E_RESULT(Source.DOSSIERS, Cohort.RECEIVED, "d.channel = 'ONLINE' AND d.result_electronic"),
  /** Catalogue procedures of the unit offered online (partly or fully). */
  PROCEDURES_ONLINE(Source.CATALOGUE, null, null),
  /** Received dossiers of fee-bearing procedures paid online. */
  PAID_ONLINE(Source.DOSSIERS, Cohort.FEE_BEARING, "d.fee_paid_online"),
  /** Resolved dossiers: 100 % − (late % + complained or dissatisfied %). */
  SATISFACTION(Source.DOSSIERS, Cohort.RESOLVED, "true",
      List.of("d.late", "(c.dossier_code IS NOT NULL OR d.rating = 'NOT_SATISFIED')")),
  /** Feedback within the unit's competence whose answer fell due in the period, answered on time. */
  FEEDBACK_ON_TIME(Source.FEEDBACK, null, null),
  /** Rated resolved dossiers rated satisfied or very satisfied. */
  RATED_SATISFIED(Source.DOSSIERS, Cohort.RATED, "d.rating IN ('VERY_SATISFIED', 'SATISFIED')");

  /** Where the counts come from. */
  public enum Source { DOSSIERS, CATALOGUE, FEEDBACK }

  /** Which register rows a dossier component counts. */
  public enum Cohort {
    RECEIVED("d.received_at >= p.f AND d.received_at < p.t"),
    FEE_BEARING("d.received_at >= p.f AND d.received_at < p.t AND coalesce(d.fee_amount, 0) > 0"),
    RESOLVED("d.finished_at >= p.f AND d.finished_at < p.t AND d.outcome IN ('RESULT', 'REFUSED')"),
    RESOLVED_LATE("d.finished_at >= p.f AND d.finished_at < p.t AND d.outcome IN ('RESULT', 'REFUSED') AND d.late"),
    RATED("d.finished_at >= p.f AND d.finished_at < p.t AND d.outcome IN ('RESULT', 'REFUSED') AND d.rating IS NOT NULL"),
    HANDLED("((d.finished_at >= p.f AND d.finished_at < p.t AND d.outcome IN ('RESULT', 'REFUSED'))"
        + " OR (d.received_at < p.t AND (d.finished_at IS NULL OR d.finished_at >= p.t)"
        + " AND coalesce(d.outcome, 'RESULT') IN ('RESULT', 'REFUSED')))");

    final String sql;

    Cohort(String sql) {
      this.sql = sql;
    }
  }

  final Source source;
  final Cohort cohort;
  final String success;
  final List<String> penalties;

  Index766Formula(Source source, Cohort cohort, String success) {
    this(source, cohort, success, List.of());
  }

  Index766Formula(Source source, Cohort cohort, String success, List<String> penalties) {
    this.source = source;
    this.cohort = cohort;
    this.success = success;
    this.penalties = penalties;
  }

  /** The condition of a cohort dossier that pulls the figure down. */
  String failing() {
    if (penalties.isEmpty()) {
      return "NOT (" + success + ")";
    }
    return "(" + String.join(" OR ", penalties) + ")";
  }
}
