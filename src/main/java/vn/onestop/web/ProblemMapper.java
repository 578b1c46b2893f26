package vn.onestop.web;

import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.onestop.process.RuleViolation;

/**
 * Maps any exception that reaches the edge of OneStop's Spring MVC surfaces to problem details
 * ({@link Problems}). Input problems get a Vietnamese detail that names the field and never the Java
 * types behind it; OneStop's rule violations raised inside the engine (found by walking the cause chain,
 * see {@link RuleViolation}) keep their status; anything else is a server fault: 500 with a correlation
 * id, the details in the log — without the values of the request (no personal data, no SQL insert).
 */
public final class ProblemMapper {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  private ProblemMapper() {}

  public static ProblemDetail map(Throwable e, String path) {
    if (e instanceof ApiException a) {
      return Problems.of(a.status(), a.getMessage(), a.field(), path);
    }
    RuleViolation rule = RuleViolation.find(e);
    if (rule != null) {
      return Problems.of(HttpStatusCode.valueOf(rule.kind().status()), Problems.naming(rule.getMessage(), rule.field()),
          rule.field(), path);
    }
    if (e instanceof AuthorizationException) {
      return Problems.of(HttpStatus.FORBIDDEN, "Người dùng không có quyền thực hiện thao tác này", null, path);
    }
    if (e instanceof MissingServletRequestParameterException m) {
      return Problems.of(HttpStatus.BAD_REQUEST, "Thiếu tham số '" + m.getParameterName() + "'", m.getParameterName(), path);
    }
    if (e instanceof MissingRequestHeaderException m) {
      return Problems.of(HttpStatus.BAD_REQUEST, "Thiếu header '" + m.getHeaderName() + "'", m.getHeaderName(), path);
    }
    if (e instanceof MissingServletRequestPartException m) {
      return Problems.of(HttpStatus.BAD_REQUEST, "Thiếu phần '" + m.getRequestPartName() + "' của yêu cầu multipart",
          m.getRequestPartName(), path);
    }
    if (e instanceof MethodArgumentTypeMismatchException m) {
      return Problems.of(HttpStatus.BAD_REQUEST, "Giá trị '" + TextRules.excerpt(String.valueOf(m.getValue()), 60)
          + "' không hợp lệ cho '" + m.getName() + "'", m.getName(), path);
    }
    if (e instanceof MethodArgumentNotValidException m) {
      var fieldError = m.getBindingResult().getFieldError();
      String field = fieldError == null ? null : fieldError.getField();
      return Problems.of(HttpStatus.BAD_REQUEST, fieldError == null ? "Yêu cầu không hợp lệ"
          : "Trường '" + field + "': " + fieldError.getDefaultMessage(), field, path);
    }
    if (e instanceof ConstraintViolationException c) {
      var v = c.getConstraintViolations().stream().findFirst();
      String field = v.map(x -> String.valueOf(x.getPropertyPath())).orElse(null);
      return Problems.of(HttpStatus.BAD_REQUEST, v.map(x -> "Trường '" + field + "': " + x.getMessage())
          .orElse("Yêu cầu không hợp lệ"), field, path);
    }
    if (e instanceof HttpMessageNotReadableException) {
      JsonProblems.Described d = JsonProblems.describe(e, "body");
      String detail = d.detail().startsWith("Không đọc được") && e.getMessage() != null
          && e.getMessage().startsWith("Required request body is missing") ? "Thiếu nội dung yêu cầu (JSON)" : d.detail();
      return Problems.of(HttpStatus.BAD_REQUEST, detail, d.field(), path);
    }
    if (e instanceof HttpMediaTypeNotSupportedException m) {
      return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Kiểu nội dung "
          + (m.getContentType() == null ? "(không có Content-Type)" : "'" + m.getContentType() + "'")
          + " không được hỗ trợ; dùng " + m.getSupportedMediaTypes(), "Content-Type", path);
    }
    if (e instanceof HttpMediaTypeNotAcceptableException) {
      return Problems.of(HttpStatus.NOT_ACCEPTABLE, "Không có định dạng trả lời phù hợp với header Accept", "Accept", path);
    }
    if (e instanceof HttpRequestMethodNotSupportedException m) {
      return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "Phương thức " + m.getMethod() + " không được hỗ trợ ở địa chỉ này", null, path);
    }
    if (e instanceof MaxUploadSizeExceededException) {
      return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Tệp hoặc yêu cầu tải lên quá lớn (spring.servlet.multipart.max-request-size)",
          null, path);
    }
    if (e instanceof MultipartException) {
      return Problems.of(HttpStatus.BAD_REQUEST, "Nội dung multipart không hợp lệ hoặc không đầy đủ", "body", path);
    }
    if (e instanceof NoResourceFoundException) {
      return Problems.of(HttpStatus.NOT_FOUND, "Không có tài nguyên ở địa chỉ này", null, path);
    }
    if (e instanceof NullValueException) {
      return Problems.of(HttpStatus.NOT_FOUND, "Không tìm thấy đối tượng được yêu cầu", null, path);
    }
    if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
      return Problems.of(r.getStatusCode(), Problems.title(r.getStatusCode().value()), null, path);
    }
    if (ConcurrentChange.in(e)) {
      ConcurrentChange.log(path);
      return Problems.of(HttpStatus.CONFLICT, ConcurrentChange.DETAIL, null, path);
    }
    String id = Problems.correlationId();
    logFault(id, path, e);
    return Problems.serverFault(id, path);
  }

  /**
   * Logs a server fault: the chain of exception types and messages, except the messages of database
   * errors (they quote the statement and its values, i.e. the citizen's personal data): for those only
   * the SQL state.
   */
  public static void logFault(String correlationId, String path, Throwable e) {
    boolean database = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      database |= t instanceof SQLException || t.getClass().getName().startsWith("org.springframework.dao");
    }
    StringBuilder chain = new StringBuilder();
    StackTraceElement[] top = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      chain.append(chain.isEmpty() ? "" : " <- ").append(t.getClass().getName());
      if (t instanceof SQLException sql) {
        chain.append(" [SQLState ").append(sql.getSQLState()).append(']');
      } else if (!database && t.getMessage() != null) {
        // the engine's and the database's messages of a failed statement quote its values: left out above
        chain.append(": ").append(TextRules.excerpt(t.getMessage(), 300));
      }
      top = t.getStackTrace();
    }
    LOG.error("Server fault {} on {}: {}{}", correlationId, path, chain,
        top == null || top.length == 0 ? "" : " at " + top[0]);
  }
}
