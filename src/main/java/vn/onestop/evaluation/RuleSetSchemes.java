package vn.onestop.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;
import vn.onestop.rules.RuleSet;
import vn.onestop.rules.RuleSets;

/**
 * The evaluation schemes, read once from {@code evaluation/schemes.yaml} (a wrong file stops start-up
 * with the file and entry named), and which one each rule set (bộ quy tắc theo nghị định) uses — the
 * rule sets themselves, with their validity, are the one catalogue of {@code rules/} ({@link RuleSets}):
 * a rule set's {@code evaluation.scheme} rule names its scheme. A dossier is scored by the scheme of the
 * rule set it recorded at reception.
 */
@Component
public class RuleSetSchemes {

  /** An agency that posts its procedures at the desk (niêm yết) from a day: indicator 6's human input. */
  public record Posting(String agency, LocalDate from) {}

  private final RuleSets ruleSets;
  private final Map<String, EvaluationScheme> schemes = new LinkedHashMap<>();
  private final List<Posting> postings = new ArrayList<>();

  public RuleSetSchemes(@Value("${onestop.evaluation.schemes-file:classpath:evaluation/schemes.yaml}") String location,
      RuleSets ruleSets) {
    this.ruleSets = ruleSets;
    JsonNode root;
    try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the evaluation schemes " + location + ": " + e.getMessage(), e);
    }
    for (JsonNode s : root.path("schemes")) {
      EvaluationScheme scheme = scheme(s, location);
      schemes.put(scheme.id(), scheme);
    }
    for (RuleSet set : ruleSets.all()) {
      if (!schemes.containsKey(set.evaluationScheme())) {
        throw new IllegalStateException("rules/" + set.id() + ".yaml, rule evaluation: unknown scheme '"
            + set.evaluationScheme() + "' (the schemes are in " + location + ")");
      }
    }
    for (JsonNode p : root.path("posted-at-desk")) {
      postings.add(new Posting(text(p, "agency", location), LocalDate.parse(text(p, "from", location))));
    }
  }

  /** The rule set in force on a day (for a unit without dossiers in the period: its last day). */
  public RuleSet ruleSetOn(LocalDate day) {
    return ruleSets.on(day);
  }

  /**
   * The rule set a dossier recorded at reception; a register row from before rule sets were recorded
   * (none after migration V130, which filled them in) falls back to the one in force on {@code day}.
   */
  public RuleSet ruleSetOf(EvaluatedDossier d, LocalDate day) {
    return d.ruleSetId() != null ? ruleSets.get(d.ruleSetId()) : ruleSets.on(d.receivedOn() == null ? day : d.receivedOn());
  }

  /** The scheme that scores a dossier received on {@code day}. */
  public EvaluationScheme schemeOn(LocalDate day) {
    return schemes.get(ruleSetOn(day).evaluationScheme());
  }

  public EvaluationScheme scheme(String id) {
    EvaluationScheme s = schemes.get(id);
    if (s == null) {
      throw new IllegalArgumentException("No evaluation scheme '" + id + "'");
    }
    return s;
  }

  /** Whether the agency posted its procedures at the desk on that day (indicator 6). */
  public boolean postedAtDesk(String agencyId, LocalDate day) {
    return postings.stream().anyMatch(p -> p.agency().equals(agencyId) && !day.isBefore(p.from()));
  }

  private static EvaluationScheme scheme(JsonNode s, String location) {
    String id = text(s, "id", location);
    List<EvaluationScheme.Indicator> indicators = new ArrayList<>();
    for (JsonNode i : s.path("indicators")) {
      indicators.add(new EvaluationScheme.Indicator(i.path("no").asInt(), EvaluationScheme.Scope.valueOf(text(i, "scope", location)),
          i.path("staff").asBoolean(), text(i, "article", location), text(i, "name", location),
          i.path("verified").asBoolean(true), i.path("note").asText(null)));
    }
    Map<String, BigDecimal> desk = new LinkedHashMap<>();
    s.path("desk-handling-share").fields().forEachRemaining(e -> desk.put(e.getKey(), e.getValue().decimalValue()));
    return new EvaluationScheme(id, text(s, "name", location), s.path("decimals").asInt(1), indicators, desk,
        s.path("feedback-on-time-share").decimalValue(), s.path("online-procedure-share").decimalValue(),
        bands(s.path("agency-grades"), "grade", location), bands(s.path("staff-bands"), "band", location));
  }

  private static List<EvaluationScheme.Band> bands(JsonNode list, String key, String location) {
    List<EvaluationScheme.Band> bands = new ArrayList<>();
    for (JsonNode b : list) {
      bands.add(new EvaluationScheme.Band(text(b, key, location), text(b, "name", location), b.path("min").decimalValue()));
    }
    if (bands.isEmpty()) {
      throw new IllegalStateException(location + ": a scheme needs its " + key + " list");
    }
    bands.sort(Comparator.comparing(EvaluationScheme.Band::min).reversed());
    return bands;
  }

  private static String text(JsonNode node, String field, String location) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new IllegalStateException(location + ": '" + field + "' missing in " + node);
    }
    return v.asText();
  }
}
