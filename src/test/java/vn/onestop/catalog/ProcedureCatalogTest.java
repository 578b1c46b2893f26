package vn.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProcedureCatalogTest {

  private static final CatalogFiles SEED = CatalogFiles.load("catalog/");
  private final Organisation organisation = new Organisation(SEED);
  private final ProcedureCatalog catalog = new ProcedureCatalog(SEED, organisation,
      Clock.fixed(LocalDate.of(2025, 3, 10).atStartOfDay().toInstant(ZoneOffset.UTC), ProcedureCatalog.VIETNAM));

  @Test
  void getAndFind() {
    assertThat(catalog.get("1.001193").name()).isEqualTo("Đăng ký khai sinh");
    assertThat(catalog.get("1.001193").resolutionDays()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(catalog.find("9.999999")).isEmpty();
    assertThatThrownBy(() -> catalog.get("9.999999"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9.999999");
    assertThat(catalog.find("1.001193", "2024.1")).isPresent();
    assertThat(catalog.find("1.001193", "1999.1")).isEmpty();
  }

  @Test
  void communeProcedureIsHandledByWhicheverCommuneReceivedIt() {
    Procedure birthGroup = catalog.get("3.000722");

    assertThat(catalog.legsFor(birthGroup, "nhan-co"))
        .extracting(ResolvedLeg::order, ResolvedLeg::agencyId, ResolvedLeg::crossLevel)
        .containsExactly(tuple(1, "nhan-co", false), tuple(2, "nhan-co-cong-an", false), tuple(3, "dakrlap-bhxh", true));
    assertThat(catalog.legsFor(birthGroup, "dak-sin"))
        .extracting(ResolvedLeg::order, ResolvedLeg::agencyId, ResolvedLeg::crossLevel)
        .containsExactly(tuple(1, "dak-sin", false), tuple(2, "dak-sin-cong-an", false), tuple(3, "dakrlap-bhxh", true));

    Procedure birth = catalog.get("1.001193");
    assertThat(catalog.legsFor(birth, "kien-duc")).singleElement()
        .satisfies(l -> {
          assertThat(l.agencyId()).isEqualTo("kien-duc");
          assertThat(l.workingDays()).isEqualByComparingTo("0");
        });
  }

  @Test
  void crossLevelCommuneToDistrict() {
    Procedure firstCertificate = catalog.get("DNO.DD.02");
    assertThat(catalog.legsFor(firstCertificate, "quang-tin"))
        .extracting(ResolvedLeg::agencyId, ResolvedLeg::crossLevel)
        .containsExactly(tuple("quang-tin", false), tuple("dakrlap-cn-vpdkdd", true), tuple("dakrlap-tnmt", true),
            tuple("dakrlap", true));
  }

  @Test
  void landTransferIsSequentialThroughTax() {
    Procedure transfer = catalog.get("DNO.DD.01");
    assertThat(transfer.interlinked()).isTrue();
    assertThat(transfer.arrangement()).isEqualTo(LegArrangement.SEQUENTIAL);
    assertThat(catalog.legsFor(transfer, "dakrlap-mot-cua")).extracting(ResolvedLeg::agencyId)
        .containsExactly("dakrlap-cn-vpdkdd", "dakrlap-chi-cuc-thue", "dakrlap-cn-vpdkdd");
    assertThat(transfer.budgetedDays()).isEqualByComparingTo(transfer.resolutionDays());
  }

  @Test
  void buildingPermitBudgets() {
    Procedure permit = catalog.get("1.013225");
    assertThat(permit.resolutionDays()).isEqualByComparingTo("15");
    assertThat(permit.oneStopBudgets().reception()).isEqualByComparingTo("1");
    assertThat(permit.oneStopBudgets().returnToOneStop()).isEqualByComparingTo("1");
    assertThat(catalog.legsFor(permit, "dakrlap-mot-cua")).singleElement()
        .satisfies(l -> {
          assertThat(l.agencyId()).isEqualTo("dakrlap-ktht");
          assertThat(l.workingDays()).isEqualByComparingTo("13");
          assertThat(l.steps().total()).isEqualByComparingTo("13");
        });
  }

  @Test
  void legsForRefusesAnAgencyThatDoesNotReceiveTheProcedure() {
    assertThatThrownBy(() -> catalog.legsFor(catalog.get("1.001193"), "dakrlap-tckh"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.001193").hasMessageContaining("dakrlap-tckh");
  }

  @Test
  void searchByLevelFieldAgencyAndText() {
    assertThat(catalog.search(new ProcedureFilter(AgencyLevel.PROVINCE, null, null, null, null)))
        .extracting(Procedure::code).containsExactlyInAnyOrder("DNO.DT.01", "DNO.DN.01");
    assertThat(catalog.search(new ProcedureFilter(null, "Chứng thực", null, null, null))).hasSize(4);
    assertThat(catalog.search(new ProcedureFilter(null, "chung thuc", null, null, null))).hasSize(4);
    // received by the commune, or handled by it as the receiving agency
    assertThat(catalog.search(new ProcedureFilter(null, null, "nhan-co", null, null)))
        .extracting(Procedure::code).contains("1.001193", "3.000722", "DNO.DD.02").doesNotContain("1.013225");
    // handled by the district social insurance inside an interlinked procedure, and received by it
    assertThat(catalog.search(new ProcedureFilter(null, null, "dakrlap-bhxh", null, null)))
        .extracting(Procedure::code).containsExactlyInAnyOrder("3.000722", "2.002913", "DNO.BH.01");
    assertThat(catalog.search(new ProcedureFilter(null, null, "dakrlap-chi-cuc-thue", null, null)))
        .extracting(Procedure::code).containsExactly("DNO.DD.01");
  }

  @Test
  void textSearchIgnoresCaseAndDiacritics() {
    assertThat(catalog.search(new ProcedureFilter(null, null, null, "khai sinh", null)))
        .extracting(Procedure::code).containsExactlyInAnyOrder("1.001193", "3.000722");
    assertThat(catalog.search(new ProcedureFilter(null, null, null, "KHAI SINH", null)))
        .extracting(Procedure::code).containsExactlyInAnyOrder("1.001193", "3.000722");
    assertThat(catalog.search(new ProcedureFilter(null, null, null, "dang ky ket hon", null)))
        .extracting(Procedure::code).containsExactly("1.000894");
    assertThat(catalog.search(new ProcedureFilter(null, null, null, "giay phep xay dung", null)))
        .extracting(Procedure::code).containsExactly("1.013225");
    assertThat(catalog.search(new ProcedureFilter(null, null, null, "đất đai", null))).hasSize(2);
    assertThat(catalog.search(new ProcedureFilter(null, null, null, "1.004222", null)))
        .extracting(Procedure::code).containsExactly("1.004222");
  }

  @Test
  void versionsAcrossTheReform() {
    CatalogFiles reform = CatalogFiles.load("catalog-reform/");
    ProcedureCatalog reformed = new ProcedureCatalog(reform, new Organisation(reform));

    assertThat(reformed.current("1.001612", LocalDate.of(2025, 6, 30))).get()
        .extracting(Procedure::version, Procedure::level).containsExactly("2021.1", AgencyLevel.DISTRICT);
    assertThat(reformed.current("1.001612", LocalDate.of(2025, 7, 1))).get()
        .extracting(Procedure::version, Procedure::level).containsExactly("2025.1", AgencyLevel.COMMUNE);
    // a dossier received in June 2025 keeps its version
    Procedure old = reformed.find("1.001612", "2021.1").orElseThrow();
    assertThat(reformed.legsFor(old, "dakrlap")).extracting(ResolvedLeg::agencyId).containsExactly("dakrlap");
    Procedure now = reformed.find("1.001612", "2025.1").orElseThrow();
    assertThat(reformed.legsFor(now, "nhan-co-2025")).extracting(ResolvedLeg::agencyId).containsExactly("nhan-co-2025");
  }
}
