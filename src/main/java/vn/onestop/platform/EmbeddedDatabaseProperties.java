package vn.onestop.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL that the default run starts from Maven artifacts.
 *
 * @param dataDir   where the cluster keeps its data; it survives restarts unless {@code ephemeral}
 * @param port      the port PostgreSQL listens on (0 = any free port)
 * @param ephemeral a throw-away cluster in a temporary directory, fsync off: for tests only
 * @param serverConfig further PostgreSQL settings for the cluster ({@code postgresql.conf} names, e.g.
 *                     {@code onestop.embedded-db.server-config[shared_buffers]=256MB}); the safety settings above win
 */
@ConfigurationProperties(prefix = "onestop.embedded-db")
public record EmbeddedDatabaseProperties(String dataDir, int port, boolean ephemeral, java.util.Map<String, String> serverConfig) {

  public EmbeddedDatabaseProperties {
    if (dataDir == null || dataDir.isBlank()) {
      dataDir = "./data/postgres";
    }
    serverConfig = serverConfig == null ? java.util.Map.of() : java.util.Map.copyOf(serverConfig);
  }
}
