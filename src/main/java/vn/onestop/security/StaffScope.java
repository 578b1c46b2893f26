package vn.onestop.security;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.onestop.web.ApiException;

/**
 * What a staff member may see through OneStop's own API: the {@link AgencyScope} rule (the same one the
 * engine's authorizations follow), applied to the caller. An out-of-scope dossier answers like an
 * unknown one, so a clerk cannot learn which codes exist elsewhere.
 */
@Component
public class StaffScope {

  private final IdentityService identityService;
  private final AgencyScope scope;

  public StaffScope(IdentityService identityService, AgencyScope scope) {
    this.identityService = identityService;
    this.scope = scope;
  }

  public StaffUser user() {
    return StaffUser.current(identityService)
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, null, "Staff login required"));
  }

  /** The agencies whose data the caller may read; null for an administrator (everything). */
  public Set<String> agencies() {
    return scope.agenciesReadBy(user().groups());
  }

  /**
   * Whether the caller may read the dossier (by its register id): it has reached one of her agencies
   * (received, led, a leg that has started, a consultation).
   */
  public boolean canSeeDossier(long dossierId) {
    return scope.reads(user().groups(), dossierId);
  }

  /** Refuses, as "not found", a dossier outside the caller's scope. */
  public void requireDossier(long dossierId, String label) {
    if (!canSeeDossier(dossierId)) {
      throw ApiException.notFound("No dossier " + label);
    }
  }

  /**
   * Refuses, as "not found", an applicant none of whose dossiers has reached the caller's agencies: the
   * applicant's stored documents are not listed by national ID number to just any staff member.
   */
  public void requireApplicant(String idNumber) {
    if (idNumber == null || idNumber.isBlank() || !scope.readsApplicant(user().groups(), idNumber)) {
      throw ApiException.notFound("No applicant with ID number " + idNumber + " among your agencies' dossiers");
    }
  }

  /** Refuses an agency outside the caller's scope. */
  public void requireAgency(String agencyId) {
    Set<String> agencies = agencies();
    if (agencies != null && !agencies.contains(agencyId)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "agency", "Agency " + agencyId + " is outside your scope");
    }
  }
}
