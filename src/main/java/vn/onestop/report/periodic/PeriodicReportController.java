package vn.onestop.report.periodic;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.report.ReportExport;

/**
 * The periodic reports (báo cáo định kỳ quý, 6 tháng, năm; issue 20):
 * {@code GET /api/reports/periodic/{period}.docx} (editable, for the head to sign), {@code .pdf} and the
 * figures as JSON. {@code period}: {@code 2025-Q3}, {@code 2025-H1}, {@code 2025-H2} or {@code 2025}, cut at
 * the plan's cut-off day; {@code agency} optional. Scoped to the caller like the KPI report.
 */
@RestController
@RequestMapping("/api/reports/periodic")
public class PeriodicReportController {

  private static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final PeriodicReportService service;
  private final PeriodicReportPdf pdf;

  public PeriodicReportController(PeriodicReportService service, PeriodicReportPdf pdf) {
    this.service = service;
    this.pdf = pdf;
  }

  @GetMapping("/{period}")
  public PeriodicReport figures(@PathVariable("period") String period,
      @RequestParam(name = "agency", required = false) String agency) {
    return service.report(period, agency);
  }

  @GetMapping("/{period}.docx")
  public ResponseEntity<byte[]> docx(@PathVariable("period") String period,
      @RequestParam(name = "agency", required = false) String agency) {
    PeriodicReport report = service.report(period, agency);
    return ReportExport.attachment(PeriodicReportDocx.render(report), DOCX, fileName(report) + ".docx");
  }

  @GetMapping("/{period}.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable("period") String period,
      @RequestParam(name = "agency", required = false) String agency) {
    PeriodicReport report = service.report(period, agency);
    return ReportExport.attachment(pdf.render(report), MediaType.APPLICATION_PDF, fileName(report) + ".pdf");
  }

  private static String fileName(PeriodicReport report) {
    return "bao-cao-" + report.period() + "-" + (report.agencyId() == null ? "toan-tinh" : report.agencyId());
  }
}
