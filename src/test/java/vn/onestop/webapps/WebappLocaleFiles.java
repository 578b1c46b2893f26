package vn.onestop.webapps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The locale files of Camunda's webapps as the classpath holds them: English from the engine's webjar
 * (so a Camunda upgrade that adds labels makes the tests fail until they are translated), Vietnamese
 * from OneStop's override directory.
 */
final class WebappLocaleFiles {

  static final List<String> APPS = List.of("tasklist", "cockpit", "admin", "welcome");
  static final String WEBJAR_JAR = "camunda-webapp-webjar";

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebappLocaleFiles() {}

  static String path(String app, String locale) {
    return "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + locale + ".json";
  }

  /** The English file shipped inside Camunda's webjar, never a copy on OneStop's own classpath. */
  static JsonNode shippedEnglish(String app) {
    URL inWebjar = resources(path(app, "en")).stream()
        .filter(url -> url.toString().contains(WEBJAR_JAR))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + path(app, "en") + " inside " + WEBJAR_JAR
            + " on the test classpath; is camunda-bpm-spring-boot-starter-webapp still a dependency?"));
    return read(url(inWebjar));
  }

  /** OneStop's Vietnamese file (the webjar ships none, so the first match is ours). */
  static JsonNode vietnamese(String app) {
    List<URL> found = resources(path(app, "vi"));
    if (found.isEmpty()) {
      throw new AssertionError("OneStop has no " + path(app, "vi") + " under src/main/resources");
    }
    return read(url(found.get(0)));
  }

  static JsonNode read(InputStream in) {
    // Jackson skips the UTF-8 byte order mark Camunda's files start with.
    try (in) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every leaf of a locale file by its path, e.g. {@code labels.FILTER_NAME} or {@code dateLocales.months[0]}. */
  static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect(root, "", leaves);
    return leaves;
  }

  private static void collect(JsonNode node, String path, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "[" + i + "]", leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static List<URL> resources(String path) {
    try {
      return Collections.list(WebappLocaleFiles.class.getClassLoader().getResources(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream url(URL url) {
    try {
      return url.openStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
