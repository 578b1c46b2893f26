package vn.onestop.catalog;

import static vn.onestop.catalog.CatalogFiles.FIELDS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.util.unit.DataSize;
import vn.onestop.catalog.CatalogFiles.DocumentEntry;
import vn.onestop.catalog.CatalogFiles.LegEntry;
import vn.onestop.catalog.CatalogFiles.ProcedureEntry;
import vn.onestop.catalog.CatalogFiles.ReceivingEntry;
import vn.onestop.catalog.CatalogFiles.StepsEntry;

/**
 * The rules of one procedure entry of the catalogue files (danh mục TTHC): its code, version range,
 * receiving agencies, required documents with their sizes and types, step budgets and legs. Split
 * from {@link CatalogFiles}, which reads the files and checks the organisation; every rule broken
 * names the file and the entry.
 */
final class ProcedureEntries {

  /** National code (1.001193) or a local placeholder (DNO.DD.01) until the national code is known. */
  static final Pattern PROCEDURE_CODE = Pattern.compile("\\d\\.\\d{6}|[A-Z]{2,4}\\.[A-Z]{2,4}\\.\\d{2,3}");

  private final CatalogProperties properties;

  ProcedureEntries(CatalogProperties properties) {
    this.properties = properties;
  }

  Procedure procedure(String file, ProcedureEntry e, Map<String, Agency> agencies, List<String> fields) {
    String entry = (e.code() == null ? "?" : e.code()) + "@" + (e.version() == null ? "?" : e.version());
    if (e.code() == null || !PROCEDURE_CODE.matcher(e.code()).matches()) {
      throw new CatalogException(file, entry, "code must be a national code like 1.001193 or a local placeholder like DNO.DD.01, got '" + e.code() + "'");
    }
    require(file, entry, "version", e.version());
    require(file, entry, "name", e.name());
    require(file, entry, "field", e.field());
    if (!fields.contains(e.field())) {
      throw new CatalogException(file, entry, "unknown field '" + e.field() + "'; declare it in " + FIELDS);
    }
    AgencyLevel level = enumValue(AgencyLevel.class, e.level(), file, entry, "level");
    if (e.resolutionDays() == null || e.resolutionDays().signum() < 0) {
      throw new CatalogException(file, entry, "resolutionDays must be given and ≥ 0 (0 = on the spot)");
    }
    if (e.effectiveFrom() != null && e.effectiveTo() != null && e.effectiveTo().isBefore(e.effectiveFrom())) {
      throw new CatalogException(file, entry, "effectiveTo is before effectiveFrom");
    }
    TimeUnit unit = e.timeUnit() == null ? TimeUnit.WORKING_DAYS : enumValue(TimeUnit.class, e.timeUnit(), file, entry, "timeUnit");
    OnlineLevel online = e.onlineLevel() == null ? OnlineLevel.NONE : enumValue(OnlineLevel.class, e.onlineLevel(), file, entry, "onlineLevel");
    LegArrangement arrangement = e.arrangement() == null ? LegArrangement.SEQUENTIAL
        : enumValue(LegArrangement.class, e.arrangement(), file, entry, "arrangement");
    SupplementClock clock = e.supplementClock() == null ? SupplementClock.RESTART
        : enumValue(SupplementClock.class, e.supplementClock(), file, entry, "supplementClock");
    Fee fee = e.fee() == null ? Fee.FREE : new Fee(e.fee().amount(), e.fee().note());
    if (fee.amountVnd().signum() < 0) {
      throw new CatalogException(file, entry, "fee amount must be ≥ 0");
    }
    if (e.result() == null) {
      throw new CatalogException(file, entry, "missing 'result' (kind and name)");
    }
    ProcedureResult result = new ProcedureResult(
        enumValue(ResultKind.class, e.result().kind(), file, entry, "result.kind"), e.result().name());
    Receiving receiving = receiving(file, entry, e.receivedBy(), agencies);
    List<RequiredDocument> documents = documents(file, entry, e.documents());
    StepBudgets oneStop = steps(file, entry, "oneStop", e.oneStop());
    boolean interlinked = Boolean.TRUE.equals(e.interlinked());
    List<Leg> legs = legs(file, entry, e.legs(), agencies, receiving);
    if (interlinked && legs.size() < 2) {
      throw new CatalogException(file, entry, "an interlinked (liên thông) procedure needs at least two legs");
    }
    Procedure p = new Procedure(e.code(), e.version(), e.name().strip(), e.field(), level, e.resolutionDays(), unit,
        e.timeNote(), e.effectiveFrom(), e.effectiveTo(), fee, documents, result, online, interlinked, arrangement,
        clock, receiving, oneStop, legs, e.legalBasis(), Boolean.TRUE.equals(e.verified()), e.note(),
        e.kind() == null ? ProcedureKind.PUBLIC : enumValue(ProcedureKind.class, e.kind(), file, entry, "kind"));
    BigDecimal budgeted = p.budgetedDays();
    if (budgeted.compareTo(p.resolutionDays()) > 0) {
      throw new CatalogException(file, entry, "budgets add up to " + budgeted.stripTrailingZeros().toPlainString()
          + " (one-stop " + oneStop.total().stripTrailingZeros().toPlainString() + " + legs, " + arrangement
          + ") but the legal time is " + p.resolutionDays().stripTrailingZeros().toPlainString());
    }
    return p;
  }

