package vn.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 24, finding 6: what reaches the notification log of an applicant. */
class PersonalDataTest {

  @Test
  void namesEmailsPhonesAndNumbersAreMasked() {
    assertThat(PersonalData.name("Trần Thị Bích")).isEqualTo("T. T. B.");
    assertThat(PersonalData.email("bich@example.vn")).isEqualTo("b***@example.vn");
    assertThat(PersonalData.phone("0905123456")).isEqualTo("*******456");
    String body = "Kính gửi Trần Thị Bích (CCCD 066190007777, ĐT 0905 123 456, bich@example.vn): hồ sơ 000.00.00.H00-260105-0001";
    String masked = PersonalData.text(body, "Trần Thị Bích");
    assertThat(masked).doesNotContain("Trần Thị Bích").doesNotContain("066190007777").doesNotContain("0905 123 456")
        .doesNotContain("bich@").contains("T. T. B.").contains("*********777").contains("b***@example.vn")
        .contains("000.00.00.H00-260105-0001");
  }
}
