package vn.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.onestop.OneStopSpringTest;

/**
 * The session and CSRF cookies of the webapps cannot be read by scripts (HttpOnly) and are not sent
 * on cross-site requests (SameSite), so a stolen page or a foreign site cannot ride a clerk's login.
 */
@OneStopSpringTest
class SessionCookiesTest {

  @LocalServerPort int port;

  @Test
  void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    List<String> setCookies = new ArrayList<>();
    HttpResponse<Void> page = browser.send(request("/camunda/app/tasklist/default/").GET().build(),
        HttpResponse.BodyHandlers.discarding());
    setCookies.addAll(page.headers().allValues("Set-Cookie"));
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
    HttpResponse<String> login = browser.send(request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=clerk&password=" + java.net.URLEncoder.encode(
            WebappsAndEngineRestTest.DEMO_PASSWORD, java.nio.charset.StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    setCookies.addAll(login.headers().allValues("Set-Cookie"));

    List<String> session = setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
    assertThat(session).as("a session cookie is issued").isNotEmpty();
    assertThat(session).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Path=/"));
    assertThat(setCookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).toList()).isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite="));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }
}
