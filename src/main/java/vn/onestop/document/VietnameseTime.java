package vn.onestop.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import vn.onestop.process.EngineTime;

/** Instants as printed on Vietnamese forms: dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. */
final class VietnameseTime {

  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private VietnameseTime() {}

  static String dateTime(Instant at) {
    return at == null ? "…" : DATE_TIME.format(at.atZone(EngineTime.ZONE));
  }

  static String date(Instant at) {
    return at == null ? "…" : DATE.format(at.atZone(EngineTime.ZONE));
  }

  static String date(LocalDate day) {
    return day == null ? "…" : DATE.format(day);
  }

  /** "ngày 05 tháng 03 năm 2025", the dateline of an administrative document. */
  static String dateline(Instant at) {
    ZonedDateTime t = at.atZone(EngineTime.ZONE);
    return String.format("ngày %02d tháng %02d năm %d", t.getDayOfMonth(), t.getMonthValue(), t.getYear());
  }
}
