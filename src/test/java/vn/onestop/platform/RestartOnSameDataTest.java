package vn.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopApplication;

/**
 * The default run keeps its data in a directory: a restart finds it again, with fsync on, and
 * deploys no new process version when no model changed.
 */
class RestartOnSameDataTest {

  @TempDir Path dataDir;

  @Test
  void restartKeepsDataAndDeploysNoNewVersion() {
    long deploymentsFirst;
    int versionFirst;
    try (ConfigurableApplicationContext first = start()) {
      RepositoryService repository = first.getBean(RepositoryService.class);
      deploymentsFirst = repository.createDeploymentQuery().count();
      versionFirst = repository.createProcessDefinitionQuery().processDefinitionKey("procedure-review")
          .latestVersion().singleResult().getVersion();
      JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
      assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
      jdbc.update("insert into onestop.dossier_code_counter values ('000.00.00.H00', date '2026-01-05', 7)");
    }
    try (ConfigurableApplicationContext second = start()) {
      RepositoryService repository = second.getBean(RepositoryService.class);
      assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsFirst);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("procedure-review")
          .latestVersion().singleResult().getVersion()).isEqualTo(versionFirst);
      assertThat(second.getBean(JdbcTemplate.class).queryForObject(
          "select last_seq from onestop.dossier_code_counter where agency_code = '000.00.00.H00'", Integer.class))
          .isEqualTo(7);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(OneStopApplication.class).run(
        "--onestop.embedded-db.ephemeral=false",
        "--onestop.embedded-db.data-dir=" + dataDir.resolve("pg"),
        "--onestop.embedded-db.port=0",
        "--server.port=0",
        // This second application shares the JVM with the Spring tests' context. Its own engine name
        // (no hyphen, or the starter ignores it): closing it unregisters its engine from ProcessEngines
        // by name, which would take the shared context's "default" engine with it ("Process engine
        // default not available"). No webapps: their runtime delegates are JVM-wide statics that its
        // close would clear, leaving the shared context's Tasklist answering 500.
        "--camunda.bpm.process-engine-name=restartProbe",
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.job-execution.enabled=false");
  }
}
