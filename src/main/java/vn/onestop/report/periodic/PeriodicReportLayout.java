package vn.onestop.report.periodic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.onestop.process.EngineTime;

/**
 * The periodic report as a sequence of blocks, in the order of an administrative report (Decree
 * 30/2020 layout: agency and national motto, number and dateline, title, body in sections I–IV,
 * recipients and the head's signature block), rendered the same way to DOCX ({@link PeriodicReportDocx})
 * and PDF ({@link PeriodicReportPdf}). Sections follow plan 2025 II and appendix III.3: the figures of
 * reception and resolution, the plan's targets, the Circular 01/2018 evaluation, the Decision 766 index,
 * the late dossiers with apology and explanation, the plan tasks; then the parts the agency writes
 * itself before signing (shortcomings, next period's tasks, proposals), left as marked placeholders.
 */
public final class PeriodicReportLayout {

  /** One block of the report. */
  public sealed interface Block permits Masthead, Title, Heading, Text, Table, Signature {}

  /** Agency on the left, national motto and dateline on the right. */
  public record Masthead(List<String> left, List<String> right) implements Block {}

  public record Title(List<String> lines) implements Block {}

  public record Heading(String text) implements Block {}

  public record Text(String text, boolean italic) implements Block {}

  /** A table; {@code widths} are fractions of the text width. */
  public record Table(float[] widths, List<String> header, List<List<String>> rows) implements Block {}

  /** Recipients on the left, the signer on the right. */
  public record Signature(List<String> left, List<String> right) implements Block {}

  static final String TO_BE_WRITTEN = "(Cơ quan bổ sung nội dung này trước khi trình ký.)";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private PeriodicReportLayout() {}

  public static List<Block> blocks(PeriodicReport r) {
    List<Block> out = new ArrayList<>();
    out.add(new Masthead(List.of(r.agencyName().toUpperCase(Locale.forLanguageTag("vi")), "Số: ……/BC-……"),
        List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "……, ngày …… tháng …… năm ……")));
    out.add(new Title(List.of("BÁO CÁO", "Tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính, thực hiện cơ chế"
        + " một cửa, một cửa liên thông " + r.title())));
    out.add(new Text("Kỳ báo cáo: từ ngày " + date(r.from()) + " đến ngày " + date(r.to()) + " (chốt số liệu ngày "
        + (r.cutOffDay() <= 1 ? "cuối tháng" : (r.cutOffDay() - 1) + " hằng tháng") + ")."
        + (r.planSource() == null ? "" : " Thực hiện " + r.planSource() + "."), false));
    out.add(new Text(r.closed() ? "Số liệu đã chốt khi kết thúc kỳ (lấy từ sổ theo dõi hồ sơ lúc " + dateTime(r.snapshotAt())
        + "); báo cáo lập lại cho kỳ này cho cùng số liệu."
        : "Số liệu tạm tính đến " + dateTime(r.asOf()) + " (kỳ báo cáo chưa kết thúc).", true));

    out.add(new Heading("I. KẾT QUẢ THỰC HIỆN"));
    out.add(new Heading("1. Tiếp nhận và giải quyết hồ sơ thủ tục hành chính"));
    PeriodicReport.Counts c = r.counts();
    out.add(new Table(new float[] {0.7f, 0.3f}, List.of("Nội dung", "Số hồ sơ"), List.of(
        List.of("Hồ sơ tiếp nhận trong kỳ", count(c.received())),
        List.of("Trong đó tiếp nhận trực tuyến", count(c.receivedOnline())),
        List.of("Hồ sơ đã giải quyết", count(c.resolved())),
        List.of("Giải quyết trước hạn", count(c.early())),
        List.of("Giải quyết đúng hạn", count(c.onTime())),
        List.of("Giải quyết quá hạn", count(c.late())),
        List.of("Quá hạn có thư xin lỗi", count(c.lateWithApology())),
        List.of("Quá hạn có báo cáo giải trình", count(c.lateWithExplanation())),
        List.of("Đang giải quyết cuối kỳ", count(c.inProgress())),
        List.of("Trong đó đã quá hạn", count(c.overdue())))));

    out.add(new Heading("2. Các chỉ tiêu của kế hoạch"));
    List<List<String>> targets = new ArrayList<>();
    for (PeriodicReport.Target t : r.targets()) {
      targets.add(List.of(t.name(), value(t.value(), t.unit()) + " (" + number(t.numerator()) + "/" + count(t.denominator()) + ")",
          t.target() == null ? "—" : value(t.target(), t.unit()),
          t.met() == null ? "—" : t.met() ? "Đạt" : "Chưa đạt"));
    }
    out.add(new Table(new float[] {0.45f, 0.25f, 0.15f, 0.15f}, List.of("Chỉ tiêu", "Kết quả", "Chỉ tiêu kế hoạch", "Đánh giá"),
        targets));

