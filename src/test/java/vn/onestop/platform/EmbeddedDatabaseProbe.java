package vn.onestop.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * Starts the embedded database the way the default run does, in its own JVM, and waits to be
 * killed: for {@link EmbeddedDatabaseSafetyTest}'s {@code kill -9} case.
 */
public final class EmbeddedDatabaseProbe {

  private EmbeddedDatabaseProbe() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(Path.of(args[0]).toString(), 0, false, java.util.Map.of());
    EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
    EmbeddedDatabaseGuard guard = configuration.embeddedDatabaseGuard(properties);
    EmbeddedPostgres postgres = configuration.embeddedPostgres(properties, guard);
    System.out.println("PROBE-READY " + postgres.getPort());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
