package vn.onestop.document;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A top-to-bottom writer of simple administrative documents on PDFBox: centred headings, wrapped
 * paragraphs, bordered tables that break across pages, two-column blocks and a vector QR code. Text
 * is NFC-normalised so Vietnamese letters use the font's precomposed glyphs.
 */
public final class PdfCanvas implements AutoCloseable {

  /** Horizontal alignment of a text block. */
  public enum Align { LEFT, CENTER, RIGHT }

  public static final float MM = 72f / 25.4f;
  /**
   * Document information entry with the lowest point drawn on the last page (PDF units from the bottom): where a
   * footer may start without overlapping the content. Read by the signer's footer.
   */
  public static final String CONTENT_BOTTOM = "OneStopContentBottom";

  private final PDDocument doc;
  private final PDRectangle size;
  private final float margin;
  private final PdfFonts.Lease fonts;
  private final PDFont regular;
  private final PDFont bold;
  private PDPage page;
  private PDPageContentStream cs;
  private float y;

  public PdfCanvas(PdfFonts fonts, PDRectangle size, float marginMm, String title) {
    this.doc = new PDDocument();
    this.size = size;
    this.margin = marginMm * MM;
    this.fonts = fonts.lease();
    try {
      this.regular = this.fonts.regular(doc);
      this.bold = this.fonts.bold(doc);
    } catch (IOException e) {
      this.fonts.close();
      throw new UncheckedIOException(e);
    }
    PDDocumentInformation info = new PDDocumentInformation();
    info.setTitle(nfc(title));
    info.setCreator("OneStop");
    doc.setDocumentInformation(info);
    newPage();
  }

  PDDocument document() {
    return doc;
  }

  public float contentWidth() {
    return size.getWidth() - 2 * margin;
  }

  float y() {
    return y;
  }

