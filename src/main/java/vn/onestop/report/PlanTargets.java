package vn.onestop.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The plan's targets per year, loaded from {@code report/targets.yaml} (or the file named by
 * {@code onestop.report.targets-file}). A year without an entry takes the latest earlier year's
 * figures, so the 2025 plan applies until a new plan is entered. A wrong file stops start-up.
 */
@Component
public class PlanTargets {

  /** Which fields the per-field satisfaction KPIs look at. */
  public record SatisfactionFields(String land, String construction, String investment) {}

  /** One year's figures and where they come from. */
  public record YearTargets(int year, String source, Map<Kpi, BigDecimal> figures) {}

  private final NavigableMap<Integer, YearTargets> years = new TreeMap<>();
  private final SatisfactionFields fields;

  public PlanTargets(@Value("${onestop.report.targets-file:classpath:report/targets.yaml}") String location) {
    Resource resource = new DefaultResourceLoader().getResource(location);
    try (InputStream in = resource.getInputStream()) {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      JsonNode f = root.path("satisfaction-fields");
      this.fields = new SatisfactionFields(required(f, "LAND", location), required(f, "CONSTRUCTION", location),
          required(f, "INVESTMENT", location));
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("years").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int year;
        try {
          year = Integer.parseInt(e.getKey());
        } catch (NumberFormatException ex) {
          throw new IllegalStateException(location + ": year '" + e.getKey() + "' is not a number");
        }
        Map<Kpi, BigDecimal> figures = new EnumMap<>(Kpi.class);
        for (Iterator<Map.Entry<String, JsonNode>> t = e.getValue().path("targets").fields(); t.hasNext(); ) {
          Map.Entry<String, JsonNode> target = t.next();
          Kpi kpi;
          try {
            kpi = Kpi.valueOf(target.getKey());
          } catch (IllegalArgumentException ex) {
            throw new IllegalStateException(location + ", year " + year + ": unknown KPI '" + target.getKey()
                + "'; known: " + java.util.Arrays.toString(Kpi.values()));
          }
          if (!target.getValue().isNumber()) {
            throw new IllegalStateException(location + ", year " + year + ", " + kpi + ": '" + target.getValue().asText()
                + "' is not a number");
          }
          figures.put(kpi, target.getValue().decimalValue());
        }
        years.put(year, new YearTargets(year, e.getValue().path("source").asText(null), Map.copyOf(figures)));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the plan targets " + location + ": " + e.getMessage(), e);
    }
    if (years.isEmpty()) {
      throw new IllegalStateException(location + " names no year of targets");
    }
  }

  private static String required(JsonNode node, String key, String location) {
    String value = node.path(key).asText(null);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(location + ": satisfaction-fields." + key + " is missing");
    }
    return value;
  }

  /** The figures in force for the year: its own, else the latest earlier year's, else the earliest. */
  public YearTargets forYear(int year) {
    Map.Entry<Integer, YearTargets> e = years.floorEntry(year);
    return e != null ? e.getValue() : years.firstEntry().getValue();
  }

  public Optional<BigDecimal> target(Kpi kpi, int year) {
    return Optional.ofNullable(forYear(year).figures().get(kpi));
  }

  public SatisfactionFields satisfactionFields() {
    return fields;
  }
}
