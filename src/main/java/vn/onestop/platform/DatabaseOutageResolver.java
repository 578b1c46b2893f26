package vn.onestop.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request that fails because the database went away while it ran (sổ đăng ký, hồ sơ: whatever it was
 * reading or writing) gets the same clean 503 as {@link DatabaseOutageFilter}, and closes the gate for the
 * requests after it. Placed before every {@code @ExceptionHandler}: the engine wraps a lost connection in
 * its own exceptions, which OneStop's catch-all handler would otherwise answer with 500. Any other
 * failure is left to the usual handlers.
 */
public class DatabaseOutageResolver implements HandlerExceptionResolver {

  private final ObjectProvider<DatabaseAvailability> availability;

  /** The probe is absent in web slices without a database (@WebMvcTest): then only the answer is given. */
  public DatabaseOutageResolver(ObjectProvider<DatabaseAvailability> availability) {
    this.availability = availability;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception failure) {
    if (!DatabaseAvailability.isConnectionFailure(failure) || response.isCommitted()) {
      return null;
    }
    availability.ifAvailable(DatabaseAvailability::reportFailure);
    try {
      response.resetBuffer();
      DatabaseOutageFilter.write(request, response);
    } catch (IOException e) {
      return null;
    }
    return new ModelAndView();
  }
}
