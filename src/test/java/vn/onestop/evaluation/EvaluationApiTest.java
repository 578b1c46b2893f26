package vn.onestop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.OnlineLevel;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.ProcedureFilter;

/**
 * The evaluation over HTTP on hand-made register rows of commune Quảng Tín (no other test uses it),
 * across the change of decree: A and B received in June 2025 (rule set nd61-2018), C and D in July
 * (nd118-2025, same scheme until Circular 03/2025's is known). Points per Circular 01/2018 Art. 13:
 * <pre>
 *        ind.1  ind.2     ind.3  ind.4  ind.6  ind.7
 * A      2      2 (leg)   2      2      1      2      early, online full, no supplement
 * B      1      –         1      1      1      1      on the appointment day, one supplement
 * C      0      0 (leg)   0      1      1      0      late, two supplements, its leg late
 * D      2      –         2      1      1      0      early but a founded complaint about behaviour
 * score  1.3    1.0       1.3    1.3    1.0    0.8   (Art. 15.2a, one decimal, 1.25 → 1.3)
 * </pre>
 * Indicator 6 is 1: Quảng Tín is not listed as posting at the desk (only electronic disclosure).
 * Unit: 5 — one procedure, every dossier handled at the commune → 2 (threshold 100 %, Art. 13.5a);
 * 8 — the complaint was answered on time, 1/1 → 2 (Art. 13.8a); 9 — from the catalogue.
 */
@OneStopSpringTest
class EvaluationApiTest {

