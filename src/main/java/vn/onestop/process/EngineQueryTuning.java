package vn.onestop.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index and planner statistics on Camunda's authorization table for the task queries of Tasklist
 * at scale (issue 18.1): runs {@value #SCRIPT} once the engine has created or updated its schema, at
 * every start (the statements are idempotent). Not a Flyway migration because on a new database Flyway
 * runs before the engine creates its {@code ACT_*} tables. PostgreSQL only; on another database
 * nothing is done. A failure is logged and the engine starts anyway (the queries are then as slow as
 * without the index, never wrong).
 */
@Component
public class EngineQueryTuning extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineQueryTuning.class);
  static final String SCRIPT = "db/engine/task-query-authorization.sql";

  private DataSource dataSource;
  private String databaseType;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    dataSource = configuration.getDataSource();
    databaseType = configuration.getDatabaseType();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (dataSource == null || !"postgres".equals(databaseType)) {
      return;
    }
    try (InputStream in = EngineQueryTuning.class.getClassLoader().getResourceAsStream(SCRIPT);
         Connection connection = dataSource.getConnection();
         Statement statement = connection.createStatement()) {
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
      connection.setAutoCommit(autoCommit);
      LOG.info("Task query tuning applied ({})", SCRIPT);
    } catch (IOException | SQLException | RuntimeException e) {
      LOG.warn("Task query tuning ({}) not applied; Tasklist stays correct but slower at scale", SCRIPT, e);
    }
  }
}
