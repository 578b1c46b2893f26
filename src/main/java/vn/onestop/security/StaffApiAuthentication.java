package vn.onestop.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.onestop.web.ApiError;

/**
 * Staff-only OneStop endpoints ({@code /api/dossiers/**}, {@code /api/reports/**},
 * {@code /api/documents/**}, {@code /api/staff/**}) authenticate like the engine's REST API: HTTP
 * Basic checked against Camunda's identity service (login throttling included). The user and groups
 * are set on the engine for the request, so {@link StaffUser#current} and the engine's
 * authorizations see who is calling. Failures answer 401 with a JSON {@link ApiError}.
 */
@Configuration(proxyBeanMethods = false)
public class StaffApiAuthentication {

  static final List<String> STAFF_PATHS = List.of("/api/dossiers/*", "/api/reports/*", "/api/documents/*", "/api/staff/*",
      "/api/evaluation/*", "/api/index-766/*", "/api/plan/*");

  @Bean
  FilterRegistrationBean<StaffAuthenticationFilter> staffApiAuthenticationFilter(IdentityService identityService,
      ObjectMapper json) {
    FilterRegistrationBean<StaffAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new StaffAuthenticationFilter(identityService, json));
    registration.setName("onestop-staff-api-authentication");
    registration.setUrlPatterns(STAFF_PATHS);
    registration.setOrder(20);
    return registration;
  }

  /** HTTP Basic against the engine's identity service. */
  static final class StaffAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final ObjectMapper json;

    StaffAuthenticationFilter(IdentityService identityService, ObjectMapper json) {
      this.identityService = identityService;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        refuse(request, response, "Staff login required (HTTP Basic with your OneStop account)");
        return;
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        refuse(request, response, "Malformed Authorization header");
        return;
      }
      int colon = decoded.indexOf(':');
      if (colon < 1) {
        refuse(request, response, "Malformed Authorization header");
        return;
      }
      String userId = decoded.substring(0, colon);
      String password = decoded.substring(colon + 1);
      if (!identityService.checkPassword(userId, password)) {
        refuse(request, response, "Wrong user name or password");
        return;
      }
      List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
          .stream().map(Tenant::getId).toList();
      identityService.setAuthentication(userId, groups, tenants);
      try {
        chain.doFilter(request, response);
      } finally {
        identityService.clearAuthentication();
      }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setHeader("WWW-Authenticate", "Basic realm=\"OneStop\"");
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), new ApiError(401, "Unauthorized", message, null,
          request.getRequestURI(), Instant.now()));
    }
  }
}
