package vn.onestop.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** E-mail against an in-process SMTP server (GreenMail, random port), SMS through the port, and the fan-out. */
class MailAndSmsNotifierTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  JavaMailSenderImpl sender() {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("localhost");
    mail.setPort(smtp.getSmtp().getPort());
    mail.setDefaultEncoding("UTF-8");
    return mail;
  }

  static Notification toApplicant(String kind, String subject, String body, String email, String phone) {
    return new Notification(kind, "000.00.10.H56-260302-0001", new Notification.Recipient("Nguyễn Văn Ánh", email, phone, null),
        Notification.Audience.APPLICANT, subject, body, Map.of("procedureName", "Đăng ký hộ kinh doanh"));
  }

  @Test
  void each_applicant_notice_arrives_as_a_vietnamese_utf8_mail() throws Exception {
    MailNotifier mail = new MailNotifier(sender(), NotifyProperties.defaults());
    String[][] notices = {
        {"RECEIPT", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Hồ sơ đã được tiếp nhận. Hẹn trả kết quả: 17:00 ngày 05/03/2026."},
        {"SUPPLEMENT_REQUEST", "Yêu cầu bổ sung, hoàn thiện hồ sơ", "Cần bổ sung bản sao giấy tờ tùy thân."},
        {"APOLOGY", "Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Chúng tôi thành thật xin lỗi. Hẹn trả mới: 10/03/2026."},
        {"EARLY_RESULT", "Thông báo trả kết quả trước hạn", "Hồ sơ đã có kết quả trước ngày hẹn."},
        {"RESULT_READY", "Kết quả đã sẵn sàng", "Mời ông/bà đến nhận kết quả."}};
    for (String[] n : notices) {
      mail.send(toApplicant(n[0], n[1], n[2], "anh@example.vn", null));
    }
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(notices.length);
    for (int i = 0; i < notices.length; i++) {
      MimeMessage m = received[i];
      assertThat(m.getSubject()).isEqualTo(notices[i][1] + " - hồ sơ 000.00.10.H56-260302-0001");
      assertThat(m.getAllRecipients()[0].toString()).isEqualTo("anh@example.vn");
      assertThat(m.getContentType()).containsIgnoringCase("charset=UTF-8");
      String body = (String) m.getContent();
      assertThat(body).contains("Kính gửi Ông/Bà Nguyễn Văn Ánh", notices[i][2], "Thủ tục: Đăng ký hộ kinh doanh");
    }
    assertThat(GreenMailUtil.getAddressList(received[0].getFrom())).contains("no-reply@onestop.local");
  }

  @Test
  void staff_notices_and_applicants_without_an_address_get_no_mail() {
    MailNotifier mail = new MailNotifier(sender(), NotifyProperties.defaults());
    mail.send(new Notification("TRANSFER_LATE", "X", new Notification.Recipient(null, null, null, "nhan-co-heads"),
        Notification.Audience.STAFF, "Chậm chuyển hồ sơ", "...", Map.of()));
    mail.send(toApplicant("RECEIPT", "Giấy tiếp nhận", "...", null, "0912345678"));
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void the_composite_sends_by_every_channel_the_recipient_has_and_survives_a_failing_one() {
    List<String> sms = new ArrayList<>();
    SmsSender recorder = (phone, text) -> sms.add(phone + "|" + text);
    List<String> logged = new ArrayList<>();
    Notifier failing = n -> {
      throw new IllegalStateException("gateway down");
    };
    CompositeNotifier all = new CompositeNotifier(List.of(failing, n -> logged.add(n.kind()),
        new MailNotifier(sender(), NotifyProperties.defaults()), new SmsNotifier(recorder, NotifyProperties.defaults())));
    all.send(toApplicant("RESULT_READY", "Kết quả đã sẵn sàng", "Mời ông/bà đến nhận kết quả.", "anh@example.vn", "0912345678"));
    assertThat(logged).containsExactly("RESULT_READY");
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(sms).containsExactly("0912345678|Kết quả đã sẵn sàng: Mời ông/bà đến nhận kết quả.");
  }

  @Test
  void long_sms_are_cut_and_phone_numbers_masked_in_the_log() {
    String text = SmsNotifier.text(toApplicant("APOLOGY", "Xin lỗi", "x".repeat(1000), null, "0912345678"), 320);
    assertThat(text).hasSize(320).endsWith("…");
    assertThat(LoggingSmsSender.mask("0912345678")).isEqualTo("*******678");
  }
}
