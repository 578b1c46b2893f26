package vn.onestop.dossier;

import vn.onestop.register.DossierQueries;
import vn.onestop.register.DossierRow;
import vn.onestop.web.Limits;
import vn.onestop.web.TextRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.catalog.Organisation;
import vn.onestop.security.StaffScope;
import vn.onestop.security.StaffUser;
import vn.onestop.rules.RuleSet;
import vn.onestop.web.ApiException;

/**
 * The dossier register for staff (cán bộ): one dossier with its legs and hand-overs, and the
 * applicant's withdrawal. Staff see the dossiers of their agencies (and supervisors those of their
 * agency's subtree); administrators see all.
 */
@RestController
@RequestMapping("/api/dossiers")
public class DossierController {

  static final Set<String> FINAL = Set.of("FINISHED", "RETURNED", "WITHDRAWN", "STOPPED", "NOT_ACCEPTED", "REFUSED");

  private final DossierRows rows;
  private final Organisation organisation;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final StaffScope scope;
  private final DossierRuleSets rules;

  public DossierController(DossierRows rows, Organisation organisation, IdentityService identityService,
      RuntimeService runtimeService, StaffScope scope, DossierRuleSets rules) {
    this.rules = rules;
    this.scope = scope;
    this.rows = rows;
    this.organisation = organisation;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
  }

  @GetMapping("/{code}")
  public DossierView get(@PathVariable String code) {
    DossierRow d = visible(code);
    RuleSet ruleSet = rules.of(d);
    return new DossierView(d, new RuleSetRef(ruleSet.id(), ruleSet.name()), rows.legs(d.id()), rows.events(d.id()),
        receptionOf(d));
  }

  private ReceptionView receptionOf(DossierRow d) {
    Map<String, Object> r = rows.jdbc().queryForMap(
        "select territory_agency_id, return_agency_id, received_anywhere from onestop.dossier where id = ?", d.id());
    String territory = (String) r.get("territory_agency_id");
    String returnAt = r.get("return_agency_id") == null ? d.receivingAgencyId() : (String) r.get("return_agency_id");
    return new ReceptionView(d.receivingAgencyId(), name(d.receivingAgencyId()), d.handlingAgencyId(),
        name(d.handlingAgencyId()), territory, name(territory), returnAt, name(returnAt),
        Boolean.TRUE.equals(r.get("received_anywhere")));
  }

  private String name(String agencyId) {
    return organisation.find(agencyId).map(vn.onestop.catalog.Agency::name).orElse(null);
  }

  /** The applicant withdraws the dossier at the desk (rút hồ sơ); possible until the result is ready. */
  @PostMapping("/{code}/withdrawal")
  public Map<String, String> withdraw(@PathVariable String code, @RequestBody(required = false) Map<String, String> body) {
    DossierRow d = visible(code);
    StaffUser user = StaffUser.current(identityService).orElseThrow();
    if (!user.isAdministrator() && !user.groups().contains(organisation.get(d.receivingAgencyId()).clerksGroup())) {
      throw new ApiException(HttpStatus.FORBIDDEN, null, "Only the one-stop clerks of " + d.receivingAgencyId()
          + " record a withdrawal of dossier " + code);
    }
    if (FINAL.contains(d.status())) {
      throw new ApiException(HttpStatus.CONFLICT, null, "Dossier " + code + " is " + d.status()
          + ": it can no longer be withdrawn (only before the result)");
    }
    String reason = TextRules.optionalMultiline(body == null ? null : body.get("reason"), "reason", Limits.WITHDRAWAL_REASON);
    Authentication caller = identityService.getCurrentAuthentication();
    // The clerk has checked her right above; the engine correlates as the system.
    identityService.clearAuthentication();
    try {
      runtimeService.createMessageCorrelation("DossierWithdrawn")
          .processInstanceId(d.processInstanceId())
          .setVariable("withdrawalReason", reason)
          .setVariable("withdrawnBy", user.userId())
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ApiException(HttpStatus.CONFLICT, null, "Dossier " + code + " has no running process to withdraw");
    } finally {
      identityService.setAuthentication(caller);
    }
    return Map.of("code", code, "status", "WITHDRAWN");
  }

  private DossierRow visible(String code) {
    DossierRow d = rows.findByCode(code).orElseThrow(() -> ApiException.notFound("No dossier with code " + code));
    scope.requireDossier(d.id(), "with code " + code);
    return d;
  }

  /**
   * A dossier as staff see it: the register row, the rule set it is handled by (recorded at reception),
   * its legs, its hand-overs (the process-control slip) and where it was received and belongs.
   */
  public record DossierView(DossierRow dossier, RuleSetRef ruleSet, List<DossierRows.LegRow> legs,
      List<DossierQueries.HandOver> events, ReceptionView reception) {}

  /** A rule set named: its id ({@code rules/<id>.yaml}, {@code GET /api/rule-sets/{id}}) and legal name. */
  public record RuleSetRef(String id, String name) {}

  /**
   * Where the dossier was received and where it belongs (Decree 118/2025 Art. 14): the receiving centre,
   * the competent agency, the territory the legs were resolved from ({@code null}: the receiving
   * agency's own area), where the result is returned, and whether it was received outside its territory.
   */
  public record ReceptionView(String receivingAgencyId, String receivingAgencyName, String competentAgencyId,
      String competentAgencyName, String territoryAgencyId, String territoryName, String returnAgencyId,
      String returnAgencyName, boolean receivedAnywhere) {}
}
