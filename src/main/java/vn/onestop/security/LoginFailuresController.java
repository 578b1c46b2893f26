package vn.onestop.security;

import vn.onestop.process.EngineTime;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.web.ApiException;

/**
 * Administrators see repeated failed logins ({@code GET /api/staff/login-failures}): per account, over every
 * address, the failures remembered by {@link LoginThrottle} on this node; {@code alert} once the account reached
 * {@code onestop.security.login.alert-failures}.
 */
@RestController
public class LoginFailuresController {

  private final LoginThrottle throttle;
  private final org.camunda.bpm.engine.IdentityService identityService;

  public LoginFailuresController(LoginThrottle throttle, org.camunda.bpm.engine.IdentityService identityService) {
    this.throttle = throttle;
    this.identityService = identityService;
  }

  @GetMapping("/api/staff/login-failures")
  public List<LoginThrottle.AccountFailures> failures() {
    StaffUser user = StaffUser.current(identityService)
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, null, "Staff login required"));
    if (!user.isAdministrator()) {
      throw new ApiException(HttpStatus.FORBIDDEN, null, "Administrators only");
    }
    return throttle.report(EngineTime.wallNow());
  }
}
