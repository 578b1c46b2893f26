package vn.onestop.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;
import vn.onestop.report.PlanTargets;

/**
 * The yearly plans as data ({@code plan/<year>.yaml}, one file a year): the appendix's tasks with lead
 * and coordinating agencies, deadline, product and the KPI that measures them, and the reporting
 * cut-off day. Loaded once; a wrong file (unknown agency, KPI or date) stops start-up naming the file
 * and the task.
 */
@Component
public class PlanFiles {

  /** A year's plan. {@code cutOffDay}: the day of the month a reporting period starts (15 = 15th–14th). */
  public record Plan(int year, String source, String legalBasis, String followUpAgencyId, int cutOffDay, List<PlanTask> tasks) {}

  private final Map<Integer, Plan> plans = new TreeMap<>();

  public PlanFiles(@Value("${onestop.plan.files:classpath*:plan/*.yaml}") String pattern, Organisation organisation,
      PlanTargets targets) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(pattern);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list the plan files " + pattern + ": " + e.getMessage(), e);
    }
    for (Resource r : resources) {
      Plan plan = read(r, organisation, targets);
      plans.put(plan.year(), plan);
    }
  }

  public Optional<Plan> plan(int year) {
    return Optional.ofNullable(plans.get(year));
  }

  public List<Plan> plans() {
    return List.copyOf(plans.values());
  }

  private static Plan read(Resource resource, Organisation organisation, PlanTargets targets) {
    String name = resource.getFilename();
    JsonNode root;
    try (InputStream in = resource.getInputStream()) {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read plan file " + name + ": " + e.getMessage(), e);
    }
    int year = root.path("year").asInt();
    if (year < 2000) {
      throw new IllegalStateException(name + ": 'year' missing or wrong");
    }
    LocalDate yearStart = LocalDate.of(year, 1, 1);
    List<PlanTask> tasks = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode t : root.path("tasks")) {
      String id = t.path("id").asText();
      String where = name + ", task " + id;
      if (id.isBlank() || !ids.add(id)) {
        throw new IllegalStateException(where + ": every task needs a unique id");
      }
      LocalDate deadline;
      try {
        deadline = LocalDate.parse(t.path("deadline").asText());
      } catch (RuntimeException e) {
        throw new IllegalStateException(where + ": deadline '" + t.path("deadline").asText() + "' is not a date (yyyy-MM-dd)");
      }
      String indicator = t.hasNonNull("indicator") ? t.get("indicator").asText() : null;
      BigDecimal target = null;
      if (indicator != null) {
        try {
          target = targets.forYear(year).figures().get(vn.onestop.report.Kpi.valueOf(indicator));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(where + ": unknown indicator '" + indicator + "' (a KPI of docs/kpis.md)");
        }
      }
      tasks.add(new PlanTask(year, id, text(t, "content", where), agencies(t.path("lead"), organisation, yearStart, where),
          agencies(t.path("coordinating"), organisation, yearStart, where), deadline, t.path("recurring").asBoolean(false),
          text(t, "product", where), indicator, target, t.path("verified").asBoolean(true), t.path("note").asText(null)));
    }
    String followUp = text(root, "follow-up", name);
    if (organisation.find(followUp).isEmpty()) {
      throw new IllegalStateException(name + ": no follow-up agency '" + followUp + "' in the organisation");
    }
    return new Plan(year, root.path("source").asText(), root.path("legal-basis").asText(), followUp,
        root.path("reporting").path("cut-off-day").asInt(1), List.copyOf(tasks));
  }

  /** Agency ids, or {@code kind:<kind>}: every agency of that kind active on the plan's first day. */
  private static List<String> agencies(JsonNode list, Organisation organisation, LocalDate day, String where) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : list) {
      String ref = n.asText();
      if (ref.startsWith("kind:")) {
        organisation.ofKind(ref.substring(5)).stream().filter(a -> a.activeOn(day)).map(Agency::id).forEach(out::add);
      } else if (organisation.find(ref).isPresent()) {
        out.add(ref);
      } else {
        throw new IllegalStateException(where + ": no agency '" + ref + "' in the organisation");
      }
    }
    return out;
  }

  private static String text(JsonNode node, String field, String where) {
    String v = node.path(field).asText("");
    if (v.isBlank()) {
      throw new IllegalStateException(where + ": '" + field + "' is missing");
    }
    return v;
  }
}
