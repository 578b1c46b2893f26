package vn.onestop.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The Decision 766/QĐ-TTg index of a unit for a period (chỉ số chất lượng phục vụ): the groups with
 * their components. {@code maxWithData}: the points of the components that had data — a component
 * without data is left out rather than scored 0.
 */
public record Index766(String agency, String agencyName, String period, String asOf, String source, BigDecimal total,
    BigDecimal maxWithData, List<Group> groups) {

  /** A group's score. */
  public record Group(String id, String name, BigDecimal max, BigDecimal score, BigDecimal maxWithData,
      List<Component> components) {}

  /**
   * A component: rate = numerator ÷ denominator (%); score = max at or above the threshold, else
   * rate × max ÷ threshold; {@code null} rate and score without data. {@code failing}: how many
   * dossiers of the cohort pull it down (listed by {@code GET /api/index-766/dossiers}).
   */
  public record Component(String id, String name, long numerator, long denominator, BigDecimal rate, BigDecimal threshold,
      BigDecimal max, BigDecimal score, Long failing, boolean verified) {}
}
