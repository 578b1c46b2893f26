package vn.onestop.feedback;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.onestop.notify.Notification;
import vn.onestop.notify.AfterCommit;

/** The notices a feedback's handling sends; they leave only after the engine's transaction commits. */
@Component
public class FeedbackNotices {

  private final AfterCommit afterCommit;
  private final JdbcTemplate jdbc;

  public FeedbackNotices(AfterCommit afterCommit, JdbcTemplate jdbc) {
    this.afterCommit = afterCommit;
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
    afterCommit.send(n);
  }
}
