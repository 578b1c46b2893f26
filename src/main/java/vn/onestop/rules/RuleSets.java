package vn.onestop.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The catalogue of rule sets (bộ quy tắc theo nghị định), one file each in {@code rules/}: read and
 * checked once at start-up (a wrong file stops it, naming the file and the rule), ordered by date,
 * without gaps or overlaps. {@link #on(LocalDate)} is the one place where a day chooses its rule set:
 * reception calls it once and stores the answer with the dossier; everything after reads the stored id.
 * The evaluation reads the same catalogue ({@code evaluation/RuleSetSchemes}).
 */
@Component
public class RuleSets {

  private final List<RuleSet> sets = new ArrayList<>();

  public RuleSets(@Value("${onestop.rules.files:classpath*:rules/*.yaml}") String pattern) {
    Resource[] files;
    try {
      files = new PathMatchingResourcePatternResolver().getResources(pattern);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list the rule sets " + pattern + ": " + e.getMessage(), e);
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (Resource file : files) {
      try (InputStream in = file.getInputStream()) {
        sets.add(read(yaml.readTree(in), file.getFilename()));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the rule set " + file.getFilename() + ": " + e.getMessage(), e);
      }
    }
    if (sets.isEmpty()) {
      throw new IllegalStateException("No rule set found at " + pattern);
    }
    sets.sort(Comparator.comparing(RuleSet::validFrom));
    for (int i = 1; i < sets.size(); i++) {
      RuleSet before = sets.get(i - 1);
      RuleSet next = sets.get(i);
      if (before.validTo() == null || !before.validTo().plusDays(1).equals(next.validFrom())) {
        throw new IllegalStateException("Rule set " + before.id() + " must end the day before " + next.id()
            + " starts (" + next.validFrom() + "): set its validTo to " + next.validFrom().minusDays(1));
      }
      if (before.id().equals(next.id())) {
        throw new IllegalStateException("Two rule sets with the id " + next.id());
      }
    }
  }

  /** The rule set in force on a day: chosen once, at reception, and stored with the dossier. */
  public RuleSet on(LocalDate day) {
    return sets.stream().filter(s -> s.inForceOn(day)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No rule set in force on " + day + " in rules/"));
  }

  public Optional<RuleSet> find(String id) {
    return sets.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public RuleSet get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No rule set '" + id + "' in rules/"));
  }

  /**
   * The rule set a dossier recorded at reception. A register row written before rule sets were
   * recorded (none after migration V130, which filled them in) gets the one in force on its arrival day.
   */
  public RuleSet recorded(String id, LocalDate arrivedOn) {
    return id != null ? get(id) : on(arrivedOn);
  }

  /** Every rule set, oldest first. */
  public List<RuleSet> all() {
    return List.copyOf(sets);
  }

  private static RuleSet read(JsonNode root, String file) {
    String id = text(root, "id", file);
    if (file != null && !file.equals(id + ".yaml")) {
      throw new IllegalStateException(file + ": the file of rule set " + id + " must be named " + id + ".yaml");
    }
    List<RuleSet.Rule> rules = new ArrayList<>();
    root.path("rules").fields().forEachRemaining(e -> rules.add(rule(e.getKey(), e.getValue(), file)));
    RuleSet.REQUIRED.forEach((ruleId, keys) -> {
      RuleSet.Rule rule = rules.stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow(() ->
          new IllegalStateException(file + ": rule '" + ruleId + "' missing (every rule set states " + RuleSet.REQUIRED.keySet() + ")"));
      keys.forEach(k -> {
        if (!rule.values().containsKey(k)) {
          throw new IllegalStateException(file + ", rule " + ruleId + ": value '" + k + "' missing");
        }
      });
    });
    RuleSet set = new RuleSet(id, text(root, "name", file), text(root, "shortName", file), date(root, "validFrom", file),
        root.hasNonNull("validTo") ? date(root, "validTo", file) : null,
        rules.stream().allMatch(RuleSet.Rule::known), rules, forms(root.path("forms"), file));
    check(set, file);
    return set;
  }

  private static RuleSet.Rule rule(String id, JsonNode r, String file) {
    if (!r.has("known")) {
      throw new IllegalStateException(file + ", rule " + id + ": say whether its text is known (known: true | false)");
    }
    boolean known = r.path("known").asBoolean();
    String note = r.path("note").asText(null);
    if (!known && (note == null || note.isBlank())) {
      throw new IllegalStateException(file + ", rule " + id + ": known: false needs a note saying what was not found");
    }
    Map<String, String> values = new LinkedHashMap<>();
    r.fields().forEachRemaining(e -> {
      if (!List.of("name", "source", "known", "note").contains(e.getKey())) {
        values.put(e.getKey(), e.getValue().asText());
      }
    });
    return new RuleSet.Rule(id, text(r, "name", file + ", rule " + id), text(r, "source", file + ", rule " + id), known,
        note, values);
  }

  private static RuleSet.Forms forms(JsonNode f, String file) {
    List<RuleSet.Form> forms = new ArrayList<>();
    for (SlipForm slip : SlipForm.values()) {
      JsonNode form = f.get(slip.name());
      if (form != null) {
        forms.add(new RuleSet.Form(slip, text(form, "number", file + ", form " + slip),
            text(form, "title", file + ", form " + slip)));
      }
    }
    return new RuleSet.Forms(text(f, "circular", file + ", forms"), text(f, "source", file + ", forms"),
        f.path("note").asText(null), forms);
  }

  /** The values the code reads parse, and the forms agree with the rules. */
  private static void check(RuleSet set, String file) {
    try {
      LocalTime.parse(set.rule("transfer").value("cutOff"));
      set.supplementNoticeDays();
      set.apologyLeadDays();
      set.maxNewAppointments();
    } catch (RuntimeException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
    if (!List.of("RESTART", "PAUSE").contains(set.supplementClockDefault())) {
      throw new IllegalStateException(file + ", rule supplementClock: default must be RESTART or PAUSE");
    }
    for (SlipForm slip : SlipForm.values()) {
      boolean needed = slip != SlipForm.STOP_NOTICE || set.stopNoticeWritten();
      if (needed && set.forms().find(slip).isEmpty()) {
        throw new IllegalStateException(file + ": forms." + slip + " missing");
      }
    }
    if (!set.stopNoticeWritten() && set.forms().find(SlipForm.STOP_NOTICE).isPresent()) {
      throw new IllegalStateException(file + ": forms.STOP_NOTICE given but rule stopNotice says written: false");
    }
  }

  private static LocalDate date(JsonNode node, String field, String where) {
    try {
      return LocalDate.parse(text(node, field, where));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(where + ": " + field + " is not a date (yyyy-MM-dd)");
    }
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new IllegalStateException(where + ": '" + field + "' missing");
    }
    return v.asText();
  }
}
