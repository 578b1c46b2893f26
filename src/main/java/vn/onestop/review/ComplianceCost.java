package vn.onestop.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The compliance cost of a procedure (chi phí tuân thủ TTHC) for one dossier and for a year, and the
 * saving of a proposal — the arithmetic of the review forms (Circular 07/2014/TT-BTP; earlier guidance
 * Công văn 28/CCTTHC of 2010).
 *
 * <p>What is known (../shared/LAW-2025.md §4): yearly cost = cost per dossier × compliance subjects a
 * year (số lượng đối tượng tuân thủ); saving % = (before − after) ÷ before. How the cost per dossier is
 * made up — the applicant's hours × the year's hourly income, plus fees and charges (phí, lệ phí), plus
 * other costs (copies, certification, travel) — is the usual method but <b>was not confirmed against the
 * official forms</b>; the inputs are therefore plain lines each naming its source, and
 * {@link CostParameters} holds the figures with theirs. Amounts are VND rounded to the đồng (half up)
 * once per line; the percentage to two decimals.
 */
public final class ComplianceCost {

  private ComplianceCost() {}

  /** Time the applicant spends on one step (chuẩn bị hồ sơ, đi lại, chờ đợi…), in hours. */
  public record TimeLine(String item, BigDecimal hours, String source) {}

  /** A cost in money per dossier (phí, lệ phí, sao chụp, chứng thực, đi lại…), in VND. */
  public record MoneyLine(String item, BigDecimal vnd, String source) {}

  /**
   * The inputs for one dossier of one procedure version.
   *
   * @param hourlyIncome VND per hour of the applicant's time (thu nhập bình quân một giờ), with its source
   */
  public record Inputs(List<TimeLine> time, BigDecimal hourlyIncome, String hourlyIncomeSource,
      List<MoneyLine> fees, List<MoneyLine> other) {

    public Inputs {
      time = List.copyOf(time);
      fees = List.copyOf(fees);
      other = List.copyOf(other);
    }
  }

  /** The cost of one dossier, split as the form asks. */
  public record PerDossier(BigDecimal hours, BigDecimal timeCost, BigDecimal fees, BigDecimal other, BigDecimal total,
      Inputs inputs) {}

  /**
   * Before and after a proposal, over a year.
   *
   * @param dossiersPerYear compliance subjects a year (from the register, last 12 months)
   * @param savingPercent   (before − after) ÷ before × 100, two decimals; {@code null} when before is 0
   */
  public record Comparison(PerDossier before, PerDossier after, long dossiersPerYear, BigDecimal yearlyBefore,
      BigDecimal yearlyAfter, BigDecimal savingPerDossier, BigDecimal savingPerYear, BigDecimal savingPercent) {}

  /** Cost of one dossier: Σ hours × hourly income + Σ fees + Σ other costs, each line to the đồng. */
  public static PerDossier perDossier(Inputs in) {
    BigDecimal hours = in.time().stream().map(TimeLine::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal timeCost = in.time().stream()
        .map(t -> dong(t.hours().multiply(in.hourlyIncome())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal fees = in.fees().stream().map(m -> dong(m.vnd())).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal other = in.other().stream().map(m -> dong(m.vnd())).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new PerDossier(hours, timeCost, fees, other, timeCost.add(fees).add(other), in);
  }

  /** Yearly costs and the saving of {@code after} against {@code before}. */
  public static Comparison compare(PerDossier before, PerDossier after, long dossiersPerYear) {
    if (dossiersPerYear < 0) {
      throw new IllegalArgumentException("dossiers per year must be ≥ 0, got " + dossiersPerYear);
    }
    BigDecimal n = BigDecimal.valueOf(dossiersPerYear);
    BigDecimal yearlyBefore = before.total().multiply(n);
    BigDecimal yearlyAfter = after.total().multiply(n);
    BigDecimal saving = before.total().subtract(after.total());
    BigDecimal percent = before.total().signum() == 0 ? null
        : saving.multiply(BigDecimal.valueOf(100)).divide(before.total(), 2, RoundingMode.HALF_UP);
    return new Comparison(before, after, dossiersPerYear, yearlyBefore, yearlyAfter, saving,
        yearlyBefore.subtract(yearlyAfter), percent);
  }

  static BigDecimal dong(BigDecimal vnd) {
    return vnd.setScale(0, RoundingMode.HALF_UP);
  }
}
