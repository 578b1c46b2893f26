package vn.onestop.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL is unreachable every request that needs it gets a clean 503 at once: a short JSON
 * body (no SQL, no class names) and {@code Retry-After}. Applies to OneStop's API and pages, the
 * engine's REST API and the Camunda webapps; {@code /actuator} stays reachable so that health can say
 * DOWN. A request already running when the database goes away and failing with a connection error is
 * answered the same way (by this filter, or by {@link DatabaseOutageResolver} for OneStop's controllers).
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

  static final String MESSAGE = "Hệ thống tạm thời không truy cập được cơ sở dữ liệu; vui lòng thử lại sau ít phút."
      + " (The database is temporarily unavailable; please try again in a moment.)";

  private final DatabaseAvailability availability;

  public DatabaseOutageFilter(DatabaseAvailability availability) {
    this.availability = availability;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/actuator") || path.startsWith("/error");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!availability.isUp()) {
      write(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      // The database went away while a filter behind this one used it (the portal key's rate counter, a login).
      if (!DatabaseAvailability.isConnectionFailure(e) || response.isCommitted()) {
        throw e;
      }
      availability.reportFailure();
      response.resetBuffer();
      write(request, response);
    }
  }

  static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "10");
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String path = request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"");
    response.getWriter().write("{\"status\":503,\"error\":\"Service Unavailable\",\"message\":\"" + MESSAGE
        + "\",\"path\":\"" + path + "\",\"timestamp\":\"" + vn.onestop.process.EngineTime.current() + "\"}");
  }
}
