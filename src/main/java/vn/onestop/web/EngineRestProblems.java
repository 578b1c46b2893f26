package vn.onestop.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.glassfish.jersey.server.ParamException;
import vn.onestop.process.RuleViolation;

/**
 * Every error of {@code /engine-rest} as problem details (RFC 9457, the shape of {@link Problems}):
 * <ul>
 *   <li>a OneStop rule broken inside the engine — a listener's {@code DossierInputException}, missing
 *       scans — found by walking the cause chain through the engine's and the REST layer's wrappers to
 *       the {@link RuleViolation}: its status (400, 404, 409), its Vietnamese message, its field;</li>
 *   <li>a change that lost to a concurrent change of the same rows ({@link ConcurrentChange}): 409, to be sent
 *       again;</li>
 *   <li>what Camunda itself answers with a 4xx (unknown task, no permission, bad JSON, wrong media type):
 *       Camunda's status, its message without engine codes or Java type names;</li>
 *   <li>anything else is a fault: 500 with a correlation id; the details go to the log only.</li>
 * </ul>
 */
@Provider
public class EngineRestProblems implements ExceptionMapper<Throwable> {

  private static final Pattern ENGINE_CODE = Pattern.compile("ENGINE-\\d{5}\\s*");
  private static final Pattern JAVA_TYPE = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*(?:\\([^)]*\\))?");
  private static final Pattern EXCEPTION_WORD = Pattern.compile("\\b\\w*(Exception|Error)\\b:?\\s*");

  @Context
  private UriInfo uri;

  @Context
  private HttpServletRequest request;

  @Override
  public Response toResponse(Throwable e) {
    String path = uri == null ? null : "/engine-rest/" + uri.getPath();
    RuleViolation rule = RuleViolation.find(e);
    if (rule != null) {
      return answer(rule.kind().status(), Problems.naming(rule.getMessage(), rule.field()), rule.field(), path, null);
    }
    JsonProcessingException json = find(e, JsonProcessingException.class);
    if (json != null) {
      JsonProblems.Described d = JsonProblems.describe(json, "body");
      return answer(400, d.detail(), d.field(), path, null);
    }
    if (e instanceof ParamException p) {
      String name = p.getParameterName();
      return answer(400, "Giá trị của tham số '" + name + "' không hợp lệ", name, path, null);
    }
    int status;
    if (e instanceof WebApplicationException w) {
      status = w.getResponse().getStatus();
      if (status < 500) {
        String detail = switch (status) {
          case 404 -> "Không có tài nguyên ở địa chỉ này";
          case 405 -> "Phương thức " + (uri == null ? "" : "này ") + "không được hỗ trợ ở địa chỉ này";
          case 415 -> "Kiểu nội dung không được hỗ trợ; gửi JSON với Content-Type: application/json";
          case 406 -> "Không có định dạng trả lời phù hợp với header Accept";
          default -> Problems.title(status);
        };
        return answer(status, detail, null, path, null);
      }
    } else {
      status = ExceptionHandlerHelper.getInstance().getStatus(e).getStatusCode();
    }
    if (status >= 500) {
      // Camunda's REST layer wraps some request errors as 500; the engine's own types say what they are.
      Throwable cause = null;
      for (Throwable t = e; t != null && cause == null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof AuthorizationException) {
          status = 403;
          cause = t;
        } else if (t instanceof NullValueException || t instanceof NotFoundException) {
          status = 404;
          cause = t;
        } else if (t instanceof BadUserRequestException) {
          status = 400;
          cause = t;
        }
      }
      if (cause != null) {
        return answer(status, clean(cause.getMessage(), status), null, path, null);
      }
    }
    if (status >= 500 && ConcurrentChange.in(e)) {
      ConcurrentChange.log(path);
      if (request != null) {
        request.setAttribute(ConcurrentChange.MARK, Boolean.TRUE);
      }
      return answer(409, ConcurrentChange.DETAIL, null, path, null);
    }
    if (status >= 500) {
      String id = Problems.correlationId();
      ProblemMapper.logFault(id, path, e);
      return answer(500, Problems.serverFault(id, path).getDetail(), null, path, id);
    }
    return answer(status, clean(e.getMessage(), status), null, path, null);
  }

  /** Camunda's text for a 4xx, without engine codes, Java type names or the word "Exception". */
  static String clean(String message, int status) {
    if (message == null || message.isBlank()) {
      return Problems.title(status);
    }
    String m = ENGINE_CODE.matcher(message).replaceAll("");
    m = JAVA_TYPE.matcher(m).replaceAll("");
    m = EXCEPTION_WORD.matcher(m).replaceAll("");
    m = TextRules.excerpt(m.replaceAll("\\s{2,}", " ").strip(), 500);
    return m.isBlank() ? Problems.title(status) : Problems.title(status) + ": " + m;
  }

  static Response answer(int status, String detail, String field, String path, String correlationId) {
    return Response.status(status).type(new MediaType("application", "problem+json", "UTF-8"))
        .entity(body(status, detail, field, path, correlationId)).build();
  }

  /** The problem details of an answer, with {@code message} beside {@code detail}: what Tasklist shows. */
  static Map<String, Object> body(int status, String detail, String field, String path, String correlationId) {
    Map<String, Object> body = new LinkedHashMap<>();
    Response.Status known = Response.Status.fromStatusCode(status);
    body.put("type", Problems.TYPE_BASE + Problems.slug(status));
    body.put("title", Problems.title(status));
    body.put("status", status);
    body.put("detail", detail);
    if (path != null) {
      body.put("instance", path);
    }
    body.put("field", field);
    body.put("message", detail);
    body.put("error", known == null ? String.valueOf(status) : known.getReasonPhrase());
    body.put("path", path);
    body.put("at", vn.onestop.process.EngineTime.current().toString());
    if (correlationId != null) {
      body.put("correlationId", correlationId);
    }
    return body;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
