package vn.onestop.notify;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The {@link Notifier} everybody gets: every notification goes to the log, and to the applicant by
 * e-mail (when Spring Mail is configured and an address is known) and by SMS (when a phone number is
 * known). One channel failing is logged and never stops the others (the port's contract).
 */
@Primary
@Component
public class CompositeNotifier implements Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(CompositeNotifier.class);

  private final List<Notifier> channels;

  @Autowired
  public CompositeNotifier(LoggingNotifier log, ObjectProvider<JavaMailSender> mail, SmsSender sms, NotifyProperties properties) {
    List<Notifier> all = new ArrayList<>();
    all.add(log);
    JavaMailSender sender = mail.getIfAvailable();
    if (sender != null) {
      all.add(new MailNotifier(sender, properties));
    }
    all.add(new SmsNotifier(sms, properties));
    this.channels = List.copyOf(all);
  }

  CompositeNotifier(List<Notifier> channels) {
    this.channels = List.copyOf(channels);
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
  }

  /** The channels in use, for the operator (e.g. whether e-mail is on). */
  public List<String> channels() {
    return channels.stream().map(c -> c.getClass().getSimpleName()).toList();
  }
}
