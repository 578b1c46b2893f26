package vn.onestop.citizen;

import java.util.Map;

/** The register's statuses in plain Vietnamese, as a citizen reads them on the look-up page. */
public final class PlainStatus {

  private PlainStatus() {}

  private static final Map<String, String> TEXT = Map.ofEntries(
      Map.entry("REGISTERED", "Đã nộp, chờ kiểm tra"),
      Map.entry("SUPPLEMENT_REQUESTED", "Cần bổ sung hồ sơ"),
      Map.entry("NOT_ACCEPTED", "Không được tiếp nhận (hết thời hạn bổ sung)"),
      Map.entry("REFUSED", "Bị từ chối"),
      Map.entry("ACCEPTED", "Đang giải quyết"),
      Map.entry("IN_PROGRESS", "Đang giải quyết"),
      Map.entry("FINISHED", "Đã có kết quả, chờ trả"),
      Map.entry("RETURNED", "Đã trả kết quả"),
      Map.entry("WITHDRAWN", "Đã rút hồ sơ"),
      Map.entry("STOPPED", "Đã dừng xử lý"));

  public static String of(String status) {
    return TEXT.getOrDefault(status, "Đang xử lý");
  }
}
