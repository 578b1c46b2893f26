package vn.onestop.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Fonts parsed once serve many documents ({@link PdfFonts.Lease}): every document still embeds the glyphs it
 * shows — in turn and on several threads at once — and records where its content ends for the signer's footer.
 */
class PdfFontsTest {

  private final PdfFonts fonts = new PdfFonts();

  @Test
  void parsedFontsServeDocumentsInTurn() throws Exception {
    for (int i = 0; i < 6; i++) {
      String text = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả — lần " + i + (i % 2 == 0 ? " Đắk Nông" : " ỹ ữ ặ");
      assertThat(textOf(slip(text, i % 3 == 0))).contains(text);
    }
  }

  @Test
  void documentsOnSeveralThreadsEachEmbedTheirOwnGlyphs() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String text = "Phiếu kiểm soát quá trình giải quyết hồ sơ số " + i + " — Nguyễn Thị Hằng " + "ẩẫậ".repeat(i % 4);
        boolean bold = i % 2 == 1;
        checks.add(pool.submit(() -> textOf(slip(text, bold)).contains(text)));
      }
      for (Future<Boolean> check : checks) {
        assertThat(check.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theLowestPointDrawnIsRecorded() throws Exception {
    byte[] pdf;
    float cursor;
    try (PdfCanvas c = new PdfCanvas(fonts, PDRectangle.A5, 10, "Thử")) {
      for (int i = 0; i < 5; i++) {
        c.paragraph("Dòng " + i, 11, false, PdfCanvas.Align.LEFT);
      }
      cursor = c.y();
      pdf = c.finish();
    }
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      float recorded = Float.parseFloat(doc.getDocumentInformation().getCustomMetadataValue(PdfCanvas.CONTENT_BOTTOM));
      assertThat(recorded).isCloseTo(cursor, org.assertj.core.data.Offset.offset(0.1f))
          .isLessThan(PDRectangle.A5.getHeight() - 5 * 11).isGreaterThan(0);
    }
  }

  @Test
  void everyVietnameseLetterAndTheSignsOfThePapersAreKept() throws Exception {
    StringBuilder letters = new StringBuilder();
    for (String base : List.of("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")) {
      for (String mark : List.of("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")) {
        String letter = Normalizer.normalize(base + mark, Normalizer.Form.NFC);
        letters.append(letter).append(letter.toUpperCase()).append(' ');
      }
    }
    String text = letters + "đĐ — – … → ≥ − Σ • ₫ Ωмир";
    for (boolean bold : new boolean[] {false, true}) {
      assertThat(textOf(slip(text, bold))).contains(text);
    }
    assertThat(textOf(slip("Tên: Արամ Lan", false))).as("Armenian, which DejaVu Sans has but the papers do not keep")
        .contains("Tên: ???? Lan");
    assertThat(PdfFonts.vietnamese(PdfFontsTest.class.getResourceAsStream("/" + PdfFonts.REGULAR).readAllBytes(),
        PdfFonts.REGULAR).length).as("a fraction of DejaVu Sans").isLessThan(300_000);
  }

  private byte[] slip(String text, boolean bold) {
    try (PdfCanvas c = new PdfCanvas(fonts, PDRectangle.A5, 10, "Thử")) {
      c.paragraph(text, 11, bold, PdfCanvas.Align.LEFT);
      return c.finish();
    }
  }

  private static String textOf(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }
  }
}
