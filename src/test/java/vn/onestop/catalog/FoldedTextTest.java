package vn.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldedTextTest {

  @Test
  void foldsVietnamese() {
    assertThat(FoldedText.of("Đăng ký  Khai sinh").value()).isEqualTo("dang ky khai sinh");
    assertThat(FoldedText.of("Chứng thực bản sao").value()).isEqualTo("chung thuc ban sao");
    assertThat(FoldedText.of("Đắk R'lấp").value()).isEqualTo("dak r'lap");
    assertThat(FoldedText.of(null).value()).isEmpty();
  }

  @Test
  void matchesEveryWordInAnyOrder() {
    FoldedText name = FoldedText.of("Đăng ký khai sinh");
    assertThat(name.containsAllWords(FoldedText.of("khai sinh"))).isTrue();
    assertThat(name.containsAllWords(FoldedText.of("sinh khai"))).isTrue();
    assertThat(name.containsAllWords(FoldedText.of("khai tử"))).isFalse();
    assertThat(name.containsAllWords(FoldedText.of(""))).isTrue();
  }
}
