package vn.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.onestop.OneStopSpringTest;

/**
 * Issue 16 item 5: every endpoint of OneStop's own APIs (every {@code /api/**} mapping of Spring MVC) is in
 * the OpenAPI document at {@code /v3/api-docs} with a summary, an example of its request body when it has
 * one, and problem-details error answers with examples. A new endpoint without an entry in
 * {@link OpenApiConfiguration#ENDPOINTS} fails here.
 */
@OneStopSpringTest
class OpenApiDocumentedTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void everyApiEndpointIsDocumentedWithExamplesAndErrors() {
    Http http = new Http(port, json);
    HttpResponse<String> r = http.send(http.request("/v3/api-docs").GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode doc = http.body(r);
    assertThat(doc.path("externalDocs").path("url").asText()).as("link to Camunda's OpenAPI").contains("docs.camunda.org/rest");

    TreeSet<String> endpoints = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      for (String path : info.getPatternValues()) {
        if (path.startsWith("/api/")) {
          for (var m : info.getMethodsCondition().getMethods()) {
            endpoints.add(m.name() + " " + path);
          }
        }
      }
    });
    assertThat(endpoints).as("the API has endpoints").hasSizeGreaterThan(25);

    List<String> problems = new ArrayList<>();
    for (String endpoint : endpoints) {
      String method = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase(Locale.ROOT);
      String path = endpoint.substring(endpoint.indexOf(' ') + 1);
      JsonNode operation = doc.path("paths").path(path).path(method);
      if (operation.isMissingNode()) {
        problems.add(endpoint + ": not in /v3/api-docs");
        continue;
      }
      if (!OpenApiConfiguration.ENDPOINTS.containsKey(endpoint) || operation.path("summary").asText().isBlank()) {
        problems.add(endpoint + ": no summary (add it to OpenApiConfiguration.ENDPOINTS)");
      }
      JsonNode body = operation.path("requestBody").path("content");
      body.fields().forEachRemaining(media -> {
        if (media.getValue().path("examples").isEmpty() && media.getValue().path("example").isMissingNode()) {
          problems.add(endpoint + ": request " + media.getKey() + " without an example");
        }
      });
      JsonNode bad = operation.path("responses").path("400").path("content").path("application/problem+json");
      JsonNode fault = operation.path("responses").path("500").path("content").path("application/problem+json");
      if (bad.path("examples").isEmpty() || fault.path("examples").isEmpty()) {
        problems.add(endpoint + ": no problem-details error examples");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(http.send(http.request("/swagger-ui.html").GET()).statusCode()).as("Swagger UI").isIn(200, 302);
  }
}
