package vn.onestop.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes every notification to the log: the adapter in use until e-mail and SMS are configured. */
@Component
public class LoggingNotifier implements Notifier {

  private static final Logger LOG = LoggerFactory.getLogger("vn.onestop.notify");

  @Override
  public void send(Notification n) {
    LOG.info("[{}] {} → {}: {} | {}", n.kind(), n.dossierCode(), n.recipient(), n.subject(), n.body());
  }
}
