package vn.onestop.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The TrueType fonts embedded (subset) in every PDF OneStop produces: DejaVu Sans, which covers the
 * whole Vietnamese alphabet (precomposed letters with diacritics, U+1EA0–U+1EF9). Shipped in the jar
 * under {@code document/fonts/} with its licence, so nothing needs to be installed on the server.
 *
 * <p>A document takes its fonts through a {@link Lease}: the parsed fonts (phông chữ đã nạp) are kept for the next
 * document instead of being parsed again for every paper (a third of the footer's cost in the paper workers'
 * profile, issue 18.2). A parsed font is used by one document at a time — PDFBox reads it again when it embeds the
 * subset at {@code save} — so a lease holds its fonts until the document is saved and closed; at most
 * {@value #KEPT} of each are kept, the rest are dropped.
 *
 * <p>What is parsed is not the whole of DejaVu Sans (760 kB, some 6,000 glyphs for scripts from Armenian to Tifinagh)
 * but, made once at start, a font of the glyphs a Vietnamese paper can show ({@link #KEPT_CHARACTERS}: Latin with every
 * Vietnamese letter, Greek and Cyrillic for foreign names, punctuation, currency, arrows, mathematical signs). PDFBox
 * builds each document's subset from it 2-3 times faster (fewer glyphs to map and measure), and no longer runs
 * DejaVu's glyph substitution rules on every line of text (issue 18.2). A character outside it is printed as
 * {@code ?}, as one DejaVu lacks was before.
 */
@Component
public class PdfFonts {

  static final String REGULAR = "document/fonts/DejaVuSans.ttf";
  static final String BOLD = "document/fonts/DejaVuSans-Bold.ttf";
  /** Parsed fonts of each face kept between documents (the paper workers and a few requests at once). */
  static final int KEPT = 4;

  private final Parsed regularFonts;
  private final Parsed boldFonts;

  /** Unicode ranges (inclusive) whose glyphs the parsed fonts keep. */
  static final int[][] KEPT_CHARACTERS = {
      {0x20, 0x7E}, {0xA0, 0x2FF}, // Basic Latin, Latin-1, Latin Extended-A/B, IPA, spacing modifiers
      {0x300, 0x36F}, // combining diacritics (a name typed in decomposed form)
      {0x370, 0x52F}, // Greek, Cyrillic
      {0x1E00, 0x1EFF}, // Latin Extended Additional: ạ ả ấ ầ ẩ ẫ ậ … ỹ
      {0x2000, 0x206F}, {0x20A0, 0x20CF}, // punctuation (— – … •), currency (₫ €)
      {0x2100, 0x22FF}, // letterlike, number forms, arrows, mathematical operators (≥ − Σ)
      {0x2500, 0x25FF}, // box drawing, geometric shapes
  };
  /** Tables of the kept font: glyphs, metrics, hinting, names; not the substitution and positioning rules. */
  private static final List<String> KEPT_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
      "fpgm", "cmap", "name", "post", "OS/2");

  public PdfFonts() {
    this.regularFonts = new Parsed(vietnamese(read(REGULAR), REGULAR));
    this.boldFonts = new Parsed(vietnamese(read(BOLD), BOLD));
  }

  /** Fonts for one document; close it after the document has been saved and closed. */
  public Lease lease() {
    return new Lease();
  }

  /** The fonts one document uses, returned for the next document on {@link #close()}. */
  public final class Lease implements AutoCloseable {

    private TrueTypeFont regularFont;
    private TrueTypeFont boldFont;

    private Lease() {}

    /** DejaVu Sans, embedded as a subset of the glyphs the document shows. */
    public PDType0Font regular(PDDocument doc) throws IOException {
      if (regularFont == null) {
        regularFont = regularFonts.take();
      }
      return PDType0Font.load(doc, regularFont, true);
    }

    /** DejaVu Sans Bold, embedded as a subset. */
    public PDType0Font bold(PDDocument doc) throws IOException {
      if (boldFont == null) {
        boldFont = boldFonts.take();
      }
      return PDType0Font.load(doc, boldFont, true);
    }

    @Override
    public void close() {
      if (regularFont != null) {
        regularFonts.give(regularFont);
        regularFont = null;
      }
      if (boldFont != null) {
        boldFonts.give(boldFont);
        boldFont = null;
      }
    }
  }

  /** Parsed fonts of one face waiting for the next document. */
  private static final class Parsed {
    private final byte[] bytes;
    private final ConcurrentLinkedQueue<TrueTypeFont> kept = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    Parsed(byte[] bytes) {
      this.bytes = bytes;
    }

    TrueTypeFont take() throws IOException {
      TrueTypeFont font = kept.poll();
      if (font != null) {
        size.decrementAndGet();
        return font;
      }
      return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }

    void give(TrueTypeFont font) {
      if (size.incrementAndGet() <= KEPT) {
        kept.offer(font);
        return;
      }
      size.decrementAndGet();
      try {
        font.close();
      } catch (IOException e) {
        // an in-memory font: nothing to release
      }
    }
  }

  /** The font reduced to {@link #KEPT_CHARACTERS}, as TrueType bytes. */
  static byte[] vietnamese(byte[] full, String path) {
    try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(full))) {
      TTFSubsetter subsetter = new TTFSubsetter(font, KEPT_TABLES);
      for (int[] range : KEPT_CHARACTERS) {
        for (int c = range[0]; c <= range[1]; c++) {
          subsetter.add(c);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(full.length / 3);
      subsetter.writeToStream(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Font " + path + " cannot be reduced to the Vietnamese glyphs", e);
    }
  }

  private static byte[] read(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Font " + path + " is missing from the application (classpath)", e);
    }
  }
}
