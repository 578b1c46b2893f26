package vn.onestop.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/** A small HTTP client for the error tests: staff Basic login, portal key, raw bodies. */
final class Http {

  static final String PASSWORD = "Demo@2026!";
  static final String PORTAL_KEY = "test-portal-key-2026";
  /** What no error body may contain: Java types, stack frames, SQL, engine codes. */
  static final Pattern LEAK = Pattern.compile("Exception|\\bvn\\.onestop\\.|\\bjava\\.[a-z]+\\.|\\borg\\.(camunda|springframework|postgresql|apache)\\."
      + "|\\bat [a-z]+\\.[a-zA-Z.]+\\(|ENGINE-\\d{5}|\\binsert into\\b|\\bselect .* from\\b|SQLState|\\$[A-Z][a-zA-Z]+\\b");

  final int port;
  final ObjectMapper json;
  final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  Http(int port, ObjectMapper json) {
    this.port = port;
    this.json = json;
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path));
  }

  static HttpRequest.Builder staff(HttpRequest.Builder b, String user) {
    return b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
        .getBytes(StandardCharsets.UTF_8)));
  }

  HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> postJson(String user, String path, Object body) {
    try {
      String text = body instanceof String s ? s : json.writeValueAsString(body);
      HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(text));
      return send(user == null ? b : staff(b, user));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> portalJson(String path, Object body) {
    try {
      String text = body instanceof String s ? s : json.writeValueAsString(body);
      return send(request(path).header("Content-Type", "application/json").header("X-Api-Key", PORTAL_KEY)
          .POST(HttpRequest.BodyPublishers.ofString(text)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode body(HttpResponse<String> r) {
    try {
      return json.readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + r.body(), e);
    }
  }

  static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put((String) pairs[i], Map.of("value", pairs[i + 1]));
    }
    return variables;
  }
}
