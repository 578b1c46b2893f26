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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.onestop.OneStopSpringTest;

/**
 * One login (issue 15, item 4 and the Tasklist plugin of item 1): the Camunda webapps' authenticated session is a
 * valid login for OneStop's staff API, whichever webapp the user logged in to (Tasklist or Cockpit); changes need the
 * session's CSRF token; machine clients keep HTTP Basic; the pages' helper {@code onestop/api.js} sends the token.
 */
@OneStopSpringTest
class WebappSessionApiLoginTest {

  static final String DEMO = WebappsAndEngineRestTest.DEMO_PASSWORD;

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0} logged in to {1}")
  @CsvSource({"clerk, tasklist, /api/documents/dossiers/999999999", "supervisor, cockpit, /api/reports/scope"})
  void theWebappSessionIsALoginForTheStaffApi(String user, String app, String readPath) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(request("/camunda/app/" + app + "/default/").GET().build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
            + URLEncoder.encode(DEMO, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    browser.send(request("/camunda/api/admin/auth/user/default").GET().build(), HttpResponse.BodyHandlers.discarding());

    HttpResponse<String> read = browser.send(request(readPath).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).as("the session is the login: " + read.body()).isNotIn(401, 403);

    HttpResponse<String> withoutToken = browser.send(request("/api/documents/dossiers/1/slips/05")
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    HttpResponse<String> withToken = browser.send(request("/api/documents/dossiers/1/slips/05")
        .header("X-XSRF-TOKEN", xsrf(cookies)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).as("past authentication: " + withToken.body()).isNotIn(401, 403, 429);
  }

  @Test
  void machinesKeepHttpBasicAndAnonymousCallsAreRefusedWithoutAChallenge() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> basic = http.send(request("/api/reports/scope")
        .header("Authorization", WebappsAndEngineRestTest.basic("supervisor", DEMO)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(basic.statusCode()).isEqualTo(200);
    HttpResponse<String> anonymous = http.send(request("/api/reports/scope").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void thePagesHelperSendsTheSessionsCsrfTokenOnChanges() throws Exception {
    HttpResponse<String> helper = HttpClient.newHttpClient().send(request("/camunda/app/onestop/api.js").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(helper.statusCode()).isEqualTo(200);
    assertThat(helper.body()).contains("'X-XSRF-TOKEN'", "XSRF-TOKEN=", "credentials: 'same-origin'")
        .doesNotContain("sessionStorage", "Authorization");
  }

  private static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }
}
