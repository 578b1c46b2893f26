package vn.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.onestop.OneStopSpringTest;

/** Tasklist, Cockpit and Admin answer; a demo user logs in; the engine REST API demands a login. */
@OneStopSpringTest
class WebappsAndEngineRestTest {

  static final String DEMO_PASSWORD = "Demo@2026!";

  @LocalServerPort int port;

  final HttpClient anonymous = HttpClient.newHttpClient();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void webappAnswers(String app) throws Exception {
    HttpResponse<String> page = anonymous.send(get("/camunda/app/" + app + "/default/").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).containsIgnoringCase("<html");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void loginWithoutTheCsrfTokenIsRefused() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    browser.send(get("/camunda/app/tasklist/default/").build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> withoutToken = browser.send(login("clerk", DEMO_PASSWORD).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.body()).doesNotContain("userId");
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(get("/camunda/app/tasklist/default/").build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> wrongPassword = browser.send(login("nobody", "wrong").header("X-XSRF-TOKEN", xsrf(cookies)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.body()).doesNotContain("userId");
  }

  @Test
  void demoClerkLogsInToTasklistWithTheCsrfToken() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(get("/camunda/app/tasklist/default/").build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> ok = browser.send(login("clerk", DEMO_PASSWORD).header("X-XSRF-TOKEN", xsrf(cookies)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"userId\":\"clerk\"").contains("tasklist");
  }

  @Test
  void engineRestRequiresAuthentication() throws Exception {
    HttpResponse<String> noCredentials = anonymous.send(get("/engine-rest/process-definition").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(noCredentials.statusCode()).isEqualTo(401);

    HttpResponse<String> badCredentials = anonymous.send(get("/engine-rest/process-definition")
        .header("Authorization", basic("nobody", "nope")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(badCredentials.statusCode()).isEqualTo(401);

    HttpResponse<String> demoUser = anonymous.send(get("/engine-rest/process-definition")
        .header("Authorization", basic("clerk", DEMO_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(demoUser.statusCode()).isEqualTo(200);

    HttpResponse<String> anonymousStart = anonymous.send(request("/engine-rest/process-definition/key/procedure-review/start")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymousStart.statusCode()).isEqualTo(401);
  }

  @Test
  void healthShowsDatabaseAndEngineAndPrometheusScrapesForOperators() throws Exception {
    // Issue 24: details and metrics need an operator (camunda-admin here); anonymous callers get the status only.
    HttpResponse<String> health = anonymous.send(get("/actuator/health").header("Authorization", basic("admin", DEMO_PASSWORD))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"processEngine\"");

    HttpResponse<String> prometheus = anonymous.send(get("/actuator/prometheus").header("Authorization", basic("admin", DEMO_PASSWORD))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
  }

  /** The webapp's current CSRF token: it rotates, so read it before every state-changing call. */
  private static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
  }

  private HttpRequest.Builder login(String user, String password) {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
