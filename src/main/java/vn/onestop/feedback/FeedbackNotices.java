package vn.onestop.feedback;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.onestop.notify.Notification;
import vn.onestop.notify.Notifier;

/** The notices a feedback's handling sends; they leave only after the engine's transaction commits. */
@Component
public class FeedbackNotices {

  private static final Logger LOG = LoggerFactory.getLogger(FeedbackNotices.class);

  private final Notifier notifier;
  private final JdbcTemplate jdbc;

  public FeedbackNotices(Notifier notifier, JdbcTemplate jdbc) {
    this.notifier = notifier;
    this.jdbc = jdbc;
  }

  public void toSender(long feedbackId, String kind, String subject, String body) {
    Map<String, Object> f = jdbc.queryForMap("select code, sender_name, sender_email, sender_phone from onestop.feedback where id = ?", feedbackId);
    Notification.Recipient to = new Notification.Recipient((String) f.get("sender_name"), (String) f.get("sender_email"),
        (String) f.get("sender_phone"), null);
    send(new Notification(kind, (String) f.get("code"), to, Notification.Audience.APPLICANT, subject, body, Map.of()));
  }

  public void toStaff(String code, String group, String kind, String subject, String body) {
    send(new Notification(kind, code, new Notification.Recipient(null, null, null, group), Notification.Audience.STAFF,
        subject, body, Map.of()));
  }

  private void send(Notification n) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          deliver(n);
        }
      });
    } else {
      deliver(n);
    }
  }

  private void deliver(Notification n) {
    try {
      notifier.send(n);
    } catch (RuntimeException e) {
      LOG.error("Notice {} of {} not delivered: {}", n.kind(), n.dossierCode(), e.toString());
    }
  }
}
