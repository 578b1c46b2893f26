package vn.onestop.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.report.ExportColumns;
import vn.onestop.report.ReportExport;
import vn.onestop.report.SupervisorScope;
import vn.onestop.web.ApiException;

/**
 * The Decision 766/QĐ-TTg index live (issue 20): {@code GET /api/index-766?agency=…&period=…}, its
 * monthly trend, the dossiers pulling a component down, and CSV/XLSX exports; scoped like the KPI
 * report.
 */
@RestController
@RequestMapping("/api/index-766")
public class Index766Controller {

  private final Index766Service service;
  private final SupervisorScope scope;
  private final ReportExport export;

  public Index766Controller(Index766Service service, SupervisorScope scope, ReportExport export) {
    this.service = service;
    this.scope = scope;
    this.export = export;
  }

  @GetMapping
  public Index766 index(PeriodQuery q) {
    SupervisorScope.Selection s = scope.select(q.agency());
    return service.compute(q.reportPeriod(), s.agencyId(), s.agencyIds());
  }

  /** One index per month of the period, for the trend chart. */
  @GetMapping("/trend")
  public List<Index766> trend(PeriodQuery q) {
    SupervisorScope.Selection s = scope.select(q.agency());
    return service.trend(q.reportPeriod(), s.agencyId(), s.agencyIds());
  }

  /** The dossiers of a component's cohort that pull it down. */
  @GetMapping("/dossiers")
  public List<Index766Service.Shortfall> dossiers(PeriodQuery q, @RequestParam(name = "component") String component,
      @RequestParam(name = "limit", defaultValue = "500") int limit) {
    Index766Formula formula;
    try {
      formula = Index766Formula.valueOf(component.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("component", "Không có thành phần chỉ số '" + component + "'");
    }
    if (formula.source != Index766Formula.Source.DOSSIERS) {
      throw ApiException.badRequest("component", "Thành phần " + formula + " không tính theo hồ sơ");
    }
    SupervisorScope.Selection s = scope.select(q.agency());
    return service.shortfall(formula, q.reportPeriod(), s.agencyIds(), limit);
  }

  @GetMapping("/export.csv")
  public ResponseEntity<byte[]> csv(PeriodQuery q) {
    Index766 index = index(q);
    return export.csvFile(table(index), name(index));
  }

  @GetMapping("/export.xlsx")
  public ResponseEntity<byte[]> xlsx(PeriodQuery q) {
    Index766 index = index(q);
    return export.xlsxFile(table(index), name(index));
  }

  static ReportExport.Table table(Index766 index) {
    List<List<Object>> rows = new ArrayList<>();
    for (Index766.Group g : index.groups()) {
      for (Index766.Component c : g.components()) {
        rows.add(List.of(g.name(), c.name(), c.numerator(), c.denominator(), c.rate() == null ? "Chưa có dữ liệu" : c.rate(),
            c.threshold(), c.max(), c.score() == null ? "Chưa có dữ liệu" : c.score(), c.verified() ? "Có" : "Chưa xác minh"));
      }
      rows.add(List.of(g.name(), "Cộng nhóm", "", "", "", "", g.max(), g.score(), ""));
    }
    rows.add(List.of("Tổng điểm", "", "", "", "", "", index.maxWithData(), index.total(), ""));
    return new ReportExport.Table("Chỉ số 766 " + ExportColumns.period(index.period()), List.of("Nhóm chỉ số", "Thành phần", "Đạt", "Tổng số",
        "Tỷ lệ (%)", "Ngưỡng (%)", "Điểm tối đa", "Điểm", "Trọng số đã xác minh"), rows);
  }

  private static String name(Index766 index) {
    return ExportColumns.fileName("Chỉ số 766", index.agencyName(), index.period());
  }

}
