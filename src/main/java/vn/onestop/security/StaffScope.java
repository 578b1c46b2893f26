package vn.onestop.security;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.AgencyRole;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.process.EngineTime;
import vn.onestop.web.ApiException;

/**
 * What a staff member may see through OneStop's own API, in step with the engine's authorizations:
 * the dossiers her agencies received, handle or were consulted on (any role), and - for supervisors - those of every
 * agency below hers; and those of the agencies hers took over in a reorganisation (the 2025 reform).
 * Administrators see everything. An out-of-scope dossier answers like an unknown
 * one, so a clerk cannot learn which codes exist elsewhere.
 */
@Component
public class StaffScope {

  private final IdentityService identityService;
  private final Organisation organisation;
  private final JdbcTemplate jdbc;
  private final EngineTime time;

  public StaffScope(IdentityService identityService, Organisation organisation, JdbcTemplate jdbc, EngineTime time) {
    this.identityService = identityService;
    this.organisation = organisation;
    this.jdbc = jdbc;
    this.time = time;
  }

  public StaffUser user() {
    return StaffUser.current(identityService)
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, null, "Staff login required"));
  }

  /** The agencies whose data the caller may read; null for an administrator (everything). */
  public Set<String> agencies() {
    StaffUser user = user();
    if (user.isAdministrator()) {
      return null;
    }
    Set<String> scope = new HashSet<>();
    for (AgencyRole role : AgencyRole.values()) {
      for (String agency : organisation.agenciesOf(user.groups(), role)) {
        if (role == AgencyRole.SUPERVISORS) {
          scope.addAll(organisation.subtree(agency));
        } else {
          scope.add(agency);
        }
      }
    }
    return organisation.withPredecessors(scope, LocalDate.ofInstant(time.now(), ProcedureCatalog.VIETNAM));
  }

  /** Whether the caller may read the dossier (by its register id). */
  public boolean canSeeDossier(long dossierId) {
    Set<String> scope = agencies();
    if (scope == null) {
      return true;
    }
    List<String> involved = jdbc.queryForList("""
        select receiving_agency_id from onestop.dossier where id = ?
        union select handling_agency_id from onestop.dossier where id = ? and handling_agency_id is not null
        union select agency_id from onestop.dossier_leg where dossier_id = ?
        union select agency_id from onestop.consultation where dossier_id = ?""", String.class, dossierId, dossierId, dossierId,
        dossierId);
    return involved.stream().anyMatch(scope::contains);
  }

  /** Refuses, as "not found", a dossier outside the caller's scope. */
  public void requireDossier(long dossierId, String label) {
    if (!canSeeDossier(dossierId)) {
      throw ApiException.notFound("No dossier " + label);
    }
  }

  /** Refuses an agency outside the caller's scope. */
  public void requireAgency(String agencyId) {
    Set<String> scope = agencies();
    if (scope != null && !scope.contains(agencyId)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "agency", "Agency " + agencyId + " is outside your scope");
    }
  }
}
