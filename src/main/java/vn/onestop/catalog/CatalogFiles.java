package vn.onestop.catalog;

import static vn.onestop.catalog.ProcedureEntries.enumValue;
import static vn.onestop.catalog.ProcedureEntries.require;

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
 *       {@code kind: INTERNAL} marks an internal administrative procedure (TTHC nội bộ), default PUBLIC;</li>
 *   <li>{@code reforms/*.yaml} — reorganisations (sắp xếp đơn vị hành chính) applied in file-name order on top of
 *       the files above, unless {@code onestop.catalog.apply-reforms} is false: see {@link Reforms}.</li>
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
  static final String REFORMS = "reforms/*.yaml";

  private static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  /** Circular 01/2018 Art. 19: V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.00.06.H56. */
  private static final Pattern AGENCY_CODE = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");

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
      Boolean verified, String note, List<SuccessorEntry> successors) {}

  /** A successor by area and/or procedure ({@link Successor}). */
  record SuccessorEntry(String agency, List<String> areas, List<String> procedures) {}

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

  record ReceivingEntry(List<String> agencies, List<String> kinds, Boolean anywhereInProvince) {}

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

    private final ProcedureEntries entries;

    Reader(CatalogProperties properties) {
      this.properties = properties;
      this.entries = new ProcedureEntries(properties);
    }

    CatalogFiles read() {
      String location = properties.location();
      Resource orgResource = single(location + ORGANISATION);
      OrganisationFile organisation = parse(orgResource, ORGANISATION, OrganisationFile.class);
      List<Reforms.Loaded> reforms = properties.applyReforms()
          ? resources(location, REFORMS).stream().map(r -> new Reforms.Loaded("reforms/" + r.getFilename(),
              parse(r, "reforms/" + r.getFilename(), Reforms.ReformFile.class))).toList()
          : List.of();
      for (Reforms.Loaded reform : reforms) {
        organisation = Reforms.applyToOrganisation(reform, organisation);
      }
      List<Agency> agencies = agencies(ORGANISATION, organisation);
      Map<String, Agency> byId = agencies.stream()
          .collect(Collectors.toMap(Agency::id, a -> a, (a, b) -> a, LinkedHashMap::new));

      Resource fieldsResource = single(location + FIELDS);
      List<String> fields = fieldsResource.exists()
          ? fields(parse(fieldsResource, FIELDS, FieldsFile.class)) : List.of();

      List<Procedure> procedures = new ArrayList<>();
      Map<String, String> seenIn = new HashMap<>();
      for (Resource r : resources(location, PROCEDURES)) {
        String file = "procedures/" + r.getFilename();
        ProcedureFile pf = parse(r, file, ProcedureFile.class);
        if (pf.procedures() == null) {
          throw new CatalogException(file, null, "no 'procedures:' list");
        }
        for (ProcedureEntry e : pf.procedures()) {
          Procedure p = entries.procedure(file, e, byId, fields);
          String key = p.code() + "@" + p.version();
          String earlier = seenIn.putIfAbsent(key, file);
          if (earlier != null) {
            throw new CatalogException(file, key, "duplicate procedure code and version (also in " + earlier + ")");
          }
          procedures.add(p);
        }
      }
      for (Reforms.Loaded reform : reforms) {
        Reforms.applyToProcedures(reform, procedures, seenIn, entries, byId, fields);
      }
      ProcedureEntries.checkVersionRanges(procedures, seenIn);
      return new CatalogFiles(location, agencies, fields, procedures);
    }

    private Resource single(String path) {
      return resolver.getResource(path.contains(":") ? path : "classpath:" + path);
    }

    private List<Resource> resources(String location, String files) {
      String pattern = (location.contains(":") ? location : "classpath*:" + location) + files;
      try {
        List<Resource> found = new ArrayList<>(Arrays.asList(resolver.getResources(pattern)));
        found.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
        return found;
      } catch (IOException e) {
        throw new CatalogException(location + files, null, "cannot list files: " + e.getMessage(), e);
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
        for (SuccessorEntry rule : e.successors() == null ? List.<SuccessorEntry>of() : e.successors()) {
          if (rule.agency() == null || !entries.containsKey(rule.agency()) || rule.agency().equals(e.id())) {
            throw new CatalogException(file, entry, "unknown successor '" + rule.agency() + "' in 'successors'");
          }
          for (String area : rule.areas() == null ? List.<String>of() : rule.areas()) {
            if (!entries.containsKey(area)) {
              throw new CatalogException(file, entry, "successor '" + rule.agency() + "': unknown area '" + area + "'");
            }
          }
          if (e.validTo() == null) {
            throw new CatalogException(file, entry, "successors need validTo (the last day the agency operated)");
          }
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
            areaOf(e, entries), e.note(), e.successors() == null ? List.of() : e.successors().stream()
                .map(r -> new Successor(r.agency(), r.areas(), r.procedures())).toList()));
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

  }
}
