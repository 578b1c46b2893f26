package vn.onestop.platform;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything OneStop schedules outside the engine runs once per cluster, not once per node (issue 19
 * §1): every {@code @Scheduled} method carries {@code @SchedulerLock}, and ShedLock keeps the lock in
 * {@code onestop.shedlock} on the shared PostgreSQL, timed by the database's clock.
 *
 * <p>Why ShedLock and not an engine timer job: the jobs are plain Spring methods (the nightly
 * reorganisation hand-over); an engine timer would need a BPMN model or a custom job handler for each
 * of them, a deployment that designers could change, and it would run them inside an engine command.
 * ShedLock is one small, well-kept library (Apache-2.0) on the same database, and a skipped run is
 * simply the other node's. The exception is the notice outbox's delivery round
 * ({@code vn.onestop.notify.NotificationChannels.OutboxDelivery}): it runs on every node on purpose,
 * sharing rows with {@code FOR UPDATE SKIP LOCKED}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class SchedulerLockConfiguration {

  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource))
        .withTableName("onestop.shedlock")
        .usingDbTime()
        .build());
  }
}
