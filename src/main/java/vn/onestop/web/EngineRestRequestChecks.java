package vn.onestop.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a request to {@code /engine-rest} before Camunda reads it:
 * <ul>
 *   <li>a {@code POST}/{@code PUT} whose resource method reads a body, without a {@code Content-Type}:
 *       <b>415</b>; with no body at all: <b>400</b> (Camunda's resources would get {@code null} and fail
 *       with a {@code NullPointerException}, 500);</li>
 *   <li>a JSON body with a string variable longer than Camunda stores ({@code varchar(4000)}) or holding
 *       the NUL character (PostgreSQL refuses 0x00): <b>400</b> naming the variable, before anything is
 *       written (otherwise the insert fails at the end of the transaction with a 500); a variable in Java
 *       serialization format (prohibited by the engine): <b>400</b>; a body that is JSON {@code null}: <b>400</b>.</li>
 * </ul>
 */
@Provider
public class EngineRestRequestChecks implements ContainerRequestFilter {

  private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
  /** JSON bodies larger than this are not inspected (deployments are multipart, variables are small). */
  private static final int INSPECT_LIMIT = 8 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Context
  private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!WITH_BODY.contains(request.getMethod()) || resource == null || !readsEntity(resource.getResourceMethod())) {
      return;
    }
    String path = "/engine-rest/" + request.getUriInfo().getPath();
    if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
      request.abortWith(EngineRestProblems.answer(415, "Thiếu header Content-Type; gửi nội dung JSON với "
          + "Content-Type: application/json", "Content-Type", path, null));
      return;
    }
    if (!request.hasEntity()) {
      request.abortWith(EngineRestProblems.answer(400, "Thiếu nội dung yêu cầu (JSON)", "body", path, null));
      return;
    }
    MediaType type = request.getMediaType();
    if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && request.getLength() <= INSPECT_LIMIT) {
      byte[] body = request.getEntityStream().readAllBytes();
      request.setEntityStream(new ByteArrayInputStream(body));
      if (body.length > INSPECT_LIMIT) {
        return;
      }
      Response refused = inspect(body, path);
      if (refused != null) {
        request.abortWith(refused);
      }
    }
  }

  /** The answer refusing a too long or NUL-bearing string variable, or {@code null}. */
  static Response inspect(byte[] body, String path) {
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (IOException e) {
      return null; // malformed JSON: Camunda's reader fails, EngineRestProblems answers 400
    }
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      return EngineRestProblems.answer(400, "Thiếu nội dung yêu cầu (JSON)", "body", path, null);
    }
    return walk(tree, null, path);
  }

  private static Response walk(JsonNode node, String name, String path) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      if (text.indexOf('\0') >= 0) {
        return EngineRestProblems.answer(400, "Giá trị của '" + name + "' chứa ký tự NUL (0x00), không được chấp nhận",
            name, path, null);
      }
      return null;
    }
    if (node.isObject()) {
      JsonNode value = node.get("value");
      JsonNode type = node.get("type");
      boolean stringVariable = value != null && value.isTextual() && (type == null || type.isNull()
          || "string".equalsIgnoreCase(type.asText()));
      JsonNode format = node.path("valueInfo").path("serializationDataFormat");
      if (format.isTextual() && format.asText().startsWith("application/x-java-serialized-object")) {
        return EngineRestProblems.answer(400, "Biến '" + name + "' dùng định dạng tuần tự hoá Java, không được chấp nhận; "
            + "gửi giá trị dạng JSON", name, path, null);
      }
      if (stringVariable && value.textValue().length() > TextRules.ENGINE_TEXT) {
        return EngineRestProblems.answer(400, "Giá trị của '" + name + "' dài quá " + TextRules.ENGINE_TEXT
            + " ký tự (hiện có " + value.textValue().length() + "); văn bản dài gửi qua API của OneStop", name, path, null);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        Response r = walk(field.getValue(), field.getKey().equals("value") ? name : field.getKey(), path);
        if (r != null) {
          return r;
        }
      }
      return null;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        Response r = walk(item, name, path);
        if (r != null) {
          return r;
        }
      }
    }
    return null;
  }

  /**
   * Runs before Jersey matches a resource: a body sent without {@code Content-Type} is refused with 415
   * here, before Jersey's own content negotiation answers it in plain text.
   */
  @Provider
  @PreMatching
  public static class MissingContentType implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
      boolean body = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
      if (WITH_BODY.contains(request.getMethod()) && body && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
        request.abortWith(EngineRestProblems.answer(415, "Thiếu header Content-Type; gửi nội dung JSON với "
            + "Content-Type: application/json", "Content-Type", "/engine-rest/" + request.getUriInfo().getPath(), null));
      }
    }
  }

  /** True when a parameter carries no JAX-RS annotation: that one is the request body. */
  static boolean readsEntity(Method method) {
    if (method == null) {
      return false;
    }
    for (var annotations : method.getParameterAnnotations()) {
      if (annotations.length == 0) {
        return true;
      }
    }
    return false;
  }
}
