package vn.onestop.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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

  /**
   * The KPI report as a table: the group's name, the counts and, per KPI, its value, the plan's target and the
   * assessment, all under Vietnamese headers ({@link ExportColumns}); the total first.
   */
  public Table kpiTable(KpiReport report) {
    List<String> header = new ArrayList<>(List.of("Nhóm"));
    for (String count : Tally.COUNTS) {
      header.add(ExportColumns.count(count));
    }
    header.add("Tổng thời gian giải quyết (ngày làm việc)");
    for (Kpi kpi : Kpi.values()) {
      header.add(ExportColumns.kpi(kpi));
      header.add(ExportColumns.target(kpi));
      header.add(ExportColumns.status(kpi));
    }
    List<List<Object>> rows = new ArrayList<>();
    rows.add(line(report.total()));
    report.rows().forEach(r -> rows.add(line(r)));
    return new Table("KPI " + ExportColumns.period(report.period()), header, rows);
  }

  private static List<Object> line(KpiReport.Row row) {
    List<Object> cells = new ArrayList<>();
    cells.add(ExportColumns.period(row.label()));
    for (String count : Tally.COUNTS) {
      cells.add(row.counts().get(count));
    }
    KpiValue avg = row.kpi(Kpi.AVERAGE_RESOLUTION_DAYS);
    cells.add(avg.numerator());
    for (Kpi kpi : Kpi.values()) {
      KpiValue v = row.kpi(kpi);
      cells.add(v.value());
      cells.add(v.target());
      cells.add(ExportColumns.status(v.status()));
    }
    return cells;
  }

  /** A compliance list as a table: Vietnamese headers, agencies by name, times in Vietnam time. */
  public Table complianceTable(ComplianceFinder.Listing listing, Function<String, String> agencyName) {
    List<String> header = List.of("Mã hồ sơ", "Cơ quan chịu trách nhiệm", "Cơ quan tiếp nhận", "Mã thủ tục", "Thủ tục",
        "Lĩnh vực", "Kênh nộp", "Tiếp nhận lúc", "Hẹn trả", "Hẹn trả ban đầu", "Hoàn thành lúc", "Trễ hạn",
        "Xin lỗi lúc", "Giải trình lúc", "Còn lại (ngày làm việc)");
    List<List<Object>> rows = new ArrayList<>();
    for (ComplianceFinder.Entry e : listing.entries()) {
      rows.add(java.util.Arrays.asList(e.code(), e.agencyName(), agencyName.apply(e.receivingAgencyId()), e.procedureCode(),
          e.procedureName(), e.field(), ExportColumns.channel(e.channel()), ExportColumns.time(e.receivedAt()),
          ExportColumns.time(e.dueAt()), ExportColumns.time(e.originalDueAt()), ExportColumns.time(e.finishedAt()),
          e.late() ? "Có" : "Không", ExportColumns.time(e.apologyAt()), ExportColumns.time(e.explanationAt()),
          e.workingDaysLeft()));
    }
    return new Table(TITLES.getOrDefault(listing.list(), listing.list()), header, rows);
  }

  /** The compliance lists' names, for sheet titles and file names. */
  static final java.util.Map<String, String> TITLES = java.util.Map.of(
      "late-without-apology", "Trễ hạn chưa xin lỗi", "late-without-explanation", "Trễ hạn chưa giải trình",
      "going-late", "Sắp trễ hạn", "not-digitised", "Chưa số hóa");

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
