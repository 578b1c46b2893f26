package vn.onestop.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;
import vn.onestop.process.EngineTime;
import vn.onestop.register.DossierQueries;
import vn.onestop.register.DossierRow;
import vn.onestop.rules.RuleSet;
import vn.onestop.rules.RuleSets;
import vn.onestop.rules.SlipForm;

/** The dossier log book (sổ theo dõi hồ sơ) of a receiving agency, A4 landscape: a report, not a stored slip. */
@Component
public class LogBook {

  private final DossierQueries register;
  private final Organisation organisation;
  private final PdfFonts fonts;
  private final RuleSets ruleSets;

  public LogBook(DossierQueries register, Organisation organisation, PdfFonts fonts, RuleSets ruleSets) {
    this.register = register;
    this.organisation = organisation;
    this.fonts = fonts;
    this.ruleSets = ruleSets;
  }

  /**
   * Sổ theo dõi hồ sơ (Circular 01/2018 form 06, Circular 03/2025 form 07: the form of the rule set in
   * force on the period's last day) of one receiving agency for a period (days inclusive, Vietnam time),
   * A4 landscape. Numbering runs through the year and never restarts mid-year (Circular 01/2018
   * Art. 10.2c): each dossier keeps the number it was given when received, the one its receipt (form 01) prints.
   */
  public byte[] print(String agencyId, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new DocumentRejectedException("to", "Ngày cuối kỳ (" + to + ") trước ngày đầu kỳ (" + from + ")");
    }
    ZoneId zone = EngineTime.ZONE;
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    List<DossierQueries.LogBookLine> rows = register.logBook(agencyId, start, end);
    PDRectangle a4Landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    RuleSet rules = ruleSets.on(to);
    RuleSet.Form form = rules.form(SlipForm.LOG_BOOK);
    try (PdfCanvas c = new PdfCanvas(fonts, a4Landscape, 12, form.title())) {
      c.paragraph(form.label() + " (" + rules.forms().circular() + ")", Slips.SMALL, false, PdfCanvas.Align.RIGHT);
      c.paragraph(name(agencyId).toUpperCase(Slips.VI), 10, true, PdfCanvas.Align.LEFT);
      c.gap(4);
      c.paragraph(form.title().toUpperCase(Slips.VI), 14, true, PdfCanvas.Align.CENTER);
      c.paragraph("Từ ngày " + VietnameseTime.date(from) + " đến ngày " + VietnameseTime.date(to), 10, false,
          PdfCanvas.Align.CENTER);
      c.gap(6);
      List<List<String>> table = new ArrayList<>();
      for (DossierQueries.LogBookLine line : rows) {
        DossierRow r = line.dossier();
        String code = r.code() == null ? "#" + r.id() : r.code();
        String address = Slips.nullToEmpty(r.applicantAddress()) + (r.applicantPhone() == null ? "" : "; ĐT " + r.applicantPhone());
        table.add(List.of(String.valueOf(line.number()), code, r.procedureName(), "01", r.applicantName(), address,
            name(r.handlingAgencyId()), VietnameseTime.dateTime(r.receivedAt()), VietnameseTime.dateTime(r.originalDueAt()),
            line.transferredAt() == null ? "" : VietnameseTime.dateTime(line.transferredAt()),
            r.returnedAt() == null ? "" : VietnameseTime.dateTime(r.returnedAt()), "", r.late() ? "Quá hạn" : ""));
      }
      c.table(new float[] {0.035f, 0.11f, 0.14f, 0.045f, 0.09f, 0.1f, 0.1f, 0.07f, 0.07f, 0.07f, 0.07f, 0.05f, 0.05f},
          List.of("TT", "Mã hồ sơ", "Tên TTHC", "Số lượng (bộ)", "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại",
              "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả", "Chuyển hồ sơ đến cơ quan giải quyết",
              "Trả kết quả", "Ký nhận", "Ghi chú"),
          table, 6.5f);
      if (table.isEmpty()) {
        c.paragraph("Không có hồ sơ nào được tiếp nhận trong kỳ.", 9, false, PdfCanvas.Align.LEFT);
      }
      return c.finish();
    }
  }


  private String name(String agencyId) {
    return agencyId == null ? "…" : organisation.find(agencyId).map(Agency::name).orElse(agencyId);
  }
}
