package vn.onestop.security;

import vn.onestop.process.EngineTime;
import vn.onestop.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.onestop.citizen.ClientAddress;

/**
 * Staff-only OneStop endpoints ({@code /api/dossiers/**}, {@code /api/reports/**},
 * {@code /api/documents/**}, {@code /api/staff/**}, {@code /api/review/**}): a browser uses its Tasklist/Cockpit
 * login session (with the CSRF token for changes), a machine client HTTP Basic; see {@link StaffAuthenticationFilter}.
 * The user and groups are set on the engine for the request, so {@link StaffUser#current} and the engine's
 * authorizations see who is calling. Failures answer 401 / 403 / 429 with JSON problem details
 * ({@link vn.onestop.web.Problems}).
 */
@Configuration(proxyBeanMethods = false)
public class StaffApiAuthentication {

  static final List<String> STAFF_PATHS = List.of("/api/dossiers/*", "/api/reports/*", "/api/documents/*", "/api/staff/*",
      "/api/review/*", "/api/evaluation/*", "/api/index-766/*", "/api/plan/*");

  @Bean
  FilterRegistrationBean<StaffAuthenticationFilter> staffApiAuthenticationFilter(IdentityService identityService,
      PasswordChecks checks, ClientAddress clientAddress, WebSecurityProperties web, ObjectMapper json) {
    FilterRegistrationBean<StaffAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new StaffAuthenticationFilter(identityService, checks, clientAddress, web, json, true));
    registration.setName("onestop-staff-api-authentication");
    registration.setUrlPatterns(STAFF_PATHS);
    registration.setOrder(20);
    return registration;
  }
}
