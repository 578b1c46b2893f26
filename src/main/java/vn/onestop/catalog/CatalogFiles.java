package vn.onestop.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.unit.DataSize;

/**
 * The organisation and the procedure catalogue as read from data files, validated as a whole.
 * Constructed once at start-up ({@link CatalogConfiguration}) or directly in a test with
 * {@link #load(String)}. Every rule broken names the file and the entry.
 *
 * <p>Files under the location (a classpath folder such as {@code catalog/}, or a {@code file:} URL):
 * <ul>
 *   <li>{@code organisation.yaml} — {@code agencies:} list (cơ cấu tổ chức);</li>
 *   <li>{@code fields.yaml} — {@code fields:} list of the fields (lĩnh vực) procedures may name;</li>
 *   <li>{@code procedures/*.yaml} — {@code procedures:} list (danh mục TTHC), any number of files; an entry's
 *       {@code kind: INTERNAL} marks an internal administrative procedure (TTHC nội bộ), default PUBLIC.</li>
 * </ul>
 *
 * @param location   where the files were read from
 * @param agencies   all agencies, in file order
 * @param fields     the declared fields
 * @param procedures all procedure versions, in file order
 */
public record CatalogFiles(String location, List<Agency> agencies, List<String> fields, List<Procedure> procedures) {

  /** Kinds of territorial people's committees: an agency of these kinds serves its own area. */
  public static final Set<String> TERRITORIAL_KINDS = Set.of("province-committee", "district-committee", "commune");

  static final String ORGANISATION = "organisation.yaml";
  static final String FIELDS = "fields.yaml";
  static final String PROCEDURES = "procedures/*.yaml";

  private static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  /** Circular 01/2018 Art. 19: V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.00.06.H56. */
  private static final Pattern AGENCY_CODE = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
  /** National code (1.001193) or a local placeholder (DNO.DD.01) until the national code is known. */
  private static final Pattern PROCEDURE_CODE = Pattern.compile("\\d\\.\\d{6}|[A-Z]{2,4}\\.[A-Z]{2,4}\\.\\d{2,3}");

  public CatalogFiles {
    agencies = List.copyOf(agencies);
    fields = List.copyOf(fields);
    procedures = List.copyOf(procedures);
  }

  /** Loads and validates the files under {@code location} with default settings. */
  public static CatalogFiles load(String location) {
    return load(new CatalogProperties(location, null, null));
  }

  /** Loads and validates the files under {@code properties.location()}. */
  public static CatalogFiles load(CatalogProperties properties) {
    return new Reader(properties).read();
  }

  // ---------------------------------------------------------------- file shapes (what humans edit)

  record OrganisationFile(List<AgencyEntry> agencies) {}

  record AgencyEntry(String id, String code, String name, String level, String kind, String parent,
      String oneStop, String area, LocalDate validFrom, LocalDate validTo, String successor,
      Boolean verified, String note) {}

  record FieldsFile(List<String> fields) {}

  record ProcedureFile(List<ProcedureEntry> procedures) {}

  record ProcedureEntry(String code, String version, String name, String field, String level,
      BigDecimal resolutionDays, String timeUnit, String timeNote, LocalDate effectiveFrom,
      LocalDate effectiveTo, FeeEntry fee, List<DocumentEntry> documents, ResultEntry result,
      String onlineLevel, Boolean interlinked, String arrangement, String supplementClock,
      ReceivingEntry receivedBy, StepsEntry oneStop, List<LegEntry> legs, String legalBasis,
      Boolean verified, String note, String kind) {}

  record FeeEntry(BigDecimal amount, String note) {}

  record DocumentEntry(String id, String name, String form, Integer quantity, Boolean required,
      List<String> contentTypes, String maxSize, String note) {}

  record ResultEntry(String kind, String name) {}

  record ReceivingEntry(List<String> agencies, List<String> kinds) {}

  record StepsEntry(BigDecimal reception, BigDecimal handling, BigDecimal approval,
      @JsonProperty("return") BigDecimal returnToOneStop) {}

  record LegEntry(String agency, String kind, String task, BigDecimal days, StepsEntry steps,
      Boolean crossLevel, Boolean lead) {}

  // ---------------------------------------------------------------- reading and validation

  private static final class Reader {

