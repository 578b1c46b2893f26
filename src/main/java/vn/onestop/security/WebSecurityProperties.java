package vn.onestop.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browser-facing settings ({@code onestop.security.web.*}).
 *
 * @param allowedOrigins   origins (scheme://host[:port]) besides OneStop's own from which browsers may send
 *                         state-changing requests to the staff API; needed only when a proxy changes the Host header
 * @param operatorGroups   groups that read the actuator's details and metrics ({@code camunda-admin} always does)
 * @param contentSecurityPolicy the CSP of OneStop's own pages and API
 */
@ConfigurationProperties(prefix = "onestop.security.web")
public record WebSecurityProperties(List<String> allowedOrigins, List<String> operatorGroups, String contentSecurityPolicy) {

  public static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'self'";

  public WebSecurityProperties {
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    operatorGroups = operatorGroups == null ? List.of("operators") : List.copyOf(operatorGroups);
    contentSecurityPolicy = contentSecurityPolicy == null || contentSecurityPolicy.isBlank() ? DEFAULT_CSP : contentSecurityPolicy;
  }
}
