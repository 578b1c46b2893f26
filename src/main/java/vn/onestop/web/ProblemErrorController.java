package vn.onestop.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Replaces Spring Boot's {@code BasicErrorController}: whatever the servlet container forwards to
 * {@code /error} (an unknown path, an exception thrown before Spring MVC, a filter's error) is answered
 * as problem details. Called directly, {@code GET /error} is simply not a resource: 404, never 500 / 999.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

  private final ErrorAttributes errors;

  public ProblemErrorController(ErrorAttributes errors) {
    this.errors = errors;
  }

  @RequestMapping("${server.error.path:${error.path:/error}}")
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : request.getRequestURI();
    Throwable error = errors.getError(new ServletWebRequest(request));
    if (error != null) {
      ProblemDetail mapped = ProblemMapper.map(error, path);
      return Problems.answer(mapped);
    }
    int status = code instanceof Integer i && i >= 400 && i <= 599 ? i : HttpStatus.NOT_FOUND.value();
    if (status >= 500) {
      return Problems.answer(Problems.serverFault(Problems.correlationId(), path));
    }
    String detail = switch (status) {
      case 404 -> "Không có tài nguyên ở địa chỉ này";
      case 401 -> "Cần đăng nhập";
      case 403 -> "Không có quyền truy cập";
      default -> Problems.title(status);
    };
    return Problems.answer(HttpStatusCode.valueOf(status), detail, null, path);
  }
}
