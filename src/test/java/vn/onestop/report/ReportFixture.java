package vn.onestop.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.calendar.WorkingCalendar;

/**
 * Hand-built register rows for the report tests: codes start with {@code RPTT-}, so they can be
 * deleted without touching anyone else's rows.
 */
final class ReportFixture {

  static final String PREFIX = "RPTT-";

  private final JdbcTemplate jdbc;

  ReportFixture(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Local time in Asia/Ho_Chi_Minh, e.g. {@code at("2019-03-04T08:00")}. */
  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant();
  }

  void clean() {
    jdbc.update("DELETE FROM onestop.dossier WHERE code LIKE 'RPTT-%'");
  }

  /** A dossier with sensible defaults, overridden by {@code values} (column → value). */
  void dossier(String code, String agency, Map<String, Object> values) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("code", PREFIX + code);
    row.put("procedure_code", "1.000000");
    row.put("procedure_version", "1");
    row.put("procedure_name", "Thủ tục thử nghiệm báo cáo");
    row.put("field", "Hộ tịch");
    row.put("level", "COMMUNE");
    row.put("receiving_agency_id", agency);
    row.put("handling_agency_id", agency);
    row.put("channel", "DESK");
    row.put("applicant_name", "Nguyễn Văn Thử");
    row.put("status", "IN_PROGRESS");
    row.put("resolution_days", 5);
    row.putAll(values);
    if (!row.containsKey("submitted_at")) {
      row.put("submitted_at", row.get("received_at"));
    }
    if (row.containsKey("received_at") && !row.containsKey("clock_started_at")) {
      row.put("clock_started_at", row.get("received_at"));
    }
    if (row.containsKey("due_at") && !row.containsKey("original_due_at")) {
      row.put("original_due_at", row.get("due_at"));
    }
    List<Object> args = new ArrayList<>();
    for (Object v : row.values()) {
      args.add(v instanceof Instant i ? Timestamp.from(i) : v);
    }
    String sql = "INSERT INTO onestop.dossier (" + String.join(", ", row.keySet()) + ") VALUES ("
        + String.join(", ", row.keySet().stream().map(k -> "?").toList()) + ")";
    jdbc.update(sql, args.toArray());
  }

  static Map<String, Object> cols(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /**
   * The March 2019 data set of agency nhan-co (and one dossier of kien-duc); right answers are
   * worked out in {@link KpiReportTest}.
   */
  void march2019() {
    String a = "nhan-co";
    // D1: early (finished two days before the appointment day), desk, fee paid at the desk.
    dossier("D1", a, cols("received_at", at("2019-03-04T08:00"), "due_at", at("2019-03-08T17:00"),
        "finished_at", at("2019-03-06T10:00"), "status", "RETURNED", "outcome", "RESULT", "digitised", true,
        "result_electronic", true, "rating", "VERY_SATISFIED", "fee_paid", true, "resolution_working_days", 2.25));
    // D2: finished exactly at the due instant: on time, not early, not late.
    dossier("D2", a, cols("received_at", at("2019-03-04T09:00"), "due_at", at("2019-03-11T17:00"),
        "finished_at", at("2019-03-11T17:00"), "status", "RETURNED", "outcome", "RESULT", "channel", "ONLINE",
        "digitised", true, "rating", "SATISFIED", "field", "Đất đai", "fee_paid", true, "fee_paid_online", true,
        "resolution_working_days", 5.00));
    // D3: supplement with RESTART: the clock restarted on 12/3, appointment recomputed to 19/3; finished
    // on 15/3, after the first appointment (8/3) but within the restarted clock → not late (early).
    dossier("D3", a, cols("received_at", at("2019-03-05T08:00"), "clock_started_at", at("2019-03-12T08:00"),
        "due_at", at("2019-03-19T17:00"), "finished_at", at("2019-03-15T10:00"), "status", "RETURNED",
        "outcome", "RESULT", "channel", "ONLINE", "supplement_count", 1, "result_electronic", true,
        "rating", "NOT_SATISFIED", "field", "Đất đai", "resolution_working_days", 3.00));
    // D4: late, apologised (new appointment 13/3, met) and explained: stays late.
    dossier("D4", a, cols("received_at", at("2019-03-04T08:00"), "original_due_at", at("2019-03-06T17:00"),
        "due_at", at("2019-03-13T17:00"), "finished_at", at("2019-03-12T10:00"), "status", "RETURNED",
        "outcome", "RESULT", "channel", "POST", "late", true, "apology_required", true,
        "apology_at", at("2019-03-05T09:00"), "explanation_required", true, "explanation_at", at("2019-03-13T09:00"),
        "digitised", true, "rating", "SATISFIED", "field", "Xây dựng", "resolution_working_days", 6.00));
    // D5: late, refused after appraisal, no apology, no explanation, not rated.
    dossier("D5", a, cols("received_at", at("2019-03-04T10:00"), "due_at", at("2019-03-07T17:00"),
        "finished_at", at("2019-03-20T10:00"), "status", "REFUSED", "outcome", "REFUSED", "late", true,
        "field", "Xây dựng", "resolution_working_days", 12.00));
    // D6: withdrawn: received, never resolved.
    dossier("D6", a, cols("received_at", at("2019-03-05T08:00"), "due_at", at("2019-03-12T17:00"),
        "finished_at", at("2019-03-08T10:00"), "status", "WITHDRAWN", "outcome", "WITHDRAWN", "digitised", true));
    // D7: running at the end of March and past its appointment (28/3): in progress, overdue.
    dossier("D7", a, cols("received_at", at("2019-03-25T08:00"), "due_at", at("2019-03-28T17:00")));
    // D8: running at the end of March, due in April: in progress, not overdue.
    dossier("D8", a, cols("received_at", at("2019-03-29T08:00"), "due_at", at("2019-04-05T17:00"),
        "channel", "ONLINE", "digitised", true));
    // D9: received in February, resolved early in March.
    dossier("D9", a, cols("received_at", at("2019-02-20T08:00"), "due_at", at("2019-03-05T17:00"),
        "finished_at", at("2019-03-01T10:00"), "status", "RETURNED", "outcome", "RESULT", "digitised", true,
        "rating", "SATISFIED", "field", "Đầu tư", "resolution_working_days", 7.00));
    // D10: received in March, finished in April: in progress at the end of March.
    dossier("D10", a, cols("received_at", at("2019-03-28T08:00"), "due_at", at("2019-04-03T17:00"),
        "finished_at", at("2019-04-02T10:00"), "status", "RETURNED", "outcome", "RESULT", "channel", "ONLINE",
        "digitised", true, "fee_paid", true, "fee_paid_online", true, "resolution_working_days", 3.00));
    // B1: another commune's late dossier without apology.
    dossier("B1", "kien-duc", cols("received_at", at("2019-03-04T08:00"), "due_at", at("2019-03-05T17:00"),
        "finished_at", at("2019-03-06T10:00"), "status", "RETURNED", "outcome", "RESULT", "late", true,
        "resolution_working_days", 2.00));
  }
}
