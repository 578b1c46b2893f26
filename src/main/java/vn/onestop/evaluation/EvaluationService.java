package vn.onestop.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.OnlineLevel;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.ProcedureFilter;
import vn.onestop.report.ReportPeriod;
import vn.onestop.rules.RuleSet;

/**
 * Scores a unit's period (Circular 01/2018 Arts. 13–15, or the scheme of the rule set in force for each
 * dossier): reads the facts, groups the dossiers by the scheme of their reception day, and totals.
 */
@Service
public class EvaluationService {

  /** One dossier's points on the per-dossier indicators, for the list behind a figure. */
  public record DossierPoints(String code, String responsibleAgencyId, String ruleSet, Map<Integer, Integer> points) {}

  private final EvaluationFacts facts;
  private final RuleSetSchemes schemes;
  private final Organisation organisation;
  private final ProcedureCatalog catalog;

  public EvaluationService(EvaluationFacts facts, RuleSetSchemes schemes, Organisation organisation, ProcedureCatalog catalog) {
    this.facts = facts;
    this.schemes = schemes;
    this.organisation = organisation;
    this.catalog = catalog;
  }

  /**
   * The evaluation of {@code agencyId} (its subtree {@code agencyIds}; both {@code null} for the whole
   * register) over {@code period}.
   */
  public Evaluation evaluate(ReportPeriod period, String agencyId, Collection<String> agencyIds) {
    List<EvaluatedDossier> dossiers = facts.resolved(period.start(), period.end(), agencyIds);
    LocalDate lastDay = period.to();
    boolean posted = agencyId != null && schemes.postedAtDesk(agencyId, lastDay);
    UnitFacts unit = unitFacts(period, agencyId, agencyIds, dossiers, posted);
    Map<String, List<EvaluatedDossier>> byScheme = new LinkedHashMap<>();
    Map<String, Set<String>> ruleSets = new TreeMap<>();
    for (EvaluatedDossier d : dossiers) {
      RuleSet set = schemes.ruleSetOf(d, lastDay);
      byScheme.computeIfAbsent(set.evaluationScheme(), k -> new ArrayList<>()).add(d);
      ruleSets.computeIfAbsent(set.evaluationScheme(), k -> new java.util.TreeSet<>()).add(set.id());
    }
    if (byScheme.isEmpty()) {
      RuleSet set = schemes.ruleSetOn(lastDay);
      byScheme.put(set.evaluationScheme(), List.of());
      ruleSets.put(set.evaluationScheme(), Set.of(set.id()));
    }
    List<Evaluation.Part> parts = new ArrayList<>();
    byScheme.forEach((schemeId, list) -> {
      EvaluationScheme scheme = schemes.scheme(schemeId);
      UnitScoring.UnitResult result = UnitScoring.unit(scheme, list, unit);
      parts.add(new Evaluation.Part(schemeId, scheme.name(), List.copyOf(ruleSets.get(schemeId)), list.size(),
          result.indicators(), result.total(), result.grade(), staff(scheme, list)));
    });
    Agency agency = agencyId == null ? null : organisation.get(agencyId);
    return new Evaluation(agencyId, agency == null ? null : agency.name(), period.label(), period.from().toString(),
        period.to().toString(), dossiers.size(), parts);
  }

  /**
   * The dossiers behind a figure: those resolved in the period scored {@code points} on per-dossier
   * indicator {@code indicator} (every scored dossier when {@code points} is {@code null}).
   */
  public List<DossierPoints> dossiers(ReportPeriod period, String agencyId, Collection<String> agencyIds, int indicator,
      Integer points) {
    boolean posted = agencyId != null && schemes.postedAtDesk(agencyId, period.to());
    List<DossierPoints> out = new ArrayList<>();
    for (EvaluatedDossier d : facts.resolved(period.start(), period.end(), agencyIds)) {
      RuleSet set = schemes.ruleSetOf(d, period.to());
      EvaluationScheme scheme = schemes.scheme(set.evaluationScheme());
      if (scheme.indicator(indicator).filter(EvaluationScheme.Indicator::perDossier).isEmpty()) {
        continue;
      }
      OptionalInt p = UnitScoring.points(indicator, d, posted);
      if (p.isPresent() && (points == null || p.getAsInt() == points)) {
        Map<Integer, Integer> all = new TreeMap<>();
        for (EvaluationScheme.Indicator i : scheme.indicators()) {
          if (i.perDossier()) {
            UnitScoring.points(i.no(), d, posted).ifPresent(v -> all.put(i.no(), v));
          }
        }
        out.add(new DossierPoints(d.code(), d.responsibleAgencyId(), set.id(), all));
      }
    }
    return out;
  }

  private List<UnitScoring.StaffResult> staff(EvaluationScheme scheme, List<EvaluatedDossier> dossiers) {
    Map<String, List<EvaluatedDossier>> byActor = new TreeMap<>();
    for (EvaluatedDossier d : dossiers) {
      d.actors().forEach(a -> byActor.computeIfAbsent(a, k -> new ArrayList<>()).add(d));
    }
    return byActor.entrySet().stream().map(e -> UnitScoring.staff(scheme, e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(UnitScoring.StaffResult::userId)).toList();
  }

  private UnitFacts unitFacts(ReportPeriod period, String agencyId, Collection<String> agencyIds,
      List<EvaluatedDossier> dossiers, boolean posted) {
    Map<String, List<EvaluatedDossier>> byProcedure = dossiers.stream()
        .collect(Collectors.groupingBy(EvaluatedDossier::procedureCode, TreeMap::new, Collectors.toList()));
    long atDesk = byProcedure.values().stream().filter(list -> list.stream().allMatch(EvaluationService::handledWhereReceived))
        .count();
    long[] feedback = facts.feedback(period.start(), period.end(), agencyIds);
    List<Procedure> offered = catalog.search(new ProcedureFilter(null, null, agencyId, null, period.to()));
    long online = offered.stream().filter(p -> p.onlineLevel() != null && p.onlineLevel() != OnlineLevel.NONE).count();
    String level = agencyId == null ? "PROVINCE" : organisation.get(agencyId).level().name();
    return new UnitFacts(level, byProcedure.size(), atDesk, posted, feedback[0], feedback[1], feedback[2], offered.size(), online);
  }

  /** Received, appraised and approved by the receiving unit itself: every leg at the receiving agency. */
  private static boolean handledWhereReceived(EvaluatedDossier d) {
    if (d.legs().isEmpty()) {
      return d.receivingAgencyId().equals(d.responsibleAgencyId());
    }
    return d.legs().stream().allMatch(l -> l.agencyId().equals(d.receivingAgencyId()));
  }
}
