package vn.onestop.document;

import vn.onestop.process.EngineTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.onestop.register.DossierRow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;

/**
 * Results issued as electronic documents (kết quả điện tử): a PDF with a QR code carrying the dossier
 * code, procedure code, applicant identifier and document name, stored as the dossier's RESULT,
 * marked on the register ({@code result_electronic}) and filed in the applicant's data store so later
 * dossiers can reuse it.
 */
@Component("results")
public class ElectronicResults {

  private final ResultFiling filing;
  private final Organisation organisation;
  private final PdfFonts fonts;

  ElectronicResults(ResultFiling filing, Organisation organisation, PdfFonts fonts) {
    this.filing = filing;
    this.organisation = organisation;
    this.fonts = fonts;
  }

  /** Issues the result without an expiry date. */
  @Transactional
  public StoredDocument issue(long dossierId, String documentName, String summary) {
    return issue(dossierId, documentName, summary, null);
  }

  /** Issues the result, valid until the given day ({@code null} = no expiry). */
  @Transactional
  public StoredDocument issue(long dossierId, String documentName, String summary, LocalDate validUntil) {
    DossierRow d = filing.dossier(dossierId);
    String agencyId = d.handlingAgencyId() != null ? d.handlingAgencyId() : d.receivingAgencyId();
    Instant now = EngineTime.current();
    byte[] pdf;
    try (PdfCanvas c = new PdfCanvas(fonts, PDRectangle.A4, 18, documentName)) {
      Locale vi = Locale.forLanguageTag("vi");
      String agency = organisation.find(agencyId).map(Agency::name).orElse(agencyId);
      c.twoColumns(List.of(agency.toUpperCase(vi)), List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
          9, new boolean[] {true}, new boolean[] {true, true}, 0.45f);
      c.paragraph(VietnameseTime.dateline(now), 9, false, PdfCanvas.Align.RIGHT);
      c.gap(12);
      c.paragraph(documentName.toUpperCase(vi), 14, true, PdfCanvas.Align.CENTER);
      c.gap(10);
      List<String> beside = new ArrayList<>();
      beside.add("Mã hồ sơ: " + d.codeOrId());
      beside.add("Thủ tục: " + d.procedureCode() + " — " + d.procedureName());
      beside.add("Người được cấp: " + d.applicantName());
      beside.add("Số định danh: " + (d.applicantIdNumber() == null ? "…" : d.applicantIdNumber()));
      c.qrWithText(QrCodes.payload(d, documentName), 96, beside, 10);
      c.gap(10);
      c.paragraph(summary == null ? "" : summary, 11, false, PdfCanvas.Align.LEFT);
      c.gap(10);
      if (validUntil != null) {
        c.paragraph("Có giá trị đến ngày " + VietnameseTime.date(validUntil) + ".", 10, false, PdfCanvas.Align.LEFT);
      }
      c.paragraph("Kết quả điện tử được cấp lúc " + VietnameseTime.dateTime(now) + " trên Hệ thống thông tin một cửa"
          + " điện tử OneStop; có giá trị như bản giấy theo quy định về chứng thư, văn bản điện tử.", 9, false,
          PdfCanvas.Align.LEFT);
      pdf = c.finish();
    }
    return filing.file(d, new NewDocument(dossierId, "result", DocumentKind.RESULT, DocumentOrigin.ELECTRONIC,
        documentName, "ket-qua-" + (d.code() != null ? d.code() : "hs" + d.id()) + ".pdf", "application/pdf", pdf,
        null, validUntil, null, "system"), DataStoreCategory.RESULT, "system");
  }
}
