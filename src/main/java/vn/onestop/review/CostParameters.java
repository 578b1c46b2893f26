package vn.onestop.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The figures of the compliance-cost calculator as data, each with its source and whether it was
 * checked: {@code review/cost-parameters.yaml} (or {@code onestop.review.cost-parameters}). A missing or
 * non-numeric figure stops start-up, naming the key.
 */
@Component
public class CostParameters {

  /** One figure and where it comes from. */
  public record Figure(BigDecimal value, String source, boolean verified) {}

  /** The assumption keys the per-procedure estimate needs. */
  public static final String PREPARATION_HOURS = "preparation-hours-per-document";
  public static final String VISITS = "visits-at-desk";
  public static final String HOURS_PER_VISIT = "hours-per-visit";
  public static final String TRAVEL = "travel-per-visit-vnd";
  public static final String COPY = "copy-per-document-vnd";
  public static final String CERTIFICATION = "certification-per-document-vnd";

  private final String methodName;
  private final String methodSource;
  private final boolean methodVerified;
  private final NavigableMap<Integer, Figure> hourlyIncome = new TreeMap<>();
  private final Map<String, Figure> assumptions = new LinkedHashMap<>();

  public CostParameters(@Value("${onestop.review.cost-parameters:classpath:review/cost-parameters.yaml}") String location) {
    Resource resource = new DefaultResourceLoader().getResource(location);
    try (InputStream in = resource.getInputStream()) {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      JsonNode method = root.path("method");
      methodName = method.path("name").asText("");
      methodSource = method.path("source").asText("");
      methodVerified = method.path("verified").asBoolean(false);
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("hourly-income").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int year;
        try {
          year = Integer.parseInt(e.getKey());
        } catch (NumberFormatException ex) {
          throw new IllegalStateException(location + ": hourly-income year '" + e.getKey() + "' is not a number");
        }
        hourlyIncome.put(year, figure(e.getValue(), location, "hourly-income." + year, "vnd"));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("assumptions").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        assumptions.put(e.getKey(), figure(e.getValue(), location, "assumptions." + e.getKey(), "value"));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the cost parameters " + location + ": " + e.getMessage(), e);
    }
    if (hourlyIncome.isEmpty()) {
      throw new IllegalStateException(location + " names no year of hourly-income");
    }
    for (String key : new String[] {PREPARATION_HOURS, VISITS, HOURS_PER_VISIT, TRAVEL, COPY, CERTIFICATION}) {
      if (!assumptions.containsKey(key)) {
        throw new IllegalStateException(location + ": assumptions." + key + " is missing");
      }
    }
  }

  private static Figure figure(JsonNode node, String location, String key, String field) {
    JsonNode value = node.path(field);
    if (!value.isNumber()) {
      throw new IllegalStateException(location + ": " + key + "." + field + " is missing or not a number");
    }
    String source = node.path("source").asText(null);
    if (source == null || source.isBlank()) {
      throw new IllegalStateException(location + ": " + key + ".source is missing: every figure names its source");
    }
    return new Figure(value.decimalValue(), source, node.path("verified").asBoolean(false));
  }

  /** The hourly income of the year: its own, else the latest earlier year's, else the earliest. */
  public Figure hourlyIncome(int year) {
    Map.Entry<Integer, Figure> e = hourlyIncome.floorEntry(year);
    return e != null ? e.getValue() : hourlyIncome.firstEntry().getValue();
  }

  public Figure assumption(String key) {
    Figure f = assumptions.get(key);
    if (f == null) {
      throw new IllegalArgumentException("No cost assumption '" + key + "'");
    }
    return f;
  }

  public Map<String, Figure> assumptions() {
    return Map.copyOf(assumptions);
  }

  public String methodName() {
    return methodName;
  }

  public String methodSource() {
    return methodSource;
  }

  public boolean methodVerified() {
    return methodVerified;
  }
}
