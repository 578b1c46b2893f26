package vn.onestop.notify;

import vn.onestop.process.EngineTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable delivery of notices (hộp thư đi): e-mail and SMS to applicants are written to
 * {@code onestop.notification_outbox} and delivered from there, with retries and a visible FAILED
 * state, instead of being tried once and dropped.
 *
 * <p>Why an outbox table and not an engine async continuation: notices are raised by OneStop code in
 * several places (after a dossier transaction commits, by the feedback service, by the citizen API),
 * not only inside BPMN flows, and one notice fans out to independent channels; a mail failure must not
 * resend the SMS. An engine job would need a process instance or an extra model per notice. The table
 * is one row per notice and channel, claimed with {@code FOR UPDATE SKIP LOCKED}, so every node of a
 * cluster delivers and no row is delivered by two nodes at once.
 *
 * <p>Delivery is at least once: a node that dies after the mail server accepted a message but before
 * its commit leaves the row PENDING, and it is sent again.
 */
public class NotificationOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationOutbox.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final Map<String, Notifier> channels;
  private final OutboxProperties properties;

  public NotificationOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json,
      Map<String, Notifier> channels, OutboxProperties properties) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    // Notices are often raised in afterCommit() of the dossier's transaction, where a plain insert would
    // join the finished transaction and never be committed.
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.json = json;
    this.channels = Map.copyOf(channels);
    this.properties = properties;
  }

  /** The channels this outbox delivers to (e.g. {@code mail}, {@code sms}). */
  public List<String> channels() {
    return channels.keySet().stream().sorted().toList();
  }

  /** Queues one notice for one channel; it is delivered by {@link #deliverDue()}. */
  public void enqueue(String channel, Notification n) {
    if (!channels.containsKey(channel)) {
      throw new IllegalArgumentException("No notification channel " + channel);
    }
    String payload;
    try {
      payload = json.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Notice " + n.kind() + " cannot be stored: " + e.getOriginalMessage(), e);
    }
    newTransaction.executeWithoutResult(status -> jdbc.update(
        "insert into onestop.notification_outbox (channel, kind, dossier_code, payload) values (?, ?, ?, ?)",
        channel, n.kind(), n.dossierCode(), payload));
  }

  /**
   * Delivers the notices that are due, up to the batch size; returns how many were sent. Failures are
   * counted and retried later; after the last attempt the row becomes FAILED and an error is logged.
   */
  public int deliverDue() {
    Integer sent = transaction.execute(status -> {
      List<Row> due = jdbc.query(
          "select id, channel, payload, attempts from onestop.notification_outbox"
              + " where state = 'PENDING' and next_attempt_at <= now() order by next_attempt_at, id"
              + " limit ? for update skip locked",
          (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)), properties.batchSize());
      int ok = 0;
      for (Row row : due) {
        if (deliver(row)) {
          ok++;
        }
      }
      return ok;
    });
    return sent == null ? 0 : sent;
  }

  private boolean deliver(Row row) {
    Notification n;
    try {
      n = json.readValue(row.payload(), Notification.class);
      Notifier channel = channels.get(row.channel());
      if (channel == null) {
        throw new IllegalStateException("channel " + row.channel() + " is not configured on this node");
      }
      channel.send(n);
    } catch (Exception e) {
      int attempts = row.attempts() + 1;
      String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      error = error.length() > 1000 ? error.substring(0, 1000) : error;
      if (attempts >= properties.maxAttempts()) {
        jdbc.update("update onestop.notification_outbox set state = 'FAILED', attempts = ?, last_error = ? where id = ?",
            attempts, error, row.id());
        LOG.error("Notice {} by {} FAILED after {} attempts (operator: see docs/operations.md, 'Notifications'): {}",
            row.id(), row.channel(), attempts, error);
      } else {
        Instant next = EngineTime.wallNow().plus(properties.delayAfter(attempts));
        jdbc.update("update onestop.notification_outbox set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?",
            attempts, error, Timestamp.from(next), row.id());
        LOG.warn("Notice {} by {} not delivered (attempt {} of {}), next try at {}: {}", row.id(), row.channel(),
            attempts, properties.maxAttempts(), next, error);
      }
      return false;
    }
    jdbc.update("update onestop.notification_outbox set state = 'SENT', attempts = attempts + 1, sent_at = now(),"
        + " last_error = null where id = ?", row.id());
    return true;
  }

  /** Counts per state, for health and metrics. */
  public Map<String, Long> countByState() {
    Map<String, Long> counts = new java.util.TreeMap<>(Map.of("PENDING", 0L, "SENT", 0L, "FAILED", 0L));
    jdbc.query("select state, count(*) from onestop.notification_outbox group by state",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  /** Puts FAILED notices back in the queue (after the operator fixed the mail server); returns how many. */
  public int retryFailed() {
    return jdbc.update("update onestop.notification_outbox set state = 'PENDING', attempts = 0, next_attempt_at = now()"
        + " where state = 'FAILED'");
  }

  private record Row(long id, String channel, String payload, int attempts) {}
}
