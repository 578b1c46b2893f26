package vn.onestop.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;

/**
 * The documented step that creates or upgrades the process engine's schema for the {@code postgres}
 * profile (docs/operations.md, "Engine schema"). Reads the same variables as the application:
 * {@code ONESTOP_DB_URL}, {@code ONESTOP_DB_USER}, {@code ONESTOP_DB_PASSWORD}.
 *
 * <pre>
 * java -cp onestop.jar -Dloader.main=vn.onestop.platform.EngineSchemaTool \
 *      org.springframework.boot.loader.launch.PropertiesLauncher create | upgrade 7.23 | check
 * </pre>
 */
public final class EngineSchemaTool {

  private EngineSchemaTool() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: EngineSchemaTool create | upgrade <from-minor, e.g. 7.23> | check");
      System.exit(2);
    }
    try (HikariDataSource dataSource = new HikariDataSource()) {
      dataSource.setJdbcUrl(require("ONESTOP_DB_URL"));
      dataSource.setUsername(require("ONESTOP_DB_USER"));
      dataSource.setPassword(require("ONESTOP_DB_PASSWORD"));
      dataSource.setMaximumPoolSize(1);
      switch (args[0]) {
        case "create" -> {
          if (EngineSchema.schemaVersion(dataSource) != null) {
            System.out.println("Engine schema already present at " + EngineSchema.schemaVersion(dataSource) + "; nothing created.");
          } else {
            EngineSchema.create(dataSource);
            System.out.println("Engine schema created at " + EngineSchema.schemaVersion(dataSource));
          }
        }
        case "upgrade" -> {
          List<String> applied = EngineSchema.upgrade(dataSource, args[1]);
          System.out.println("Applied " + applied + "; schema now at " + EngineSchema.schemaVersion(dataSource));
        }
        case "check" -> {
          EngineSchema.check(dataSource);
          System.out.println("Engine schema at " + EngineSchema.schemaVersion(dataSource) + ": matches engine " + EngineSchema.engineVersion());
        }
        default -> {
          System.err.println("unknown command " + args[0]);
          System.exit(2);
        }
      }
    }
  }

  private static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = System.getProperty(name);
    }
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Set " + name);
    }
    return value;
  }
}
