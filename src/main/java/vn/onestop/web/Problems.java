package vn.onestop.web;

import java.net.URI;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one error shape of OneStop's three HTTP surfaces ({@code /api/...}, the citizen API and the
 * mapped errors of {@code /engine-rest}): RFC 9457 problem details as Spring's {@link ProblemDetail},
 * {@code application/problem+json}, with {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance} and the members {@code field} (the request field at fault), {@code message} (the
 * same text as {@code detail}, kept because portals read it since the first release), {@code error}
 * (the reason phrase), {@code path} and {@code at}. A server fault adds {@code correlationId}; the
 * details are only in the log. See docs/errors.md.
 */
public final class Problems {

  /** Media type of every error body. */
  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
  /** Base of the {@code type} URIs; each names a section of docs/errors.md. */
  public static final String TYPE_BASE = "https://onestop.gov.vn/problems/";

  private Problems() {}

  /** A problem for {@code status}, with its Vietnamese title, the detail and the field at fault. */
  public static ProblemDetail of(HttpStatusCode status, String detail, String field, String path) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create(TYPE_BASE + slug(status.value())));
    p.setTitle(title(status.value()));
    if (path != null) {
      try {
        p.setInstance(URI.create(path));
      } catch (IllegalArgumentException e) {
        // a path that is not a valid URI reference (it came from the request line) is left out
      }
    }
    HttpStatus known = HttpStatus.resolve(status.value());
    p.setProperty("error", known == null ? String.valueOf(status.value()) : known.getReasonPhrase());
    p.setProperty("message", detail);
    p.setProperty("field", field);
    p.setProperty("path", path);
    p.setProperty("at", vn.onestop.process.EngineTime.current());
    return p;
  }

  /** The detail, with the field named at its end when the message does not name it already. */
  public static String naming(String detail, String field) {
    if (field == null || field.isBlank() || (detail != null && detail.contains(field))) {
      return detail;
    }
    return (detail == null ? "" : detail) + " (trường " + field + ")";
  }

  /** The answer for a problem: its status and {@code application/problem+json}. */
  public static ResponseEntity<ProblemDetail> answer(ProblemDetail p) {
    return ResponseEntity.status(p.getStatus()).contentType(PROBLEM_JSON).body(p);
  }

  public static ResponseEntity<ProblemDetail> answer(HttpStatusCode status, String detail, String field, String path) {
    return answer(of(status, detail, field, path));
  }

  /** A short random id that ties a 500 answer to its log line. */
  public static String correlationId() {
    byte[] b = new byte[8];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The 500 answer: nothing of the fault in the body, only the id to find it in the log. */
  public static ProblemDetail serverFault(String correlationId, String path) {
    ProblemDetail p = of(HttpStatus.INTERNAL_SERVER_ERROR, "Lỗi hệ thống khi xử lý yêu cầu; xin thử lại sau. Nếu lỗi "
        + "còn lặp lại, báo cho quản trị viên mã tra cứu " + correlationId + ".", null, path);
    p.setProperty("correlationId", correlationId);
    return p;
  }

  /** The Vietnamese title of a status. */
  public static String title(int status) {
    return switch (status) {
      case 400 -> "Yêu cầu không hợp lệ";
      case 401 -> "Chưa xác thực";
      case 403 -> "Không có quyền";
      case 404 -> "Không tìm thấy";
      case 405 -> "Phương thức không được hỗ trợ";
      case 406 -> "Không có định dạng phù hợp";
      case 409 -> "Xung đột trạng thái";
      case 413 -> "Dữ liệu quá lớn";
      case 415 -> "Kiểu nội dung không được hỗ trợ";
      case 422 -> "Không thể xử lý yêu cầu";
      case 429 -> "Quá nhiều yêu cầu";
      case 500 -> "Lỗi hệ thống";
      case 503 -> "Dịch vụ tạm ngừng";
      default -> status >= 500 ? "Lỗi hệ thống" : "Yêu cầu không được chấp nhận";
    };
  }

  static String slug(int status) {
    return switch (status) {
      case 400 -> "invalid-input";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 409 -> "conflict";
      case 413 -> "too-large";
      case 415 -> "unsupported-media-type";
      case 422 -> "unprocessable";
      case 429 -> "too-many-requests";
      default -> status >= 500 ? "server-fault" : "rejected";
    };
  }
}
