package vn.onestop.platform;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL could not be started as this OneStop's own database: its port or its
 * data directory belongs to someone else. Start-up stops here rather than run on another
 * instance's data.
 */
public class EmbeddedDatabaseConflictException extends IllegalStateException {

  private final int port;
  private final transient Path dataDir;

  public EmbeddedDatabaseConflictException(int port, Path dataDir, String reason) {
    super("The embedded PostgreSQL (port " + port + ", data directory " + dataDir + ") cannot be used: " + reason + ".");
    this.port = port;
    this.dataDir = dataDir;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }
}
