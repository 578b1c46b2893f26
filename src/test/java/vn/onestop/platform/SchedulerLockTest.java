package vn.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.scheduling.annotation.Scheduled;

/** Scheduled work outside the engine runs once per cluster (issue 19 §1). */
class SchedulerLockTest {

  /** Runs on every node on purpose (rows shared with SKIP LOCKED); see SchedulerLockConfiguration. */
  private static final List<String> EVERY_NODE = List.of("vn.onestop.notify.NotificationChannels$OutboxDelivery.deliver",
      // paper jobs, taken row by row with FOR UPDATE SKIP LOCKED (signing.PaperQueue)
      "vn.onestop.signing.PaperQueue.poll");

  @Test
  void everyScheduledMethodHoldsAClusterLock() throws Exception {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
        return true;
      }
    };
    scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*")));
    List<String> scheduled = new ArrayList<>();
    List<String> unlocked = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("vn.onestop")) {
      Class<?> type = Class.forName(candidate.getBeanClassName(), false, getClass().getClassLoader());
      for (Method m : type.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Scheduled.class)) {
          String name = type.getName() + "." + m.getName();
          scheduled.add(name);
          if (!m.isAnnotationPresent(SchedulerLock.class) && !EVERY_NODE.contains(name)) {
            unlocked.add(name);
          }
        }
      }
    }
    assertThat(scheduled).contains("vn.onestop.identity.ReorganisationHandOver.nightly");
    assertThat(unlocked).as("@Scheduled methods without @SchedulerLock").isEmpty();
  }

  @Test
  void twoNodesAskingAtOnceRunTheJobOnce() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
        .setPGStartupWait(Duration.ofSeconds(60)).start()) {
      new JdbcTemplate(postgres.getPostgresDatabase()).execute("create schema onestop");
      DataSource ds = postgres.getDatabase("postgres", "postgres", Map.of("currentSchema", "onestop"));
      new ResourceDatabasePopulator(new ClassPathResource("db/migration/V56__shedlock.sql")).execute(ds);
      LockProvider nodeA = new SchedulerLockConfiguration().lockProvider(postgres.getPostgresDatabase());
      LockProvider nodeB = new SchedulerLockConfiguration().lockProvider(postgres.getPostgresDatabase());
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> nodes = new ArrayList<>();
      for (LockProvider provider : List.of(nodeA, nodeB, nodeA, nodeB)) {
        Thread t = new Thread(() -> {
          try {
            start.await();
            new DefaultLockingTaskExecutor(provider).executeWithLock((Runnable) () -> {
              runs.incrementAndGet();
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }, new LockConfiguration(Instant.now(), "reorganisation-hand-over", Duration.ofMinutes(30), Duration.ofMinutes(1)));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        t.start();
        nodes.add(t);
      }
      start.countDown();
      for (Thread t : nodes) {
        t.join();
      }
      assertThat(runs).hasValue(1);
      // lockAtLeastFor keeps the lock after the run: a node whose clock fires a little later skips too.
      new DefaultLockingTaskExecutor(nodeB).executeWithLock((Runnable) runs::incrementAndGet,
          new LockConfiguration(Instant.now(), "reorganisation-hand-over", Duration.ofMinutes(30), Duration.ofMinutes(1)));
      assertThat(runs).hasValue(1);
      assertThat(new JdbcTemplate(ds).queryForObject("select count(*) from onestop.shedlock", Integer.class)).isEqualTo(1);
    }
  }
}
