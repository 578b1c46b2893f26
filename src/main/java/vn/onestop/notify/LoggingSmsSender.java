package vn.onestop.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.onestop.security.PersonalData;

/** Writes each SMS to the log instead of sending it: the adapter until a gateway is contracted. */
@Component
public class LoggingSmsSender implements SmsSender {

  private static final Logger LOG = LoggerFactory.getLogger("vn.onestop.notify.sms");

  @Override
  public void send(String phone, String text) {
    LOG.info("SMS → {}: {}", mask(phone), PersonalData.text(text)); // numbers and e-mails masked (issue 24)
  }

  /** Only the last three digits reach the log. */
  static String mask(String phone) {
    if (phone == null || phone.length() <= 3) {
      return "***";
    }
    return "*".repeat(phone.length() - 3) + phone.substring(phone.length() - 3);
  }
}
