package vn.onestop.document;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
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

  /**
   * The text of the paper's own QR code on a page. ZXing's detector misses a correct code now and then, depending on
   * where the modules fall on the pixel grid (about one page in forty at 300 dpi with its hybrid binarizer); a reader
   * holds the paper a little differently and tries again, and so does this: 300 dpi, then 240 and 360 dpi, each with
   * both of ZXing's binarizers. A page none of them reads fails, with the picture left in target/.
   */
  static String qr(byte[] pdf, int page) {
    BufferedImage searched = null;
    for (float dpi : new float[] {300, 240, 360}) {
      BufferedImage full = render(pdf, page, dpi);
      // Signed papers carry a second QR code, the verification address, in the foot band (at most 170 pt
      // high, vn.onestop.signing.PadesSigner); the paper's own code is above it, so the band is left out.
      int foot = Math.min(full.getHeight() / 2, Math.round(170f * dpi / 72));
      BufferedImage image = full.getSubimage(0, 0, full.getWidth(), full.getHeight() - foot);
      searched = searched == null ? image : searched;
      BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
      for (Binarizer binarizer : List.of(new HybridBinarizer(source), new GlobalHistogramBinarizer(source))) {
        try {
          return new MultiFormatReader().decode(new BinaryBitmap(binarizer),
              Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
        } catch (NotFoundException e) {
          // next rendering or binarizer
        }
      }
    }
    Path seen = Path.of("target", "qr-not-found-" + System.nanoTime() + ".png");
    try {
      seen.getParent().toFile().mkdirs();
      ImageIO.write(searched, "png", seen.toFile());
    } catch (IOException ignored) {
      // the assertion below says what failed; the picture only helps to see why
    }
    throw new AssertionError("No QR code found on page " + page + " (the part searched: " + seen + ")");
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
