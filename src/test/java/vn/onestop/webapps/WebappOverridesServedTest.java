package vn.onestop.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.onestop.OneStopSpringTest;

/**
 * The Camunda starter serves /camunda/app/** from classpath:/META-INF/resources/webjars/camunda/app/, where
 * OneStop's files come before the webjar's: the browser must get OneStop's config.js, styles and vi.json.
 */
@OneStopSpringTest
class WebappOverridesServedTest {

  static final List<String> APPS = WebappLocaleFiles.APPS;

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest(name = "{0}")
  @FieldSource("APPS")
  void configOffersVietnameseFirstAndDayFirstDates(String app) throws Exception {
    HttpResponse<String> config = get("/camunda/app/" + app + "/scripts/config.js");
    assertThat(config.statusCode()).isEqualTo(200);
    // Every app's config.js spreads the one shared settings module (loaded by the webapp with import()).
    assertThat(config.body())
        .contains("import onestop from '../../onestop/settings.js';")
        .contains("...onestop");
    HttpResponse<String> shared = get("/camunda/app/onestop/settings.js");
    assertThat(shared.statusCode()).isEqualTo(200);
    assertThat(shared.body())
        .as("Vietnamese only: an en-US browser falls back to Vietnamese too").contains("availableLocales: ['vi']")
        .contains("fallbackLocale: 'vi'")
        .contains("normal: 'DD/MM/YYYY HH:mm'");
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("APPS")
  void vietnameseLocaleIsServed(String app) throws Exception {
    HttpResponse<byte[]> vi = http.send(request("/camunda/app/" + app + "/locales/vi.json"),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(vi.statusCode()).isEqualTo(200);
    JsonNode served = WebappLocaleFiles.read(new ByteArrayInputStream(vi.body()));
    assertThat(served).isEqualTo(WebappLocaleFiles.vietnamese(app));
    assertThat(served.at("/labels").size()).isPositive();

    // Camunda's English stays available beside it.
    HttpResponse<String> en = get("/camunda/app/" + app + "/locales/en.json");
    assertThat(en.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("APPS")
  void communityEndOfLifeBannerIsHidden(String app) throws Exception {
    HttpResponse<String> styles = get("/camunda/app/" + app + "/styles/user-styles.css");
    assertThat(styles.statusCode()).isEqualTo(200);
    assertThat(styles.body()).contains("@import url(\"../../onestop/user-styles.css\");");
    HttpResponse<String> shared = get("/camunda/app/onestop/user-styles.css");
    assertThat(shared.statusCode()).isEqualTo(200);
    assertThat(shared.body()).containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none\\s*!important;");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
  }
}
