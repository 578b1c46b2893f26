package vn.onestop.report;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;
import vn.onestop.security.AgencyScope;
import vn.onestop.security.StaffUser;
import vn.onestop.web.ApiException;

/**
 * Which dossiers the caller may see in reports, by {@link AgencyScope}'s rule: administrators ({@code camunda-admin}) everything; a
 * supervisor the subtrees of the agencies whose {@code <id>-supervisors} group he belongs to, with the
 * agencies those took over in a reorganisation (their dossiers count for the successor); anyone else
 * nothing (403).
 */
@Component
public class SupervisorScope {

  /**
   * What a report covers.
   *
   * @param agencyId  the agency asked for (or the single agency supervised), {@code null} for all
   * @param agencyIds responsible agencies to count, {@code null} for the whole register
   */
  public record Selection(String agencyId, Set<String> agencyIds) {}

  private final IdentityService identityService;
  private final Organisation organisation;
  private final AgencyScope scope;

  public SupervisorScope(IdentityService identityService, Organisation organisation, AgencyScope scope) {
    this.identityService = identityService;
    this.organisation = organisation;
    this.scope = scope;
  }

  /** The selection for a requested agency ({@code null}: everything the caller may see). */
  public Selection select(String requestedAgency) {
    StaffUser user = StaffUser.current(identityService)
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, null, "Staff login required"));
    Set<String> allowed = allowed(user);
    if (requestedAgency != null && !requestedAgency.isBlank()) {
      Agency agency = organisation.find(requestedAgency)
          .orElseThrow(() -> ApiException.badRequest("agency", "No agency with id '" + requestedAgency + "' in the organisation"));
      if (allowed != null && !allowed.contains(agency.id())) {
        throw new ApiException(HttpStatus.FORBIDDEN, "agency", "User " + user.userId() + " does not supervise agency "
            + agency.id() + " (" + agency.name() + ")");
      }
      return new Selection(agency.id(), scope.supervisedFrom(agency.id()));
    }
    if (allowed == null) {
      return new Selection(null, null);
    }
    Set<String> roots = supervisedAgencies(user);
    return new Selection(roots.size() == 1 ? roots.iterator().next() : null, allowed);
  }

  /** Agency ids the user may see, or {@code null} for all; 403 when none. */
  public Set<String> allowed(StaffUser user) {
    Set<String> ids = scope.supervisedBy(user.groups());
    if (ids != null && ids.isEmpty()) {
      throw new ApiException(HttpStatus.FORBIDDEN, null,
          "User " + user.userId() + " is neither an administrator nor in any agency's supervisors group (<agency>-supervisors)");
    }
    return ids;
  }

  /** Agencies whose supervisors group the user is in. */
  public Set<String> supervisedAgencies(StaffUser user) {
    return scope.supervisedRoots(user.groups());
  }
}
