package vn.onestop.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.process.EngineTime;
import vn.onestop.web.ApiException;

/**
 * The compliance cost of a procedure (chi phí tuân thủ TTHC), public like the catalogue it is computed
 * from. {@code GET /api/procedures/{code}/cost}.
 */
@RestController
@RequestMapping("/api/procedures")
public class ProcedureCostController {

  /**
   * The answer.
   *
   * @param method            the formula and whether it was checked against the official forms (it was not)
   * @param dossiersPerYear   compliance subjects a year: dossiers of the procedure submitted in the 12 months
   *                          before now, counted in OneStop's register ({@code onestop.dossier})
   * @param cost              the version's cost per dossier and per year, line by line with sources
   * @param proposal          the latest approved simplification of this version, or {@code null}
   */
  public record CostAnswer(String code, String version, String name, String kind, LocalDate effectiveFrom,
      Method method, long dossiersPerYear, String dossiersSource, ComplianceCost.PerDossier cost, BigDecimal yearlyCost,
      Proposal proposal) {}

  /** The method and its source. */
  public record Method(String formula, String source, boolean verified) {}

  /** A proposal's cost: after, the saving per dossier and per year, and the saving in %. */
  public record Proposal(long reviewId, String status, String summary, ComplianceCost.PerDossier after,
      BigDecimal yearlyCostAfter, BigDecimal savingPerDossier, BigDecimal savingPerYear, BigDecimal savingPercent,
      String publishedVersion, LocalDate effectiveFrom) {}

  private final ProcedureCatalog catalog;
  private final CostEstimator costs;
  private final PublishedVersions versions;
  private final JdbcTemplate jdbc;
  private final EngineTime time;

  public ProcedureCostController(ProcedureCatalog catalog, CostEstimator costs, PublishedVersions versions,
      JdbcTemplate jdbc, EngineTime time) {
    this.catalog = catalog;
    this.costs = costs;
    this.versions = versions;
    this.jdbc = jdbc;
    this.time = time;
  }

  /**
   * The compliance cost of the procedure's version in force today (or {@code version}), per dossier and
   * per year, with the latest simplification proposed for that version, if any.
   *
   * @param code    national procedure code (1.001193) or local placeholder (DNO.HT.02)
   * @param version a version label; default the one in force today
   */
  @GetMapping("/{code}/cost")
  public CostAnswer cost(@PathVariable String code, @RequestParam(required = false) String version) {
    Procedure p = version == null
        ? catalog.find(code).orElseThrow(() -> ApiException.notFound("No procedure with code '" + code + "' in force today"))
        : catalog.find(code, version).orElseThrow(() -> ApiException.notFound("Procedure " + code + " has no version '" + version + "'"));
    ComplianceCost.PerDossier before = ComplianceCost.perDossier(costs.inputs(p));
    long n = costs.dossiersLastTwelveMonths(code);
    LocalDate today = time.now().atZone(WorkingCalendar.ZONE).toLocalDate();
    CostParameters parameters = costs.parameters();
    return new CostAnswer(p.code(), p.version(), p.name(), p.kind().name(), p.effectiveFrom(),
        new Method(parameters.methodName(), parameters.methodSource(), parameters.methodVerified()), n,
        "onestop.dossier: hồ sơ nộp từ " + today.minusDays(365) + " đến " + today, before,
        before.total().multiply(BigDecimal.valueOf(n)), proposal(p, before, n));
  }

  private Proposal proposal(Procedure p, ComplianceCost.PerDossier before, long n) {
    List<Map<String, Object>> rows = jdbc.queryForList("""
        select id, status, proposal_summary, published_version, effective_from from onestop.procedure_review
        where procedure_code = ? and procedure_version = ? and simplify and status in ('PROPOSED','ACCEPTED','REJECTED')
        order by approved_at desc nulls last, id desc limit 1""", p.code(), p.version());
    if (rows.isEmpty()) {
      return null;
    }
    Map<String, Object> r = rows.get(0);
    long id = ((Number) r.get("id")).longValue();
    Procedure simplified = versions.simplification(id).apply(p, "proposal", p.effectiveFrom());
    ComplianceCost.Comparison c = ComplianceCost.compare(before, ComplianceCost.perDossier(costs.inputs(simplified)), n);
    java.sql.Date from = (java.sql.Date) r.get("effective_from");
    return new Proposal(id, (String) r.get("status"), (String) r.get("proposal_summary"), c.after(), c.yearlyAfter(),
        c.savingPerDossier(), c.savingPerYear(), c.savingPercent(), (String) r.get("published_version"),
        from == null ? null : from.toLocalDate());
  }
}
