package vn.onestop.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What makes the embedded PostgreSQL of the default run safe to leave running on a shared machine,
 * and impossible to confuse with another OneStop's database (issue 19 §4, issue 24 §4).
 *
 * <ul>
 *   <li><b>One owner per data directory.</b> zonky holds a file lock ({@code epg-lock}) on the data
 *       directory for the life of the JVM that started the server; a second OneStop on the same
 *       directory is refused instead of stopping the first one's server.</li>
 *   <li><b>No manual step after {@code kill -9}.</b> A JVM killed with SIGKILL leaves its PostgreSQL
 *       running (and {@code postmaster.pid} behind); that orphan is stopped with PostgreSQL's own
 *       a fast shutdown (SIGINT, as {@code pg_ctl stop -m fast}) before a new server starts. A stale {@code postmaster.pid} of a
 *       dead server is handled by PostgreSQL itself.</li>
 *   <li><b>Our server, or none.</b> A port held by another program is refused before start, naming
 *       the port and the data directory; after start, the server that answers must report our data
 *       directory ({@code SHOW data_directory}).</li>
 *   <li><b>A password.</b> Generated on first start (192 random bits), kept in
 *       {@value #PASSWORD_FILE} inside the data directory with owner-only permissions;
 *       {@code pg_hba.conf} then requires {@code scram-sha-256} for every connection, socket or
 *       loopback TCP. Only the first seconds of a brand-new, still empty cluster run with initdb's
 *       {@code trust} (on loopback); a data directory from an older OneStop is converted the same
 *       way on its next start.</li>
 * </ul>
 */
public final class EmbeddedDatabaseGuard {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseGuard.class);

  /** The file in the data directory that holds the {@code postgres} role's password. */
  public static final String PASSWORD_FILE = "onestop-postgres.password";
  static final String HBA_MARK = "# OneStop: every connection needs the password (scram-sha-256); loopback only";

  private final Path dataDir;
  private final int port;
  private final String password;

  EmbeddedDatabaseGuard(Path dataDir, int port) throws IOException {
    this.dataDir = dataDir;
    this.port = port;
    Path file = dataDir.resolve(PASSWORD_FILE);
    this.password = Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).trim() : generatePassword();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The {@code postgres} role's password (read from the data directory, or new for a new cluster). */
  public String password() {
    return password;
  }

  private static String generatePassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Data directories claimed in this JVM. Needed besides the file lock: on Linux, closing any file
   * descriptor of the lock file would drop the lock that zonky holds for another instance in this
   * JVM (POSIX record locks are per process).
   */
  private static final java.util.Set<Path> CLAIMED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private boolean claimed;

  /** Refuses a data directory whose server belongs to another running OneStop (zonky's lock file is held). */
  void claimDataDirectory() throws IOException {
    Path key = dataDir.toRealPath();
    if (!CLAIMED.add(key)) {
      throw conflict("the data directory is in use by another OneStop in this JVM");
    }
    claimed = true;
    try {
      checkLockFile();
    } catch (RuntimeException | IOException e) {
      release();
      throw e;
    }
  }

  /** Lets another instance in this JVM use the data directory again (bean destruction). */
  void release() {
    if (claimed) {
      claimed = false;
      try {
        CLAIMED.remove(dataDir.toRealPath());
      } catch (IOException e) {
        CLAIMED.remove(dataDir);
      }
    }
  }

  private void checkLockFile() throws IOException {
    Path lockFile = dataDir.resolve("epg-lock");
    if (!Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw conflict("the data directory is in use by another running OneStop (its lock file " + lockFile + " is held)");
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw conflict("the data directory is in use by another OneStop in this JVM");
    }
  }

  /**
   * A JVM killed with SIGKILL leaves its PostgreSQL running on the data directory, and the next start
   * would fail on the lock. Stop that server as an operator would (fast shutdown); it
   * belongs to nobody any more, since {@link #claimDataDirectory()} found its lock free.
   */
  void stopOrphanedServer() {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
      Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(first))
          .filter(EmbeddedDatabaseGuard::isRunning)
          .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
      if (server.isEmpty()) {
        // The server died with its JVM (or was killed itself). PostgreSQL would clear its own stale
        // lock file, except where the dead server is an unreaped zombie or its PID was reused: then
        // it refuses to start ("lock file postmaster.pid already exists"). Nobody owns the directory
        // (its zonky lock is free), so the file is stale for certain.
        LOG.warn("Removing the stale postmaster.pid of a dead PostgreSQL (pid {}) on {}", first, dataDir);
        Files.deleteIfExists(pidFile);
        return;
      }
      LOG.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left on {} by a process that died", first, dataDir);
      // SIGINT = PostgreSQL's "fast" shutdown, what pg_ctl stop -m fast sends (pg_ctl itself
      // refuses to run as root, which containers often are).
      try {
        new ProcessBuilder("kill", "-INT", first).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
      } catch (IOException noKillCommand) {
        server.get().destroy(); // SIGTERM: "smart" shutdown
      }
      waitUntilStopped(server.get(), 35);
      if (isRunning(server.get())) {
        LOG.warn("Orphaned PostgreSQL (pid {}) did not stop on request: killing it", first);
        server.get().destroyForcibly();
        waitUntilStopped(server.get(), 10);
      }
      // A server that died by SIGKILL leaves its lock file; it is ours to remove now.
      if (!isRunning(server.get())) {
        Files.deleteIfExists(pidFile);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Could not check for an orphaned PostgreSQL on {}: {}", dataDir, e.toString());
    }
  }

  /**
   * Waits until the process has ended. The process handle alone is not enough: where PID 1 does not
   * reap orphans, an exited server stays a zombie that still looks alive.
   */
  private static void waitUntilStopped(ProcessHandle process, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (isRunning(process) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /** Alive and not a zombie (Linux: state in /proc/PID/stat). */
  private static boolean isRunning(ProcessHandle process) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException | RuntimeException e) {
      return process.isAlive();
    }
  }

  /** Refuses a port that another program already listens on (another checkout's embedded server, say). */
  void requireFreePort() {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw conflict("port " + port + " is already taken by another program (perhaps the embedded database of another"
          + " OneStop checkout)");
    }
  }

  /** The server that answers on {@code port} must be the one running on our data directory. */
  void verifyServer(int actualPort) {
    String theirs;
    try (Connection c = connect(actualPort, password); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show data_directory")) {
      rs.next();
      theirs = rs.getString(1);
    } catch (SQLException e) {
      throw conflict("the server on port " + actualPort + " does not accept this data directory's password ("
          + e.getMessage() + ")");
    }
    if (!sameDirectory(Path.of(theirs), dataDir)) {
      throw conflict("the server on port " + actualPort + " runs on another data directory (" + theirs + ")");
    }
  }

  /**
   * Makes the {@code postgres} role need its password: the password file first (so a crash never
   * leaves a password that nobody knows), then the role, then {@code pg_hba.conf}, then a reload;
   * finally proves that a connection without the password is refused.
   */
  void requirePassword(int actualPort) {
    Path hba = dataDir.resolve("pg_hba.conf");
    Path file = dataDir.resolve(PASSWORD_FILE);
    try {
      boolean done = Files.exists(file) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARK);
      if (done) {
        return;
      }
      writeOwnerOnly(file, password + "\n");
      try (Connection c = connect(actualPort, password); Statement s = c.createStatement()) {
        // The password is base64url (no quote can occur); ALTER ROLE takes no bind parameter.
        s.execute("alter role postgres with password '" + password + "'");
        writeOwnerOnly(hba, String.join("\n", List.of(HBA_MARK,
            "# Written by vn.onestop.platform.EmbeddedDatabaseGuard; the password is in " + PASSWORD_FILE + ".",
            "local all all scram-sha-256",
            "host  all all 127.0.0.1/32 scram-sha-256",
            "host  all all ::1/128 scram-sha-256")) + "\n");
        s.execute("select pg_reload_conf()");
      }
      LOG.info("Embedded PostgreSQL now requires the password kept in {}", file);
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Could not protect the embedded PostgreSQL on " + dataDir + " with a password: " + e, e);
    }
    // The reload is asynchronous (SIGHUP): wait until the server has applied it.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Connection ignored = connect(actualPort, null)) {
        Thread.sleep(50);
      } catch (SQLException refused) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("The embedded PostgreSQL on " + dataDir + " still accepts connections without a password");
  }

  static Connection connect(int port, String password) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "5");
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", props);
  }

  private static void writeOwnerOnly(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static boolean sameDirectory(Path a, Path b) {
    try {
      return a.toRealPath().equals(b.toRealPath());
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  private EmbeddedDatabaseConflictException conflict(String reason) {
    return new EmbeddedDatabaseConflictException(port, dataDir, reason);
  }
}
