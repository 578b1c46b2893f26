package vn.onestop.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes and planner statistics on Camunda's own tables for the queries that would otherwise grow with
 * the number of open dossiers - the task queries of Tasklist on the authorization table (issue 18.1,
 * {@code task-query-authorization.sql}), the job executor's acquisition on the job table (issue 18.3,
 * {@code job-acquisition.sql}) - and room in the runtime tables' pages for rows updated in place
 * ({@code hot-updates.sql}, issue 18.3). Runs the scripts once the engine has created or updated its schema, at
 * every start (the statements are idempotent). Not Flyway migrations because on a new database Flyway
 * runs before the engine creates its {@code ACT_*} tables. PostgreSQL only; on another database nothing
 * is done. A failure is logged and the engine starts anyway (the queries are then as slow as without
 * the index, never wrong).
 */
@Component
public class EngineQueryTuning extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineQueryTuning.class);
  static final List<String> SCRIPTS = List.of("db/engine/task-query-authorization.sql", "db/engine/job-acquisition.sql",
      "db/engine/hot-updates.sql");

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
    SCRIPTS.forEach(this::apply);
  }

  private void apply(String script) {
    try (InputStream in = EngineQueryTuning.class.getClassLoader().getResourceAsStream(script);
         Connection connection = dataSource.getConnection();
         Statement statement = connection.createStatement()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      for (String sql : text.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
      connection.setAutoCommit(autoCommit);
      LOG.info("Engine query tuning applied ({})", script);
    } catch (IOException | SQLException | RuntimeException e) {
      LOG.warn("Engine query tuning ({}) not applied; the engine stays correct but slower at scale", script, e);
    }
  }
}
