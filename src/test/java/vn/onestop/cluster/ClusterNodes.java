package vn.onestop.cluster;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.onestop.OneStopApplication;

/**
 * How the cluster tests start a OneStop node on a shared PostgreSQL: the {@code postgres} profile, an
 * own engine name and host name (the job log records which node ran each job), and the job executor
 * on, which the test resources switch off for every other Spring test.
 */
final class ClusterNodes {

  static final String ADMIN_PASSWORD = "Quan-Tri@2026!Mot-Cua";

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
        "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /**
   * A node in this JVM. Own engine name and no webapps: it shares the JVM with other Spring tests
   * (see RestartOnSameDataTest for why).
   */
  static ConfigurableApplicationContext inJvm(String jdbcUrl, String name, String... extra) {
    List<String> all = new ArrayList<>(List.of(args(jdbcUrl, name)));
    all.add("--camunda.bpm.process-engine-name=cluster" + name);
    all.add("--camunda.bpm.webapp.enabled=false");
    all.addAll(List.of(extra));
    return new SpringApplicationBuilder(OneStopApplication.class).run(all.toArray(String[]::new));
  }
}
