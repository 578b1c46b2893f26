package vn.onestop.cluster;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopApplication;

/**
 * A OneStop node in a JVM of its own, for the crash tests ({@link ClusterNodes#child}): prints
 * {@code NODE-READY <port>} once it serves, then accepts the check tasks of the portal ids starting
 * with {@code -Donestop.node.accept-prefix}, printing {@code ACCEPTED <portal id> <dossier code>}
 * after each commit, until it is killed.
 */
public final class ClusterNodeProcess {

  static final String READY = "NODE-READY ";

  private ClusterNodeProcess() {}

  public static void main(String[] args) {
    ConfigurableApplicationContext node = SpringApplication.run(OneStopApplication.class, args);
    System.out.println(READY + ClusterNodes.port(node));
    System.out.flush();
    String prefix = System.getProperty("onestop.node.accept-prefix", "");
    if (!prefix.isEmpty()) {
      new CheckCompleter(node.getBean(ProcessEngine.class), node.getBean(JdbcTemplate.class), prefix, accepted -> {
        System.out.println(CheckCompleter.ACCEPTED + accepted);
        System.out.flush();
      }).run();
    }
  }
}
