package vn.onestop.platform;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Start-up check of the {@code postgres} profile: the engine may not alter its schema there
 * ({@code camunda.bpm.database.schema-update: false}), so before the engine is built OneStop checks
 * that the schema exists and is at the engine's version, and stops with the operator's next step
 * otherwise ({@link EngineSchema}).
 */
@Component
@Profile("postgres")
@ConditionalOnProperty(name = "camunda.bpm.database.schema-update", havingValue = "false")
public class EngineSchemaCheck extends AbstractProcessEnginePlugin {

  private final DataSource dataSource;

  public EngineSchemaCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      EngineSchema.check(dataSource);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the engine schema version: " + e.getMessage(), e);
    }
  }
}
