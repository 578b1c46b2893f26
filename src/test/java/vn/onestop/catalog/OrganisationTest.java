package vn.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OrganisationTest {

  /** The organisation as it stood before the 2025 reform (the reforms/ files not applied): the shared test world. */
  private final Organisation organisation = new Organisation(CatalogFiles.load(new CatalogProperties("catalog/", null, null, false)));

  @Test
  void findAndGet() {
    assertThat(organisation.find("dakrlap-tu-phap")).get().extracting(Agency::name).isEqualTo("Phòng Tư pháp huyện Đắk R'lấp");
    assertThat(organisation.find("khong-co")).isEmpty();
    assertThatThrownBy(() -> organisation.get("khong-co"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'khong-co'");
  }

  @Test
  void childrenAndSubtree() {
    assertThat(organisation.children("dakrlap")).extracting(Agency::id)
        .contains("dakrlap-vp", "dakrlap-tu-phap", "kien-duc", "nhan-co")
        .doesNotContain("dakrlap-mot-cua", "dak-nong");
    assertThat(organisation.subtree("dakrlap"))
        .startsWith("dakrlap")
        .contains("dakrlap-mot-cua", "nhan-co", "dak-sin")
        .doesNotContain("dak-nong", "dakrlap-cn-vpdkdd", "nhan-co-cong-an");
    assertThat(organisation.subtree("dak-nong")).contains("dakrlap", "dakrlap-mot-cua", "dakrlap-cn-vpdkdd");
    assertThat(organisation.subtree("nhan-co")).containsExactly("nhan-co");
  }

  @Test
  void oneStopDepartments() {
    assertThat(organisation.oneStopFor("dakrlap-ktht").id()).isEqualTo("dakrlap-mot-cua");
    assertThat(organisation.oneStopFor("dakrlap").id()).isEqualTo("dakrlap-mot-cua");
    assertThat(organisation.oneStopFor("nhan-co").id()).isEqualTo("nhan-co");
    assertThat(organisation.oneStopFor("dak-nong-skhdt").id()).isEqualTo("dak-nong-hcc");
  }

  @Test
  void groupNamingRule() {
    Agency commune = organisation.get("nhan-co");
    assertThat(commune.clerksGroup()).isEqualTo("nhan-co-clerks");
    assertThat(commune.specialistsGroup()).isEqualTo("nhan-co-specialists");
    assertThat(commune.headsGroup()).isEqualTo("nhan-co-heads");
    assertThat(commune.supervisorsGroup()).isEqualTo("nhan-co-supervisors");

    assertThat(organisation.groups())
        .contains(new AgencyGroup("nhan-co-clerks", "Công chức tiếp nhận và trả kết quả – Ủy ban nhân dân xã Nhân Cơ", "nhan-co", AgencyRole.CLERKS))
        .contains(new AgencyGroup("dakrlap-ktht-heads", "Lãnh đạo – Phòng Kinh tế - Hạ tầng huyện Đắk R'lấp", "dakrlap-ktht", AgencyRole.HEADS))
        .extracting(AgencyGroup::id)
        .contains("dakrlap-mot-cua-clerks", "dakrlap-tckh-specialists", "dak-nong-hcc-clerks")
        .doesNotContain("dakrlap-tckh-clerks") // received by the district one-stop department, no desk of its own
        .doesNotHaveDuplicates();
    assertThat(organisation.groups()).allSatisfy(g -> assertThat(g.id()).isEqualTo(g.agencyId() + "-" + g.role().suffix()));
  }

  @Test
  void nearestOfKindLooksInTheAreaThenUp() {
    assertThat(organisation.nearestOfKind("commune-police", "nhan-co")).get().extracting(Agency::id).isEqualTo("nhan-co-cong-an");
    assertThat(organisation.nearestOfKind("commune-police", "dak-ru")).get().extracting(Agency::id).isEqualTo("dak-ru-cong-an");
    assertThat(organisation.nearestOfKind("justice-office", "nhan-co")).get().extracting(Agency::id).isEqualTo("dakrlap-tu-phap");
    assertThat(organisation.nearestOfKind("district-social-insurance", "kien-duc")).get().extracting(Agency::id).isEqualTo("dakrlap-bhxh");
    assertThat(organisation.nearestOfKind("no-such-kind", "nhan-co")).isEmpty();
  }

  @Test
  void reformSuccessorsAndValidity() {
    Organisation reformed = new Organisation(CatalogFiles.load("catalog-reform/"));
    LocalDate before = LocalDate.of(2025, 6, 30);
    LocalDate after = LocalDate.of(2025, 7, 1);

    assertThat(reformed.get("dakrlap").activeOn(before)).isTrue();
    assertThat(reformed.get("dakrlap").activeOn(after)).isFalse();
    assertThat(reformed.successorOn("dakrlap", before).id()).isEqualTo("dakrlap");
    assertThat(reformed.successorOn("dakrlap", after).id()).isEqualTo("nhan-co-2025");
    assertThat(reformed.successorOn("dak-nong", after).id()).isEqualTo("lam-dong");
    assertThat(reformed.activeOn(after)).extracting(Agency::id).containsExactlyInAnyOrder("lam-dong", "nhan-co-2025");
    // old codes stay resolvable for history and reports
    assertThat(reformed.find("dakrlap")).get().extracting(Agency::code).isEqualTo("000.00.30.H17");
  }

  @Test
  void afterTheReformTheSuccessorActsForTheAgenciesItTookOver() {
    Organisation reformed = new Organisation(CatalogFiles.load("catalog-reform/"));
    LocalDate before = LocalDate.of(2025, 6, 30);
    LocalDate after = LocalDate.of(2025, 7, 1);

    assertThat(reformed.predecessorsOn("nhan-co-2025", before)).isEmpty();
    assertThat(reformed.predecessorsOn("nhan-co-2025", after)).containsExactlyInAnyOrder("nhan-co", "dakrlap");
    assertThat(reformed.predecessorsOn("lam-dong", after)).containsExactly("dak-nong");
    assertThat(reformed.predecessorsOn("nhan-co", after)).as("an agency that stopped took nothing over").isEmpty();

    assertThat(reformed.groupsActingFor("dakrlap", AgencyRole.SPECIALISTS, before)).containsExactly("dakrlap-specialists");
    assertThat(reformed.groupsActingFor("dakrlap", AgencyRole.SPECIALISTS, after))
        .containsExactly("dakrlap-specialists", "nhan-co-2025-specialists");
    assertThat(organisation.groupsActingFor("nhan-co", AgencyRole.HEADS, after)).containsExactly("nhan-co-heads");

    assertThat(reformed.successorGroup("dakrlap-clerks", after)).contains("nhan-co-2025-clerks");
    assertThat(reformed.successorGroup("dak-nong-supervisors", after)).contains("lam-dong-supervisors");
    assertThat(reformed.successorGroup("dakrlap-clerks", before)).as("still operating").isEmpty();
    assertThat(reformed.successorGroup("camunda-admin", after)).as("no agency's group").isEmpty();
    assertThat(organisation.groupAt(organisation.get("dakrlap-tckh"), AgencyRole.CLERKS))
        .as("an office without a desk: its one-stop department's clerks").contains("dakrlap-mot-cua-clerks");
  }

  @Test
  void agenciesAreReadBackFromGroupIds() {
    var groups = java.util.List.of("nhan-co-clerks", "dakrlap-supervisors", "dakrlap-tckh-clerks", "no-such-agency-clerks",
        "camunda-admin", "designers");
    assertThat(organisation.agenciesOf(groups, AgencyRole.CLERKS)).as("the finance office has no one-stop clerks group")
        .containsExactly("nhan-co");
    assertThat(organisation.agenciesOf(groups, AgencyRole.SUPERVISORS)).containsExactly("dakrlap");
    assertThat(organisation.agenciesOf(groups, AgencyRole.HEADS)).isEmpty();
  }
}
