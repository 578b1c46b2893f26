package vn.onestop.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compliance-cost arithmetic against a published worked example and a hand-computed split. */
class ComplianceCostTest {

  static final String HANOI_STUDY = "Ví dụ đã công bố (nghiên cứu của Hà Nội), ../shared/LAW-2025.md §4";

  /**
   * The published example gives only the cost per dossier before and after (its split into hours,
   * fees and other costs is not known here), so it enters as one money line each; the test checks the
   * yearly cost over 3,228 compliance subjects and the 77.44 % saving to the đồng.
   */
  @Test
  void reproducesThePublishedExample() {
    ComplianceCost.PerDossier before = ComplianceCost.perDossier(money("Chi phí tuân thủ trước đơn giản hóa", "1024000"));
    ComplianceCost.PerDossier after = ComplianceCost.perDossier(money("Chi phí tuân thủ sau đơn giản hóa", "231000"));

    ComplianceCost.Comparison c = ComplianceCost.compare(before, after, 3228);

    assertThat(c.before().total()).isEqualByComparingTo("1024000");
    assertThat(c.after().total()).isEqualByComparingTo("231000");
    assertThat(c.savingPerDossier()).isEqualByComparingTo("793000");
    assertThat(c.yearlyBefore()).isEqualByComparingTo("3305472000");
    assertThat(c.yearlyAfter()).isEqualByComparingTo("745668000");
    assertThat(c.savingPerYear()).isEqualByComparingTo("2559804000");
    assertThat(c.savingPercent()).isEqualByComparingTo("77.44");
  }

  /** 3.5 h × 30,682 đ = 107,387 đ; + fee 100,000; + travel 40,000 + two copies 4,000 = 251,387 đ. */
  @Test
  void splitsTimeFeesAndOtherCosts() {
    ComplianceCost.Inputs in = new ComplianceCost.Inputs(
        List.of(new ComplianceCost.TimeLine("Chuẩn bị hồ sơ", new BigDecimal("1.5"), "giả định"),
            new ComplianceCost.TimeLine("Đi lại, chờ đợi", new BigDecimal("2"), "giả định")),
        new BigDecimal("30682"), "thu nhập bình quân",
        List.of(new ComplianceCost.MoneyLine("Lệ phí", new BigDecimal("100000"), "danh mục")),
        List.of(new ComplianceCost.MoneyLine("Đi lại", new BigDecimal("40000"), "giả định"),
            new ComplianceCost.MoneyLine("Sao chụp", new BigDecimal("4000"), "giả định")));

    ComplianceCost.PerDossier p = ComplianceCost.perDossier(in);

    assertThat(p.hours()).isEqualByComparingTo("3.5");
    assertThat(p.timeCost()).isEqualByComparingTo("107387");   // 46,023 + 61,364
    assertThat(p.fees()).isEqualByComparingTo("100000");
    assertThat(p.other()).isEqualByComparingTo("44000");
    assertThat(p.total()).isEqualByComparingTo("251387");
  }

  @Test
  void noSavingPercentWhenNothingWasPaid() {
    ComplianceCost.PerDossier zero = ComplianceCost.perDossier(money("Không chi phí", "0"));
    assertThat(ComplianceCost.compare(zero, zero, 10).savingPercent()).isNull();
    assertThatThrownBy(() -> ComplianceCost.compare(zero, zero, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyParameterNamesItsSource() {
    CostParameters parameters = new CostParameters("classpath:review/cost-parameters.yaml");
    assertThat(parameters.hourlyIncome(2026).source()).isNotBlank();
    assertThat(parameters.hourlyIncome(2026).value()).isPositive();
    assertThat(parameters.assumptions().values()).allSatisfy(f -> assertThat(f.source()).isNotBlank());
    assertThat(parameters.methodVerified()).as("the official method was not retrieved").isFalse();
  }

  private static ComplianceCost.Inputs money(String item, String vnd) {
    return new ComplianceCost.Inputs(List.of(), BigDecimal.ZERO, HANOI_STUDY, List.of(),
        List.of(new ComplianceCost.MoneyLine(item, new BigDecimal(vnd), HANOI_STUDY)));
  }
}
