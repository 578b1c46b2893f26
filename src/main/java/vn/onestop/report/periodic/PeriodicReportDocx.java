package vn.onestop.report.periodic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Renders the periodic report's blocks as an editable Word document (DOCX, Apache POI): Times New Roman
 * 13 pt as administrative documents use (Decree 30/2020), real tables the office can edit, the
 * placeholders the agency completes, and the signature block left for the head's signature.
 */
public final class PeriodicReportDocx {

  private static final String FONT = "Times New Roman";
  /** Text width of A4 with 3 cm / 2 cm margins, in twentieths of a point. */
  private static final int TEXT_WIDTH = 9000;

  private PeriodicReportDocx() {}

  public static byte[] render(PeriodicReport report) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getProperties().getCoreProperties().setTitle("Báo cáo kiểm soát TTHC, một cửa " + report.title());
      doc.getProperties().getCoreProperties().setCreator("OneStop");
      for (PeriodicReportLayout.Block block : PeriodicReportLayout.blocks(report)) {
        if (block instanceof PeriodicReportLayout.Masthead m) {
          sideBySide(doc, m.left(), 1, m.right(), 2);
        } else if (block instanceof PeriodicReportLayout.Title t) {
          t.lines().forEach(line -> paragraph(doc, line, ParagraphAlignment.CENTER, true, false, 14));
        } else if (block instanceof PeriodicReportLayout.Heading h) {
          paragraph(doc, h.text(), ParagraphAlignment.LEFT, true, false, 13);
        } else if (block instanceof PeriodicReportLayout.Text x) {
          paragraph(doc, x.text(), ParagraphAlignment.BOTH, false, x.italic(), 13);
        } else if (block instanceof PeriodicReportLayout.Table t) {
          table(doc, t);
        } else if (block instanceof PeriodicReportLayout.Signature s) {
          sideBySide(doc, s.left(), 1, s.right(), 1);
        }
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void paragraph(XWPFDocument doc, String text, ParagraphAlignment align, boolean bold, boolean italic,
      int size) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(align);
    lines(p, text, bold, italic, size);
  }

  /** Text with line breaks for "\n", in one run. */
  private static void lines(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
    XWPFRun run = p.createRun();
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
    run.setItalic(italic);
    String[] parts = text.split("\n", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        run.addBreak();
      }
      run.setText(parts[i]);
    }
  }

  private static void table(XWPFDocument doc, PeriodicReportLayout.Table t) {
    XWPFTable table = doc.createTable(1 + t.rows().size(), t.widths().length);
    table.setWidth(String.valueOf(TEXT_WIDTH));
    fill(table.getRow(0), t.widths(), t.header(), true);
    for (int i = 0; i < t.rows().size(); i++) {
      fill(table.getRow(i + 1), t.widths(), t.rows().get(i), false);
    }
    doc.createParagraph();
  }

  private static void fill(XWPFTableRow row, float[] widths, List<String> cells, boolean header) {
    for (int i = 0; i < widths.length; i++) {
      XWPFTableCell cell = row.getCell(i);
      cell.getCTTc().addNewTcPr().addNewTcW().setW(BigInteger.valueOf(Math.round(widths[i] * TEXT_WIDTH)));
      XWPFParagraph p = cell.getParagraphs().get(0);
      lines(p, i < cells.size() && cells.get(i) != null ? cells.get(i) : "", header, false, 11);
    }
  }

  /** Two centred columns in a table without borders (masthead, signature). */
  private static void sideBySide(XWPFDocument doc, List<String> left, int leftBold, List<String> right, int rightBold) {
    XWPFTable table = doc.createTable(1, 2);
    table.removeBorders();
    table.setWidth(String.valueOf(TEXT_WIDTH));
    column(table.getRow(0).getCell(0), left, leftBold);
    column(table.getRow(0).getCell(1), right, rightBold);
    doc.createParagraph();
  }

  /** Centred lines, the first {@code bold} of them bold, the rest italic. */
  private static void column(XWPFTableCell cell, List<String> lines, int bold) {
    for (int i = 0; i < lines.size(); i++) {
      XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
      p.setAlignment(ParagraphAlignment.CENTER);
      lines(p, lines.get(i), i < bold, i >= bold, 12);
    }
  }
}
