package vn.onestop.dossier;

import static vn.onestop.dossier.DossierVariables.RECEIVING_AGENCY_ID;
import static vn.onestop.dossier.DossierVariables.RETURN_AGENCY_ID;
import static vn.onestop.dossier.DossierVariables.TERRITORY_AGENCY_ID;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.CatalogFiles;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.ResolvedLeg;
import vn.onestop.rules.RuleSet;

/**
 * Where a dossier is received, where it belongs and where its result goes (tiếp nhận không phụ thuộc địa
 * giới hành chính, Decree 118/2025/NĐ-CP Art. 14): the receiving centre, the dossier's territory (the
 * applicant's or the property's commune) from which the competent agency and every leg are resolved, and
 * the one-stop department the applicant chose for the result. Each bad input is a 4xx naming the field.
 */
@Component
class ReceptionPlaces {

  /**
   * The places of one dossier.
   *
   * @param receiving        the one-stop department that received it
   * @param territoryId      its territory, {@code null} when the receiving agency's own area
   * @param returnAgencyId   where the result is returned
   * @param legs             its legs, resolved from the territory
   * @param competentId      the competent (lead handling) agency
   * @param receivedAnywhere whether it was received outside its territory's own one-stop department
   * @param interlinked      whether, for a dossier with a territory, the competent agency's one-stop department is
   *                         not the receiving centre: the handling is a liên thông transfer to it
   */
  record Places(Agency receiving, String territoryId, String returnAgencyId, List<ResolvedLeg> legs, String competentId,
      boolean receivedAnywhere, boolean interlinked) {}

  private final Organisation organisation;
  private final ProcedureCatalog catalog;

  ReceptionPlaces(Organisation organisation, ProcedureCatalog catalog) {
    this.organisation = organisation;
    this.catalog = catalog;
  }

  /**
   * Checks the places given at reception on {@code day} and resolves the legs. Whether a dossier may be received
   * outside its territory and its result returned at another one-stop department is the rule set's (Decree
   * 118/2025 Art. 14; not under Decree 61/2018), which procedures is the catalogue's.
   */
  Places resolve(Procedure procedure, Agency receiving, String territoryId, String returnAgencyId, LocalDate day,
      RuleSet ruleSet) {
    if (!receiving.activeOn(day)) {
      throw new DossierInputException(RECEIVING_AGENCY_ID, receiving.name() + " không còn hoạt động từ ngày "
          + receiving.validTo().plusDays(1) + "; hồ sơ tiếp nhận tại " + organisation.successorOn(receiving.id(), day).name());
    }
    String territory = territoryId == null || territoryId.isBlank() ? null : territoryId.trim();
    if (territory != null) {
      Agency unit = organisation.find(territory).filter(a -> CatalogFiles.TERRITORIAL_KINDS.contains(a.kind()))
          .filter(a -> a.activeOn(day)).orElseThrow(() -> new DossierInputException(DossierInputException.Kind.NOT_FOUND,
              TERRITORY_AGENCY_ID, "Địa bàn '" + territoryId.trim() + "' không phải xã, phường đang hoạt động trong cơ cấu tổ chức"));
      territory = unit.id();
    }
    if (!catalog.receives(procedure, receiving, territory)) {
      throw new DossierInputException(RECEIVING_AGENCY_ID, "Thủ tục " + procedure.code() + " (" + procedure.name()
          + ") không được tiếp nhận tại " + receiving.name() + (territory == null ? ""
              : " cho hồ sơ thuộc địa bàn " + organisation.get(territory).name()
                  + ": thủ tục không thuộc danh mục tiếp nhận không phụ thuộc địa giới hành chính"));
    }
    String returnAt = returnAgencyId == null || returnAgencyId.isBlank() ? receiving.id() : returnAgencyId.trim();
    if (!returnAt.equals(receiving.id()) && !ruleSet.flag("resultReturn", "anyOneStopInProvince")) {
      throw new DossierInputException(RETURN_AGENCY_ID, "Theo " + ruleSet.name()
          + ", kết quả được trả tại nơi tiếp nhận hồ sơ (" + receiving.name() + ")");
    }
    Agency province = organisation.provinceOf(receiving.id());
    boolean returnable = organisation.find(returnAt).filter(Agency::isOneStop).filter(a -> a.activeOn(day))
        .filter(a -> province != null && province.equals(organisation.provinceOf(a.id()))).isPresent();
    if (!returnable) {
      throw new DossierInputException(DossierInputException.Kind.NOT_FOUND, RETURN_AGENCY_ID, "Nơi trả kết quả '"
          + returnAt + "' không phải bộ phận một cửa đang hoạt động trong tỉnh");
    }
    List<ResolvedLeg> legs = catalog.legsFor(procedure, receiving.id(), territory);
    String competent = legs.stream().filter(ResolvedLeg::lead).findFirst().orElse(legs.get(0)).agencyId();
    boolean anywhere = territory != null && !organisation.within(territory, receiving.areaId());
    if (anywhere && !ruleSet.flag("receptionAcrossBoundary", "allowed")) {
      throw new DossierInputException(TERRITORY_AGENCY_ID, "Theo " + ruleSet.name() + ", " + receiving.name()
          + " chỉ tiếp nhận hồ sơ thuộc địa bàn của mình");
    }
    boolean interlinked = territory != null && !organisation.oneStopFor(competent).id().equals(receiving.id());
    return new Places(receiving, territory, returnAt, legs, competent, anywhere, interlinked);
  }

  /** The territory recorded for a dossier ({@code null}: its receiving agency's own area). */
  static String territoryOf(DossierRows rows, long dossierId) {
    Map<String, Object> row = rows.jdbc().queryForMap(
        "select territory_agency_id from onestop.dossier where id = ?", dossierId);
    return (String) row.get("territory_agency_id");
  }
}
