package vn.onestop.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of notifications, {@code onestop.notify.*}. E-mail is sent only when Spring Mail is
 * configured ({@code spring.mail.host}); SMS go through the {@link SmsSender} in use.
 *
 * @param mailFrom   sender of the e-mails
 * @param mailFooter last paragraph of every e-mail (who sends it, that it is automatic)
 * @param sms        whether applicants with a phone number get an SMS
 * @param smsMaxLength longest SMS text; longer ones are cut (a Vietnamese SMS without accents is 160
 *                   characters a segment; gateways join segments)
 */
@ConfigurationProperties(prefix = "onestop.notify")
public record NotifyProperties(String mailFrom, String mailFooter, Boolean sms, Integer smsMaxLength) {

  public NotifyProperties {
    mailFrom = mailFrom == null || mailFrom.isBlank() ? "OneStop <no-reply@onestop.local>" : mailFrom;
    mailFooter = mailFooter == null ? "Thư này được gửi tự động từ hệ thống một cửa; vui lòng không trả lời thư này." : mailFooter;
    sms = sms == null || sms;
    smsMaxLength = smsMaxLength == null || smsMaxLength < 40 ? 320 : smsMaxLength;
  }

  public static NotifyProperties defaults() {
    return new NotifyProperties(null, null, null, null);
  }
}
