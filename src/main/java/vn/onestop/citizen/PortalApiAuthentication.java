package vn.onestop.citizen;

import vn.onestop.process.EngineTime;
import vn.onestop.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The online-submission API ({@code /api/online-dossiers/**}) is for machine clients only: a portal
 * sends its key in {@code X-Api-Key}; OneStop keeps only the keys' SHA-256 hashes
 * ({@code onestop.portal.clients[n].key-sha256}) and compares them in constant time. Each client is
 * rate-limited per minute through {@link RateCounters}, shared by all nodes. Failures answer 401 / 429
 * with a JSON problem details ({@link Problems}); the client id is left in the request attribute {@link #CLIENT_ID}.
 */
@Configuration(proxyBeanMethods = false)
public class PortalApiAuthentication {

  public static final String CLIENT_ID = "onestop.portalClientId";
  static final String HEADER = "X-Api-Key";

  @Bean
  FilterRegistrationBean<PortalKeyFilter> portalApiAuthenticationFilter(CitizenProperties properties, RateCounters counters,
      ObjectMapper json) {
    FilterRegistrationBean<PortalKeyFilter> registration = new FilterRegistrationBean<>(new PortalKeyFilter(properties, counters, json));
    registration.setName("onestop-portal-api-authentication");
    registration.setUrlPatterns(java.util.List.of("/api/online-dossiers/*"));
    registration.setOrder(21);
    return registration;
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static final class PortalKeyFilter extends OncePerRequestFilter {

    private final CitizenProperties properties;
    private final RateCounters counters;
    private final ObjectMapper json;

    PortalKeyFilter(CitizenProperties properties, RateCounters counters, ObjectMapper json) {
      this.properties = properties;
      this.counters = counters;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String key = request.getHeader(HEADER);
      if (key == null || key.isBlank()) {
        refuse(request, response, HttpStatus.UNAUTHORIZED, "Portal client key required in header " + HEADER, null);
        return;
      }
      byte[] presented = sha256Hex(key.trim()).getBytes(StandardCharsets.US_ASCII);
      String clientId = null;
      for (CitizenProperties.Client client : properties.clients()) {
        byte[] known = client.keySha256() == null ? new byte[0]
            : client.keySha256().trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (MessageDigest.isEqual(presented, known) && clientId == null) {
          clientId = client.id();
        }
      }
      if (clientId == null) {
        refuse(request, response, HttpStatus.UNAUTHORIZED, "Unknown portal client key", null);
        return;
      }
      Instant now = EngineTime.current();
      RateCounters.Window window = counters.hit("PORTAL", clientId, Duration.ofMinutes(1), now);
      if (window.hits() > properties.requestsPerMinute()) {
        refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "Portal client '" + clientId + "' exceeded "
            + properties.requestsPerMinute() + " requests per minute; retry later", window.retryAfterSeconds(now));
        return;
      }
      request.setAttribute(CLIENT_ID, clientId);
      chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message,
        Long retryAfter) throws IOException {
      response.setStatus(status.value());
      if (retryAfter != null) {
        response.setHeader("Retry-After", Long.toString(retryAfter));
      }
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), Problems.of(status, message,
          status == HttpStatus.UNAUTHORIZED ? HEADER : null, request.getRequestURI()));
    }
  }
}
