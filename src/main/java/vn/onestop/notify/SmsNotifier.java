package vn.onestop.notify;

/** SMS to applicants with a phone number, through the {@link SmsSender} port; short text, no accents lost. */
public class SmsNotifier implements Notifier {

  private final SmsSender sms;
  private final NotifyProperties properties;

  public SmsNotifier(SmsSender sms, NotifyProperties properties) {
    this.sms = sms;
    this.properties = properties;
  }

  public static boolean applies(Notification n) {
    return n.audience() == Notification.Audience.APPLICANT && n.recipient() != null && n.recipient().phone() != null
        && !n.recipient().phone().isBlank();
  }

  @Override
  public void send(Notification n) {
    if (!applies(n) || !properties.sms()) {
      return;
    }
    sms.send(n.recipient().phone().trim(), text(n, properties.smsMaxLength()));
  }

  static String text(Notification n, int max) {
    String text = n.subject() + ": " + n.body();
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
