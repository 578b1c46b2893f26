package vn.onestop.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The yearly official decisions on days off, one YAML file a year ({@code calendar/2025.yaml}, …),
 * loaded and checked once at start-up. A file that does not parse or breaks a rule stops start-up with
 * a message naming the file and the entry; half-loading a calendar would silently shift deadlines.
 *
 * <p>File format (all keys but {@code year} optional; dates ISO {@code yyyy-MM-dd}, all inside {@code year}):
 * <pre>
 * year: 2025
 * tet:                      # Tết Nguyên đán, the official weekdays off (not the weekends around them)
 *   from: 2025-01-27
 *   to: 2025-01-31
 *   source: "..."            # the decision or notice; verified: false when not checked
 * nationalDayAdjacent:      # the day next to 2/9 (1/9 or 3/9)
 *   date: 2025-09-01
 * daysOff:                  # extra weekdays off (the weekday half of a swap)
 *   - date: 2025-05-02
 *     reason: "Nghỉ hoán đổi ..."
 * workingDays:              # weekly rest days worked (ngày làm bù)
 *   - date: 2025-04-26
 *     reason: "Làm bù cho ..."
 * </pre>
 * Make-up days for a holiday on a weekly rest day (Labour Code 2019 Art. 111.3) are computed: do not
 * list them.
 */
@Component
public class OfficialDecisions {

  private static final Logger log = LoggerFactory.getLogger(OfficialDecisions.class);
  private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.ya?ml");
  private static final Set<String> TOP_KEYS = Set.of("year", "tet", "nationalDayAdjacent", "daysOff", "workingDays", "source", "notes");
  private static final Set<String> DAY_KEYS = Set.of("date", "reason", "verified", "source", "note");
  private static final Set<String> TET_KEYS = Set.of("from", "to", "verified", "source", "note");

  private final Map<Integer, OfficialDecision> byYear;

  @Autowired
  public OfficialDecisions(CalendarProperties properties) {
    this(load(properties.decisionFiles()));
  }

  OfficialDecisions(Map<Integer, OfficialDecision> byYear) {
    this.byYear = Map.copyOf(byYear);
    byYear.values().forEach(OfficialDecisions::warnUnverified);
  }

  /** No decisions at all: the Labour Code rules alone. */
  public static OfficialDecisions none() {
    return new OfficialDecisions(Map.of());
  }

  /** Reads the decisions from a resource pattern such as {@code classpath*:calendar/*.yaml}. */
  public static OfficialDecisions from(String pattern) {
    return new OfficialDecisions(load(pattern));
  }

  public Optional<OfficialDecision> forYear(int year) {
    return Optional.ofNullable(byYear.get(year));
  }

  public Set<Integer> years() {
    return byYear.keySet();
  }

