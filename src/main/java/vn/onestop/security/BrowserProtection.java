package vn.onestop.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.onestop.citizen.ClientAddress;
import vn.onestop.web.Problems;

/**
 * Issue 24, finding 5: security headers on OneStop's own pages and API, the actuator for operators, and no session
 * created for a foreign page.
 */
@Configuration(proxyBeanMethods = false)
public class BrowserProtection {

  /** CSP, {@code X-Content-Type-Options}, frame-ancestors / {@code X-Frame-Options}, {@code Referrer-Policy}. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter(WebSecurityProperties web) {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/camunda/")) { // the webapps send their own (camunda.bpm.webapp.header-security)
          response.setHeader("Content-Security-Policy", web.contentSecurityPolicy());
          response.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("onestop-security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /**
   * A request to the webapps from a page of another site that carries no session cookie (the browser withholds a
   * {@code SameSite=Lax} cookie from foreign images, frames, scripts and form posts) would make a fresh session and
   * replace the user's cookie, logging her out. Such requests are refused before a session exists; a top-level link
   * from another site (a GET navigation) still opens the webapps.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> foreignSessionGuardFilter(ObjectMapper json) {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        boolean foreign = "cross-site".equals(site) || "same-site".equals(site);
        boolean topLevelLink = "GET".equals(request.getMethod()) && "navigate".equals(request.getHeader("Sec-Fetch-Mode"))
            && !"iframe".equals(request.getHeader("Sec-Fetch-Dest")) && !"frame".equals(request.getHeader("Sec-Fetch-Dest"));
        if (foreign && !topLevelLink && request.getRequestedSessionId() == null) {
          writeError(json, request, response, HttpStatus.FORBIDDEN, "Yêu cầu gửi từ trang web khác mà không có phiên đăng nhập: bị từ chối");
          return;
        }
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("onestop-foreign-session-guard");
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
    return registration;
  }

  /**
   * {@code /actuator/health} answers everyone with its status only; its details ({@code show-details: when-authorized})
   * and every other actuator endpoint ({@code /actuator/prometheus}) need an operator: a member of
   * {@code camunda-admin} or of {@link WebSecurityProperties#operatorGroups()}, by HTTP Basic or webapp session.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> actuatorAccessFilter(PasswordChecks checks, ClientAddress clientAddress,
      WebSecurityProperties web, ObjectMapper json) {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean open = path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/actuator/info");
        Optional<PasswordChecks.Identity> user = identify(request, checks, clientAddress);
        boolean operator = user.isPresent() && (user.get().groups().contains("camunda-admin")
            || user.get().groups().stream().anyMatch(web.operatorGroups()::contains));
        if (!open && !operator) {
          writeError(json, request, response, user.isPresent() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED,
              "Operators only (camunda-admin or " + web.operatorGroups() + ")");
          return;
        }
        if (operator) {
          String name = user.get().userId();
          chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
              return () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
              return true;
            }
          }, response);
        } else {
          chain.doFilter(request, response);
        }
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("onestop-actuator-access");
    registration.addUrlPatterns("/actuator/*", "/actuator");
    registration.setOrder(15);
    return registration;
  }

  static Optional<PasswordChecks.Identity> identify(HttpServletRequest request, PasswordChecks checks, ClientAddress clientAddress) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          PasswordChecks.Outcome outcome = checks.check(decoded.substring(0, colon), decoded.substring(colon + 1),
              clientAddress.of(request));
          return Optional.ofNullable(outcome.identity());
        }
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      return Optional.empty();
    }
    return WebappSession.user(request);
  }

  static void writeError(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
      String message) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), Problems.of(status, message, null, request.getRequestURI()));
  }
}
