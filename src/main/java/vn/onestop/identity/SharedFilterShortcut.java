package vn.onestop.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.onestop.security.WebappSession;
import vn.onestop.web.ReplayedRequest;

/**
 * Lets Tasklist's requests for OneStop's shared filters (bộ lọc dùng chung) be answered by
 * {@link SharedFilterQueries} instead of the engine's task query, on both REST roots (Tasklist's own
 * {@code /camunda/api/engine/engine/default} and {@code /engine-rest}):
 *
 * <ul>
 *   <li>{@code …/filter/{id}/count}: the count, as the engine writes it ({@code {"count": n}});</li>
 *   <li>{@code GET …/filter?itemCount=true} (Tasklist's list of filters with their counts, refreshed all day):
 *       the engine lists the filters without counting, the counts are filled in here.</li>
 * </ul>
 *
 * Anything else — the lists of tasks, another filter, search criteria in the body, an administrator, a caller
 * the engine would not check — goes to the engine unchanged. A servlet filter rather than a JAX-RS provider
 * because Tasklist's REST root is the webapp's own Jersey application, which OneStop does not configure.
 * Runs after authentication ({@code /engine-rest}: HTTP Basic; Tasklist: the webapp's session); it only reads.
 */
@Configuration(proxyBeanMethods = false)
public class SharedFilterShortcut {

