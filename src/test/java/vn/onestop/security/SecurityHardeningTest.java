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
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.onestop.OneStopSpringTest;

/**
 * Issue 24, findings 2, 3 and 5 over HTTP: no Basic challenge, cross-origin changes refused, the webapp session
 * with its CSRF token for browsers, growing temporary login delays per account-and-address and per address (no
 * permanent lock), headers on OneStop's pages and API, the actuator for operators; and issue 18's cache of
 * password checks ending when the password changes.
 */
@OneStopSpringTest
class SecurityHardeningTest {

  static final String DEMO = WebappsAndEngineRestTest.DEMO_PASSWORD;
  static final String USER = "lockout-probe";
  static final String PASSWORD = "Khoa@2026-dung!";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired LoginThrottle throttle;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void createUser() {
    if (identityService.createUserQuery().userId(USER).count() == 0) {
      User user = identityService.newUser(USER);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(USER, "dakrlap-mot-cua-clerks");
    }
  }

  @AfterEach
  void deleteUser() {
    identityService.deleteUser(USER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/cong-dan/", "/supervisor/", "/api/procedures", "/api/dossiers", "/engine-rest/task"})
  void onestopPagesAndApisSendTheSecurityHeaders(String path) throws Exception {
    HttpResponse<String> response = http.send(get(path).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
        .contains("default-src 'self'").contains("frame-ancestors 'self'").contains("object-src 'none'");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/dossiers", "/api/reports/scope", "/engine-rest/task", "/actuator/prometheus"})
  void aBrowserIsNeverChallengedForBasic(String path) throws Exception {
    HttpResponse<String> anonymous = http.send(get(path).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
    HttpResponse<String> wrong = http.send(get(path).header("Authorization", basic("nobody-at-all", "x"))
        .header("X-Forwarded-For", "192.0.2.77").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isIn(401, 429);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void stateChangingRequestsFromAnotherOriginAreRefusedEvenWithAPassword() throws Exception {
    for (String origin : List.of("http://evil.example", "null", "http://localhost:1")) {
      HttpResponse<String> response = http.send(request("/engine-rest/process-definition/key/procedure-review/start")
          .header("Authorization", basic(USER, PASSWORD)).header("Origin", origin).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(origin).isEqualTo(403);
      assertThat(response.body()).contains("Cross-origin");
    }
    HttpResponse<String> crossSite = http.send(request("/api/documents/dossiers/1/slips/05")
        .header("Authorization", basic(USER, PASSWORD)).header("Sec-Fetch-Site", "cross-site")
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(crossSite.statusCode()).isEqualTo(403);
    // the same origin (and a machine client, which sends no Origin) passes this check
    HttpResponse<String> sameOrigin = http.send(get("/engine-rest/task").header("Authorization", basic(USER, PASSWORD))
        .header("Origin", "http://localhost:" + port).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(sameOrigin.statusCode()).isEqualTo(200);
  }

  @Test
  void aBrowserUsesItsTasklistSessionAndNeedsTheCsrfTokenForChanges() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(get("/camunda/app/tasklist/default/").build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + URLEncoder.encode(PASSWORD,
            StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    // as Tasklist does after the login: its next request gives the new session its CSRF token (it rotates at login)
    browser.send(get("/camunda/api/admin/auth/user/default").build(), HttpResponse.BodyHandlers.discarding());

    HttpResponse<String> read = browser.send(get("/api/documents/dossiers/999999999").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).as("known by the session: " + read.body()).isEqualTo(404);

    HttpResponse<String> withoutToken = browser.send(request("/api/documents/dossiers/1/slips/05")
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.body()).contains("CSRF");

    HttpResponse<String> withToken = browser.send(request("/api/documents/dossiers/1/slips/05")
        .header("X-XSRF-TOKEN", xsrf(cookies)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).as("past authentication: " + withToken.body()).isNotIn(401, 403, 429);
  }

  @Test
  void twentyWrongPasswordsFromOneAddressDoNotStopTheRightOneAfterTheDelay() throws Exception {
    String attacker = "203.0.113.24";
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      statuses.add(engineRest(USER, "Sai-mat-khau-" + i, attacker).statusCode());
    }
    assertThat(statuses).containsOnly(401, 429).contains(401, 429);
    assertThat(statuses.subList(0, 3)).as("the first failures are free").containsOnly(401);

    HttpResponse<String> rightDuringTheDelay = engineRest(USER, PASSWORD, attacker);
    assertThat(rightDuringTheDelay.statusCode()).isEqualTo(429);
    assertThat(rightDuringTheDelay.headers().firstValue("Retry-After")).isPresent();
    assertThat(engineRest(USER, PASSWORD, "198.51.100.7").statusCode()).as("the user at her own desk is not delayed")
        .isEqualTo(200);

    Thread.sleep(900); // longer than the test profile's max-delay and max-source-delay (800 ms)
    assertThat(engineRest(USER, PASSWORD, attacker).statusCode()).isEqualTo(200);
    assertThat(identityService.createUserQuery().userId(USER).singleResult()).as("never locked by the engine").isNotNull();

    assertThat(throttle.report(java.time.Instant.now())).anySatisfy(f -> assertThat(f.userId()).isEqualTo(USER));
    HttpResponse<String> adminView = http.send(get("/api/staff/login-failures").header("Authorization", basic("admin", DEMO))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(adminView.statusCode()).isEqualTo(200);
    assertThat(adminView.body()).contains("\"userId\":\"" + USER + "\"").contains("\"alert\":true");
    assertThat(http.send(get("/api/staff/login-failures").header("Authorization", basic("clerk", DEMO)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
  }

  @Test
  void theWebappLoginFormIsThrottledToo() throws Exception {
    String attacker = "203.0.113.99";
    List<Integer> statuses = new ArrayList<>();
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(get("/camunda/app/tasklist/default/").build(), HttpResponse.BodyHandlers.discarding());
    for (int i = 0; i < 8; i++) {
      statuses.add(webappLogin(browser, cookies, USER, "Sai-" + i, attacker).statusCode());
    }
    assertThat(statuses.subList(0, 3)).containsOnly(401);
    assertThat(statuses).contains(429);
    Thread.sleep(900);
    assertThat(webappLogin(browser, cookies, USER, PASSWORD, attacker).statusCode()).isEqualTo(200);
  }

  @Test
  void aRememberedPasswordCheckEndsWhenThePasswordChanges() throws Exception {
    assertThat(engineRest(USER, PASSWORD, "192.0.2.10").statusCode()).isEqualTo(200);
    assertThat(engineRest(USER, PASSWORD, "192.0.2.10").statusCode()).as("remembered").isEqualTo(200);
    User user = identityService.createUserQuery().userId(USER).singleResult();
    user.setPassword("Moi@2026-doi-khac!");
    identityService.saveUser(user);
    assertThat(engineRest(USER, PASSWORD, "192.0.2.10").statusCode()).as("old password, at once").isEqualTo(401);
    assertThat(engineRest(USER, "Moi@2026-doi-khac!", "192.0.2.10").statusCode()).isEqualTo(200);
    identityService.deleteUser(USER);
    assertThat(engineRest(USER, "Moi@2026-doi-khac!", "192.0.2.10").statusCode()).as("deleted user").isEqualTo(401);
  }

  @Test
  void healthShowsOnlyTheStatusToEveryoneAndDetailsAndMetricsToOperators() throws Exception {
    HttpResponse<String> anonymous = http.send(get("/actuator/health").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("\"db\"").doesNotContain("components");

    HttpResponse<String> clerk = http.send(get("/actuator/health").header("Authorization", basic("clerk", DEMO)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(clerk.body()).doesNotContain("\"db\"");

    HttpResponse<String> admin = http.send(get("/actuator/health").header("Authorization", basic("admin", DEMO)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(admin.body()).contains("\"db\"").contains("\"processEngine\"");

    assertThat(http.send(get("/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    assertThat(http.send(get("/actuator/prometheus").header("Authorization", basic("clerk", DEMO)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    HttpResponse<String> metrics = http.send(get("/actuator/prometheus").header("Authorization", basic("admin", DEMO)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void aForeignPageCannotReplaceTheSessionCookie() throws Exception {
    HttpResponse<String> foreignImage = http.send(get("/camunda/app/tasklist/default/").header("Sec-Fetch-Site", "cross-site")
        .header("Sec-Fetch-Mode", "no-cors").header("Sec-Fetch-Dest", "image").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(foreignImage.statusCode()).isEqualTo(403);
    assertThat(foreignImage.headers().allValues("Set-Cookie")).isEmpty();

    HttpResponse<String> link = http.send(get("/camunda/app/tasklist/default/").header("Sec-Fetch-Site", "cross-site")
        .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(link.statusCode()).as("a link from another site still opens Tasklist").isEqualTo(200);
  }

  private HttpResponse<String> engineRest(String user, String password, String from) throws Exception {
    return http.send(get("/engine-rest/task/count").header("Authorization", basic(user, password))
        .header("X-Forwarded-For", from).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> webappLogin(HttpClient browser, CookieManager cookies, String user, String password, String from)
      throws Exception {
    return browser.send(request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
        .header("X-Forwarded-For", from)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + URLEncoder.encode(password,
            StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  static String basic(String user, String password) {
    return WebappsAndEngineRestTest.basic(user, password);
  }
}
