package vn.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No credential is written in a file that ships, except the demo profile ({@code application-demo.yaml},
 * active on the default run only). Secrets of real installations come from the environment
 * ({@code ${ONESTOP_DB_PASSWORD}}). Plain file scan, no Spring.
 */
class NoCredentialsInConfigurationTest {

  static final Path DEMO_PROFILE = Path.of("src/main/resources/application-demo.yaml");

  /** A secret-looking key with a literal value, e.g. {@code password: hunter2} or {@code api-key=abc}. */
  static final Pattern LITERAL_SECRET = Pattern.compile(
      "(?i)^\\s*[\\w.-]*(password|passwd|secret|token|api[-_]?key|credentials?)[\\w.-]*\\s*[:=]\\s*(?<value>\\S.*)$");

  @Test
  void configurationOutsideTheDemoProfileHoldsNoSecret() throws IOException {
    List<String> findings = new ArrayList<>();
    for (Path file : files(Path.of("src/main/resources"), Path.of("docker"))) {
      String name = file.getFileName().toString();
      boolean configuration = name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".properties")
          || name.startsWith(".env") || name.equals("Dockerfile");
      if (!configuration || file.normalize().equals(DEMO_PROFILE.normalize()) || name.endsWith(".example")) {
        continue;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        var match = LITERAL_SECRET.matcher(lines.get(i));
        if (match.matches()) {
          String value = match.group("value").trim();
          boolean fromEnvironment = value.startsWith("${") || value.startsWith("\"${");
          boolean setting = value.equals("true") || value.equals("false") || value.matches("\\d+");
          if (!fromEnvironment && !setting && !value.startsWith("#")) {
            findings.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertThat(findings).as("literal secrets outside the demo profile").isEmpty();
  }

  @Test
  void theDemoPasswordAppearsOnlyInTheDemoProfile() throws IOException {
    String demoPassword = Files.readAllLines(DEMO_PROFILE, StandardCharsets.UTF_8).stream()
        .filter(l -> l.trim().startsWith("password:")).map(l -> l.substring(l.indexOf(':') + 1).trim())
        .findFirst().orElseThrow();
    List<String> findings = new ArrayList<>();
    for (Path file : files(Path.of("src/main"), Path.of("docker"))) {
      if (file.normalize().equals(DEMO_PROFILE.normalize())) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(file);
      if (new String(bytes, StandardCharsets.ISO_8859_1).contains(demoPassword)) {
        findings.add(file.toString());
      }
    }
    assertThat(findings).as("files holding the demo password").isEmpty();
  }

  static List<Path> files(Path... roots) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(Files::isRegularFile).forEach(files::add);
        }
      }
    }
    return files;
  }
}
