package vn.onestop.report.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The throw-away embedded PostgreSQL 17 of the read benchmarks: data in {@code dir} (kept between runs),
 * fsync, synchronous_commit and full_page_writes off (a read benchmark; never for durability), 1 GB shared
 * buffers, two parallel workers per query; the schema migrated with Flyway.
 */
public final class BenchDatabase {

  private BenchDatabase() {}

  public static EmbeddedPostgres start(Path dir) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dir).setCleanDataDirectory(false).setRegisterShutdownHook(false)
        .setPGStartupWait(Duration.ofSeconds(120))
        .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .setServerConfig("shared_buffers", "1GB").setServerConfig("work_mem", "64MB")
        .setServerConfig("maintenance_work_mem", "512MB").setServerConfig("max_wal_size", "4GB")
        .setServerConfig("max_parallel_workers_per_gather", "2")
        .start();
  }

  public static void migrate(DataSource ds) {
    Flyway flyway = Flyway.configure().dataSource(ds).schemas("onestop").defaultSchema("onestop").createSchemas(true)
        .locations("classpath:db/migration").outOfOrder(true).load();
    flyway.repair(); // a benchmark database only: accept edited migrations' checksums
    flyway.migrate();
  }
}
