package vn.onestop.platform;

import org.springframework.beans.factory.ObjectProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A OneStop request that fails because the database went away while it ran gets the same clean 503
 * as {@link DatabaseOutageFilter}, and closes the gate for the requests after it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseOutageAdvice {

  private final ObjectProvider<DatabaseAvailability> availability;

  /** The probe is absent in web slices without a database (@WebMvcTest): then only the answer is given. */
  public DatabaseOutageAdvice(ObjectProvider<DatabaseAvailability> availability) {
    this.availability = availability;
  }

  @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
  void unavailable(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
    if (!DatabaseAvailability.isConnectionFailure(e)) {
      throw e;
    }
    availability.ifAvailable(DatabaseAvailability::reportFailure);
    DatabaseOutageFilter.write(request, response);
  }
}
