package vn.onestop.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.report.ReportExport;
import vn.onestop.report.SupervisorScope;
import vn.onestop.web.ApiException;

/**
 * The official evaluation of TTHC handling (issue 20): {@code GET /api/evaluation?agency=…&period=…}
 * and the dossiers behind each figure; scoped to the caller like the KPI report (administrators see
 * everything, a supervisor his agencies' subtrees, anyone else 403).
 */
@RestController
@RequestMapping("/api")
public class EvaluationController {

  private final EvaluationService service;
  private final SupervisorScope scope;
  private final ReportExport export;

  public EvaluationController(EvaluationService service, SupervisorScope scope, ReportExport export) {
    this.service = service;
    this.scope = scope;
    this.export = export;
  }

  /** The unit's indicators, total, grade and staff scores for the period. */
  @GetMapping("/evaluation")
  public Evaluation evaluation(PeriodQuery q) {
    SupervisorScope.Selection selection = scope.select(q.agency());
    return service.evaluate(q.reportPeriod(), selection.agencyId(), selection.agencyIds());
  }

  /** The dossiers behind an indicator's figure: {@code indicator} 1–4, 6 or 7, optionally only those with {@code points}. */
  @GetMapping("/evaluation/dossiers")
  public List<EvaluationService.DossierPoints> dossiers(PeriodQuery q, @RequestParam(name = "indicator") int indicator,
      @RequestParam(name = "points", required = false) Integer points) {
    if (!List.of(1, 2, 3, 4, 6, 7).contains(indicator)) {
      throw ApiException.badRequest("indicator", "Chỉ số " + indicator + " không chấm theo hồ sơ: chọn 1, 2, 3, 4, 6 hoặc 7");
    }
    if (points != null && (points < 0 || points > 2)) {
      throw ApiException.badRequest("points", "Điểm phải là 0, 1 hoặc 2");
    }
    SupervisorScope.Selection selection = scope.select(q.agency());
    return service.dossiers(q.reportPeriod(), selection.agencyId(), selection.agencyIds(), indicator, points);
  }

  @GetMapping("/evaluation/export.csv")
  public ResponseEntity<byte[]> csv(PeriodQuery q) {
    Evaluation e = evaluation(q);
    return export.csvFile(table(e), name(e));
  }

  @GetMapping("/evaluation/export.xlsx")
  public ResponseEntity<byte[]> xlsx(PeriodQuery q) {
    Evaluation e = evaluation(q);
    return export.xlsxFile(table(e), name(e));
  }

  static ReportExport.Table table(Evaluation e) {
    List<List<Object>> rows = new ArrayList<>();
    for (Evaluation.Part part : e.parts()) {
      for (IndicatorScore s : part.indicators()) {
        rows.add(List.of(part.schemeName(), "Chỉ số " + s.no(), s.name(), s.article(), cell(s.score()),
            s.dossiers() == null ? "" : s.dossiers(), s.basis()));
      }
      rows.add(List.of(part.schemeName(), "Tổng điểm", "Xếp loại: " + part.grade().name(), "Điều 15.3", part.total(),
          part.dossiers(), ""));
    }
    return new ReportExport.Table("Đánh giá việc giải quyết TTHC " + e.period(),
        List.of("Bộ chỉ số", "Chỉ số", "Nội dung", "Căn cứ", "Điểm", "Số hồ sơ", "Cách tính"), rows);
  }

  private static Object cell(BigDecimal score) {
    return score == null ? "Chưa có dữ liệu" : score;
  }

  private static String name(Evaluation e) {
    return "danh-gia-" + (e.agency() == null ? "toan-tinh" : e.agency()) + "-" + e.period().replace('…', '_');
  }

}
