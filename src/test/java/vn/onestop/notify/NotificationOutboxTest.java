package vn.onestop.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices are durable work (issue 19 §4): with the mail server down nothing is lost, the notice is
 * retried and arrives once the server is back; a notice that keeps failing ends FAILED, visible and
 * retryable; two delivering nodes never send one row twice.
 */
class NotificationOutboxTest {

  static EmbeddedPostgres postgres;
  static DataSource dataSource;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void database() throws Exception {
    postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60)).start();
    new JdbcTemplate(postgres.getPostgresDatabase()).execute("create schema onestop");
    dataSource = postgres.getDatabase("postgres", "postgres", Map.of("currentSchema", "onestop"));
    new ResourceDatabasePopulator(new ClassPathResource("db/migration/V55__notification_outbox.sql")).execute(dataSource);
    jdbc = new JdbcTemplate(dataSource);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void empty() {
    jdbc.update("delete from onestop.notification_outbox");
  }

  private static NotificationOutbox outbox(Map<String, Notifier> channels, int maxAttempts) {
    return new NotificationOutbox(jdbc, new DataSourceTransactionManager(dataSource), new ObjectMapper(), channels,
        new OutboxProperties(maxAttempts, Duration.ofMillis(1), Duration.ofMillis(1), 50));
  }

  private static Notification receipt(String code) {
    return new Notification("RECEIPT", code, new Notification.Recipient("Nguyễn Văn An", "an@example.vn", "0912345678", null),
        Notification.Audience.APPLICANT, "Giấy tiếp nhận hồ sơ", "Hồ sơ của ông/bà đã được tiếp nhận.",
        Map.of("procedureName", "Chứng thực bản sao"));
  }

  @Test
  void mailServerDownThenUp_noticeIsKeptRetriedAndDeliveredOnce() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    List<String> sms = new CopyOnWriteArrayList<>();
    Map<String, Notifier> channels = Map.of(
        NotificationChannels.MAIL, new MailNotifier(sender, NotifyProperties.defaults()),
        NotificationChannels.SMS, new SmsNotifier((phone, text) -> sms.add(phone), NotifyProperties.defaults()));
    NotificationOutbox outbox = outbox(channels, 5);
    List<String> logged = new ArrayList<>();
    CompositeNotifier notifier = new CompositeNotifier(n -> logged.add(n.kind()), outbox, NotifyProperties.defaults());

    notifier.send(receipt("000.00.00.H01-260105-0001"));
    assertThat(logged).containsExactly("RECEIPT");

    // Mail server down: the SMS goes out, the mail stays PENDING with its error and one attempt.
    assertThat(outbox.deliverDue()).isEqualTo(1);
    assertThat(sms).containsExactly("0912345678");
    Map<String, Object> mail = jdbc.queryForMap("select state, attempts, last_error from onestop.notification_outbox where channel = 'mail'");
    assertThat(mail.get("state")).isEqualTo("PENDING");
    assertThat(mail.get("attempts")).isEqualTo(1);
    assertThat((String) mail.get("last_error")).contains("could not be sent");

    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      Thread.sleep(5); // past the (1 ms) retry delay
      assertThat(outbox.deliverDue()).isEqualTo(1);
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).isNotBlank();
      assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("000.00.00.H01-260105-0001");
      assertThat(outbox.countByState()).containsEntry("SENT", 2L).containsEntry("PENDING", 0L);
      // Nothing is sent twice.
      assertThat(outbox.deliverDue()).isZero();
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      assertThat(sms).hasSize(1);
    } finally {
      smtp.stop();
    }
  }

  @Test
  void aNoticeThatKeepsFailingEndsFailedVisibleAndCanBeRetried() throws Exception {
    List<String> delivered = new CopyOnWriteArrayList<>();
    boolean[] gatewayUp = {false};
    Notifier gateway = n -> {
      if (!gatewayUp[0]) {
        throw new IllegalStateException("SMS gateway refused: 503");
      }
      delivered.add(n.dossierCode());
    };
    NotificationOutbox outbox = outbox(Map.of(NotificationChannels.SMS, gateway), 3);
    outbox.enqueue(NotificationChannels.SMS, receipt("A-1"));
    for (int i = 0; i < 3; i++) {
      Thread.sleep(5);
      outbox.deliverDue();
    }
    assertThat(outbox.countByState()).containsEntry("FAILED", 1L).containsEntry("PENDING", 0L);
    assertThat(jdbc.queryForObject("select last_error from onestop.notification_outbox", String.class)).contains("503");
    Thread.sleep(5);
    assertThat(outbox.deliverDue()).isZero(); // FAILED is not retried by itself

    gatewayUp[0] = true;
    assertThat(outbox.retryFailed()).isEqualTo(1);
    assertThat(outbox.deliverDue()).isEqualTo(1);
    assertThat(delivered).containsExactly("A-1");
  }

  @Test
  void twoNodesDeliveringAtOnceSendEveryNoticeExactlyOnce() throws Exception {
    List<String> delivered = new CopyOnWriteArrayList<>();
    Notifier slowGateway = n -> {
      delivered.add(n.dossierCode());
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    NotificationOutbox nodeA = outbox(Map.of(NotificationChannels.SMS, slowGateway), 3);
    NotificationOutbox nodeB = outbox(Map.of(NotificationChannels.SMS, slowGateway), 3);
    for (int i = 0; i < 300; i++) {
      nodeA.enqueue(NotificationChannels.SMS, receipt("C-" + i));
    }
    int[] sent = new int[2];
    Thread a = new Thread(() -> { int s; while ((s = nodeA.deliverDue()) > 0) { sent[0] += s; } });
    Thread b = new Thread(() -> { int s; while ((s = nodeB.deliverDue()) > 0) { sent[1] += s; } });
    a.start();
    b.start();
    a.join();
    b.join();
    assertThat(delivered).hasSize(300).doesNotHaveDuplicates();
    assertThat(sent[0] + sent[1]).isEqualTo(300);
    assertThat(sent[0]).isPositive();
    assertThat(sent[1]).isPositive();
  }

  @Test
  void aNoticeRaisedAfterCommitIsStoredInItsOwnTransaction() {
    NotificationOutbox outbox = outbox(Map.of(NotificationChannels.SMS, n -> { }), 3);
    new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
      jdbc.queryForObject("select 1", Integer.class); // binds the connection, as the engine's transaction does
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          outbox.enqueue(NotificationChannels.SMS, receipt("AFTER-COMMIT"));
        }
      });
    });
    assertThat(jdbc.queryForObject("select count(*) from onestop.notification_outbox where dossier_code = 'AFTER-COMMIT'",
        Integer.class)).isEqualTo(1);
  }
}