  private static Map<Integer, OfficialDecision> load(String pattern) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(pattern);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list the calendar decision files " + pattern + ": " + e.getMessage(), e);
    }
    Map<Integer, OfficialDecision> byYear = new TreeMap<>();
    for (Resource resource : resources) {
      String name = resource.getFilename();
      Matcher m = name == null ? null : FILE_NAME.matcher(name);
      if (m == null || !m.matches()) {
        throw new IllegalStateException("Calendar decision file " + resource.getDescription()
            + ": the file name must be the year, e.g. 2026.yaml");
      }
      String file = "calendar/" + name;
      OfficialDecision decision;
      try (InputStream in = resource.getInputStream()) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        decision = parse(file, Integer.parseInt(m.group(1)), root);
      } catch (IOException | RuntimeException e) {
        if (e instanceof InvalidDecision) {
          throw (InvalidDecision) e;
        }
        throw new InvalidDecision(file + ": cannot read: " + e.getMessage(), e);
      }
      if (byYear.putIfAbsent(decision.year(), decision) != null) {
        throw new InvalidDecision(file + ": a second file for year " + decision.year()
            + " on the classpath (" + resource.getDescription() + ")", null);
      }
    }
    log.info("Working calendar: official decisions loaded for years {}", byYear.keySet());
    return byYear;
  }

  /** Parses one file's YAML tree; public for tests of the file format. */
  static OfficialDecision parse(String file, int yearFromName, Object root) {
    if (!(root instanceof Map<?, ?> top)) {
      throw new InvalidDecision(file + ": expected a mapping with 'year', 'tet', 'daysOff', ...", null);
    }
    unknownKeys(file, "", top, TOP_KEYS);
    Object yearValue = top.get("year");
    if (!(yearValue instanceof Integer year)) {
      throw new InvalidDecision(file + ": 'year' must be a number, was " + yearValue, null);
    }
    if (year != yearFromName) {
      throw new InvalidDecision(file + ": 'year' is " + year + " but the file name says " + yearFromName, null);
    }
    Optional<OfficialDecision.Tet> tet = Optional.empty();
    if (top.get("tet") != null) {
      if (!(top.get("tet") instanceof Map<?, ?> t)) {
        throw new InvalidDecision(file + ": 'tet' must be a mapping with 'from' and 'to'", null);
      }
      unknownKeys(file, "tet.", t, TET_KEYS);
      LocalDate from = date(file, "tet.from", t.get("from"), year);
      LocalDate to = date(file, "tet.to", t.get("to"), year);
      if (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() > 9) {
        throw new InvalidDecision(file + ": tet: " + from + "–" + to + " is not a range of at most 10 days", null);
      }
      tet = Optional.of(new OfficialDecision.Tet(from, to, verified(file, "tet", t), text(t.get("source"))));
    }
    Optional<OfficialDecision.DecidedDay> adjacent = Optional.empty();
    if (top.get("nationalDayAdjacent") != null) {
      OfficialDecision.DecidedDay day = day(file, "nationalDayAdjacent", top.get("nationalDayAdjacent"), year, false);
      if (!day.date().equals(LocalDate.of(year, 9, 1)) && !day.date().equals(LocalDate.of(year, 9, 3))) {
        throw new InvalidDecision(file + ": nationalDayAdjacent: " + day.date()
            + " is not next to 2 September (Labour Code 2019 Art. 112.1.đ)", null);
      }
      adjacent = Optional.of(day);
    }
    return new OfficialDecision(year, file, tet, adjacent,
        days(file, "daysOff", top.get("daysOff"), year), days(file, "workingDays", top.get("workingDays"), year));
  }

  private static List<OfficialDecision.DecidedDay> days(String file, String key, Object value, int year) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new InvalidDecision(file + ": '" + key + "' must be a list of entries with 'date' and 'reason'", null);
    }
    List<OfficialDecision.DecidedDay> days = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      days.add(day(file, key + "[" + i + "]", list.get(i), year, true));
    }
    return List.copyOf(days);
  }

  private static OfficialDecision.DecidedDay day(String file, String entry, Object value, int year, boolean reasonRequired) {
    if (!(value instanceof Map<?, ?> m)) {
      throw new InvalidDecision(file + ": " + entry + ": expected a mapping with 'date' and 'reason'", null);
    }
    unknownKeys(file, entry + ".", m, DAY_KEYS);
    LocalDate date = date(file, entry + ".date", m.get("date"), year);
    String reason = text(m.get("reason"));
    if (reasonRequired && reason == null) {
      throw new InvalidDecision(file + ": " + entry + " (" + date + "): 'reason' is required", null);
    }
    return new OfficialDecision.DecidedDay(date, reason, verified(file, entry, m), text(m.get("source")));
  }

  private static LocalDate date(String file, String entry, Object value, int year) {
    LocalDate date;
    if (value instanceof Date d) {
      // SnakeYAML reads an unquoted 2025-01-27 as midnight UTC
      date = d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    } else if (value instanceof String s) {
      try {
        date = LocalDate.parse(s.trim());
      } catch (DateTimeParseException e) {
        throw new InvalidDecision(file + ": " + entry + ": '" + s + "' is not a date yyyy-MM-dd", e);
      }
    } else {
      throw new InvalidDecision(file + ": " + entry + ": a date yyyy-MM-dd is required, was " + value, null);
    }
    if (date.getYear() != year) {
      throw new InvalidDecision(file + ": " + entry + ": " + date + " is not in " + year
          + " (put it in " + date.getYear() + ".yaml)", null);
    }
    return date;
  }

  private static boolean verified(String file, String entry, Map<?, ?> m) {
    Object v = m.get("verified");
    if (v == null) {
      return true;
    }
    if (!(v instanceof Boolean b)) {
      throw new InvalidDecision(file + ": " + entry + ".verified must be true or false, was " + v, null);
    }
    return b;
  }

  private static void unknownKeys(String file, String prefix, Map<?, ?> m, Set<String> allowed) {
    for (Object key : m.keySet()) {
      if (!allowed.contains(String.valueOf(key))) {
        throw new InvalidDecision(file + ": unknown key '" + prefix + key + "' (allowed: " + allowed + ")", null);
      }
    }
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static void warnUnverified(OfficialDecision d) {
    List<String> unverified = new ArrayList<>();
    d.tet().filter(t -> !t.verified()).ifPresent(t -> unverified.add("tet " + t.from() + "–" + t.to()));
    d.nationalDayAdjacent().filter(x -> !x.verified()).ifPresent(x -> unverified.add("nationalDayAdjacent " + x.date()));
    d.daysOff().stream().filter(x -> !x.verified()).forEach(x -> unverified.add("daysOff " + x.date()));
    d.workingDays().stream().filter(x -> !x.verified()).forEach(x -> unverified.add("workingDays " + x.date()));
    if (!unverified.isEmpty()) {
      log.warn("{}: entries not verified against the official text, used as given: {}", d.file(), unverified);
    }
  }

  /** A decision file breaks a rule; the message names the file and the entry. */
  public static class InvalidDecision extends IllegalStateException {
    InvalidDecision(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