  public void newPage() {
    try {
      if (cs != null) {
        cs.close();
      }
      page = new PDPage(size);
      doc.addPage(page);
      cs = new PDPageContentStream(doc, page);
      y = size.getHeight() - margin;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a new page when less than {@code height} points remain. */
  public void need(float height) {
    if (y - height < margin) {
      newPage();
    }
  }

  public void gap(float points) {
    y -= points;
  }

  /** A wrapped paragraph across the content width. */
  public void paragraph(String text, float fontSize, boolean isBold, Align align) {
    block(margin, contentWidth(), text, fontSize, isBold, align);
  }

  /** "Label: value" with the label in bold on the first line, wrapped. */
  public void field(String label, String value, float fontSize) {
    PDFont f = bold;
    String l = nfc(label) + " ";
    float lw = width(l, f, fontSize);
    List<String> lines = wrap(nfc(value == null ? "" : value), regular, fontSize, contentWidth() - lw, contentWidth());
    float leading = fontSize * 1.35f;
    need(leading * lines.size());
    for (int i = 0; i < lines.size(); i++) {
      y -= leading;
      if (i == 0) {
        show(l, f, fontSize, margin, y);
        show(lines.get(0), regular, fontSize, margin + lw, y);
      } else {
        show(lines.get(i), regular, fontSize, margin, y);
      }
    }
  }

  /** Two wrapped, centred text blocks side by side (the header of a form; the signatures). */
  public void twoColumns(List<String> left, List<String> right, float fontSize, boolean[] leftBold, boolean[] rightBold,
      float leftFraction) {
    float startY = y;
    float lw = contentWidth() * leftFraction;
    float rw = contentWidth() - lw;
    for (int i = 0; i < left.size(); i++) {
      block(margin, lw, left.get(i), fontSize, leftBold[i], Align.CENTER);
    }
    float leftEnd = y;
    y = startY;
    for (int i = 0; i < right.size(); i++) {
      block(margin + lw, rw, right.get(i), fontSize, rightBold[i], Align.CENTER);
    }
    y = Math.min(leftEnd, y);
  }

  /**
   * A QR code at the left margin with lines of text beside it. The code keeps the quiet zone a reader needs, four
   * modules of white on every side (ISO/IEC 18004); the slip's title used to touch the code from above.
   */
  void qrWithText(String content, float qrSize, List<String> lines, float fontSize) {
    BitMatrix m = QrCodes.matrix(content);
    float quiet = 4 * qrSize / m.getWidth();
    need(quiet + qrSize + quiet);
    y -= quiet;
    float top = y;
    drawQr(m, margin, top - qrSize, qrSize);
    float textX = margin + qrSize + Math.max(quiet, 8 * MM / 2.5f);
    float textW = contentWidth() - (textX - margin);
    for (String line : lines) {
      block(textX, textW, line, fontSize, false, Align.LEFT);
    }
    y = Math.min(y, top - qrSize - quiet);
  }

  /** A bordered table; rows wrap within their cells; the header repeats on each new page. */
  public void table(float[] fractions, List<String> header, List<List<String>> rows, float fontSize) {
    float[] widths = new float[fractions.length];
    for (int i = 0; i < fractions.length; i++) {
      widths[i] = contentWidth() * fractions[i];
    }
    row(widths, header, fontSize, true);
    for (List<String> r : rows) {
      if (y - rowHeight(widths, r, fontSize, false) < margin) {
        newPage();
        row(widths, header, fontSize, true);
      }
      row(widths, r, fontSize, false);
    }
  }

  public byte[] finish() {
    try {
      cs.close();
      // where the content ends on the last page, so that the signer's footer need not search for it by text
      doc.getDocumentInformation().setCustomMetadataValue(CONTENT_BOTTOM, String.format(java.util.Locale.ROOT, "%.1f", y));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    try {
      doc.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      fonts.close(); // after the document: its fonts were read until it was saved
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void row(float[] widths, List<String> cells, float fontSize, boolean isBold) {
    PDFont f = isBold ? bold : regular;
    float pad = 2.5f;
    float leading = fontSize * 1.25f;
    float h = rowHeight(widths, cells, fontSize, isBold);
    need(h);
    float x = margin;
    try {
      for (int i = 0; i < widths.length; i++) {
        String cell = i < cells.size() && cells.get(i) != null ? nfc(cells.get(i)) : "";
        List<String> lines = wrap(cell, f, fontSize, widths[i] - 2 * pad, widths[i] - 2 * pad);
        float ty = y - pad;
        for (String line : lines) {
          ty -= leading;
          show(line, f, fontSize, x + pad, ty + leading * 0.2f);
        }
        cs.setLineWidth(0.5f);
        cs.addRect(x, y - h, widths[i], h);
        cs.stroke();
        x += widths[i];
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= h;
  }

  private float rowHeight(float[] widths, List<String> cells, float fontSize, boolean isBold) {
    PDFont f = isBold ? bold : regular;
    float pad = 2.5f;
    int max = 1;
    for (int i = 0; i < widths.length; i++) {
      String cell = i < cells.size() && cells.get(i) != null ? nfc(cells.get(i)) : "";
      max = Math.max(max, wrap(cell, f, fontSize, widths[i] - 2 * pad, widths[i] - 2 * pad).size());
    }
    return max * fontSize * 1.25f + 2 * pad + fontSize * 0.2f;
  }

  private void block(float x, float w, String text, float fontSize, boolean isBold, Align align) {
    PDFont f = isBold ? bold : regular;
    float leading = fontSize * 1.35f;
    for (String paragraph : nfc(text == null ? "" : text).split("\n", -1)) {
      for (String line : wrap(paragraph, f, fontSize, w, w)) {
        need(leading);
        y -= leading;
        float lw = width(line, f, fontSize);
        float lx = switch (align) {
          case LEFT -> x;
          case CENTER -> x + (w - lw) / 2;
          case RIGHT -> x + w - lw;
        };
        show(line, f, fontSize, lx, y);
      }
    }
  }

  private void drawQr(BitMatrix m, float x, float y0, float qrSize) {
    float module = qrSize / m.getWidth();
    try {
      cs.setNonStrokingColor(0f, 0f, 0f);
      for (int row = 0; row < m.getHeight(); row++) {
        int col = 0;
        while (col < m.getWidth()) {
          if (!m.get(col, row)) {
            col++;
            continue;
          }
          int start = col;
          while (col < m.getWidth() && m.get(col, row)) {
            col++;
          }
          cs.addRect(x + start * module, y0 + qrSize - (row + 1) * module, (col - start) * module, module);
        }
      }
      cs.fill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void show(String text, PDFont f, float fontSize, float x, float atY) {
    if (text.isEmpty()) {
      return;
    }
    try {
      cs.beginText();
      cs.setFont(f, fontSize);
      cs.newLineAtOffset(x, atY);
      cs.showText(printable(text, f));
      cs.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces characters the font has no glyph for, so one odd character cannot stop a slip. */
  private static String printable(String text, PDFont f) {
    try {
      f.encode(text);
      return text;
    } catch (IllegalArgumentException | IOException e) {
      StringBuilder sb = new StringBuilder();
      text.codePoints().forEach(cp -> {
        String s = new String(Character.toChars(cp));
        try {
          f.encode(s);
          sb.append(s);
        } catch (IllegalArgumentException | IOException ex) {
          sb.append('?');
        }
      });
      return sb.toString();
    }
  }

  private static float width(String text, PDFont f, float fontSize) {
    try {
      return f.getStringWidth(printable(text, f)) / 1000f * fontSize;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A text as printable lines of at most {@code width} points (NFC, glyphs the font lacks replaced): for what is drawn
   * outside a canvas, such as the signature blocks at the foot of a signed paper.
   */
  public static List<String> lines(String text, PDFont f, float fontSize, float width) {
    List<String> lines = new ArrayList<>();
    for (String line : wrap(nfc(text), f, fontSize, width, width)) {
      lines.add(printable(line, f));
    }
    return lines;
  }

  /** Greedy word wrap; the first line may be narrower than the rest; over-long words are cut. */
  private static List<String> wrap(String text, PDFont f, float fontSize, float firstWidth, float width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.replace('\t', ' ').split(" ")) {
      float limit = lines.isEmpty() ? firstWidth : width;
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (width(candidate, f, fontSize) <= limit) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
        limit = width;
      }
      String rest = word;
      while (width(rest, f, fontSize) > limit && rest.length() > 1) {
        int cut = rest.length() - 1;
        while (cut > 1 && width(rest.substring(0, cut), f, fontSize) > limit) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
        limit = width;
      }
      line.append(rest);
    }
    lines.add(line.toString());
    return lines;
  }

  static String nfc(String s) {
    return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
