package vn.onestop.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The Vietnamese locale of Tasklist, Cockpit, Admin and Welcome against the English one shipped with
 * the engine version on the classpath: same keys, every label translated, placeholders and markup kept.
 */
class VietnameseLocaleTest {

  static final List<String> APPS = WebappLocaleFiles.APPS;

  /** Format strings and numbers that read the same in both languages. */
  static final Set<String> SAME_IN_BOTH_KEYS = Set.of(
      "dateLocales.calendar.sameElse",
      "dateLocales.longDateFormat.L",
      "dateLocales.longDateFormat.LT",
      "dateLocales.week.dow",
      "dateLocales.week.doy",
      "labels.PLGN_BTCH_SET_REMOVAL_TIME_ABSOLUTE_PLACEHOLDER");

  /** Names and abbreviations kept in English; a value made only of these (plus markup) may stay as is. */
  static final Pattern UNTRANSLATED_WORDS = Pattern.compile(
      "\\b(Camunda|Platform|BPMN|DMN|CMMN|DRD|REST|API|CSV|Cockpit|ID|IDs|URL|JSON|XML|HTML|XSRF|CSRF|UUID|Java|JavaScript|"
          + "Groovy|SPIN|XPath|JSONPath|FEEL|JUEL|OK|Email|E-mail|GitHub|Apache|MIT|Operaton|bpmn-js|dmn-js|"
          + "AND|OR|s|ms|min|h|d|x)\\b");

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|\\{}");
  /** HTML elements only: "<null>" or "<version>" are visible text and are translated. */
  static final Pattern TAG = Pattern.compile("</?\\s*(a|b|br|code|div|em|i|li|ol|p|small|span|strong|ul)\\b");
  static final Pattern MOMENT_ARGUMENT = Pattern.compile("%[sd]");

  @ParameterizedTest(name = "{0}")
  @FieldSource("APPS")
  void vietnameseHasExactlyTheKeysOfTheShippedEnglish(String app) {
    Map<String, JsonNode> english = WebappLocaleFiles.leaves(WebappLocaleFiles.shippedEnglish(app));
    Map<String, JsonNode> vietnamese = WebappLocaleFiles.leaves(WebappLocaleFiles.vietnamese(app));

    Set<String> missing = new TreeSet<>(english.keySet());
    missing.removeAll(vietnamese.keySet());
    Set<String> extra = new TreeSet<>(vietnamese.keySet());
    extra.removeAll(english.keySet());

    assertThat(missing)
        .as("keys of Camunda's %s/locales/en.json missing from OneStop's %s/locales/vi.json", app, app)
        .isEmpty();
    assertThat(extra)
        .as("keys of OneStop's %s/locales/vi.json that Camunda's en.json no longer has", app)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("APPS")
  void everyLabelIsTranslated(String app) {
    Map<String, JsonNode> english = WebappLocaleFiles.leaves(WebappLocaleFiles.shippedEnglish(app));
    Map<String, JsonNode> vietnamese = WebappLocaleFiles.leaves(WebappLocaleFiles.vietnamese(app));

    List<String> untranslated = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode vi = vietnamese.get(key);
      if (vi == null || SAME_IN_BOTH_KEYS.contains(key) || en.asText().isEmpty()) {
        return;
      }
      if (!vi.isTextual() || vi.asText().isBlank()) {
        untranslated.add(key + " is not a text");
      } else if (vi.asText().equals(en.asText()) && hasWordsToTranslate(en.asText())) {
        untranslated.add(key + " = \"" + en.asText() + "\"");
      }
    });
    assertThat(untranslated).as("%s/locales/vi.json values still in English", app).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("APPS")
  void placeholdersAndMarkupAreKept(String app) {
    Map<String, JsonNode> english = WebappLocaleFiles.leaves(WebappLocaleFiles.shippedEnglish(app));
    Map<String, JsonNode> vietnamese = WebappLocaleFiles.leaves(WebappLocaleFiles.vietnamese(app));

    List<String> broken = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode vi = vietnamese.get(key);
      if (vi == null) {
        return;
      }
      if (en.isNumber()) {
        if (!en.equals(vi)) {
          broken.add(key + ": number " + en + " became " + vi);
        }
        return;
      }
      for (Pattern pattern : List.of(PLACEHOLDER, TAG, MOMENT_ARGUMENT)) {
        List<String> expected = occurrences(pattern, en.asText());
        List<String> actual = occurrences(pattern, vi.asText());
        if (!expected.equals(actual)) {
          broken.add(key + ": expected " + expected + " but found " + actual);
        }
      }
    });
    assertThat(broken).as("%s/locales/vi.json placeholders, HTML tags or moment arguments changed", app).isEmpty();
  }

  private static boolean hasWordsToTranslate(String english) {
    String rest = PLACEHOLDER.matcher(english).replaceAll(" ");
    rest = rest.replaceAll("<[^>]*>", " ");
    rest = UNTRANSLATED_WORDS.matcher(rest).replaceAll(" ");
    return rest.chars().anyMatch(Character::isLetter);
  }

  /** Sorted, whitespace-normalised occurrences: word order differs between the languages. */
  private static List<String> occurrences(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add((m.groupCount() > 0 ? m.group(1).toLowerCase() : m.group()).replaceAll("\\s+", ""));
    }
    found.sort(null);
    return found;
  }
}
