package vn.onestop.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.web.ApiException;

/**
 * One login (một lần đăng nhập, issue 15.4): {@code GET /api/staff/me} tells a OneStop page shown inside Cockpit or
 * Tasklist who is logged in there. The page sends no password: {@link StaffAuthenticationFilter} reads the webapps'
 * session ({@link WebappSession}); a machine client sends HTTP Basic as on the rest of {@code /api}. Answers the login
 * and the display name (họ và tên), never the groups' raw ids.
 */
@RestController
public class StaffSessionController {

  private final IdentityService identityService;

  public StaffSessionController(IdentityService identityService) {
    this.identityService = identityService;
  }

  @GetMapping("/api/staff/me")
  public Map<String, Object> me() {
    StaffUser user = StaffUser.current(identityService)
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, null, "Cần đăng nhập Cockpit hoặc Tasklist"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("login", user.userId());
    out.put("name", displayName(identityService, user.userId()));
    return out;
  }

  /**
   * A staff member's full name as Camunda Admin holds it, in the Vietnamese order (họ, tên đệm, then tên: last name
   * first, "Trần Văn" + "Minh"), or the login when none is set.
   */
  public static String displayName(IdentityService identityService, String userId) {
    User user = SystemLookup.read(identityService, () -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
        + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
    return name.isEmpty() ? userId : name;
  }
}
