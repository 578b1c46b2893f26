package vn.onestop.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail to applicants through Spring Mail (thư điện tử): receipt, supplement request, apology, early
 * result, result ready, feedback answers. Vietnamese text, UTF-8. Staff notifications are not mailed
 * (staff see their tasks in Tasklist); messages without an e-mail address are skipped.
 */
public class MailNotifier implements Notifier {

  private final JavaMailSender mail;
  private final NotifyProperties properties;

  public MailNotifier(JavaMailSender mail, NotifyProperties properties) {
    this.mail = mail;
    this.properties = properties;
  }

  /** Whether this notification goes by e-mail. */
  public static boolean applies(Notification n) {
    return n.audience() == Notification.Audience.APPLICANT && n.recipient() != null && n.recipient().email() != null
        && !n.recipient().email().isBlank();
  }

  @Override
  public void send(Notification n) {
    if (!applies(n)) {
      return;
    }
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.mailFrom());
      helper.setTo(n.recipient().email().trim());
      helper.setSubject(subject(n));
      helper.setText(text(n), false);
      mail.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("E-mail " + n.kind() + " could not be built: " + e.getMessage(), e);
    } catch (MailException e) {
      throw new IllegalStateException("E-mail " + n.kind() + " could not be sent: " + e.getMessage(), e);
    }
  }

  static String subject(Notification n) {
    return n.dossierCode() == null || n.dossierCode().isBlank() ? n.subject() : n.subject() + " - hồ sơ " + n.dossierCode();
  }

  String text(Notification n) {
    String name = n.recipient().name();
    StringBuilder text = new StringBuilder();
    text.append("Kính gửi ").append(name == null || name.isBlank() ? "Ông/Bà" : "Ông/Bà " + name).append(",\n\n");
    text.append(n.body()).append("\n\n");
    if (n.dossierCode() != null && !n.dossierCode().isBlank()) {
      text.append("Mã số hồ sơ: ").append(n.dossierCode()).append("\n");
    }
    String procedure = n.facts() == null ? null : n.facts().get("procedureName");
    if (procedure != null && !procedure.isBlank()) {
      text.append("Thủ tục: ").append(procedure).append("\n");
    }
    text.append("\n").append(properties.mailFooter()).append("\n");
    return text.toString();
  }
}
