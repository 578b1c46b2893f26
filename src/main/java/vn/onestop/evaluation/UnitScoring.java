package vn.onestop.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Totals and grades (Circular 01/2018/TT-VPCP Art. 15): each per-dossier indicator is averaged over
 * the dossiers (one decimal), the unit-level ones are scored from {@link UnitFacts}, the total is the
 * sum of the indicators with data, and the scheme's bands give the grade. Pure; the facts come from
 * {@link EvaluationFacts}.
 */
public final class UnitScoring {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private UnitScoring() {}

  /** A unit's evaluation: the nine indicators, the total and the grade (xếp loại). */
  public record UnitResult(List<IndicatorScore> indicators, BigDecimal total, EvaluationScheme.Band grade) {}

  /** A staff member's evaluation: indicators 1, 2, 3, 4 and 7 over the dossiers he worked on (max 10). */
  public record StaffResult(String userId, int dossiers, List<IndicatorScore> indicators, BigDecimal total,
      EvaluationScheme.Band band) {}

  public static UnitResult unit(EvaluationScheme scheme, Collection<EvaluatedDossier> dossiers, UnitFacts unit) {
    List<IndicatorScore> scores = new ArrayList<>();
    for (EvaluationScheme.Indicator indicator : scheme.indicators()) {
      scores.add(indicator.perDossier() ? perDossier(scheme, indicator, dossiers, unit.postedAtDesk())
          : perUnit(scheme, indicator, unit));
    }
    BigDecimal total = total(scores);
    return new UnitResult(scores, total, scheme.agencyGrade(total));
  }

  public static StaffResult staff(EvaluationScheme scheme, String userId, Collection<EvaluatedDossier> dossiers) {
    List<IndicatorScore> scores = scheme.indicators().stream().filter(EvaluationScheme.Indicator::staff)
        .map(i -> perDossier(scheme, i, dossiers, false)).toList();
    BigDecimal total = total(scores);
    return new StaffResult(userId, dossiers.size(), scores, total, scheme.staffBand(total));
  }

  /** The points of one dossier on a per-dossier indicator, empty without data. */
  public static OptionalInt points(int indicator, EvaluatedDossier d, boolean postedAtDesk) {
    return switch (indicator) {
      case 1 -> DossierScoring.totalTime(d);
      case 2 -> DossierScoring.agencyTimes(d);
      case 3 -> OptionalInt.of(DossierScoring.contactsToComplete(d));
      case 4 -> OptionalInt.of(DossierScoring.agenciesContacted(d));
      case 6 -> OptionalInt.of(DossierScoring.disclosure(postedAtDesk));
      case 7 -> DossierScoring.attitude(d);
      default -> throw new IllegalArgumentException("Indicator " + indicator + " is not scored per dossier");
    };
  }

  private static IndicatorScore perDossier(EvaluationScheme scheme, EvaluationScheme.Indicator indicator,
      Collection<EvaluatedDossier> dossiers, boolean postedAtDesk) {
    List<Integer> points = dossiers.stream().map(d -> points(indicator.no(), d, postedAtDesk))
        .filter(OptionalInt::isPresent).map(OptionalInt::getAsInt).toList();
    Map<Integer, Long> byPoints = points.stream()
        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    BigDecimal score = points.isEmpty() ? null
        : BigDecimal.valueOf(points.stream().mapToInt(Integer::intValue).sum())
            .divide(BigDecimal.valueOf(points.size()), scheme.decimals(), RoundingMode.HALF_UP);
    return new IndicatorScore(indicator.no(), indicator.name(), indicator.article(), score, points.size(), byPoints,
        "Trung bình điểm của " + points.size() + " hồ sơ đã giải quyết trong kỳ", indicator.verified());
  }

  private static IndicatorScore perUnit(EvaluationScheme scheme, EvaluationScheme.Indicator indicator, UnitFacts u) {
    Integer points;
    String basis;
    switch (indicator.no()) {
      case 5 -> {
        BigDecimal threshold = scheme.desk().getOrDefault(u.level(), HUNDRED);
        points = u.proceduresReceived() == 0 ? null
            : share(u.proceduresHandledAtDesk(), u.proceduresReceived()).compareTo(threshold) >= 0 ? 2 : 1;
        basis = u.proceduresHandledAtDesk() + "/" + u.proceduresReceived() + " thủ tục được tiếp nhận, thẩm định, phê duyệt"
            + " tại đơn vị (ngưỡng " + threshold.stripTrailingZeros().toPlainString() + "%)";
      }
      case 8 -> {
        if (u.feedback() == 0) {
          points = 2;
        } else if (u.feedbackProlonged() > 0) {
          points = 0;
        } else if (u.feedbackOnTime() == u.feedback()) {
          points = 2;
        } else {
          points = share(u.feedbackOnTime(), u.feedback()).compareTo(scheme.feedbackOnTimeShare()) >= 0 ? 1 : 0;
        }
        basis = u.feedbackOnTime() + "/" + u.feedback() + " phản ánh, kiến nghị xử lý đúng hạn, " + u.feedbackProlonged()
            + " kéo dài";
      }
      case 9 -> {
        points = u.proceduresOffered() == 0 ? null
            : share(u.proceduresOnline(), u.proceduresOffered()).compareTo(scheme.onlineProcedureShare()) >= 0 ? 2
            : u.proceduresOnline() > 0 ? 1 : 0;
        basis = u.proceduresOnline() + "/" + u.proceduresOffered() + " thủ tục cung cấp dịch vụ công trực tuyến";
      }
      default -> throw new IllegalStateException("Indicator " + indicator.no() + " of scheme " + scheme.id()
          + " is marked UNIT but has no unit rule");
    }
    return new IndicatorScore(indicator.no(), indicator.name(), indicator.article(),
        points == null ? null : BigDecimal.valueOf(points).setScale(scheme.decimals()), null, Map.of(), basis,
        indicator.verified());
  }

  private static BigDecimal share(long part, long whole) {
    return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }

  private static BigDecimal total(List<IndicatorScore> scores) {
    return scores.stream().map(IndicatorScore::score).filter(java.util.Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
