package vn.onestop.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One KPI for one group: its value (percent to two decimals, or working days), the counts it is the
 * ratio of, and the plan's target. {@code value} is {@code null} when the denominator is zero.
 *
 * @param status MET, NOT_MET, NO_DATA (nothing to measure) or NO_TARGET (the plan sets none)
 */
public record KpiValue(Kpi kpi, String name, BigDecimal value, BigDecimal numerator, long denominator,
    Kpi.Unit unit, BigDecimal target, Kpi.Direction direction, String status) {

  static KpiValue of(Kpi kpi, BigDecimal numerator, long denominator, BigDecimal target) {
    BigDecimal value = null;
    if (denominator > 0) {
      value = kpi.unit() == Kpi.Unit.PERCENT
          ? numerator.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP)
          : numerator.divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }
    String status;
    if (value == null) {
      status = "NO_DATA";
    } else if (target == null) {
      status = "NO_TARGET";
    } else {
      int c = value.compareTo(target);
      status = (kpi.direction() == Kpi.Direction.AT_LEAST ? c >= 0 : c <= 0) ? "MET" : "NOT_MET";
    }
    return new KpiValue(kpi, kpi.nameVi(), value, numerator, denominator, kpi.unit(), target, kpi.direction(), status);
  }
}
