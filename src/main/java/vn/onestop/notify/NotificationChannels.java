package vn.onestop.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the outbox's channels (e-mail when Spring Mail is configured, SMS) and its delivery round. */
@Configuration(proxyBeanMethods = false)
public class NotificationChannels {

  public static final String MAIL = "mail";
  public static final String SMS = "sms";

  @Bean
  NotificationOutbox notificationOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json,
      ObjectProvider<JavaMailSender> mail, SmsSender sms, NotifyProperties properties, OutboxProperties outbox) {
    Map<String, Notifier> channels = new LinkedHashMap<>();
    JavaMailSender sender = mail.getIfAvailable();
    if (sender != null) {
      channels.put(MAIL, new MailNotifier(sender, properties));
    }
    channels.put(SMS, new SmsNotifier(sms, properties));
    return new NotificationOutbox(jdbc, transactions, json, channels, outbox);
  }

  @Bean
  OutboxDelivery outboxDelivery(NotificationOutbox outbox, OutboxProperties properties, ObjectProvider<MeterRegistry> meters) {
    MeterRegistry registry = meters.getIfAvailable();
    if (registry != null) {
      // FAILED notices are the operator's incident list; PENDING growing means delivery is stuck.
      for (String state : new String[] {"PENDING", "FAILED"}) {
        Gauge.builder("onestop.notifications", outbox, o -> o.countByState().getOrDefault(state, 0L))
            .tag("state", state).description("Notices in the outbox by state").register(registry);
      }
    }
    return new OutboxDelivery(outbox, properties);
  }

  /**
   * The delivery round, on every node: rows are claimed with SKIP LOCKED, so nodes share the work and
   * no lock (ShedLock) is needed; a round ends when a batch comes back short.
   */
  public static class OutboxDelivery {
    private final NotificationOutbox outbox;
    private final OutboxProperties properties;

    OutboxDelivery(NotificationOutbox outbox, OutboxProperties properties) {
      this.outbox = outbox;
      this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${onestop.notify.outbox.poll:PT5S}", initialDelayString = "${onestop.notify.outbox.poll:PT5S}")
    public void deliver() {
      try {
        int rounds = 0;
        while (outbox.deliverDue() >= properties.batchSize() && ++rounds < 20) {
          // more due; keep going, a bounded number of rounds
        }
      } catch (RuntimeException e) {
        // Database down: the next round tries again; nothing is lost, the rows stay PENDING.
        org.slf4j.LoggerFactory.getLogger(OutboxDelivery.class).warn("Notice delivery round failed: {}", e.toString());
      }
    }
  }
}
