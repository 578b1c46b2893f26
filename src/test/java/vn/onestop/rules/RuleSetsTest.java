package vn.onestop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule-set catalogue of {@code rules/}: the shipped files load and meet at 30/06 – 01/07/2025, and a
 * wrong file (a gap between two decrees, a rule without its legal status, forms that contradict the
 * rules) stops start-up naming the file and the rule. A plain unit test.
 */
class RuleSetsTest {

  static final RuleSets SHIPPED = new RuleSets("classpath*:rules/*.yaml");

  @TempDir Path dir;

  @Test
  void theShippedRuleSetsMeetOnTheFirstOfJuly2025() {
    assertThat(SHIPPED.all()).extracting(RuleSet::id).containsExactly("nd61-2018", "nd118-2025");
    assertThat(SHIPPED.on(LocalDate.of(2025, 6, 30)).id()).isEqualTo("nd61-2018");
    assertThat(SHIPPED.on(LocalDate.of(2025, 7, 1)).id()).isEqualTo("nd118-2025");
    assertThat(SHIPPED.on(LocalDate.of(2030, 1, 1)).id()).as("in force until a next one").isEqualTo("nd118-2025");
    assertThatThrownBy(() -> SHIPPED.on(LocalDate.of(2018, 6, 20))).hasMessageContaining("No rule set in force on 2018-06-20");
    assertThat(SHIPPED.recorded("nd61-2018", LocalDate.of(2026, 1, 1)).id()).as("stored, not recomputed").isEqualTo("nd61-2018");
  }

  @Test
  void typedRulesReadTheirValues() {
    RuleSet nd61 = SHIPPED.get("nd61-2018");
    assertThat(nd61.transferCutOff()).isEqualTo(LocalTime.of(15, 0));
    assertThat(nd61.supplementNoticeDays()).isEqualByComparingTo("3");
    assertThat(nd61.supplementClockDefault()).isEqualTo("RESTART");
    assertThat(nd61.stopNoticeWritten()).isFalse();
    assertThat(nd61.forms().find(SlipForm.STOP_NOTICE)).isEmpty();
    assertThat(nd61.form(SlipForm.LOG_BOOK).label()).isEqualTo("Mẫu số 06");
    RuleSet nd118 = SHIPPED.get("nd118-2025");
    assertThat(nd118.form(SlipForm.STOP_NOTICE).label()).isEqualTo("Mẫu số 05");
    assertThat(nd118.form(SlipForm.PROCESS_CONTROL).label()).isEqualTo("Mẫu số 06");
    assertThat(nd118.form(SlipForm.LOG_BOOK).label()).isEqualTo("Mẫu số 07");
  }

  @Test
  void aGapBetweenTwoRuleSetsStopsStartUp() throws IOException {
    copy("nd61-2018", s -> s.replace("validTo: 2025-06-30", "validTo: 2025-06-29"));
    copy("nd118-2025", s -> s);
    assertThatThrownBy(this::load).hasMessageContaining("nd61-2018 must end the day before nd118-2025");
  }

  @Test
  void aRuleWhoseTextIsNotKnownNeedsANote() throws IOException {
    copy("nd118-2025", s -> s.replace("    note: Not found in Decree 118/2025; Decree 61/2018's 3 working days are kept.\n", ""));
    assertThatThrownBy(this::load).hasMessageContaining("nd118-2025.yaml, rule supplementNotice: known: false needs a note");
  }

  @Test
  void aMissingRuleOrAFormThatContradictsTheRulesStopsStartUp() throws IOException {
    copy("nd61-2018", s -> s.replace("  refusal:\n", "  refusalX:\n"));
    assertThatThrownBy(this::load).hasMessageContaining("nd61-2018.yaml: rule 'refusal' missing");
    copy("nd61-2018", s -> s.replace("    written: false", "    written: true"));
    assertThatThrownBy(this::load).hasMessageContaining("forms.STOP_NOTICE missing");
  }

  private RuleSets load() {
    return new RuleSets("file:" + dir + "/*.yaml");
  }

  private void copy(String id, java.util.function.UnaryOperator<String> change) throws IOException {
    try (var in = getClass().getResourceAsStream("/rules/" + id + ".yaml")) {
      Files.writeString(dir.resolve(id + ".yaml"), change.apply(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }
  }
}
