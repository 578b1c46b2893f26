package vn.onestop.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.onestop.process.EngineTime;

/**
 * The wording of the exports a supervisor downloads (issue 15.5): Vietnamese column headers (tiêu đề cột), times in
 * Vietnam time ({@code dd/MM/yyyy HH:mm}), the statuses and channels in words, and a file name that says the agency and
 * the period ({@code bao-cao-kpi_uy-ban-nhan-dan-xa-nhan-co_quy-1-2019.csv}), not a code.
 */
public final class ExportColumns {

  private static final DateTimeFormatter VIETNAM_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(EngineTime.ZONE);

  /** Vietnamese header of each count of {@link Tally#COUNTS}, in the same order. */
  static final Map<String, String> COUNTS = counts();

  private ExportColumns() {}

  private static Map<String, String> counts() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("received", "Hồ sơ tiếp nhận");
    c.put("receivedOnline", "Tiếp nhận trực tuyến");
    c.put("digitised", "Đã số hóa");
    c.put("withSupplement", "Có yêu cầu bổ sung");
    c.put("feePaid", "Có nộp phí, lệ phí");
    c.put("feePaidOnline", "Nộp phí, lệ phí trực tuyến");
    c.put("resolved", "Đã giải quyết");
    c.put("early", "Trước hạn");
    c.put("onTime", "Đúng hạn");
    c.put("late", "Trễ hạn");
    c.put("lateWithApology", "Trễ hạn có thư xin lỗi");
    c.put("lateWithExplanation", "Trễ hạn có báo cáo giải trình");
    c.put("results", "Có kết quả");
    c.put("resultsElectronic", "Kết quả điện tử");
    c.put("rated", "Được đánh giá");
    c.put("satisfied", "Hài lòng");
    c.put("ratedLand", "Được đánh giá – đất đai");
    c.put("satisfiedLand", "Hài lòng – đất đai");
    c.put("ratedConstruction", "Được đánh giá – xây dựng");
    c.put("satisfiedConstruction", "Hài lòng – xây dựng");
    c.put("ratedInvestment", "Được đánh giá – đầu tư");
    c.put("satisfiedInvestment", "Hài lòng – đầu tư");
    c.put("timed", "Đã giải quyết có tính thời gian");
    c.put("withdrawn", "Rút hồ sơ");
    c.put("inProgress", "Đang giải quyết");
    c.put("overdue", "Đang quá hạn");
    c.put("reviewScope", "TTHC trong kế hoạch rà soát");
    c.put("reviewScopeInternal", "TTHC nội bộ trong kế hoạch rà soát");
    c.put("reviewedInternal", "TTHC nội bộ đã rà soát");
    c.put("reviewed", "TTHC đã rà soát");
    c.put("simplificationProposed", "TTHC đề xuất đơn giản hóa");
    c.put("complianceCostBefore", "Chi phí tuân thủ trước đề xuất (đồng/năm)");
    c.put("complianceCostSaving", "Chi phí tuân thủ cắt giảm theo đề xuất (đồng/năm)");
    if (!c.keySet().equals(new java.util.LinkedHashSet<>(Arrays.asList(Tally.COUNTS)))) {
      throw new IllegalStateException("ExportColumns.COUNTS must name every count of Tally.COUNTS");
    }
    return Map.copyOf(c);
  }

  /** The header of a count (số liệu) of {@link Tally#COUNTS}. */
  public static String count(String name) {
    return COUNTS.get(name);
  }

  /** The header of a KPI's value: its Vietnamese name and unit. */
  public static String kpi(Kpi kpi) {
    return kpi.nameVi() + (kpi.unit() == Kpi.Unit.PERCENT ? " (%)" : " (ngày làm việc)");
  }

  /** The header of a KPI's target (chỉ tiêu). */
  public static String target(Kpi kpi) {
    return kpi.nameVi() + ": chỉ tiêu";
  }

  /** The header of a KPI's assessment against the target (đánh giá). */
  public static String status(Kpi kpi) {
    return kpi.nameVi() + ": đánh giá";
  }

  /** A KPI status in words: MET, NOT_MET, NO_DATA, NO_TARGET. */
  public static String status(String status) {
    return switch (status) {
      case "MET" -> "Đạt";
      case "NOT_MET" -> "Chưa đạt";
      case "NO_DATA" -> "Chưa có dữ liệu";
      case "NO_TARGET" -> "Không có chỉ tiêu";
      default -> status;
    };
  }

  /** A submission channel (kênh nộp) in words. */
  public static String channel(String channel) {
    if (channel == null) {
      return null;
    }
    return switch (channel) {
      case "DESK" -> "Tại bộ phận một cửa";
      case "ONLINE" -> "Trực tuyến";
      case "POST" -> "Bưu chính công ích";
      default -> channel;
    };
  }

  /** An instant in Vietnam time, {@code dd/MM/yyyy HH:mm}. */
  public static String time(Instant instant) {
    return instant == null ? null : VIETNAM_TIME.format(instant);
  }

  /** A period label ({@code 2025}, {@code 2025-Q2}, {@code 2025-03}, {@code from…to}) in words: "quý 2/2025". */
  public static String period(String label) {
    if (label.matches("\\d{4}")) {
      return "năm " + label;
    }
    if (label.matches("\\d{4}-Q[1-4]")) {
      return "quý " + label.charAt(6) + "/" + label.substring(0, 4);
    }
    if (label.matches("\\d{4}-\\d{2}")) {
      return "tháng " + Integer.parseInt(label.substring(5)) + "/" + label.substring(0, 4);
    }
    String[] range = label.split("…");
    if (range.length == 2) {
      return "từ " + day(range[0]) + " đến " + day(range[1]);
    }
    return label;
  }

  private static String day(String iso) {
    return iso.length() == 10 ? iso.substring(8) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4) : iso;
  }

  /**
   * A download's file name (without extension): what it is, the agency's name (or "toan-tinh") and the period, in
   * plain ASCII words so every browser and mail program keeps it: {@code bao-cao-kpi_xa-nhan-co_quy-1-2019}.
   */
  public static String fileName(String what, String agencyName, String periodLabel) {
    return slug(what) + "_" + (agencyName == null ? "toan-tinh" : slug(agencyName)) + "_" + slug(period(periodLabel));
  }

  static String slug(String text) {
    String plain = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
