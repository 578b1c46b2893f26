package vn.onestop.web;

import vn.onestop.process.EngineTime;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every exception that leaves a OneStop controller (or Spring MVC before a controller was chosen,
 * e.g. a malformed multipart body) into problem details ({@link Problems}, mapped by
 * {@link ProblemMapper}): 4xx with a Vietnamese detail naming the field for bad input, 500 with a
 * correlation id for faults. Camunda's {@code /engine-rest} is mapped by {@code EngineRestProblems}.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
public class ApiErrorHandler {

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> any(Exception e, HttpServletRequest request) {
    return Problems.answer(ProblemMapper.map(e, request.getRequestURI()));
  }
}
