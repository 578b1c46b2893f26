package vn.onestop.notify;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The {@link Notifier} everybody gets: every notification goes to the log at once, and to the
 * applicant by e-mail (when Spring Mail is configured and an address is known) and by SMS (when a
 * phone number is known) through the {@link NotificationOutbox}: queued durably, delivered with
 * retries, FAILED and visible when it keeps failing - never dropped because the mail server or the
 * SMS gateway is down at that moment.
 */
@Primary
@Component
public class CompositeNotifier implements Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(CompositeNotifier.class);

  private final List<Notifier> channels;
  private final NotificationOutbox outbox;
  private final NotifyProperties properties;

  @Autowired
  public CompositeNotifier(LoggingNotifier log, NotificationOutbox outbox, NotifyProperties properties) {
    this((Notifier) log, outbox, properties);
  }

  /** The log channel and the outbox (tests give their own log channel). */
  CompositeNotifier(Notifier log, NotificationOutbox outbox, NotifyProperties properties) {
    this.channels = List.of(log);
    this.outbox = outbox;
    this.properties = properties;
  }

  /** Direct fan-out without an outbox (unit tests of the channels). */
  CompositeNotifier(List<Notifier> channels) {
    this.channels = List.copyOf(channels);
    this.outbox = null;
    this.properties = NotifyProperties.defaults();
  }

  @Override
  public void send(Notification notification) {
    for (Notifier channel : channels) {
      try {
        channel.send(notification);
      } catch (RuntimeException e) {
        LOG.error("{} of {} not delivered by {}: {}", notification.kind(), notification.dossierCode(),
            channel.getClass().getSimpleName(), e.toString());
      }
    }
    if (outbox == null) {
      return;
    }
    List<String> queued = new ArrayList<>();
    if (outbox.channels().contains(NotificationChannels.MAIL) && MailNotifier.applies(notification)) {
      queued.add(NotificationChannels.MAIL);
    }
    if (outbox.channels().contains(NotificationChannels.SMS) && properties.sms() && SmsNotifier.applies(notification)) {
      queued.add(NotificationChannels.SMS);
    }
    for (String channel : queued) {
      // A failure here (database down) reaches the caller: the notice is not silently lost.
      outbox.enqueue(channel, notification);
    }
  }

  /** The channels in use, for the operator (e.g. whether e-mail is on). */
  public List<String> channels() {
    List<String> names = new ArrayList<>(channels.stream().map(c -> c.getClass().getSimpleName()).toList());
    if (outbox != null) {
      outbox.channels().forEach(c -> names.add("outbox:" + c));
    }
    return names;
  }
}
