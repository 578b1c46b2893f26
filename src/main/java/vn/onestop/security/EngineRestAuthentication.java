package vn.onestop.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.onestop.citizen.ClientAddress;

/**
 * The engine's REST API ({@code /engine-rest}) has no authentication at all by default: anyone could
 * start processes or read variables. This puts HTTP Basic in front of it, checked against the engine's
 * identity service (throttled, see {@link StaffAuthenticationFilter}), so every call runs as a known user and the
 * engine's authorizations apply. It is for machine clients only: no browser session, no Basic challenge, no
 * state-changing request from another origin.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestAuthentication {

  @Bean
  FilterRegistrationBean<StaffAuthenticationFilter> engineRestAuthenticationFilter(IdentityService identityService,
      PasswordChecks checks, ClientAddress clientAddress, WebSecurityProperties web, ObjectMapper json) {
    FilterRegistrationBean<StaffAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new StaffAuthenticationFilter(identityService, checks, clientAddress, web, json, false));
    registration.setName("onestop-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(10);
    return registration;
  }
}
