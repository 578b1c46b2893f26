package vn.onestop.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The groups, weights and thresholds of the Decision 766/QĐ-TTg index, read from
 * {@code evaluation/index-766.yaml}; checked at start-up (components add up to their group, groups to
 * 100, every component id has a formula).
 */
@Component
public class Index766Definition {

  /** A component: its formula, points and the rate that earns them all. */
  public record Part(Index766Formula formula, String name, BigDecimal max, BigDecimal threshold, boolean verified) {}

  /** A group (nhóm chỉ số) and its components. */
  public record Group(String id, String name, BigDecimal max, List<Part> parts) {}

  private final String source;
  private final List<Group> groups = new ArrayList<>();

  public Index766Definition(@Value("${onestop.evaluation.index-766-file:classpath:evaluation/index-766.yaml}") String location) {
    JsonNode root;
    try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + location + ": " + e.getMessage(), e);
    }
    this.source = root.path("source").asText();
    BigDecimal all = BigDecimal.ZERO;
    for (JsonNode g : root.path("groups")) {
      List<Part> parts = new ArrayList<>();
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode c : g.path("components")) {
        Index766Formula formula;
        try {
          formula = Index766Formula.valueOf(c.path("id").asText());
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(location + ", group " + g.path("id").asText() + ": component '"
              + c.path("id").asText() + "' has no formula; known: " + java.util.Arrays.toString(Index766Formula.values()));
        }
        Part part = new Part(formula, c.path("name").asText(), c.path("max").decimalValue(), c.path("threshold").decimalValue(),
            c.path("verified").asBoolean(false));
        if (part.threshold().signum() <= 0 || part.max().signum() <= 0) {
          throw new IllegalStateException(location + ", component " + formula + ": max and threshold must be positive");
        }
        parts.add(part);
        sum = sum.add(part.max());
      }
      BigDecimal max = g.path("max").decimalValue();
      if (sum.compareTo(max) != 0) {
        throw new IllegalStateException(location + ", group " + g.path("id").asText() + ": components add up to " + sum
            + ", not to the group's " + max);
      }
      groups.add(new Group(g.path("id").asText(), g.path("name").asText(), max, List.copyOf(parts)));
      all = all.add(max);
    }
    if (all.compareTo(BigDecimal.valueOf(100)) != 0) {
      throw new IllegalStateException(location + ": the groups add up to " + all + ", not 100");
    }
  }

  public String source() {
    return source;
  }

  public List<Group> groups() {
    return List.copyOf(groups);
  }
}
