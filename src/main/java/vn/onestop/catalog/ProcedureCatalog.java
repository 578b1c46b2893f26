package vn.onestop.catalog;

import java.time.Clock;
import vn.onestop.process.EngineTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The procedure catalogue (danh mục thủ tục hành chính): every published procedure with its versions,
 * documents, fees, legal time and internal process (legs and step budgets, Decree 61/2018 Art. 12,
 * Circular 01/2018 Art. 8). Read-only after start-up; what is here is what is publicly disclosed
 * (công khai, Decree 61/2018 Art. 14).
 *
 * <p>The files are read at start-up; a simplification accepted in a review (rà soát, đơn giản hóa TTHC)
 * adds a version at run time through {@link #publish}: the version in force on its effective date is
 * closed the day before, so dossiers received earlier keep their version and later ones get the new one.
 */
@Component
public class ProcedureCatalog {

  /** The working calendar's zone: "today" for the catalogue is today in Vietnam. */
  /** The same as {@link EngineTime#ZONE}, kept for callers outside the dossier core. */
  public static final ZoneId VIETNAM = EngineTime.ZONE;

  private static final Comparator<Procedure> BY_CODE_AND_START = Comparator.comparing(Procedure::code)
      .thenComparing(p -> p.effectiveFrom() == null ? LocalDate.MIN : p.effectiveFrom());

  private final Organisation organisation;
  private final Clock clock;
  private volatile List<Procedure> procedures;
  private volatile Map<String, List<Procedure>> byCode;
  private final List<String> fields;

  /**
   * With the engine's clock ({@link EngineTime#clock()}, the same as the {@code Clock} bean): "today"
   * moves with it. Not injected with the bean so the catalogue also starts in a context of its own.
   */
  @Autowired
  public ProcedureCatalog(CatalogFiles files, Organisation organisation) {
    this(files, organisation, EngineTime.clock());
  }

  public ProcedureCatalog(CatalogFiles files, Organisation organisation, Clock clock) {
    this.organisation = organisation;
    this.clock = clock;
    this.procedures = files.procedures().stream().sorted(BY_CODE_AND_START).toList();
    this.byCode = Map.copyOf(procedures.stream().collect(Collectors.groupingBy(Procedure::code)));
    this.fields = files.fields();
  }

  /** The version of the procedure effective today. */
  public Optional<Procedure> find(String code) {
    return current(code, today());
  }

  /**
   * The version of the procedure effective today.
   *
   * @throws IllegalArgumentException naming the code when there is none
   */
  public Procedure get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException(
        byCode.containsKey(code) ? "Procedure " + code + " has no version effective on " + today()
            : "No procedure with code '" + code + "' in the catalogue"));
  }

  /** A given version, effective or not: a dossier keeps the version it was received under. */
  public Optional<Procedure> find(String code, String version) {
    return byCode.getOrDefault(code, List.of()).stream().filter(p -> p.version().equals(version)).findFirst();
  }

  /** The version effective on the given day (versions of one code never overlap: checked at load). */
  public Optional<Procedure> current(String code, LocalDate day) {
    return byCode.getOrDefault(code, List.of()).stream().filter(p -> p.effectiveOn(day)).findFirst();
  }

  /** Every version of every procedure, by code then effective-from. */
  public List<Procedure> all() {
    return procedures;
  }

  /** The declared fields (lĩnh vực), in file order. */
  public List<String> fields() {
    return fields;
  }

  /** Procedures effective on the filter's day (today if none) that match every given criterion. */
  public List<Procedure> search(ProcedureFilter f) {
    LocalDate day = f.on() == null ? today() : f.on();
    FoldedText field = f.field() == null ? null : FoldedText.of(f.field());
    FoldedText text = FoldedText.of(f.text());
    Agency agency = f.agencyId() == null ? null : organisation.get(f.agencyId());
    return procedures.stream()
        .filter(p -> p.effectiveOn(day))
        .filter(p -> f.level() == null || p.level() == f.level())
        .filter(p -> field == null || FoldedText.of(p.field()).value().equals(field.value()))
        .filter(p -> agency == null || receivedOrHandledBy(p, agency))
        .filter(p -> FoldedText.of(p.code() + " " + p.name() + " " + p.field()).containsAllWords(text))
        .toList();
  }

  /**
   * Agencies that may receive the procedure at their own desk: the fixed ones, every agency of the listed
   * kinds, and the one-stop department of each agency of those kinds (a commune's Public Administration
   * Service Centre receives for its commune). Without the province-wide reception of Decree 118/2025.
   */
  public List<Agency> receivingAgencies(Procedure p) {
    return organisation.all().stream().filter(a -> receivesForItsArea(p, a)).toList();
  }

  /**
   * Whether {@code agency} may receive a dossier of this procedure version whose territory is
   * {@code territoryId} ({@code null}: the agency's own area): where the version says, or - for a version
   * received regardless of administrative boundary (Decree 118/2025 Art. 14) - at any one-stop department
   * of the territory's province.
   */
  public boolean receives(Procedure p, Agency agency, String territoryId) {
    if (receivesForItsArea(p, agency) && (territoryId == null || organisation.within(territoryId, agency.areaId()))) {
      return true;
    }
    if (!p.receivedBy().anywhereInProvince() || !agency.isOneStop()) {
      return false;
    }
    Agency province = organisation.provinceOf(agency.id());
    return province != null && province.equals(organisation.provinceOf(territoryId == null ? agency.id() : territoryId));
  }

  private boolean receivesForItsArea(Procedure p, Agency a) {
    return p.receivedBy().accepts(a) || (a.isOneStop() && organisation.all().stream()
        .anyMatch(o -> a.id().equals(o.oneStopId()) && o.kind() != null && p.receivedBy().kinds().contains(o.kind())));
  }

  /** The legs resolved for a dossier received at {@code receivingAgencyId} for its own area. */
  public List<ResolvedLeg> legsFor(Procedure p, String receivingAgencyId) {
    return legsFor(p, receivingAgencyId, null);
  }

  /**
   * The legs of the procedure with each handling agency resolved from the dossier's territory (the
   * applicant's or the property's commune, {@code territoryId}; {@code null} = the receiving agency's own
   * area), not from where it was received: {@code RECEIVING} becomes the competent agency of the
   * territory (the agency of a receiving kind serving it; the receiving agency itself when it is one and
   * no territory is given), a kind becomes the agency of that kind nearest the territory.
   *
   * @throws IllegalArgumentException when the agency does not receive this procedure, or a leg's
   *                                  agency cannot be resolved
   */
  public List<ResolvedLeg> legsFor(Procedure p, String receivingAgencyId, String territoryId) {
    Agency receiving = organisation.get(receivingAgencyId);
    if (!receives(p, receiving, territoryId)) {
      throw new IllegalArgumentException("Procedure " + p.code() + " is not received at agency '" + receivingAgencyId
          + "'; it is received by " + p.receivedBy());
    }
    Agency territory = territoryId == null ? receiving : organisation.get(territoryId);
    return p.legs().stream().map(leg -> {
      Agency handler = handler(p, leg, receiving, territory, territoryId == null);
      return new ResolvedLeg(leg.order(), handler.id(), leg.task(), leg.workingDays(), leg.steps(),
          handler.level() != receiving.level(), leg.lead());
    }).toList();
  }

  private Agency handler(Procedure p, Leg leg, Agency receiving, Agency territory, boolean ownArea) {
    if (leg.byReceivingAgency()) {
      if (ownArea && p.receivedBy().accepts(receiving)) {
        return receiving;
      }
      for (String kind : p.receivedBy().kinds()) {
        Optional<Agency> competent = organisation.nearestOfKind(kind, territory.id());
        if (competent.isPresent()) {
          return competent.get();
        }
      }
      if (!p.receivedBy().agencyIds().isEmpty()) {
        return organisation.get(p.receivedBy().agencyIds().get(0));
      }
      throw new IllegalArgumentException("Procedure " + p.code() + " leg " + leg.order() + ": no competent agency of kinds "
          + p.receivedBy().kinds() + " serves the area of '" + territory.id() + "'");
    }
    if (leg.agency() != null) {
      return organisation.get(leg.agency());
    }
    return organisation.nearestOfKind(leg.agencyKind(), territory.id()).orElseThrow(() -> new IllegalArgumentException(
        "Procedure " + p.code() + " leg " + leg.order() + ": no agency of kind '" + leg.agencyKind()
            + "' serves the area of '" + territory.id() + "'"));
  }

  /**
   * Whether {@link #publish} would accept the version, without publishing it (to refuse a decision
   * inside a transaction before anything is written).
   *
   * @throws IllegalArgumentException as {@link #publish} would
   */
  public synchronized void checkPublishable(Procedure version) {
    LocalDate from = version.effectiveFrom();
    if (from == null) {
      throw new IllegalArgumentException("A published version needs an effective date (effectiveFrom)");
    }
    List<Procedure> versions = byCode.get(version.code());
    if (versions == null) {
      throw new IllegalArgumentException("No procedure with code '" + version.code() + "' in the catalogue");
    }
    if (find(version.code(), version.version()).isPresent()) {
      throw new IllegalArgumentException("Procedure " + version.code() + " already has a version '" + version.version() + "'");
    }
    for (Procedure p : versions) {
      if (p.effectiveFrom() != null && !p.effectiveFrom().isBefore(from)) {
        throw new IllegalArgumentException("Procedure " + version.code() + " already has version " + p.version()
            + " from " + p.effectiveFrom() + "; a new version must start after the last one");
      }
    }
    if (version.budgetedDays().compareTo(version.resolutionDays()) > 0) {
      throw new IllegalArgumentException("Procedure " + version.code() + " version " + version.version()
          + ": step budgets add up to " + version.budgetedDays().toPlainString() + " but the legal time is "
          + version.resolutionDays().toPlainString());
    }
  }

  /**
   * Publishes a new version of an existing procedure from its {@code effectiveFrom} (a simplification
   * accepted by the competent level): the version in force on that day is closed the day before; the new
   * one runs to that version's old end. Readers see either the old or the new catalogue, never half.
   *
   * @return the version as published (with its end date)
   * @throws IllegalArgumentException when the code is unknown, the version label is taken, there is no
   *                                  effective date, a version already starts on or after it, or the
   *                                  step budgets exceed the legal time
   */
  public synchronized Procedure publish(Procedure version) {
    checkPublishable(version);
    LocalDate from = version.effectiveFrom();
    List<Procedure> versions = byCode.get(version.code());
    Procedure previous = versions.stream().filter(p -> p.effectiveOn(from)).findFirst().orElse(null);
    LocalDate to = previous == null ? null : previous.effectiveTo();
    Procedure added = version.withEffective(from, to);
    List<Procedure> next = new java.util.ArrayList<>(procedures.size() + 1);
    for (Procedure p : procedures) {
      next.add(p == previous ? p.withEffective(p.effectiveFrom(), from.minusDays(1)) : p);
    }
    next.add(added);
    next.sort(BY_CODE_AND_START);
    this.byCode = Map.copyOf(next.stream().collect(Collectors.groupingBy(Procedure::code)));
    this.procedures = List.copyOf(next);
    return added;
  }

  private boolean receivedOrHandledBy(Procedure p, Agency agency) {
    if (p.receivedBy().accepts(agency)) {
      return true;
    }
    return p.legs().stream().anyMatch(leg -> agency.id().equals(leg.agency())
        || (leg.agencyKind() != null && leg.agencyKind().equals(agency.kind())));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