  private Receiving receiving(String file, String entry, ReceivingEntry r, Map<String, Agency> agencies) {
    if (r == null || ((r.agencies() == null || r.agencies().isEmpty()) && (r.kinds() == null || r.kinds().isEmpty()))) {
      throw new CatalogException(file, entry, "missing 'receivedBy' (agencies and/or kinds)");
    }
    Receiving receiving = new Receiving(r.agencies(), r.kinds(), Boolean.TRUE.equals(r.anywhereInProvince()));
    for (String id : receiving.agencyIds()) {
      if (!agencies.containsKey(id)) {
        throw new CatalogException(file, entry, "receivedBy names unknown agency '" + id + "'");
      }
    }
    for (String kind : receiving.kinds()) {
      if (agencies.values().stream().noneMatch(a -> kind.equals(a.kind()))) {
        throw new CatalogException(file, entry, "receivedBy names agency kind '" + kind + "' that no agency has");
      }
    }
    return receiving;
  }

  private List<RequiredDocument> documents(String file, String entry, List<DocumentEntry> entries) {
    if (entries == null) {
      return List.of();
    }
    List<RequiredDocument> documents = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (DocumentEntry d : entries) {
      String where = "document '" + d.id() + "'";
      if (d.id() == null || !ids.add(d.id())) {
        throw new CatalogException(file, entry, where + ": missing or duplicate document id");
      }
      require(file, entry, where + " name", d.name());
      DocumentForm form = d.form() == null ? DocumentForm.ORIGINAL : enumValue(DocumentForm.class, d.form(), file, entry, where + " form");
      int quantity = d.quantity() == null ? 1 : d.quantity();
      if (quantity < 1) {
        throw new CatalogException(file, entry, where + ": quantity must be ≥ 1");
      }
      long maxSize;
      try {
        maxSize = d.maxSize() == null ? properties.defaultMaxSize().toBytes() : DataSize.parse(d.maxSize()).toBytes();
      } catch (IllegalArgumentException ex) {
        throw new CatalogException(file, entry, where + ": maxSize '" + d.maxSize() + "' is not a size like 5MB", ex);
      }
      List<String> types = d.contentTypes() == null || d.contentTypes().isEmpty()
          ? properties.defaultContentTypes() : d.contentTypes();
      documents.add(new RequiredDocument(d.id(), d.name(), form, quantity, !Boolean.FALSE.equals(d.required()),
          types, maxSize, d.note()));
    }
    return documents;
  }

  private StepBudgets steps(String file, String entry, String what, StepsEntry s) {
    if (s == null) {
      return StepBudgets.NONE;
    }
    StepBudgets steps = new StepBudgets(s.reception(), s.handling(), s.approval(), s.returnToOneStop());
    if (steps.anyNegative()) {
      throw new CatalogException(file, entry, what + ": step budgets must be ≥ 0");
    }
    return steps;
  }

