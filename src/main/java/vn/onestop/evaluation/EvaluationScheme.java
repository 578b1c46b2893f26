package vn.onestop.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scheme for scoring the handling of administrative procedures (bộ chỉ số đánh giá việc giải quyết
 * TTHC), e.g. Circular 01/2018/TT-VPCP Arts. 13–15: its indicators, thresholds, agency grades and
 * staff bands, all read from {@code evaluation/schemes.yaml}.
 *
 * @param desk      Art. 13.5a: share (%) of the catalogue handled at the one-stop department, per level
 * @param feedbackOnTimeShare Art. 13.8b: share (%) of feedback answered on time for 1 point
 * @param onlineProcedureShare Art. 13.9a: share (%) of procedures offered online for 2 points
 */
public record EvaluationScheme(String id, String name, int decimals, List<Indicator> indicators,
    Map<String, BigDecimal> desk, BigDecimal feedbackOnTimeShare, BigDecimal onlineProcedureShare,
    List<Band> agencyGrades, List<Band> staffBands) {

  /** Where an indicator is scored (Art. 14.1–14.2). */
  public enum Scope {
    /** Chấm theo từng hồ sơ. */
    DOSSIER,
    /** Chấm cho Bộ phận Một cửa và cơ quan có thẩm quyền. */
    UNIT,
    /** Both (indicator 6 in Art. 14.1 and 14.2). */
    BOTH
  }

  /** One indicator (chỉ số). {@code staff}: counts in the staff evaluation (Art. 15.1a). */
  public record Indicator(int no, Scope scope, boolean staff, String article, String name, boolean verified, String note) {

    public boolean perDossier() {
      return scope != Scope.UNIT;
    }
  }

  /** A grade or band: the lowest total that reaches it (bands sorted from the highest). */
  public record Band(String code, String name, BigDecimal min) {}

  public EvaluationScheme {
    indicators = List.copyOf(indicators);
    agencyGrades = List.copyOf(agencyGrades);
    staffBands = List.copyOf(staffBands);
  }

  public Optional<Indicator> indicator(int no) {
    return indicators.stream().filter(i -> i.no() == no).findFirst();
  }

  /** The grade of an agency's total (Art. 15.3b). */
  public Band agencyGrade(BigDecimal total) {
    return band(agencyGrades, total);
  }

  /** The band of a staff member's total (Art. 15.3a). */
  public Band staffBand(BigDecimal total) {
    return band(staffBands, total);
  }

  private static Band band(List<Band> bands, BigDecimal total) {
    return bands.stream().filter(b -> total.compareTo(b.min()) >= 0).findFirst()
        .orElse(bands.get(bands.size() - 1));
  }
}
