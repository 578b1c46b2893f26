package vn.onestop.document;

import vn.onestop.process.EngineTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import vn.onestop.register.DossierRow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;

/**
 * Certified e-copies from originals (chứng thực bản sao điện tử từ bản chính, Decree 23/2015 as
 * amended by Decree 45/2020), the result of catalogue procedure 2.000815 when the applicant asks
 * for the electronic form. The scan of the original (a PDF, JPEG or PNG of the dossier) is
 * reproduced page by page, followed by the certification (lời chứng) with a QR code; the e-copy is
 * stored, marked as the dossier's electronic result and filed in the applicant's data store.
 */
@Component("certifiedCopies")
public class CertifiedCopies {

  private final DocumentStore documents;
  private final ResultFiling filing;
  private final Organisation organisation;
  private final PdfFonts fonts;

  CertifiedCopies(DocumentStore documents, ResultFiling filing, Organisation organisation, PdfFonts fonts) {
    this.documents = documents;
    this.filing = filing;
    this.organisation = organisation;
    this.fonts = fonts;
  }

  /**
   * Produces the certified e-copy of a scanned original of the dossier.
   *
   * @param originalScanId the document holding the scan of the original; must belong to the dossier
   * @param certifier      who certifies (người thực hiện chứng thực)
   */
  @Transactional
  public StoredDocument certifiedCopy(long dossierId, long originalScanId, String certifier) {
    DossierRow d = filing.dossier(dossierId);
    DocumentContent original = documents.read(originalScanId);
    StoredDocument scan = original.document();
    if (scan.dossierId() == null || scan.dossierId() != dossierId) {
      throw new DocumentRejectedException("originalScanId", "Tài liệu " + originalScanId + " không thuộc hồ sơ " + dossierId);
    }
    if (scan.origin() != DocumentOrigin.ORIGINAL_SCAN) {
      throw new DocumentRejectedException("originalScanId", "Tài liệu " + originalScanId + " không phải bản quét từ bản chính (" + scan.origin()
          + "): chỉ chứng thực bản sao từ bản chính");
    }
    String title = "Bản sao điện tử chứng thực từ bản chính: " + (scan.title() == null ? scan.fileName() : scan.title());
    Instant now = EngineTime.current();
    byte[] pdf;
    PDDocument source = null;
    try (PdfCanvas c = new PdfCanvas(fonts, PDRectangle.A4, 18, title)) {
      PDDocument doc = c.document();
      PDPage certificationPage = doc.getPage(0);
      List<PDPage> copied = new ArrayList<>();
      if ("application/pdf".equals(scan.contentType())) {
        source = Loader.loadPDF(original.bytes());
        for (PDPage p : source.getPages()) {
          copied.add(doc.importPage(p));
        }
      } else {
        PDImageXObject image = PDImageXObject.createFromByteArray(doc, original.bytes(), scan.fileName());
        PDPage page = new PDPage(PDRectangle.A4);
        float scale = Math.min((PDRectangle.A4.getWidth() - 40) / image.getWidth(), (PDRectangle.A4.getHeight() - 40) / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.drawImage(image, (PDRectangle.A4.getWidth() - w) / 2, (PDRectangle.A4.getHeight() - h) / 2, w, h);
        }
        doc.addPage(page);
        copied.add(page);
      }
      for (PDPage p : copied) {
        doc.getPages().remove(p);
        doc.getPages().insertBefore(p, certificationPage);
      }
      String agency = organisation.find(d.receivingAgencyId()).map(Agency::name).orElse(d.receivingAgencyId());
      c.paragraph("LỜI CHỨNG CỦA NGƯỜI THỰC HIỆN CHỨNG THỰC", 13, true, PdfCanvas.Align.CENTER);
      c.gap(10);
      List<String> beside = List.of("Mã hồ sơ: " + d.codeOrId(), "Thủ tục: " + d.procedureCode(),
          "Người yêu cầu: " + d.applicantName(), "Số định danh: " + (d.applicantIdNumber() == null ? "…" : d.applicantIdNumber()));
      c.qrWithText(QrCodes.payload(d, title), 96, beside, 10);
      c.gap(8);
      c.paragraph("Chứng thực bản sao điện tử này (" + copied.size() + " trang) đúng với bản chính \""
          + (scan.title() == null ? scan.fileName() : scan.title()) + "\" do Ông/Bà " + d.applicantName() + " xuất trình.",
          11, false, PdfCanvas.Align.LEFT);
      c.paragraph("Mã băm SHA-256 của bản quét bản chính: " + scan.sha256(), 8, false, PdfCanvas.Align.LEFT);
      c.gap(6);
      c.paragraph(agency + ", " + VietnameseTime.dateline(now) + " (" + VietnameseTime.dateTime(now) + ")", 10, false,
          PdfCanvas.Align.RIGHT);
      c.gap(6);
      c.paragraph("NGƯỜI THỰC HIỆN CHỨNG THỰC", 10, true, PdfCanvas.Align.RIGHT);
      c.paragraph(certifier, 10, false, PdfCanvas.Align.RIGHT);
      pdf = c.finish();
    } catch (IOException e) {
      throw new DocumentRejectedException("originalScanId", "Không đọc được bản quét " + originalScanId + " theo định dạng "
          + scan.contentType());
    } finally {
      if (source != null) {
        try {
          source.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return filing.file(d, new NewDocument(dossierId, "certified-copy", DocumentKind.CERTIFIED_COPY,
        DocumentOrigin.CERTIFIED_ECOPY, title, "ban-sao-dien-tu-" + (d.code() != null ? d.code() : "hs" + d.id()) + ".pdf",
        "application/pdf", pdf, null, scan.validUntil(), null, certifier), DataStoreCategory.CERTIFIED_ECOPY, certifier);
  }
}
