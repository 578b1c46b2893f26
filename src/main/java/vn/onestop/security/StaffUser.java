package vn.onestop.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The staff member calling a OneStop endpoint (cán bộ, công chức), as authenticated by
 * {@link StaffApiAuthentication}.
 *
 * @param userId the login
 * @param groups the Camunda groups, e.g. {@code nhan-co-clerks}, {@code dakrlap-supervisors}
 */
public record StaffUser(String userId, List<String> groups) {

  public static Optional<StaffUser> current(IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return Optional.empty();
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds());
    return Optional.of(new StaffUser(authentication.getUserId(), groups));
  }

  public boolean isAdministrator() {
    return groups.contains("camunda-admin");
  }
}
