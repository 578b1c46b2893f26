package vn.onestop.document;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reading produced PDFs back in tests: text, page size, the QR code of a page. */
final class Pdfs {

  private Pdfs() {}

  static String text(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PDRectangle pageSize(byte[] pdf, int page) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getPage(page).getMediaBox();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int pages(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BufferedImage render(byte[] pdf, int page, float dpi) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFRenderer(doc).renderImageWithDPI(page, dpi, ImageType.RGB);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String qr(byte[] pdf, int page) {
    BufferedImage full = render(pdf, page, 300);
    // Signed papers carry a second QR code, the verification address, in the foot band (at most 170 pt
    // high, vn.onestop.signing.PadesSigner); the paper's own code is above it, so the band is left out.
    int foot = Math.min(full.getHeight() / 2, Math.round(170f * 300 / 72));
    BufferedImage image = full.getSubimage(0, 0, full.getWidth(), full.getHeight() - foot);
    try {
      return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
          Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
    } catch (NotFoundException e) {
      throw new AssertionError("No QR code found on page " + page, e);
    }
  }

  static void png(byte[] pdf, int page, Path file) {
    try {
      file.getParent().toFile().mkdirs();
      ImageIO.write(render(pdf, page, 110), "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
