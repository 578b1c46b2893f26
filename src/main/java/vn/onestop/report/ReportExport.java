package vn.onestop.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese correctly; RFC 4180
 * quoting) and XLSX (Apache POI) exports. Both hold the same table: a header line, then one line per
 * row — the report's total first — with numbers as the API gives them.
 */
@Component
public class ReportExport {

  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  /** The table as a CSV download named {@code name}.csv. */
  public ResponseEntity<byte[]> csvFile(Table table, String name) {
    return attachment(csv(table), CSV, name + ".csv");
  }

  /** The table as an XLSX download named {@code name}.xlsx. */
  public ResponseEntity<byte[]> xlsxFile(Table table, String name) {
    return attachment(xlsx(table), XLSX, name + ".xlsx");
  }

  /** A download: the body with its type and a {@code Content-Disposition: attachment} file name. */
  public static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String filename) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(body);
  }

  /** A table: header and rows of String / Number / null cells. */
  public record Table(String title, List<String> header, List<List<Object>> rows) {}

  public Table kpiTable(KpiReport report) {
    List<String> header = new ArrayList<>(List.of("key", "label"));
    header.addAll(List.of(Tally.COUNTS));
    header.add("workingDaysSum");
    for (Kpi kpi : Kpi.values()) {
      header.add(kpi.name());
      header.add(kpi.name() + "_target");
      header.add(kpi.name() + "_status");
    }
    List<List<Object>> rows = new ArrayList<>();
    rows.add(line(report.total()));
    report.rows().forEach(r -> rows.add(line(r)));
    String title = "KPI " + report.period() + (report.agency() == null ? "" : " " + report.agency());
    return new Table(title, header, rows);
  }

  private static List<Object> line(KpiReport.Row row) {
    List<Object> cells = new ArrayList<>();
    cells.add(row.key());
    cells.add(row.label());
    row.counts().values().forEach(cells::add);
    KpiValue avg = row.kpi(Kpi.AVERAGE_RESOLUTION_DAYS);
    cells.add(avg.numerator());
    for (Kpi kpi : Kpi.values()) {
      KpiValue v = row.kpi(kpi);
      cells.add(v.value());
      cells.add(v.target());
      cells.add(v.status());
    }
    return cells;
  }

  public Table complianceTable(ComplianceFinder.Listing listing) {
    List<String> header = List.of("code", "agencyId", "agencyName", "receivingAgencyId", "procedureCode", "procedureName",
        "field", "channel", "status", "receivedAt", "dueAt", "originalDueAt", "finishedAt", "late", "apologyAt",
        "explanationAt", "workingDaysLeft");
    List<List<Object>> rows = new ArrayList<>();
    for (ComplianceFinder.Entry e : listing.entries()) {
      rows.add(java.util.Arrays.asList(e.code(), e.agencyId(), e.agencyName(), e.receivingAgencyId(), e.procedureCode(),
          e.procedureName(), e.field(), e.channel(), e.status(), str(e.receivedAt()), str(e.dueAt()),
          str(e.originalDueAt()), str(e.finishedAt()), String.valueOf(e.late()), str(e.apologyAt()),
          str(e.explanationAt()), e.workingDaysLeft()));
    }
    return new Table(listing.list(), header, rows);
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  public byte[] csv(Table table) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append(String.join(",", table.header().stream().map(ReportExport::quote).toList())).append("\r\n");
    for (List<Object> row : table.rows()) {
      List<String> cells = new ArrayList<>();
      for (Object cell : row) {
        cells.add(cell == null ? "" : cell instanceof BigDecimal b ? b.toPlainString()
            : cell instanceof Number number ? number.toString() : quote(cell.toString()));
      }
      out.append(String.join(",", cells)).append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    String s = neutralised(text);
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  /**
   * A text cell that a spreadsheet would run as a formula (it begins with {@code =}, {@code +}, {@code -}, {@code @},
   * a tab or a carriage return: CSV injection, OWASP) gets a leading apostrophe, so it shows as text (issue 24).
   * Numbers are written by {@link #csv} as numbers and never pass here.
   */
  static String neutralised(String s) {
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }

  public byte[] xlsx(Table table) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(table.title().replaceAll("[\\\\/?*\\[\\]:]", "-").substring(0, Math.min(31, table.title().length())));
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row head = sheet.createRow(0);
      for (int c = 0; c < table.header().size(); c++) {
        Cell cell = head.createCell(c);
        cell.setCellValue(table.header().get(c));
        cell.setCellStyle(bold);
      }
      int r = 1;
      for (List<Object> row : table.rows()) {
        Row line = sheet.createRow(r++);
        for (int c = 0; c < row.size(); c++) {
          Object value = row.get(c);
          if (value == null) {
            continue;
          }
          Cell cell = line.createCell(c);
          if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else {
            cell.setCellValue(value.toString());
          }
        }
      }
      sheet.createFreezePane(2, 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
