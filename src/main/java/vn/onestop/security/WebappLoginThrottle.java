package vn.onestop.security;

import vn.onestop.process.EngineTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.onestop.citizen.ClientAddress;
import vn.onestop.web.Problems;
import vn.onestop.web.ReplayedRequest;

/**
 * The login form of Tasklist, Cockpit and Admin ({@code POST /camunda/api/admin/auth/user/default/login/{app}})
 * goes through the same {@link LoginThrottle} as HTTP Basic: while a delay runs the attempt is answered 429 without
 * checking the password; afterwards the webapp's answer (200 or 401) is counted.
 */
@Configuration(proxyBeanMethods = false)
public class WebappLoginThrottle {

  static final int MAX_FORM = 16 * 1024;

  @Bean
  FilterRegistrationBean<LoginFilter> webappLoginThrottleFilter(LoginThrottle throttle, ClientAddress clientAddress,
      ObjectMapper json) {
    FilterRegistrationBean<LoginFilter> registration = new FilterRegistrationBean<>(new LoginFilter(throttle, clientAddress, json));
    registration.setName("onestop-webapp-login-throttle");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(5);
    return registration;
  }

  static final class LoginFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final ObjectMapper json;

    LoginFilter(LoginThrottle throttle, ClientAddress clientAddress, ObjectMapper json) {
      this.throttle = throttle;
      this.clientAddress = clientAddress;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (!"POST".equalsIgnoreCase(request.getMethod()) || !request.getRequestURI().contains("/login/")) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = request.getInputStream().readNBytes(MAX_FORM + 1);
      if (body.length > MAX_FORM) {
        response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
        return;
      }
      String userId = formField(new String(body, StandardCharsets.UTF_8), "username");
      String source = clientAddress.of(request);
      Instant now = EngineTime.wallNow();
      Duration wait = userId == null ? Duration.ZERO : throttle.waitFor(userId, source, now);
      if (!wait.isZero()) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.TOO_MANY_REQUESTS,
            "Đăng nhập sai nhiều lần: vui lòng thử lại sau " + Math.max(1, wait.toSeconds()) + " giây", "password",
            request.getRequestURI()));
        return;
      }
      chain.doFilter(new ReplayedRequest(request, body), response);
      if (userId != null) {
        if (response.getStatus() == 200) {
          throttle.succeeded(userId, source);
        } else if (response.getStatus() == 401) {
          throttle.failed(userId, source, now);
        }
      }
    }

    static String formField(String form, String name) {
      for (String pair : form.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }
  }
}