  static final List<String> ROOTS = List.of("/engine-rest", "/camunda/api/engine/engine/default");
  private static final Pattern FILTER_COUNT = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/default)"
      + "/filter/([^/]+)/count$");
  private static final Pattern FILTER_LIST = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/default)/filter/?$");
  /** Keys of a body that carry no criteria (the variables Tasklist shows beside each task, the order). */
  private static final Set<String> PLAIN_BODY = Set.of("processVariables", "taskVariables", "caseInstanceVariables",
      "sorting", "variableNamesIgnoreCase", "variableValuesIgnoreCase");
  /** Counter of the filter requests seen, tagged {@code by=statement|engine}: which side chose the answer. */
  static final String ANSWERS = "onestop.tasklist.filter.answers";

  @Bean
  FilterRegistrationBean<Shortcut> sharedFilterShortcutFilter(SharedFilterQueries queries, IdentityService identity,
      ObjectMapper json, MeterRegistry meters) {
    FilterRegistrationBean<Shortcut> registration = new FilterRegistrationBean<>(new Shortcut(queries, identity, json,
        Counter.builder(ANSWERS).tag("by", "statement").description("Shared-filter requests answered by OneStop's statement").register(meters),
        Counter.builder(ANSWERS).tag("by", "engine").description("Shared-filter requests left to the engine's task query").register(meters)));
    registration.setName("onestop-shared-filter-shortcut");
    for (String root : ROOTS) {
      registration.addUrlPatterns(root + "/filter", root + "/filter/*");
    }
    registration.setOrder(100); // after HTTP Basic of /engine-rest (10) and the browser checks
    return registration;
  }

  static final class Shortcut extends OncePerRequestFilter {

    private final SharedFilterQueries queries;
    private final IdentityService identity;
    private final ObjectMapper json;
    private final Counter byStatement;
    private final Counter byEngine;

    Shortcut(SharedFilterQueries queries, IdentityService identity, ObjectMapper json, Counter byStatement, Counter byEngine) {
      this.queries = queries;
      this.identity = identity;
      this.json = json;
      this.byStatement = byStatement;
      this.byEngine = byEngine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      Optional<SharedFilterQueries.Caller> caller = caller(request, path);
      if (caller.isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      Matcher call = FILTER_COUNT.matcher(path);
      if (call.matches() && Set.of("GET", "POST").contains(request.getMethod())) {
        byte[] body = "POST".equals(request.getMethod()) ? request.getInputStream().readAllBytes() : new byte[0];
        Optional<Long> count = withoutCriteria(body) ? queries.count(call.group(1), caller.get()) : Optional.empty();
        (count.isPresent() ? byStatement : byEngine).increment();
        if (count.isPresent()) {
          response.setStatus(200);
          response.setContentType("application/json");
          json.writeValue(response.getOutputStream(), Map.of("count", count.get()));
          return;
        }
        chain.doFilter(new Rewritten(request, body, request.getQueryString()), response);
        return;
      }
      if (FILTER_LIST.matcher(path).matches() && "GET".equals(request.getMethod())
          && "true".equals(request.getParameter("itemCount"))) {
        filtersWithCounts(caller.get(), request, response, chain);
        return;
      }
      chain.doFilter(request, response);
    }

    /** The signed-in member of staff: the webapp session for Tasklist, HTTP Basic (already checked) for the API. */
    private Optional<SharedFilterQueries.Caller> caller(HttpServletRequest request, String path) {
      if (path.startsWith("/camunda/")) {
        return WebappSession.user(request).map(u -> new SharedFilterQueries.Caller(u.userId(), u.groups(), u.tenants()));
      }
      Authentication current = identity.getCurrentAuthentication();
      if (current == null || current.getUserId() == null) {
        return Optional.empty();
      }
      return Optional.of(new SharedFilterQueries.Caller(current.getUserId(),
          current.getGroupIds() == null ? List.of() : List.copyOf(current.getGroupIds()),
          current.getTenantIds() == null ? List.of() : List.copyOf(current.getTenantIds())));
    }

    /** Tasklist's list of filters with counts: the engine lists, the counts are taken here where possible. */
    private void filtersWithCounts(SharedFilterQueries.Caller caller, HttpServletRequest request,
        HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
      String query = request.getQueryString().replaceAll("(^|&)itemCount=true", "$1itemCount=false");
      ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
      chain.doFilter(new Rewritten(request, null, query), captured);
      JsonNode answer = readJson(captured);
      if (captured.getStatus() != 200 || !(answer instanceof ArrayNode list)) {
        captured.copyBodyToResponse();
        return;
      }
      for (JsonNode filter : list) {
        if (filter instanceof ObjectNode f && f.hasNonNull("id")) {
          String id = f.get("id").asText();
          f.put("itemCount", queries.countAny(id, caller));
        }
      }
      writeJson(captured, response, list);
    }

    /** The body carries no criteria that would narrow the filter (empty, or only the variables to show and the order). */
    private boolean withoutCriteria(byte[] body) {
      JsonNode tree;
      try {
        tree = body.length == 0 ? json.createObjectNode() : json.readTree(body);
      } catch (IOException malformed) {
        return false; // the engine answers that
      }
      if (!(tree instanceof ObjectNode object)) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
        JsonNode value = field.getValue();
        boolean criteria = field.getKey().endsWith("Variables") && !(value.isNull() || value.isArray() && value.isEmpty());
        if (!PLAIN_BODY.contains(field.getKey()) || criteria) {
          return false;
        }
      }
      return true;
    }

    private JsonNode readJson(ContentCachingResponseWrapper captured) {
      try {
        return json.readTree(captured.getContentAsByteArray());
      } catch (IOException e) {
        return null;
      }
    }

    private void writeJson(ContentCachingResponseWrapper captured, HttpServletResponse response, JsonNode body)
        throws IOException {
      byte[] bytes = json.writeValueAsBytes(body);
      captured.resetBuffer();
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }

    private static int number(String value, int otherwise) {
      try {
        return value == null ? otherwise : Integer.parseInt(value);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }

  /** The request with another body and query string (what the engine reads). */
  static final class Rewritten extends ReplayedRequest {

    private final String query;

    Rewritten(HttpServletRequest request, byte[] body, String query) {
      super(request, body);
      this.query = query;
    }

    @Override
    public String getQueryString() {
      return query;
    }

    @Override
    public String getParameter(String name) {
      String[] values = getParameterMap().get(name);
      return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> parameters = new LinkedHashMap<>();
      if (query != null) {
        for (String pair : query.split("&")) {
          String[] kv = pair.split("=", 2);
          String key = java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
          String value = kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
          parameters.merge(key, new String[] {value}, (a, b) -> {
            String[] both = java.util.Arrays.copyOf(a, a.length + 1);
            both[a.length] = b[0];
            return both;
          });
        }
      }
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return getParameterMap().get(name);
    }
  }
}
