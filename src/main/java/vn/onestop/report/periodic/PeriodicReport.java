package vn.onestop.report.periodic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of a periodic report on TTHC control and the one-stop mechanism (báo cáo định kỳ tình
 * hình, kết quả kiểm soát TTHC, thực hiện cơ chế một cửa, một cửa liên thông): plain values only, so a
 * closed period's figures are stored as they were ({@link PeriodicSnapshots}) and rendered again the same
 * as DOCX and PDF.
 *
 * @param agencyName  the unit reported on; "Toàn tỉnh" for the whole register
 * @param asOf        the instant in-progress and overdue figures are taken at (the period's end once closed)
 * @param closed      the period has ended: the figures are the stored snapshot
 * @param snapshotAt  when the closed period's figures were stored ({@code null} while the period is open)
 */
public record PeriodicReport(String period, String kind, String title, LocalDate from, LocalDate to, int cutOffDay,
    String agencyId, String agencyName, String planSource, Instant asOf, boolean closed, Instant snapshotAt,
    Counts counts, List<Target> targets, List<Score> evaluation, List<Score> index766, List<LateDossier> late,
    int lateTotal, List<Task> tasks) {

  /** Dossiers received and resolved (tiếp nhận, giải quyết) in the period. */
  public record Counts(long received, long receivedOnline, long resolved, long early, long onTime, long late,
      long inProgress, long overdue, long lateWithApology, long lateWithExplanation) {}

  /** One plan indicator against its target (chỉ tiêu): {@code met} null without data or target. */
  public record Target(String name, BigDecimal value, BigDecimal target, String unit, Boolean met, BigDecimal numerator,
      long denominator) {}

  /**
   * A line of a score table: an indicator of the Circular 01/2018 evaluation or a group of the
   * Decision 766 index ({@code article} the legal basis; {@code dossiers} the dossiers it was computed over).
   */
  public record Score(String name, String article, BigDecimal score, BigDecimal max, Long dossiers, String note) {}

  /** A late dossier (hồ sơ trễ hạn) with its apology (form 04) and explanation (báo cáo giải trình). */
  public record LateDossier(String code, String procedure, String agency, Instant receivedAt, Instant dueAt,
      Instant finishedAt, Instant apologyAt, String apologyReason, Instant explanationAt, String explanation) {}

  /** A task of the plan's appendix and where its lead agencies stand. */
  public record Task(String id, String content, String lead, String deadline, String product, String status,
      String indicator) {}
}