    private final CatalogProperties properties;
    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
        .addModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    Reader(CatalogProperties properties) {
      this.properties = properties;
    }

    CatalogFiles read() {
      String location = properties.location();
      Resource orgResource = single(location + ORGANISATION);
      List<Agency> agencies = agencies(ORGANISATION, parse(orgResource, ORGANISATION, OrganisationFile.class));
      Map<String, Agency> byId = agencies.stream()
          .collect(Collectors.toMap(Agency::id, a -> a, (a, b) -> a, LinkedHashMap::new));

      Resource fieldsResource = single(location + FIELDS);
      List<String> fields = fieldsResource.exists()
          ? fields(parse(fieldsResource, FIELDS, FieldsFile.class)) : List.of();

      List<Procedure> procedures = new ArrayList<>();
      Map<String, String> seenIn = new HashMap<>();
      for (Resource r : procedureResources(location)) {
        String file = "procedures/" + r.getFilename();
        ProcedureFile pf = parse(r, file, ProcedureFile.class);
        if (pf.procedures() == null) {
          throw new CatalogException(file, null, "no 'procedures:' list");
        }
        for (ProcedureEntry e : pf.procedures()) {
          Procedure p = procedure(file, e, byId, fields);
          String key = p.code() + "@" + p.version();
          String earlier = seenIn.putIfAbsent(key, file);
          if (earlier != null) {
            throw new CatalogException(file, key, "duplicate procedure code and version (also in " + earlier + ")");
          }
          procedures.add(p);
        }
      }
      checkVersionRanges(procedures, seenIn);
      return new CatalogFiles(location, agencies, fields, procedures);
    }

    private Resource single(String path) {
      return resolver.getResource(path.contains(":") ? path : "classpath:" + path);
    }

    private List<Resource> procedureResources(String location) {
      String pattern = (location.contains(":") ? location : "classpath*:" + location) + PROCEDURES;
      try {
        List<Resource> found = new ArrayList<>(Arrays.asList(resolver.getResources(pattern)));
        found.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
        return found;
      } catch (IOException e) {
        throw new CatalogException(location + PROCEDURES, null, "cannot list procedure files: " + e.getMessage(), e);
      }
    }

    private <T> T parse(Resource resource, String file, Class<T> type) {
      if (!resource.exists()) {
        throw new CatalogException(file, null, "file not found at " + properties.location() + file);
      }
      try (InputStream in = resource.getInputStream()) {
        T value = yaml.readValue(in, type);
        if (value == null) {
          throw new CatalogException(file, null, "file is empty");
        }
        return value;
      } catch (IOException e) {
        throw new CatalogException(file, null, "cannot read: " + e.getMessage().lines().findFirst().orElse(""), e);
      }
    }

    private List<String> fields(FieldsFile f) {
      if (f.fields() == null || f.fields().isEmpty()) {
        throw new CatalogException(FIELDS, null, "no 'fields:' list");
      }
      Set<String> seen = new HashSet<>();
      for (String field : f.fields()) {
        if (field == null || field.isBlank() || !seen.add(field)) {
          throw new CatalogException(FIELDS, field, "blank or duplicate field");
        }
      }
      return f.fields();
    }

    // ------------------------------------------------------------ organisation

