package vn.onestop.document;

import vn.onestop.process.EngineTime;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.onestop.web.Problems;

/**
 * Problem details of the document API. A file that fails its checksum answers <b>500</b>: the request was
 * right, the server's copy is damaged — the body names the document and the bytes are never sent.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = DocumentController.class)
class DocumentErrorHandler {

  @ExceptionHandler(DocumentRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(DocumentRejectedException e, HttpServletRequest request) {
    HttpStatus status = switch (e.reason()) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
    };
    return Problems.answer(status, e.getMessage(), e.field(), request.getRequestURI());
  }

  @ExceptionHandler(MissingComponentsException.class)
  ResponseEntity<ProblemDetail> missing(MissingComponentsException e, HttpServletRequest request) {
    return Problems.answer(HttpStatus.CONFLICT, e.getMessage(), "components", request.getRequestURI());
  }

  @ExceptionHandler(DocumentCorruptedException.class)
  ResponseEntity<ProblemDetail> corrupted(DocumentCorruptedException e, HttpServletRequest request) {
    return Problems.answer(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage(), "documentId", request.getRequestURI());
  }
}
