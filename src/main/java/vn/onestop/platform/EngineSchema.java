package vn.onestop.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The process engine's own schema on PostgreSQL, managed the way Camunda recommends for production:
 * the engine never alters it at start-up ({@code schema-update: false} in the {@code postgres}
 * profile); an operator applies the engine's own SQL scripts, shipped inside {@code camunda-engine}
 * ({@code org/camunda/bpm/engine/db/create} and {@code .../upgrade}), as a separate step, and every
 * start checks that the schema is there and at the engine's version.
 *
 * <p>Written here rather than taken from a tool: the scripts are Camunda's, unchanged; this class only
 * runs them in the engine's own order (Spring's {@link ResourceDatabasePopulator} splits them) and reads
 * {@code ACT_GE_SCHEMA_LOG}, which every create and upgrade script appends to.
 */
public final class EngineSchema {

  /** Order of {@code DbSqlSession.dbSchemaCreate()}: engine, history, identity, CMMN, DMN. */
  static final List<String> CREATE_SCRIPTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");

  private EngineSchema() {}

  /** The engine library's version, e.g. {@code 7.24.0}. */
  public static String engineVersion() {
    String v = ProcessEngine.class.getPackage().getImplementationVersion();
    return v == null ? "7.24.0" : v;
  }

  /** {@code 7.24} of {@code 7.24.0}. */
  static String minor(String version) {
    String[] parts = version.split("\\.");
    return parts[0] + "." + parts[1];
  }

  /** Creates the engine's tables in an empty database (the engine's create scripts). */
  public static void create(DataSource dataSource) {
    ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
    for (String part : CREATE_SCRIPTS) {
      populator.addScript(new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
    }
    populator.execute(dataSource);
  }

  /**
   * Upgrades the schema from {@code fromMinor} (e.g. {@code 7.23}) to the engine's version with the
   * engine's minor-version upgrade scripts, in order. Patch-level scripts of the same minor version
   * are not applied here; see Camunda's update guide when one is announced.
   */
  public static List<String> upgrade(DataSource dataSource, String fromMinor) {
    String target = minor(engineVersion());
    List<String> applied = new ArrayList<>();
    int major = Integer.parseInt(fromMinor.split("\\.")[0]);
    int from = Integer.parseInt(fromMinor.split("\\.")[1]);
    int to = Integer.parseInt(target.split("\\.")[1]);
    for (int m = from; m < to; m++) {
      String name = "org/camunda/bpm/engine/db/upgrade/postgres_engine_" + major + "." + m + "_to_" + major + "." + (m + 1) + ".sql";
      ClassPathResource script = new ClassPathResource(name);
      if (!script.exists()) {
        throw new IllegalStateException("No upgrade script " + name + " in camunda-engine " + engineVersion());
      }
      new ResourceDatabasePopulator(script).execute(dataSource);
      applied.add(name);
    }
    return applied;
  }

  /**
   * The version the database's engine schema is at ({@code ACT_GE_SCHEMA_LOG}), or {@code null} when
   * the engine's tables are missing.
   */
  public static String schemaVersion(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select to_regclass('act_ge_schema_log') is not null")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return null;
        }
      }
      try (ResultSet rs = s.executeQuery(
          "select version_ from act_ge_schema_log order by cast(id_ as integer) desc limit 1")) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Throws with the operator's next step when the schema is missing or not at the engine's version. */
  public static void check(DataSource dataSource) throws SQLException {
    String found = schemaVersion(dataSource);
    String expected = engineVersion();
    if (found == null) {
      throw new EngineSchemaException("The database has no process-engine tables. Create them once with the engine's"
          + " own scripts before starting OneStop in the 'postgres' profile: see docs/operations.md, 'Engine schema'"
          + " (java -cp onestop.jar -Dloader.main=vn.onestop.platform.EngineSchemaTool"
          + " org.springframework.boot.loader.launch.PropertiesLauncher create).");
    }
    if (!minor(found).equals(minor(expected))) {
      throw new EngineSchemaException("The process-engine schema is at " + found + " but this OneStop runs engine "
          + expected + ". Apply the engine's upgrade scripts first: see docs/operations.md, 'Engine schema'"
          + " (EngineSchemaTool upgrade " + minor(found) + ").");
    }
  }

  /** The engine schema is missing or at another version; start-up stops with the operator's next step. */
  public static class EngineSchemaException extends IllegalStateException {
    public EngineSchemaException(String message) {
      super(message);
    }
  }
}