    private List<Agency> agencies(String file, OrganisationFile f) {
      if (f.agencies() == null || f.agencies().isEmpty()) {
        throw new CatalogException(file, null, "no 'agencies:' list");
      }
      Map<String, AgencyEntry> entries = new LinkedHashMap<>();
      Map<String, String> codes = new HashMap<>();
      int index = 0;
      for (AgencyEntry e : f.agencies()) {
        index++;
        String entry = e.id() == null ? "#" + index : e.id();
        if (e.id() == null || !AGENCY_ID.matcher(e.id()).matches()) {
          throw new CatalogException(file, entry, "id must be a lowercase slug [a-z0-9-], got '" + e.id() + "'");
        }
        if (entries.putIfAbsent(e.id(), e) != null) {
          throw new CatalogException(file, entry, "duplicate agency id");
        }
        if (e.code() != null) {
          if (!AGENCY_CODE.matcher(e.code()).matches()) {
            throw new CatalogException(file, entry, "code '" + e.code() + "' is not of the form V1V2V3.Z1Z2.Y1Y2.MX1X2 (e.g. 000.00.06.H56)");
          }
          String other = codes.putIfAbsent(e.code(), e.id());
          if (other != null) {
            throw new CatalogException(file, entry, "duplicate agency code " + e.code() + " (also agency '" + other + "')");
          }
        }
        require(file, entry, "name", e.name());
        require(file, entry, "kind", e.kind());
        enumValue(AgencyLevel.class, e.level(), file, entry, "level");
        if (e.validFrom() != null && e.validTo() != null && e.validTo().isBefore(e.validFrom())) {
          throw new CatalogException(file, entry, "validTo " + e.validTo() + " is before validFrom " + e.validFrom());
        }
      }
      for (AgencyEntry e : entries.values()) {
        String entry = e.id();
        if (e.parent() != null && !entries.containsKey(e.parent())) {
          throw new CatalogException(file, entry, "unknown parent '" + e.parent() + "'");
        }
        if (e.oneStop() == null) {
          throw new CatalogException(file, entry, "missing 'oneStop': the one-stop department that receives for it (its own id if it receives itself)");
        }
        AgencyEntry oneStop = entries.get(e.oneStop());
        if (oneStop == null) {
          throw new CatalogException(file, entry, "unknown one-stop department '" + e.oneStop() + "'");
        }
        if (!oneStop.id().equals(oneStop.oneStop())) {
          throw new CatalogException(file, entry, "oneStop '" + e.oneStop() + "' is not a one-stop department (its own oneStop is '" + oneStop.oneStop() + "')");
        }
        if (e.area() != null && !entries.containsKey(e.area())) {
          throw new CatalogException(file, entry, "unknown area '" + e.area() + "'");
        }
        if (e.successor() != null) {
          if (!entries.containsKey(e.successor()) || e.successor().equals(e.id())) {
            throw new CatalogException(file, entry, "unknown successor '" + e.successor() + "'");
          }
          if (e.validTo() == null) {
            throw new CatalogException(file, entry, "a successor needs validTo (the last day the agency operated)");
          }
        }
        Set<String> path = new LinkedHashSet<>();
        for (AgencyEntry a = e; a != null; a = a.parent() == null ? null : entries.get(a.parent())) {
          if (!path.add(a.id())) {
            throw new CatalogException(file, entry, "parent cycle " + String.join(" → ", path) + " → " + a.id());
          }
        }
        Set<String> successors = new LinkedHashSet<>();
        for (AgencyEntry a = e; a != null; a = a.successor() == null ? null : entries.get(a.successor())) {
          if (!successors.add(a.id())) {
            throw new CatalogException(file, entry, "successor cycle " + String.join(" → ", successors) + " → " + a.id());
          }
        }
      }
      List<Agency> agencies = new ArrayList<>();
      for (AgencyEntry e : entries.values()) {
        agencies.add(new Agency(e.id(), e.code(), e.name().strip(), AgencyLevel.valueOf(e.level()), e.parent(),
            e.oneStop(), e.validFrom(), e.validTo(), e.successor(), Boolean.TRUE.equals(e.verified()), e.kind(),
            areaOf(e, entries), e.note()));
      }
      return agencies;
    }

    /** The area an agency serves: explicit, itself for a people's committee, else its parent's. */
    private static String areaOf(AgencyEntry e, Map<String, AgencyEntry> entries) {
      for (AgencyEntry a = e; a != null; a = a.parent() == null ? null : entries.get(a.parent())) {
        if (a.area() != null) {
          return a.area();
        }
        if (TERRITORIAL_KINDS.contains(a.kind()) || a.parent() == null) {
          return a.id();
        }
      }
      return e.id();
    }

    // ------------------------------------------------------------ procedures

    private Procedure procedure(String file, ProcedureEntry e, Map<String, Agency> agencies, List<String> fields) {
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
      Receiving receiving = new Receiving(r.agencies(), r.kinds());
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

    private static void checkVersionRanges(List<Procedure> procedures, Map<String, String> files) {
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

    private static void require(String file, String entry, String what, String value) {
      if (value == null || value.isBlank()) {
        throw new CatalogException(file, entry, "missing " + what);
      }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String file, String entry, String what) {
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
}
