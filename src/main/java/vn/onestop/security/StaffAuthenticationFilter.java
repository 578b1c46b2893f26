package vn.onestop.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.onestop.citizen.ClientAddress;
import vn.onestop.web.Problems;

/**
 * Who is calling the engine REST API or the staff API (issue 24, finding 2: no ambient credentials).
 *
 * <ul>
 *   <li><b>Machine clients</b> send HTTP Basic on every request, checked by {@link PasswordChecks} (throttled,
 *       successful checks remembered briefly).</li>
 *   <li><b>Browsers</b> use the login session of the Camunda webapps (when {@code sessionAllowed}: the staff API);
 *       every state-changing request must then carry that session's CSRF token in {@code X-XSRF-TOKEN}, as the
 *       webapps' own API demands.</li>
 *   <li>A failed or missing login answers 401 with a JSON body and <b>no</b> {@code WWW-Authenticate: Basic}
 *       challenge, so a browser never shows a password prompt and never remembers a password for the site.</li>
 *   <li>A state-changing request sent by a page of another origin ({@code Origin}, {@code Sec-Fetch-Site}) is
 *       refused with 403 whatever credentials it carries.</li>
 * </ul>
 * The user, groups and tenants are set on the engine for the request, so the engine's authorizations and
 * {@link StaffUser#current} apply.
 */
public class StaffAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final PasswordChecks checks;
  private final ClientAddress clientAddress;
  private final WebSecurityProperties web;
  private final ObjectMapper json;
  private final boolean sessionAllowed;

  public StaffAuthenticationFilter(IdentityService identityService, PasswordChecks checks, ClientAddress clientAddress,
      WebSecurityProperties web, ObjectMapper json, boolean sessionAllowed) {
    this.identityService = identityService;
    this.checks = checks;
    this.clientAddress = clientAddress;
    this.web = web;
    this.json = json;
    this.sessionAllowed = sessionAllowed;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean stateChanging = RequestOrigin.stateChanging(request);
    if (stateChanging && RequestOrigin.foreign(request, web.allowedOrigins())) {
      refuse(request, response, HttpStatus.FORBIDDEN, "Cross-origin request refused: OneStop accepts changes only from its own pages");
      return;
    }
    PasswordChecks.Identity identity;
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        refuse(request, response, HttpStatus.UNAUTHORIZED, "Malformed Authorization header");
        return;
      }
      int colon = decoded.indexOf(':');
      if (colon < 1) {
        refuse(request, response, HttpStatus.UNAUTHORIZED, "Malformed Authorization header");
        return;
      }
      PasswordChecks.Outcome outcome = checks.check(decoded.substring(0, colon), decoded.substring(colon + 1),
          clientAddress.of(request));
      if (outcome.throttled()) {
        response.setHeader("Retry-After", Long.toString(Math.max(1, (outcome.retryAfter().toMillis() + 999) / 1000)));
        refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins; retry later");
        return;
      }
      if (!outcome.ok()) {
        refuse(request, response, HttpStatus.UNAUTHORIZED, "Wrong user name or password");
        return;
      }
      identity = outcome.identity();
    } else {
      Optional<PasswordChecks.Identity> session = sessionAllowed ? WebappSession.user(request) : Optional.empty();
      if (session.isEmpty()) {
        refuse(request, response, HttpStatus.UNAUTHORIZED,
            "Staff login required: log in to Tasklist in this browser, or send HTTP Basic from a machine client");
        return;
      }
      if (stateChanging && !csrfTokenMatches(request)) {
        refuse(request, response, HttpStatus.FORBIDDEN, "CSRF token required in header " + WebappSession.csrfHeader());
        return;
      }
      identity = session.get();
    }
    identityService.setAuthentication(identity.userId(), identity.groups(), identity.tenants());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static boolean csrfTokenMatches(HttpServletRequest request) {
    String sent = request.getHeader(WebappSession.csrfHeader());
    Optional<String> expected = WebappSession.csrfToken(request);
    return sent != null && expected.isPresent()
        && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8));
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), Problems.of(status, message, null, request.getRequestURI()));
  }
}
