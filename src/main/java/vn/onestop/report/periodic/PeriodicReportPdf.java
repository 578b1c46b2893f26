package vn.onestop.report.periodic;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.stereotype.Component;
import vn.onestop.document.PdfCanvas;
import vn.onestop.document.PdfFonts;

/**
 * Renders the periodic report's blocks as PDF on the slips' PDF stack ({@link PdfCanvas}, DejaVu Sans
 * embedded so every Vietnamese letter prints): the same content as the DOCX, for reading and filing;
 * the DOCX is the one edited before signature.
 */
@Component
public class PeriodicReportPdf {

  private final PdfFonts fonts;

  public PeriodicReportPdf(PdfFonts fonts) {
    this.fonts = fonts;
  }

  public byte[] render(PeriodicReport report) {
    try (PdfCanvas c = new PdfCanvas(fonts, PDRectangle.A4, 18, "Báo cáo kiểm soát TTHC, một cửa " + report.title())) {
      for (PeriodicReportLayout.Block block : PeriodicReportLayout.blocks(report)) {
        if (block instanceof PeriodicReportLayout.Masthead m) {
          c.twoColumns(m.left(), m.right(), 9.5f, bold(m.left().size(), 1), bold(m.right().size(), 2), 0.42f);
          c.gap(10);
        } else if (block instanceof PeriodicReportLayout.Title t) {
          t.lines().forEach(line -> c.paragraph(line, 11.5f, true, PdfCanvas.Align.CENTER));
          c.gap(6);
        } else if (block instanceof PeriodicReportLayout.Heading h) {
          c.gap(4);
          c.need(70); // a heading never ends a page: it keeps at least its table's header and a row
          c.paragraph(h.text(), 10.5f, true, PdfCanvas.Align.LEFT);
        } else if (block instanceof PeriodicReportLayout.Text x) {
          c.paragraph(x.text(), 10, false, PdfCanvas.Align.LEFT);
        } else if (block instanceof PeriodicReportLayout.Table t) {
          c.gap(2);
          c.need(45);
          c.table(t.widths(), t.header(), t.rows().stream().map(PeriodicReportPdf::oneLine).toList(), 8);
          c.gap(4);
        } else if (block instanceof PeriodicReportLayout.Signature s) {
          c.gap(12);
          c.need(90);
          c.twoColumns(s.left(), s.right(), 9.5f, bold(s.left().size(), 1), bold(s.right().size(), 1), 0.5f);
        }
      }
      return c.finish();
    }
  }

  /** The PDF table wraps words itself; a line break of the DOCX becomes a dash. */
  private static java.util.List<String> oneLine(java.util.List<String> cells) {
    return cells.stream().map(cell -> cell == null ? "" : cell.replace("\n", " — ")).toList();
  }

  private static boolean[] bold(int lines, int first) {
    boolean[] out = new boolean[lines];
    for (int i = 0; i < Math.min(first, lines); i++) {
      out[i] = true;
    }
    return out;
  }
}
