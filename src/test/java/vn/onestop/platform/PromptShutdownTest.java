package vn.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM running OneStop exits promptly once the application is closed: zonky's own shutdown hook,
 * which races Spring's and made every JVM wait 30 s, must not be registered. Runs the application
 * in a child JVM and waits for it to end.
 */
class PromptShutdownTest {

  @Test
  void jvmExitsSoonAfterTheContextCloses() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ShutdownProbe.class.getName())
        .redirectErrorStream(true)
        .start();
    List<String> output = new ArrayList<>();
    long closedAt = -1;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        output.add(line);
        if (line.startsWith("PROBE-CONTEXT-CLOSED")) {
          closedAt = System.nanoTime();
        }
      }
    }
    boolean ended = child.waitFor(120, TimeUnit.SECONDS);
    assertThat(ended).as("child JVM ended; output:%n%s", String.join("\n", output)).isTrue();
    assertThat(closedAt).as("context closed; output:%n%s", String.join("\n", output)).isPositive();
    assertThat(child.exitValue()).isZero();
    long lingerSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - closedAt);
    // The hang this guards against is 30 s; a healthy JVM ends within a second or two.
    assertThat(lingerSeconds).as("seconds between context close and JVM exit").isLessThan(15);
  }
}
