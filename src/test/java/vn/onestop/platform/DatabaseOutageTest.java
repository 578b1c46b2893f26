package vn.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * PostgreSQL stopped and started again under a running pool (issue 19 §2): while it is down a request
 * is answered 503 with a clean JSON body within seconds, not after 30 s; once it is back the same pool
 * serves again, without a restart, well within 60 s.
 */
class DatabaseOutageTest {

  @TempDir Path dataDir;

  private EmbeddedPostgres start(int port) throws Exception {
    return EmbeddedPostgres.builder().setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60))
        .setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
  }

  @Test
  void failsFastWith503WhileDownAndRecoversWithoutRestart() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    EmbeddedPostgres postgres = start(port);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(4);
    DatabaseOutagePolicy.apply(config);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      JdbcTemplate jdbc = new JdbcTemplate(pool);
      DatabaseAvailability availability = new DatabaseAvailability(pool, 200);
      availability.afterPropertiesSet();
      DatabaseOutageFilter filter = new DatabaseOutageFilter(availability);
      try {
        assertThat(jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
        assertThat(serve(filter, "/api/dossiers").getStatus()).isEqualTo(200);

        postgres.close(); // PostgreSQL stopped

        // A statement needing a connection fails within the pool's timeout, not Hikari's default 30 s.
        long t0 = System.nanoTime();
        Throwable failure = null;
        try {
          jdbc.queryForObject("select 1", Integer.class);
        } catch (DataAccessResourceFailureException e) {
          failure = e;
        } catch (RuntimeException e) {
          failure = e;
        }
        long failedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(failure).isNotNull();
        assertThat(DatabaseAvailability.isConnectionFailure(failure)).isTrue();
        assertThat(failedAfterMs).isLessThan(10_000);

        waitUntil(() -> !availability.isUp(), 15);
        long r0 = System.nanoTime();
        MockHttpServletResponse during = serve(filter, "/engine-rest/task");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - r0)).isLessThan(1_000);
        assertThat(during.getStatus()).isEqualTo(503);
        assertThat(during.getHeader("Retry-After")).isNotBlank();
        assertThat(during.getContentType()).startsWith("application/json");
        String body = during.getContentAsString();
        assertThat(body).contains("\"status\":503").contains("cơ sở dữ liệu")
            .doesNotContainIgnoringCase("sql").doesNotContain("Exception").doesNotContain("org.").doesNotContain("java.");
        // Health and metrics stay reachable so that health can report DOWN.
        assertThat(serve(filter, "/actuator/health").getStatus()).isEqualTo(200);

        postgres = start(port); // PostgreSQL started again
        long back = System.nanoTime();
        waitUntil(availability::isUp, 60);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - back)).isLessThan(60);
        assertThat(jdbc.queryForObject("select 2", Integer.class)).isEqualTo(2);
        assertThat(serve(filter, "/api/dossiers").getStatus()).isEqualTo(200);
      } finally {
        availability.destroy();
      }
    } finally {
      postgres.close();
    }
  }

  private static MockHttpServletResponse serve(DatabaseOutageFilter filter, String uri) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + seconds + " s");
      }
      Thread.sleep(100);
    }
  }
}
