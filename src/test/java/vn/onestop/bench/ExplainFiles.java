package vn.onestop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of SQL files against a running database - e.g. the one a
 * {@link TasklistBenchmark} run keeps open (see docs/bench/tasklist.md) - so index and statistics
 * options can be tried beside the measurement. A file whose name ends in {@code .ddl.sql} is executed
 * (statements separated by {@code ;}); a file ending in {@code .rollback.sql} likewise, to undo.
 *
 * <p>Arguments: jdbc-url (user postgres, no password, as the embedded server) then SQL files.
 */
public final class ExplainFiles {

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(args[0], "postgres", "")) {
      for (int i = 1; i < args.length; i++) {
        Path file = Path.of(args[i]);
        String sql = Files.readString(file).lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
        try (Statement statement = connection.createStatement()) {
          if (file.toString().endsWith(".ddl.sql") || file.toString().endsWith(".rollback.sql")) {
            for (String part : sql.split(";")) {
              if (!part.isBlank()) {
                statement.execute(part);
              }
            }
            System.out.println("-- executed " + file.getFileName());
            continue;
          }
          System.out.println("-- " + file.getFileName());
          try (ResultSet rows = statement.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rows.next()) {
              System.out.println("    " + rows.getString(1));
            }
          }
        }
      }
    }
  }
}
