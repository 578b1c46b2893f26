package vn.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The real 2025 reform as data ({@code catalog/reforms/2025-07-01-hai-cap.yaml}): both worlds with dates,
 * successors by area and by procedure, procedures that moved, and reception regardless of boundary.
 */
class ReformCatalogTest {

  static final LocalDate JUNE_30 = LocalDate.of(2025, 6, 30);
  static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);

  final CatalogFiles files = CatalogFiles.load("catalog/");
  final Organisation organisation = new Organisation(files);

  ProcedureCatalog catalogOn(LocalDate day) {
    return new ProcedureCatalog(files, organisation, Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  }

  @Test
  void everyPreReformAgencyEndsOnJune30WithASuccessor() {
    for (Agency a : organisation.all()) {
      if (a.validFrom() == null) {
        assertThat(a.validTo()).as(a.id()).isEqualTo(JUNE_30);
        assertThat(a.allSuccessorIds()).as(a.id()).isNotEmpty();
        assertThat(organisation.successorOn(a.id(), JULY_1).activeOn(JULY_1)).as(a.id()).isTrue();
      } else {
        assertThat(a.validFrom()).as(a.id()).isEqualTo(JULY_1);
      }
    }
    assertThat(organisation.activeOn(JUNE_30)).extracting(Agency::id).contains("dak-nong", "dakrlap", "kien-duc")
        .doesNotContain("lam-dong", "xa-kien-duc");
    assertThat(organisation.activeOn(JULY_1)).extracting(Agency::id).contains("lam-dong", "lam-dong-hcc", "xa-kien-duc-hcc")
        .doesNotContain("dak-nong", "dakrlap");
  }

  /** Resolution 1671/NQ-UBTVQH15 (as far as known): the old communes map onto the new ones. */
  @Test
  void oldCommunesGoToTheNewCommuneFormedFromThem() {
    assertThat(organisation.successorOn("dao-nghia", JULY_1).id()).isEqualTo("xa-kien-duc");
    assertThat(organisation.successorOn("dak-wer", JULY_1).id()).isEqualTo("xa-nhan-co");
    assertThat(organisation.successorOn("hung-binh-cong-an", JULY_1).id()).isEqualTo("xa-quang-tin-cong-an");
    assertThat(organisation.get("xa-nhan-co").verified()).isFalse();
  }

  @Test
  void theDistrictsWorkGoesByTerritoryOrByProcedure() {
    assertThat(organisation.successorFor("dakrlap-ktht", JULY_1, "nghia-thang", "1.013225").id()).isEqualTo("xa-kien-duc-kinh-te");
    assertThat(organisation.successorFor("dakrlap-mot-cua", JULY_1, "dak-ru", "1.013225").id()).isEqualTo("xa-quang-tin-hcc");
    assertThat(organisation.successorFor("dakrlap-mot-cua", JULY_1, "dak-ru", "DNO.DD.01").id()).isEqualTo("lam-dong-hcc");
    assertThat(organisation.successorFor("dakrlap-ktht", JULY_1, null, "1.013225").id()).isEqualTo("lam-dong-sxd");
    assertThat(organisation.successorFor("dakrlap-ktht", JUNE_30, "nghia-thang", "1.013225").id()).isEqualTo("dakrlap-ktht");
  }

  @Test
  void theConstructionPermitMovedToTheCommuneAndIsHandledWhereTheBuildingIs() {
    Procedure before = catalogOn(JUNE_30).get("1.013225");
    Procedure after = catalogOn(JULY_1).get("1.013225");
    assertThat(before.level()).isEqualTo(AgencyLevel.DISTRICT);
    assertThat(before.effectiveTo()).isEqualTo(JUNE_30);
    assertThat(after.level()).isEqualTo(AgencyLevel.COMMUNE);
    ProcedureCatalog catalog = catalogOn(JULY_1);
    // received at Kiến Đức's centre for a house in the former Đắk Ru (now Quảng Tín): handled by Quảng Tín
    assertThat(catalog.legsFor(after, "xa-kien-duc-hcc", "xa-quang-tin")).singleElement()
        .extracting(ResolvedLeg::agencyId).isEqualTo("xa-quang-tin-kinh-te");
    assertThat(catalog.legsFor(after, "xa-nhan-co-hcc")).singleElement()
        .extracting(ResolvedLeg::agencyId).isEqualTo("xa-nhan-co-kinh-te");
  }

  @Test
  void onlyDesignatedVersionsAreReceivedAnywhereInTheProvince() {
    ProcedureCatalog catalog = catalogOn(JULY_1);
    Agency kienDuc = organisation.get("xa-kien-duc-hcc");
    assertThat(catalog.receives(catalog.get("1.013225"), kienDuc, "xa-quang-tin")).isTrue();
    assertThat(catalog.receives(catalog.get("1.001612"), kienDuc, "xa-quang-tin")).isFalse();
    assertThat(catalog.receives(catalog.get("1.001612"), kienDuc, null)).isTrue();
    assertThat(catalog.get("1.001193").receivedBy().anywhereInProvince()).isFalse();
    assertThat(catalog.legsFor(catalog.get("1.001193"), "xa-quang-tin-hcc")).singleElement()
        .extracting(ResolvedLeg::agencyId).isEqualTo("xa-quang-tin");
  }

  @Test
  void withoutReformsTheFilesAreThePreReformOrganisation() {
    CatalogFiles before = CatalogFiles.load(new CatalogProperties("catalog/", null, null, false));
    assertThat(before.agencies()).extracting(Agency::id).doesNotContain("lam-dong");
    assertThat(before.agencies()).allMatch(a -> a.validTo() == null);
  }
}
