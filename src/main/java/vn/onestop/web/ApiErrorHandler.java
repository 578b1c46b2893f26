package vn.onestop.web;

import vn.onestop.process.EngineTime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns bad input into a 4xx with a JSON {@link ApiError} body instead of an HTML error page or a
 * stack trace. Applies to OneStop's own controllers; Camunda's REST API keeps its own format.
 */
@RestControllerAdvice(basePackages = "vn.onestop")
public class ApiErrorHandler {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> api(ApiException e, HttpServletRequest request) {
    return body(e.status(), e.getMessage(), e.field(), request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
    return body(HttpStatus.BAD_REQUEST,
        "Parameter '" + e.getParameterName() + "' is required", e.getParameterName(), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return body(HttpStatus.BAD_REQUEST,
        "'" + e.getValue() + "' is not a valid value for '" + e.getName() + "'", e.getName(), request);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    var fieldError = e.getBindingResult().getFieldError();
    String field = fieldError == null ? null : fieldError.getField();
    String message = fieldError == null ? "Invalid request" : field + ": " + fieldError.getDefaultMessage();
    return body(HttpStatus.BAD_REQUEST, message, field, request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ApiError> violation(ConstraintViolationException e, HttpServletRequest request) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage(), null, request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    return body(HttpStatus.BAD_REQUEST, "Malformed request body: " + rootMessage(e), null, request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), null, request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return body(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), null, request);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    return body(HttpStatus.PAYLOAD_TOO_LARGE, "Upload too large: " + e.getMessage(), null, request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noResource(NoResourceFoundException e, HttpServletRequest request) {
    return body(HttpStatus.NOT_FOUND, "No such resource", null, request);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  static ResponseEntity<ApiError> body(HttpStatus status, String message, String field, HttpServletRequest request) {
    return ResponseEntity.status(status)
        .body(new ApiError(status.value(), status.getReasonPhrase(), message, field, request.getRequestURI(), EngineTime.current()));
  }
}
