package vn.onestop.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

/** A form's list answer: Tasklist's JSON list or the comma-separated text API clients send. */
class JsonFormAnswersTest {

  @Test
  void aListIsReadFromTasklistsJsonOrFromCommaSeparatedText() {
    assertThat(JsonFormAnswers.texts("[\"dakrlap-tnmt\", \"dakrlap-ktht\", \"dakrlap-tnmt\", \" \"]"))
        .containsExactly("dakrlap-tnmt", "dakrlap-ktht");
    assertThat(JsonFormAnswers.texts("dakrlap-tnmt, dakrlap-ktht,,")).containsExactly("dakrlap-tnmt", "dakrlap-ktht");
    assertThat(JsonFormAnswers.texts(null)).isEmpty();
  }

  @Test
  void theJsonTypeKeepsCheckedTextOnly() {
    assertThat(JsonFormAnswers.value("[\"a\"]").getValue()).isEqualTo("[\"a\"]");
    assertThat(JsonFormAnswers.value("[\"a\"]").getType().getName()).isEqualTo("json");
    assertThatThrownBy(() -> JsonFormAnswers.value("[\"a\"")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("không hợp lệ");
    assertThatThrownBy(() -> JsonFormAnswers.value("[\"" + "x".repeat(4000) + "\"]"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("4000");
  }
}