  static final String AGENCY = "quang-tin";
  static final String PERIOD = "from=2025-06-23&to=2025-07-11";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcedureCatalog catalog;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant();
  }

  @BeforeEach
  void rows() {
    clean();
    long a = dossier("A", "2025-06-24T08:00", "2025-06-27T17:00", "2025-06-26T10:00", false, 0, "ONLINE", "FULL_PROCESS");
    leg(a, "2025-06-26T17:00", "2025-06-25T10:00", false);
    event(a, "eval-clerk");
    long b = dossier("B", "2025-06-25T08:00", "2025-07-02T17:00", "2025-07-02T09:00", false, 1, "DESK", null);
    event(b, "eval-clerk");
    long c = dossier("C", "2025-07-01T08:00", "2025-07-04T17:00", "2025-07-08T10:00", true, 2, "DESK", null);
    leg(c, "2025-07-04T17:00", "2025-07-08T09:00", true);
    long d = dossier("D", "2025-07-02T08:00", "2025-07-09T17:00", "2025-07-07T10:00", false, 0, "DESK", null);
    jdbc.update("""
        INSERT INTO onestop.feedback (code, kind, agency_id, received_by, channel, sender_name, subject, content,
          dossier_code, status, received_at, classify_due_at, forward_due_at, answer_due_at, answered_at)
        VALUES ('EVALT-F1', 'BEHAVIOUR', ?, ?, 'WEB', 'Người phản ánh', 'Thái độ', 'Cán bộ gây phiền hà', 'EVALT-D',
          'ANSWERED', ?, ?, ?, ?, ?)""", AGENCY, AGENCY, ts("2025-07-07T11:00"), ts("2025-07-09T11:00"),
        ts("2025-07-14T11:00"), ts("2025-07-10T17:00"), ts("2025-07-09T10:00"));
    assertThat(d).isPositive();
  }

  @AfterEach
  void clean() {
    jdbc.update("DELETE FROM onestop.feedback WHERE code LIKE 'EVALT-%'");
    jdbc.update("DELETE FROM onestop.dossier_event WHERE dossier_id IN (SELECT id FROM onestop.dossier WHERE code LIKE 'EVALT-%')");
    jdbc.update("DELETE FROM onestop.dossier_leg WHERE dossier_id IN (SELECT id FROM onestop.dossier WHERE code LIKE 'EVALT-%')");
    jdbc.update("DELETE FROM onestop.dossier WHERE code LIKE 'EVALT-%'");
  }

  @Test
  void scoresGradesAndStaffAcrossTheChangeOfDecree() throws Exception {
    HttpResponse<String> r = get("/api/evaluation?agency=" + AGENCY + "&" + PERIOD, "supervisor");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(r.body());
    assertThat(body.path("dossiers").asInt()).isEqualTo(4);
    assertThat(body.path("parts")).hasSize(1);
    JsonNode part = body.path("parts").get(0);
    assertThat(part.path("scheme").asText()).isEqualTo("tt01-2018");
    assertThat(part.path("ruleSets").toString()).isEqualTo("[\"nd118-2025\",\"nd61-2018\"]");
    List<String> scores = new ArrayList<>();
    part.path("indicators").forEach(i -> scores.add(i.path("no").asInt() + "=" + i.path("score").asText()));
    // Indicator 9 from the catalogue: the share of Quảng Tín's procedures offered online (Art. 13.9a).
    var offered = catalog.search(new ProcedureFilter(null, null, AGENCY, null, LocalDate.of(2025, 7, 11)));
    long online = offered.stream().filter(p -> p.onlineLevel() != OnlineLevel.NONE).count();
    String nine = offered.isEmpty() ? "null" : online * 100 >= 20L * offered.size() ? "2.0" : online > 0 ? "1.0" : "0.0";
    assertThat(scores).containsExactly("1=1.3", "2=1.0", "3=1.3", "4=1.3", "5=2.0", "6=1.0", "7=0.8", "8=2.0", "9=" + nine);
    double expectedTotal = 1.3 + 1.0 + 1.3 + 1.3 + 2.0 + 1.0 + 0.8 + 2.0 + (nine.equals("null") ? 0 : Double.parseDouble(nine));
    assertThat(part.path("total").asDouble()).isCloseTo(expectedTotal, org.assertj.core.data.Offset.offset(0.001));
    String grade = expectedTotal >= 15 ? "XUAT_SAC" : expectedTotal >= 12 ? "TOT" : "KHA";
    assertThat(part.path("grade").path("code").asText()).isEqualTo(grade);
    // Staff: eval-clerk worked on A and B — 1: 1.5, 2: 2.0 (A's leg only), 3: 1.5, 4: 1.5, 7: 1.5 → 8.0.
    JsonNode staff = part.path("staff");
    assertThat(staff).hasSize(1);
    assertThat(staff.get(0).path("userId").asText()).isEqualTo("eval-clerk");
    assertThat(staff.get(0).path("total").asDouble()).isEqualTo(8.0);
    assertThat(staff.get(0).path("band").path("code").asText()).isEqualTo("HOAN_THANH_100");
  }

  @Test
  void eachFigureLinksToItsDossiers() throws Exception {
    JsonNode late = json.readTree(get("/api/evaluation/dossiers?agency=" + AGENCY + "&" + PERIOD + "&indicator=1&points=0",
        "supervisor").body());
    assertThat(late).hasSize(1);
    assertThat(late.get(0).path("code").asText()).isEqualTo("EVALT-C");
    assertThat(late.get(0).path("ruleSet").asText()).isEqualTo("nd118-2025");
    JsonNode attitudeZero = json.readTree(get("/api/evaluation/dossiers?agency=" + AGENCY + "&" + PERIOD
        + "&indicator=7&points=0", "supervisor").body());
    assertThat(attitudeZero.findValuesAsText("code")).containsExactlyInAnyOrder("EVALT-C", "EVALT-D");
    assertThat(get("/api/evaluation/dossiers?agency=" + AGENCY + "&" + PERIOD + "&indicator=5", "supervisor").statusCode())
        .isEqualTo(400);
  }

  @Test
  void onlySupervisorsOfTheUnitAndVietnameseExports() throws Exception {
    assertThat(get("/api/evaluation?agency=" + AGENCY + "&" + PERIOD, "clerk").statusCode()).isEqualTo(403);
    assertThat(get("/api/evaluation?agency=" + AGENCY + "&period=2025-13", "supervisor").statusCode()).isEqualTo(400);
    HttpResponse<String> csv = get("/api/evaluation/export.csv?agency=" + AGENCY + "&" + PERIOD, "supervisor");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .contains("danh-gia-quang-tin-2025-06-23_2025-07-11.csv");
    assertThat(csv.body()).contains("Chỉ số", "Điểm", "Tổng thời gian giải quyết", "Xếp loại");
  }

  private long dossier(String code, String received, String due, String finished, boolean late, int supplements,
      String channel, String onlineLevel) {
    return jdbc.queryForObject("""
        INSERT INTO onestop.dossier (code, procedure_code, procedure_version, procedure_name, field, level,
          receiving_agency_id, handling_agency_id, channel, online_level, applicant_name, status, outcome,
          resolution_days, submitted_at, received_at, clock_started_at, original_due_at, due_at, finished_at, late,
          supplement_count)
        VALUES (?, '1.000001', '1', 'Thủ tục thử đánh giá', 'Hộ tịch', 'COMMUNE', ?, ?, ?, ?, 'Nguyễn Văn Thử',
          'RETURNED', 'RESULT', 3, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class,
        "EVALT-" + code, AGENCY, AGENCY, channel, onlineLevel, ts(received), ts(received), ts(received), ts(due), ts(due),
        ts(finished), late, supplements);
  }

  private void leg(long dossierId, String due, String finished, boolean late) {
    jdbc.update("INSERT INTO onestop.dossier_leg (dossier_id, leg_no, agency_id, budget_days, started_at, due_at, finished_at,"
        + " outcome, late) VALUES (?, 1, ?, 2, ?, ?, ?, 'RESULT', ?)", dossierId, AGENCY, ts(due), ts(due), ts(finished), late);
  }

  private void event(long dossierId, String actor) {
    jdbc.update("INSERT INTO onestop.dossier_event (dossier_id, at, kind, actor) VALUES (?, now(), 'RECEIVED', ?)",
        dossierId, actor);
  }

  private static Timestamp ts(String local) {
    return Timestamp.from(at(local));
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    String auth = Base64.getEncoder().encodeToString((user + ":Demo@2026!").getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + auth).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
