package vn.onestop.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.onestop.OneStopApplication;

/**
 * How the cluster tests start a OneStop node on a shared PostgreSQL: the {@code postgres} profile, an
 * own host name (the job log records which node ran each job), the job executor on (the test resources
 * switch it off for every other Spring test), the test portal client, and a short job lock time so that
 * a dead node's jobs are taken over within seconds.
 */
final class ClusterNodes {

  static final String ADMIN_PASSWORD = "Quan-Tri@2026!Mot-Cua";
  /** The test portal's key ("test-portal-key-2026") and its SHA-256, as in the test demo profile. */
  static final String PORTAL_KEY = "test-portal-key-2026";
  static final String PORTAL_KEY_SHA256 = "73f64e26073a3e1053a194b6bb6997725b2b9326007551cbd5b7073cd852bb18";
  /** Lock time of the crash tests' job executors (production: 120 s). */
  static final int LOCK_MILLIS = 10_000;

  private ClusterNodes() {}

  /** The command-line arguments of node {@code name}; {@code extra} are appended (and win). */
  static String[] args(String jdbcUrl, String name, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=postgres",
        "--ONESTOP_DB_URL=" + jdbcUrl,
        "--ONESTOP_DB_USER=postgres", "--ONESTOP_DB_PASSWORD=unused", "--ONESTOP_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
        "--ONESTOP_DB_POOL_SIZE=12",
        "--ONESTOP_SECURE_COOKIES=false",
        "--server.port=0",
        // The test resources switch the job executor off (process tests drive jobs themselves).
        "--camunda.bpm.job-execution.enabled=true",
        // The job log records which node ran each job.
        "--camunda.bpm.generic-properties.properties.hostname=node-" + name,
        "--camunda.bpm.webapp.enabled=false",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /** The arguments of the crash tests' nodes: the test portal client, no rate limit, a short lock time. */
  static String[] crashArgs(String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--onestop.portal.clients[0].id=test-portal",
        "--onestop.portal.clients[0].key-sha256=" + PORTAL_KEY_SHA256,
        "--onestop.portal.requests-per-minute=1000000",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /**
   * A node in this JVM. Own engine name: it shares the JVM with other Spring tests (see
   * RestartOnSameDataTest for why).
   */
  static ConfigurableApplicationContext inJvm(String jdbcUrl, String name, String... extra) {
    List<String> all = new ArrayList<>(List.of(args(jdbcUrl, name)));
    all.add("--camunda.bpm.process-engine-name=cluster" + name);
    all.addAll(List.of(extra));
    return new SpringApplicationBuilder(OneStopApplication.class).run(all.toArray(String[]::new));
  }

  static int port(ConfigurableApplicationContext node) {
    return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
  }

  /** A node in a JVM of its own ({@link ClusterNodeProcess}), so that the test can kill it with SIGKILL. */
  static final class Child {
    final Process process;
    final CompletableFuture<Integer> port = new CompletableFuture<>();

    private Child(Process process) {
      this.process = process;
    }

    /** kill -9: {@link Process#destroyForcibly()} sends SIGKILL on Linux. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Starts node {@code name} in a child JVM; every line it prints goes to {@code target/cluster-node-<name>.log}
   * and to {@code lines}. {@code acceptPrefix}: the child accepts the check tasks of the portal ids with this prefix.
   */
  static Child child(String jdbcUrl, String name, String acceptPrefix, Consumer<String> lines, String... extra)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Donestop.node.accept-prefix=" + acceptPrefix, "-cp", System.getProperty("java.class.path"),
        ClusterNodeProcess.class.getName()));
    command.addAll(List.of(args(jdbcUrl, name, extra)));
    Child child = new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
    Path log = Path.of("target", "cluster-node-" + name + ".log");
    Files.createDirectories(log.getParent());
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.process.getInputStream(), StandardCharsets.UTF_8));
          PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
        String line;
        while ((line = in.readLine()) != null) {
          out.println(line);
          if (line.startsWith(ClusterNodeProcess.READY)) {
            child.port.complete(Integer.parseInt(line.substring(ClusterNodeProcess.READY.length()).trim()));
          }
          lines.accept(line);
        }
      } catch (IOException e) {
        // the child died: its output ends here
      }
      child.port.completeExceptionally(new IllegalStateException("node " + name + " ended; see " + log.toAbsolutePath()));
    }, "cluster-node-" + name + "-output");
    reader.setDaemon(true);
    reader.start();
    return child;
  }
}
