package vn.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogFilesTest {

  @Test
  void seedDataLoadsAndPassesValidation() {
    CatalogFiles files = CatalogFiles.load("catalog/");

    assertThat(files.agencies()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(files.procedures()).hasSizeGreaterThanOrEqualTo(15);
    assertThat(files.procedures().stream().filter(Procedure::interlinked)).hasSizeGreaterThanOrEqualTo(3);
    assertThat(files.procedures().stream().map(Procedure::level).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(AgencyLevel.class));
    assertThat(files.procedures().stream().map(Procedure::arrangement).collect(Collectors.toSet()))
        .contains(LegArrangement.SEQUENTIAL, LegArrangement.PARALLEL);
    assertThat(files.procedures()).allSatisfy(p -> assertThat(p.budgetedDays()).isLessThanOrEqualTo(p.resolutionDays()));
  }

  @Test
  void seedNamesTheDistrictOfficesOfThePlan() {
    CatalogFiles files = CatalogFiles.load("catalog/");
    assertThat(files.agencies()).extracting(Agency::name).contains(
        "Văn phòng HĐND và UBND huyện Đắk R'lấp",
        "Phòng Tư pháp huyện Đắk R'lấp",
        "Phòng Tài nguyên và Môi trường huyện Đắk R'lấp",
        "Chi nhánh Văn phòng Đăng ký đất đai huyện Đắk R'lấp",
        "Chi cục Thuế khu vực Đắk R'lấp – Tuy Đức",
        "Phòng Văn hóa và Thông tin huyện Đắk R'lấp",
        "Phòng Tài chính - Kế hoạch huyện Đắk R'lấp",
        "Phòng Kinh tế - Hạ tầng huyện Đắk R'lấp",
        "Bộ phận Một cửa huyện Đắk R'lấp",
        "Ủy ban nhân dân thị trấn Kiến Đức");
  }

  @Test
  void documentsGetConfiguredDefaults() {
    CatalogFiles files = CatalogFiles.load(new CatalogProperties("catalog", java.util.List.of("application/pdf"), null));
    Procedure birth = files.procedures().stream().filter(p -> p.code().equals("1.001193")).findFirst().orElseThrow();
    assertThat(birth.documents()).allSatisfy(d -> {
      assertThat(d.contentTypes()).containsExactly("application/pdf");
      assertThat(d.maxSizeBytes()).isEqualTo(10L * 1024 * 1024);
    });
    Procedure permit = files.procedures().stream().filter(p -> p.code().equals("1.013225")).findFirst().orElseThrow();
    assertThat(permit.documents()).filteredOn(d -> d.id().equals("ban-ve"))
        .singleElement().satisfies(d -> assertThat(d.maxSizeBytes()).isEqualTo(20L * 1024 * 1024));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown-parent      | organisation.yaml  | xa-a       | unknown parent 'huyen-khong-co'",
      "duplicate-id        | organisation.yaml  | xa-a       | duplicate agency id",
      "duplicate-code      | organisation.yaml  | xa-a       | duplicate agency code 000.00.01.H99",
      "unknown-one-stop    | organisation.yaml  | xa-a       | unknown one-stop department 'mot-cua-ma'",
      "bad-level           | organisation.yaml  | xa-a       | bad level 'HAMLET'",
      "unknown-leg-agency  | procedures/test.yaml | 1.000001@1 | unknown agency 'phong-ma'",
      "duplicate-procedure | procedures/test.yaml | 1.000001@1 | duplicate procedure code and version",
      "budgets-exceed      | procedures/test.yaml | 1.000001@1 | budgets add up to 3.5",
      "unknown-field       | procedures/test.yaml | 1.000001@1 | unknown field 'Thiên văn'",
      "steps-mismatch      | procedures/test.yaml | 1.000001@1 | steps add up to 1.5 but the leg has 2 days",
      "cross-level-wrong   | procedures/test.yaml | 1.000001@1 | crossLevel is false but the leg runs at DISTRICT",
      "overlapping-versions | procedures/test.yaml | 1.000001@2 | effective period overlaps version 1",
  })
  void badFilesStopLoadingNamingFileAndEntry(String dir, String file, String entry, String problem) {
    assertThatThrownBy(() -> CatalogFiles.load("catalog-bad/" + dir + "/"))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(file)
        .hasMessageContaining(entry)
        .hasMessageContaining(problem)
        .satisfies(e -> {
          assertThat(((CatalogException) e).file()).isEqualTo(file);
          assertThat(((CatalogException) e).entry()).isEqualTo(entry);
        });
  }

  @Test
  void missingLocationIsReported() {
    assertThatThrownBy(() -> CatalogFiles.load("catalog-nowhere/"))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("organisation.yaml")
        .hasMessageContaining("not found");
  }

  @Test
  void parallelLegsAreBudgetedByTheLongestLeg() {
    CatalogFiles files = CatalogFiles.load("catalog-parallel/");
    Procedure p = files.procedures().get(0);
    assertThat(p.arrangement()).isEqualTo(LegArrangement.PARALLEL);
    // 0.5 reception + max(2, 2) + 0.5 return = 3; sequentially it would be 5 and fail
    assertThat(p.budgetedDays()).isEqualByComparingTo("3");
    assertThat(p.resolutionDays()).isEqualByComparingTo(BigDecimal.valueOf(3));
  }

  @Test
  void theReformIsExpressibleInDataOnly() {
    CatalogFiles files = CatalogFiles.load("catalog-reform/");
    Agency district = files.agencies().stream().filter(a -> a.id().equals("dakrlap")).findFirst().orElseThrow();
    assertThat(district.validTo()).hasToString("2025-06-30");
    assertThat(district.successorId()).isEqualTo("nhan-co-2025");
    assertThat(files.procedures()).extracting(Procedure::version).containsExactlyInAnyOrder("2021.1", "2025.1");
  }
}
