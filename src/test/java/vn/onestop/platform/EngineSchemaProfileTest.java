package vn.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopApplication;

/**
 * The {@code postgres} profile never lets the engine alter its schema (issue 19 §4): start-up on an
 * empty database stops with the documented step; after that step (the engine's own create scripts)
 * it starts; a schema of another version is refused.
 */
class EngineSchemaProfileTest {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startDatabase() throws Exception {
    postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60)).start();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    postgres.close();
  }

  @Test
  void startsOnlyOnASchemaCreatedByTheDocumentedStep() throws Exception {
    DataSource ds = postgres.getPostgresDatabase();
    Throwable failure = catchThrowable(() -> start().close());
    assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
        .isInstanceOf(EngineSchema.EngineSchemaException.class)
        .hasMessageContaining("no process-engine tables").hasMessageContaining("docs/operations.md");
    // The engine created nothing on its own.
    assertThat(EngineSchema.schemaVersion(ds)).isNull();

    EngineSchema.create(ds);
    assertThat(EngineSchema.schemaVersion(ds)).isEqualTo(EngineSchema.engineVersion());
    EngineSchema.check(ds);

    try (ConfigurableApplicationContext app = start()) {
      assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery()
          .processDefinitionKey("procedure-review").count()).isPositive();
    }
  }

  @Test
  void refusesASchemaOfAnotherVersionNamingTheUpgradeStep() throws Exception {
    try (EmbeddedPostgres other = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
      DataSource ds = other.getPostgresDatabase();
      EngineSchema.create(ds);
      new JdbcTemplate(ds).update("update act_ge_schema_log set version_ = '7.23.0'");
      assertThatThrownBy(() -> EngineSchema.check(ds))
          .isInstanceOf(EngineSchema.EngineSchemaException.class)
          .hasMessageContaining("7.23.0").hasMessageContaining("upgrade 7.23");
      assertThat(EngineSchema.upgrade(ds, "7.23")).containsExactly("org/camunda/bpm/engine/db/upgrade/postgres_engine_7.23_to_7.24.sql");
      EngineSchema.check(ds);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(OneStopApplication.class).profiles("postgres").run(
        "--ONESTOP_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--ONESTOP_DB_USER=postgres", "--ONESTOP_DB_PASSWORD=unused", "--ONESTOP_ADMIN_PASSWORD=Quan-Tri@2026!Mot-Cua",
        "--server.port=0",
        // Shares the JVM with other Spring tests: its own engine name, no webapps (see RestartOnSameDataTest).
        "--camunda.bpm.process-engine-name=schemaProbe",
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.job-execution.enabled=false");
  }
}
