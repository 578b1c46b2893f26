package vn.onestop.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL that the default run starts from Maven artifacts.
 *
 * @param dataDir   where the cluster keeps its data; it survives restarts unless {@code ephemeral}
 * @param port      the port PostgreSQL listens on (0 = any free port)
 * @param ephemeral a throw-away cluster in a temporary directory, fsync off: for tests only
 */
@ConfigurationProperties(prefix = "onestop.embedded-db")
public record EmbeddedDatabaseProperties(String dataDir, int port, boolean ephemeral) {

  public EmbeddedDatabaseProperties {
    if (dataDir == null || dataDir.isBlank()) {
      dataDir = "./data/postgres";
    }
  }
}