    out.add(new Heading("3. Đánh giá việc giải quyết TTHC (Thông tư 01/2018/TT-VPCP, Điều 13–15)"));
    out.add(scores(r.evaluation(), "Số hồ sơ / cách tính"));
    out.add(new Heading("4. Chỉ số chất lượng phục vụ (Quyết định 766/QĐ-TTg)"));
    out.add(scores(r.index766(), "Ghi chú"));

    out.add(new Heading("5. Hồ sơ trễ hạn, việc xin lỗi và giải trình"));
    out.add(new Text(r.lateTotal() == 0 ? "Không có hồ sơ trễ hạn trong kỳ."
        : r.lateTotal() + " hồ sơ trễ hạn" + (r.lateTotal() > r.late().size() ? " (liệt kê " + r.late().size()
            + " hồ sơ có hẹn trả sớm nhất)" : "") + ":", false));
    if (!r.late().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      int n = 1;
      for (PeriodicReport.LateDossier d : r.late()) {
        rows.add(List.of(String.valueOf(n++), d.code() + "\n" + d.procedure(), d.agency(),
            "Hẹn " + dateTime(d.dueAt()) + "\n" + (d.finishedAt() == null ? "Đang giải quyết" : "Xong " + dateTime(d.finishedAt())),
            d.apologyAt() == null ? "Chưa xin lỗi" : date(d.apologyAt()) + ": " + nz(d.apologyReason()),
            d.explanationAt() == null ? "Chưa giải trình" : date(d.explanationAt()) + ": " + nz(d.explanation())));
      }
      out.add(new Table(new float[] {0.05f, 0.23f, 0.15f, 0.17f, 0.2f, 0.2f},
          List.of("TT", "Mã hồ sơ, thủ tục", "Cơ quan", "Hẹn trả, hoàn thành", "Xin lỗi", "Giải trình"), rows));
    }

    out.add(new Heading("II. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH"));
    if (r.tasks().isEmpty()) {
      out.add(new Text("Không có kế hoạch năm " + r.to().getYear() + " trong hệ thống.", false));
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (PeriodicReport.Task t : r.tasks()) {
        rows.add(List.of(t.id(), t.content() + (t.indicator().isEmpty() ? "" : "\n" + t.indicator()), t.lead(),
            deadline(t.deadline()), t.status()));
      }
      out.add(new Table(new float[] {0.07f, 0.43f, 0.18f, 0.12f, 0.2f},
          List.of("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình hình thực hiện"), rows));
    }

    out.add(new Heading("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"));
    List<String> unmet = r.targets().stream().filter(t -> Boolean.FALSE.equals(t.met())).map(t -> t.name()).toList();
    if (!unmet.isEmpty()) {
      out.add(new Text("Chỉ tiêu chưa đạt: " + String.join("; ", unmet) + ".", false));
    }
    out.add(new Text(TO_BE_WRITTEN, true));
    out.add(new Heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI; ĐỀ XUẤT, KIẾN NGHỊ"));
    out.add(new Text(TO_BE_WRITTEN, true));
    out.add(new Signature(List.of("Nơi nhận:", "- Văn phòng UBND tỉnh;", "- Lãnh đạo;", "- Lưu: VT."),
        List.of("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên, đóng dấu)")));
    return out;
  }

  private static Table scores(List<PeriodicReport.Score> scores, String noteHeader) {
    List<List<String>> rows = new ArrayList<>();
    for (PeriodicReport.Score s : scores) {
      rows.add(List.of(s.name(), nz(s.article()), s.score() == null ? "Chưa có dữ liệu" : number(s.score()),
          number(s.max()), (s.dossiers() == null ? "" : count(s.dossiers()) + " hồ sơ. ") + nz(s.note())));
    }
    return new Table(new float[] {0.36f, 0.14f, 0.1f, 0.1f, 0.3f}, List.of("Nội dung", "Căn cứ", "Điểm", "Tối đa", noteHeader),
        rows);
  }

  /** A number as printed in Vietnamese (decimal comma, at most two decimals), "—" for none. */
  public static String number(BigDecimal v) {
    if (v == null) {
      return "—";
    }
    DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi")));
    return f.format(v.setScale(2, RoundingMode.HALF_UP));
  }

  static String count(long v) {
    return number(BigDecimal.valueOf(v));
  }

  static String value(BigDecimal v, String unit) {
    return v == null ? "Chưa có dữ liệu" : number(v) + ("%".equals(unit) ? " %" : " " + unit);
  }

  public static String date(LocalDate day) {
    return day == null ? "" : DATE.format(day);
  }

  static String date(Instant at) {
    return at == null ? "" : DATE.format(at.atZone(EngineTime.ZONE));
  }

  static String dateTime(Instant at) {
    return at == null ? "" : DATE_TIME.format(at.atZone(EngineTime.ZONE));
  }

  private static String deadline(String value) {
    try {
      return date(LocalDate.parse(value));
    } catch (java.time.format.DateTimeParseException e) {
      return value;
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
