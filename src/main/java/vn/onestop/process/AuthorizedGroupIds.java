package vn.onestop.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Which groups hold any authorization (nhóm có quyền), as the engine asks before every authorization check of a
 * signed-in user, read through the index instead of the whole table (issue 18.1, docs/architecture.md).
 *
 * <p>Camunda 7.24 answers {@code AuthorizationManager.getAllGroups()} — once per command of every authenticated
 * call, Tasklist's included — with {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}: at 100,000 open
 * dossiers (1.4 million authorization rows) 68 ms of every request, measured with PostgreSQL's statement log in
 * {@code TasklistBenchmark}. The mapper {@value #MAPPER} states the same question as a loose index scan (one
 * probe per distinct group). The engine's statement is replaced through its own per-database statement mapping
 * ({@link DbSqlSessionFactory#getStatementMappings()}, how the engine itself swaps statements per database); no
 * engine class is changed. PostgreSQL only; on another database the engine's statement stays. Written here
 * because neither the engine nor its forks offer a setting for this statement.
 */
@Component
public class AuthorizedGroupIds extends AbstractProcessEnginePlugin {

  /** The engine's statement (AuthorizationManager). */
  static final String ENGINE_STATEMENT = "selectAuthorizedGroupIds";
  /** OneStop's statement in {@value #MAPPER}. */
  static final String STATEMENT = "onestopSelectAuthorizedGroupIdsByIndex";
  static final String MAPPER = "db/engine/authorized-group-ids.xml";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(STATEMENT)) {
      try (InputStream in = AuthorizedGroupIds.class.getClassLoader().getResourceAsStream(MAPPER)) {
        if (in == null) {
          throw new IllegalStateException("Missing " + MAPPER);
        }
        new XMLMapperBuilder(in, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    DbSqlSessionFactory statements = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings = statements.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(statements.getStatementMappings()); // the engine's map is shared by all engines of the JVM
    mappings.put(ENGINE_STATEMENT, STATEMENT);
    statements.setStatementMappings(mappings);
  }
}
