package vn.onestop.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The login of the Camunda webapps (Tasklist, Cockpit, Admin), read from the HTTP session they keep it in, so a
 * browser that logged in there is known to OneStop's staff API without sending a password again. The only class that
 * touches the webapps' session internals ({@code org.camunda.bpm.webapp.impl.security}); Operaton keeps the same
 * classes under {@code org.operaton.bpm.webapp.impl.security}.
 */
public final class WebappSession {

  static final String ENGINE = "default";

  private WebappSession() {}

  /** The user logged in to the webapps in this request's session, if any. */
  public static Optional<PasswordChecks.Identity> user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
    if (!(authentication instanceof UserAuthentication user) || user.getIdentityId() == null) {
      return Optional.empty();
    }
    return Optional.of(new PasswordChecks.Identity(user.getIdentityId(),
        user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()),
        user.getTenantIds() == null ? List.of() : List.copyOf(user.getTenantIds())));
  }

  /** The webapps' CSRF token of this session (sent back by their pages in {@code X-XSRF-TOKEN}). */
  static Optional<String> csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return Optional.ofNullable(token == null ? null : token.toString());
  }

  static String csrfHeader() {
    return CsrfConstants.CSRF_TOKEN_HEADER_NAME;
  }
}
