package vn.onestop.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A read through the engine's Java API on OneStop's own behalf, outside the caller's authorizations: e.g. the name of
 * the clerk who holds a task, which a supervisor has no engine right to read. Only after {@link AgencyScope} has
 * decided that the caller may see the thing looked up; never for a change.
 */
public final class SystemLookup {

  private SystemLookup() {}

  public static <T> T read(IdentityService identityService, Supplier<T> lookup) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return lookup.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