  private List<Leg> legs(String file, String entry, List<LegEntry> entries, Map<String, Agency> agencies, Receiving receiving) {
    if (entries == null || entries.isEmpty()) {
      throw new CatalogException(file, entry, "no 'legs': at least one handling agency is needed");
    }
    Set<AgencyLevel> receivingLevels = receivingLevels(receiving, agencies);
    List<Leg> legs = new ArrayList<>();
    int order = 0;
    for (LegEntry l : entries) {
      order++;
      String where = "leg " + order;
      if ((l.agency() == null) == (l.kind() == null)) {
        throw new CatalogException(file, entry, where + ": give exactly one of 'agency' (an id or RECEIVING) and 'kind'");
      }
      Set<AgencyLevel> legLevels;
      if (l.agency() != null) {
        if (Leg.RECEIVING.equals(l.agency())) {
          legLevels = receivingLevels;
        } else {
          Agency a = agencies.get(l.agency());
          if (a == null) {
            throw new CatalogException(file, entry, where + ": unknown agency '" + l.agency() + "'");
          }
          legLevels = Set.of(a.level());
        }
      } else {
        legLevels = agencies.values().stream().filter(a -> l.kind().equals(a.kind())).map(Agency::level)
            .collect(Collectors.toSet());
        if (legLevels.isEmpty()) {
          throw new CatalogException(file, entry, where + ": agency kind '" + l.kind() + "' that no agency has");
        }
      }
      require(file, entry, where + " task", l.task());
      if (l.days() == null || l.days().signum() < 0) {
        throw new CatalogException(file, entry, where + ": 'days' must be given and ≥ 0");
      }
      StepBudgets steps = l.steps() == null
          ? new StepBudgets(null, l.days(), null, null)
          : steps(file, entry, where, l.steps());
      if (steps.total().compareTo(l.days()) != 0) {
        throw new CatalogException(file, entry, where + ": steps add up to " + steps.total().stripTrailingZeros().toPlainString()
            + " but the leg has " + l.days().stripTrailingZeros().toPlainString() + " days");
      }
      boolean crossLevel = Boolean.TRUE.equals(l.crossLevel());
      if (receivingLevels.size() == 1 && legLevels.size() == 1) {
        boolean actual = !receivingLevels.equals(legLevels);
        if (actual != crossLevel) {
          throw new CatalogException(file, entry, where + ": crossLevel is " + crossLevel + " but the leg runs at "
              + legLevels.iterator().next() + " and the dossier is received at " + receivingLevels.iterator().next());
        }
      }
      legs.add(new Leg(order, l.agency(), l.kind(), l.task(), l.days(), steps, crossLevel, Boolean.TRUE.equals(l.lead())));
    }
    return legs;
  }

  private static Set<AgencyLevel> receivingLevels(Receiving receiving, Map<String, Agency> agencies) {
    Set<AgencyLevel> levels = new HashSet<>();
    receiving.agencyIds().forEach(id -> levels.add(agencies.get(id).level()));
    agencies.values().stream().filter(a -> a.kind() != null && receiving.kinds().contains(a.kind()))
        .forEach(a -> levels.add(a.level()));
    return levels;
  }

  static void checkVersionRanges(List<Procedure> procedures, Map<String, String> files) {
    Map<String, List<Procedure>> byCode = procedures.stream()
        .collect(Collectors.groupingBy(Procedure::code, LinkedHashMap::new, Collectors.toList()));
    for (List<Procedure> versions : byCode.values()) {
      for (int i = 0; i < versions.size(); i++) {
        for (int j = i + 1; j < versions.size(); j++) {
          Procedure a = versions.get(i);
          Procedure b = versions.get(j);
          LocalDate aFrom = a.effectiveFrom() == null ? LocalDate.MIN : a.effectiveFrom();
          LocalDate aTo = a.effectiveTo() == null ? LocalDate.MAX : a.effectiveTo();
          LocalDate bFrom = b.effectiveFrom() == null ? LocalDate.MIN : b.effectiveFrom();
          LocalDate bTo = b.effectiveTo() == null ? LocalDate.MAX : b.effectiveTo();
          if (!aFrom.isAfter(bTo) && !bFrom.isAfter(aTo)) {
            String key = b.code() + "@" + b.version();
            throw new CatalogException(files.get(key), key,
                "effective period overlaps version " + a.version() + "; give effectiveTo/effectiveFrom so one version is current on any day");
          }
        }
      }
    }
  }

  static void require(String file, String entry, String what, String value) {
    if (value == null || value.isBlank()) {
      throw new CatalogException(file, entry, "missing " + what);
    }
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String value, String file, String entry, String what) {
    if (value == null) {
      throw new CatalogException(file, entry, "missing " + what + "; one of " + Arrays.toString(type.getEnumConstants()));
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException ex) {
      throw new CatalogException(file, entry, "bad " + what + " '" + value + "'; one of " + Arrays.toString(type.getEnumConstants()), ex);
    }
  }
}
