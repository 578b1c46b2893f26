package vn.onestop.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.onestop.security.PersonalData;

/** Writes every notification to the log: the adapter in use until e-mail and SMS are configured. */
@Component
public class LoggingNotifier implements Notifier {

  private static final Logger LOG = LoggerFactory.getLogger("vn.onestop.notify");

  @Override
  public void send(Notification n) {
    // Personal data masked (issue 24): initials, e-mail and phone shortened, numbers in the text hidden.
    Notification.Recipient r = n.recipient();
    String name = r == null ? null : r.name();
    LOG.info("[{}] {} → {}: {} | {}", n.kind(), n.dossierCode(), r == null ? null : "Recipient[name=" + PersonalData.name(name)
        + ", email=" + PersonalData.email(r.email()) + ", phone=" + (r.phone() == null ? "" : PersonalData.phone(r.phone()))
        + ", staffGroup=" + r.staffGroup() + "]", PersonalData.text(n.subject(), name), PersonalData.text(n.body(), name));
  }
}
