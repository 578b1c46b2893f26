package vn.onestop.report;

import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.catalog.Organisation;
import vn.onestop.web.ApiException;

/**
 * Supervisors' reports (issue 6). Behind {@code StaffApiAuthentication}; every answer is limited to
 * the caller's agency subtree by {@link SupervisorScope}.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

  static final MediaType XLSX = ReportExport.XLSX;
  static final MediaType CSV = ReportExport.CSV;

  private final KpiReportService reports;
  private final ComplianceFinder finder;
  private final SupervisorScope scope;
  private final ReportExport export;
  private final PlanTargets targets;
  private final Organisation organisation;
  private final CentreWorkload centres;
  private final OpenTasks openTasks;

  public ReportController(KpiReportService reports, ComplianceFinder finder, SupervisorScope scope, ReportExport export,
      PlanTargets targets, Organisation organisation, CentreWorkload centres, OpenTasks openTasks) {
    this.centres = centres;
    this.openTasks = openTasks;
    this.reports = reports;
    this.finder = finder;
    this.scope = scope;
    this.export = export;
    this.targets = targets;
    this.organisation = organisation;
  }

  /** The agencies the caller may report on, for pickers: id, name, parent, level. */
  @GetMapping("/scope")
  public Map<String, Object> scope() {
    SupervisorScope.Selection selection = scope.select(null);
    List<Map<String, Object>> agencies = organisation.all().stream()
        .filter(a -> selection.agencyIds() == null || selection.agencyIds().contains(a.id()))
        .map(a -> {
          Map<String, Object> m = new java.util.LinkedHashMap<>();
          m.put("id", a.id());
          m.put("name", a.name());
          m.put("parentId", a.parentId());
          m.put("level", a.level());
          return m;
        }).toList();
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("agency", selection.agencyId());
    out.put("all", selection.agencyIds() == null);
    out.put("agencies", agencies);
    return out;
  }

  /** The plan's targets in force for a year. */
  @GetMapping("/targets")
  public PlanTargets.YearTargets targets(@RequestParam("year") int year) {
    scope.select(null);
    return targets.forYear(year);
  }

  /**
   * The query parameters of the KPI report and its exports, bound from {@code ?period=…&agency=…};
   * all optional (see docs/kpis.md).
   */
  public record KpiQuery(String period, String from, String to, String agency, String groupBy, String level,
      String field, String procedure, String channel) {}

  @GetMapping("/kpis")
  public KpiReport kpis(KpiQuery query) {
    return report(query);
  }

  /** What each one-stop department received and what it handled, separately (Decree 118/2025 Art. 14). */
  @GetMapping("/centres")
  public List<CentreWorkload.Row> centres(KpiQuery query) {
    SupervisorScope.Selection selection = scope.select(query.agency());
    return centres.count(ReportPeriod.parse(query.period(), query.from(), query.to()), selection.agencyIds());
  }

  @GetMapping("/kpis.csv")
  public ResponseEntity<byte[]> kpisCsv(KpiQuery query) {
    KpiReport r = report(query);
    return file(export.csv(export.kpiTable(r)), CSV, name(r) + ".csv");
  }

  @GetMapping("/kpis.xlsx")
  public ResponseEntity<byte[]> kpisXlsx(KpiQuery query) {
    KpiReport r = report(query);
    return file(export.xlsx(export.kpiTable(r)), XLSX, name(r) + ".xlsx");
  }

  /**
   * The open dossiers of the caller's agencies with the task each waits on and who holds it; {@code late=true} (the
   * default): only the late ones (hồ sơ quá hạn và người đang giữ). Read only.
   */
  @GetMapping("/open-tasks")
  public OpenTasks.Listing openTasks(@RequestParam(name = "agency", required = false) String agency,
      @RequestParam(name = "late", defaultValue = "true") boolean late, @RequestParam(name = "limit", defaultValue = "200") int limit) {
    return openTasks.find(scope.select(agency).agencyIds(), late, limit);
  }

  @GetMapping("/compliance/{list}")
  public ResponseEntity<?> compliance(@PathVariable("list") String list, @RequestParam(name = "agency", required = false) String agency,
      @RequestParam(name = "days", defaultValue = "3") int days, @RequestParam(name = "limit", defaultValue = "500") int limit,
      @RequestParam(name = "period", required = false) String period, @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to) {
    String format = null;
    String slug = list;
    int dot = list.lastIndexOf('.');
    if (dot > 0) {
      format = list.substring(dot + 1);
      slug = list.substring(0, dot);
    }
    ComplianceFinder.Breach breach = ComplianceFinder.Breach.of(slug);
    SupervisorScope.Selection selection = scope.select(agency);
    ReportPeriod p = period == null && from == null && to == null ? null : ReportPeriod.parse(period, from, to);
    ComplianceFinder.Listing listing = finder.find(breach, selection.agencyIds(), days, p, limit);
    if (format == null) {
      return ResponseEntity.ok(listing);
    }
    String filename = ExportColumns.fileName(ReportExport.TITLES.getOrDefault(listing.list(), listing.list()),
        agencyName(selection.agencyId()), p == null ? "den-" + ExportColumns.time(listing.asOf()).substring(0, 10) : p.label());
    ReportExport.Table table = export.complianceTable(listing, this::agencyName);
    return switch (format) {
      case "csv" -> file(export.csv(table), CSV, filename + ".csv");
      case "xlsx" -> file(export.xlsx(table), XLSX, filename + ".xlsx");
      default -> throw ApiException.notFound("No export format '" + format + "'; use .csv or .xlsx");
    };
  }

  private KpiReport report(KpiQuery q) {
    ReportPeriod p = ReportPeriod.parse(q.period(), q.from(), q.to());
    KpiReportService.GroupBy g = KpiReportService.groupBy(q.groupBy());
    SupervisorScope.Selection selection = scope.select(q.agency());
    ReportFilter filter = new ReportFilter(selection.agencyIds(), upper("level", q.level(), "PROVINCE", "DISTRICT", "COMMUNE"),
        blank(q.field()), blank(q.procedure()), upper("channel", q.channel(), "DESK", "ONLINE", "POST"));
    return reports.report(p, selection.agencyId(), filter, g);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String upper(String name, String value, String... allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim().toUpperCase(java.util.Locale.ROOT);
    if (!List.of(allowed).contains(v)) {
      throw ApiException.badRequest(name, "'" + value + "' is not one of " + List.of(allowed));
    }
    return v;
  }

  /** {@code bao-cao-kpi_<agency name>_<period>}, see {@link ExportColumns#fileName}. */
  private String name(KpiReport r) {
    return ExportColumns.fileName("Báo cáo KPI", agencyName(r.agency()), r.period());
  }

  private String agencyName(String agencyId) {
    return agencyId == null ? null : organisation.find(agencyId).map(vn.onestop.catalog.Agency::name).orElse(agencyId);
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
    return ReportExport.attachment(body, type, filename);
  }
}
