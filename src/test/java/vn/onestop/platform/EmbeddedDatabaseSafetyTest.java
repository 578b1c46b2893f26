package vn.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL of the default run (issue 19 §4, issue 24 §4): it needs its password, it
 * listens on loopback only, it refuses a port or a data directory that another OneStop holds, and
 * it comes back after {@code kill -9} of the JVM without a manual step.
 */
class EmbeddedDatabaseSafetyTest {

  @TempDir Path tmp;

  private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

  private record Started(EmbeddedDatabaseGuard guard, EmbeddedPostgres postgres) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      postgres.close();
      guard.release();
    }
  }

  private Started start(Path dataDir, int port) throws Exception {
    return start(dataDir, port, java.util.Map.of());
  }

  private Started start(Path dataDir, int port, java.util.Map<String, String> serverConfig) throws Exception {
    EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir.toString(), port, false, serverConfig);
    EmbeddedDatabaseGuard guard = configuration.embeddedDatabaseGuard(properties);
    try {
      return new Started(guard, configuration.embeddedPostgres(properties, guard));
    } catch (Exception | Error e) {
      guard.release();
      throw e;
    }
  }

  @Test
  void furtherServerSettingsApplyButNeverOpenTheServerOrWeakenDurability() throws Exception {
    Path dataDir = tmp.resolve("pg-settings");
    try (Started db = start(dataDir, 0, java.util.Map.of("work_mem", "8MB", "listen_addresses", "*", "fsync", "off"))) {
      String password = Files.readString(dataDir.resolve(EmbeddedDatabaseGuard.PASSWORD_FILE)).trim();
      try (Connection c = EmbeddedDatabaseGuard.connect(db.postgres().getPort(), password)) {
        assertThat(query(c, "show work_mem")).isEqualTo("8MB");
        assertThat(query(c, "show listen_addresses")).isEqualTo("localhost");
        assertThat(query(c, "show fsync")).isEqualTo("on");
      }
    }
  }

  @Test
  void refusesPostgresWithoutThePasswordAndListensOnLoopbackOnly() throws Exception {
    Path dataDir = tmp.resolve("pg");
    String password;
    try (Started db = start(dataDir, 0)) {
      int port = db.postgres().getPort();
      Path file = dataDir.resolve(EmbeddedDatabaseGuard.PASSWORD_FILE);
      password = Files.readString(file).trim();
      assertThat(password).hasSizeGreaterThanOrEqualTo(32);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

      assertThatThrownBy(() -> EmbeddedDatabaseGuard.connect(port, null).close()).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> EmbeddedDatabaseGuard.connect(port, "postgres").close())
          .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
      try (Connection c = EmbeddedDatabaseGuard.connect(port, password)) {
        assertThat(query(c, "show listen_addresses")).isEqualTo("localhost");
        assertThat(query(c, "show password_encryption")).isEqualTo("scram-sha-256");
      }
    }
    // A restart keeps the same password and still refuses a connection without it.
    try (Started db = start(dataDir, 0)) {
      assertThat(Files.readString(dataDir.resolve(EmbeddedDatabaseGuard.PASSWORD_FILE)).trim()).isEqualTo(password);
      int port = db.postgres().getPort();
      assertThatThrownBy(() -> EmbeddedDatabaseGuard.connect(port, null).close()).isInstanceOf(SQLException.class);
      try (Connection c = EmbeddedDatabaseGuard.connect(port, password)) {
        assertThat(query(c, "select 1")).isEqualTo("1");
      }
    }
  }

  @Test
  void refusesAPortThatAnotherServerHoldsNamingPortAndDataDirectory() throws Exception {
    try (Started first = start(tmp.resolve("first"), 0)) {
      int port = first.postgres().getPort();
      Path second = tmp.resolve("second");
      long t0 = System.nanoTime();
      Throwable failure = catchThrowable(() -> start(second, port).close());
      assertThat(failure).isInstanceOf(EmbeddedDatabaseConflictException.class)
          .hasMessageContaining("port " + port).hasMessageContaining(second.toString());
      // Refused at once, not after zonky's 60 s readiness wait.
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(30);
      // The first instance is untouched.
      try (Connection c = EmbeddedDatabaseGuard.connect(port, first.guard().password())) {
        assertThat(Path.of(query(c, "show data_directory")).toRealPath()).isEqualTo(tmp.resolve("first").toRealPath());
      }
    }
  }

  @Test
  void refusesAPortHeldByAnyOtherProgram() throws Exception {
    try (ServerSocket other = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Throwable failure = catchThrowable(() -> start(tmp.resolve("pg"), other.getLocalPort()).close());
      assertThat(failure).isInstanceOf(EmbeddedDatabaseConflictException.class)
          .hasMessageContaining("port " + other.getLocalPort());
      assertThat(new EmbeddedDatabaseConflictFailureAnalyzer().analyze(failure).getAction())
          .contains("--onestop.embedded-db.port");
    }
  }

  @Test
  void refusesADataDirectoryInUseByAnotherInstance() throws Exception {
    Path dataDir = tmp.resolve("pg");
    try (Started first = start(dataDir, 0)) {
      Throwable failure = catchThrowable(() -> start(dataDir, 0).close());
      assertThat(failure).isInstanceOf(EmbeddedDatabaseConflictException.class)
          .hasMessageContaining(dataDir.toString()).hasMessageContaining("in use");
      try (Connection c = EmbeddedDatabaseGuard.connect(first.postgres().getPort(), first.guard().password())) {
        assertThat(query(c, "select 1")).isEqualTo("1");
      }
    }
  }

  @Test
  void startsAgainAfterKillMinus9OfTheJvmWithoutAManualStep() throws Exception {
    Path dataDir = tmp.resolve("pg");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        EmbeddedDatabaseProbe.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
    int orphanPort = -1;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("PROBE-READY ")) {
          orphanPort = Integer.parseInt(line.substring("PROBE-READY ".length()).trim());
          break;
        }
      }
      assertThat(orphanPort).as("child started its database").isPositive();
      String password = Files.readString(dataDir.resolve(EmbeddedDatabaseGuard.PASSWORD_FILE)).trim();
      try (Connection c = EmbeddedDatabaseGuard.connect(orphanPort, password); Statement s = c.createStatement()) {
        s.execute("create table kept(v int); insert into kept values (42)");
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, PostgreSQL is left running
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(dataDir.resolve("postmaster.pid")).exists();

    try (Started again = start(dataDir, 0)) {
      try (Connection c = EmbeddedDatabaseGuard.connect(again.postgres().getPort(), again.guard().password())) {
        assertThat(query(c, "select v from kept")).isEqualTo("42");
      }
    }
  }

  private static String query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
