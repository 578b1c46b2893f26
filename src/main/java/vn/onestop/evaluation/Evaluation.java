package vn.onestop.evaluation;

import java.util.List;

/**
 * The evaluation of a unit for a period (kết quả chấm điểm đánh giá, Circular 01/2018 Art. 15): one
 * part per scheme that scored dossiers of the period (usually one; two when the period spans a change
 * of decree), each with the nine indicators, the total, the grade and the staff scores.
 *
 * @param agency     the agency evaluated, {@code null} for the whole register
 * @param dossiers   dossiers resolved in the period within the agency's subtree
 */
public record Evaluation(String agency, String agencyName, String period, String from, String to, int dossiers,
    List<Part> parts) {

  /** The figures of one scheme; {@code ruleSets} are the rule sets whose dossiers it scored. */
  public record Part(String scheme, String schemeName, List<String> ruleSets, int dossiers, List<IndicatorScore> indicators,
      java.math.BigDecimal total, EvaluationScheme.Band grade, List<UnitScoring.StaffResult> staff) {}
}
