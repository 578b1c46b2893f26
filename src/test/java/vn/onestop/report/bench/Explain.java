package vn.onestop.report.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/** EXPLAIN (ANALYZE, BUFFERS) of one SQL statement (first argument) on the benchmark database. */
public final class Explain {

  public static void main(String[] args) throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setDataDirectory(Path.of("target", "kpi-bench-pg").toAbsolutePath()).setCleanDataDirectory(false)
        .setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(120))
        .setServerConfig("fsync", "off").setServerConfig("shared_buffers", "1GB").setServerConfig("work_mem", "64MB")
        .start()) {
      JdbcTemplate jdbc = new JdbcTemplate(pg.getPostgresDatabase());
      for (int i = 0; i < 2; i++) {
        jdbc.query("EXPLAIN (ANALYZE, BUFFERS) " + args[0], (java.sql.ResultSet rs) -> {
          System.out.println(rs.getString(1));
        });
      }
    }
  }

  private Explain() {}
}
