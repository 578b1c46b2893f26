package vn.onestop.report.periodic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.process.EngineTime;

/**
 * The periodic report of commune Đắk Sin for the fourth quarter of 2025, on hand-made register rows.
 * The 2025 plan cuts periods at the 15th (plan/2025.yaml {@code reporting.cut-off-day: 15}), so 2025-Q4 is
 * 15/09/2025–14/12/2025:
 * <pre>
 * A rcv 01/10 due 06/10 fin 03/10  early/on time
 * B rcv 02/10 due 07/10 fin 08/10  late, apology 07/10 ("Chờ xác minh"), explanation 09/10
 * C rcv 05/12 due 09/12 fin 12/12  late, no apology, no explanation
 * D rcv 10/09 due 12/09 fin 14/09  before the cut-off: quarter III, not IV
 * E rcv 16/12 due 18/12 fin 17/12  after the cut-off: quarter I of 2026's count, not IV
 * received 3 (A B C), resolved 3, late 2 (B C), 1 with apology, 1 with explanation; on-time rate 1/3 = 33.33 %
 * </pre>
 */
@OneStopSpringTest
class PeriodicReportApiTest {

  static final String AGENCY = "dak-sin";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void rows() {
    clean();
    dossier("A", "2025-10-01T08:00", "2025-10-06T17:00", "2025-10-03T10:00", false);
    long b = dossier("B", "2025-10-02T08:00", "2025-10-07T17:00", "2025-10-08T10:00", true);
    jdbc.update("INSERT INTO onestop.apology (dossier_id, agency_id, reason, previous_due_at, new_due_at, issued_at, issued_by)"
        + " VALUES (?, ?, 'Chờ xác minh nguồn gốc đất', ?, ?, ?, 'head')", b, AGENCY, ts("2025-10-07T17:00"),
        ts("2025-10-10T17:00"), ts("2025-10-07T09:00"));
    jdbc.update("INSERT INTO onestop.explanation (dossier_id, agency_id, text, written_at, written_by)"
        + " VALUES (?, ?, 'Cán bộ nghỉ ốm, không bàn giao', ?, 'specialist')", b, AGENCY, ts("2025-10-09T09:00"));
    jdbc.update("UPDATE onestop.dossier SET apology_at = ?, explanation_at = ? WHERE id = ?", ts("2025-10-07T09:00"),
        ts("2025-10-09T09:00"), b);
    dossier("C", "2025-12-05T08:00", "2025-12-09T17:00", "2025-12-12T10:00", true);
    dossier("D", "2025-09-10T08:00", "2025-09-12T17:00", "2025-09-14T10:00", false);
    dossier("E", "2025-12-16T08:00", "2025-12-18T17:00", "2025-12-17T10:00", false);
  }

  @AfterEach
  void clean() {
    jdbc.update("DELETE FROM onestop.periodic_report_snapshot WHERE period LIKE '2025%'");
    jdbc.update("DELETE FROM onestop.apology WHERE dossier_id IN (SELECT id FROM onestop.dossier WHERE code LIKE 'PRT-%')");
    jdbc.update("DELETE FROM onestop.explanation WHERE dossier_id IN (SELECT id FROM onestop.dossier WHERE code LIKE 'PRT-%')");
    jdbc.update("DELETE FROM onestop.dossier WHERE code LIKE 'PRT-%'");
  }

  @Test
  void theQuarterCutAtTheFifteenthWithFiguresLateListAndTasks() throws Exception {
    HttpResponse<String> r = get("/api/reports/periodic/2025-Q4?agency=" + AGENCY, "supervisor");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = json.readTree(r.body());
    assertThat(report.path("from").asText()).isEqualTo("2025-09-15");
    assertThat(report.path("to").asText()).isEqualTo("2025-12-14");
    assertThat(report.path("cutOffDay").asInt()).isEqualTo(15);
    assertThat(report.path("closed").asBoolean()).isTrue();
    JsonNode counts = report.path("counts");
    assertThat(counts.path("received").asLong()).isEqualTo(3);
    assertThat(counts.path("resolved").asLong()).isEqualTo(3);
    assertThat(counts.path("late").asLong()).isEqualTo(2);
    assertThat(counts.path("lateWithApology").asLong()).isEqualTo(1);
    assertThat(counts.path("lateWithExplanation").asLong()).isEqualTo(1);
    assertThat(report.path("late").findValuesAsText("code")).containsExactly("PRT-B", "PRT-C");
    assertThat(report.path("late").get(0).path("apologyReason").asText()).isEqualTo("Chờ xác minh nguồn gốc đất");
    assertThat(report.path("tasks").findValuesAsText("id")).contains("I.1", "II.4");

    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes("/api/reports/periodic/2025-Q4.docx?agency=" + AGENCY)));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      String t = text.getText();
      assertThat(t).contains("BÁO CÁO", "quý IV năm 2025", "từ ngày 15/09/2025 đến ngày 14/12/2025",
          "ỦY BAN NHÂN DÂN XÃ ĐẮK SIN", "Hồ sơ tiếp nhận trong kỳ\t3", "Giải quyết quá hạn\t2",
          "Tỷ lệ hồ sơ giải quyết trước và đúng hạn\t33,33 % (1/3)\t95 %\tChưa đạt",
          "PRT-B", "Chờ xác minh nguồn gốc đất", "Cán bộ nghỉ ốm, không bàn giao", "PRT-C", "Chưa xin lỗi",
          "Chưa giải trình", "II. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH", "Xây dựng Kế hoạch thực hiện",
          "Thông tư 01/2018/TT-VPCP", "Quyết định 766/QĐ-TTg", "THỦ TRƯỞNG CƠ QUAN", PeriodicReportLayout.TO_BE_WRITTEN);
      assertThat(t).doesNotContain("PRT-D", "PRT-E", "/api/", "null");
      assertThat(doc.getTables()).hasSizeGreaterThan(5);
    }
    try (PDDocument pdf = Loader.loadPDF(bytes("/api/reports/periodic/2025-Q4.pdf?agency=" + AGENCY))) {
      String t = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(t).contains("BÁO CÁO", "quý IV năm 2025", "Hồ sơ tiếp nhận trong kỳ 3", "Giải quyết quá hạn 2",
          "33,33 % (1/3)", "PRT-B", "PRT-C", "THỦ TRƯỞNG CƠ QUAN");
      assertThat(t).doesNotContain("PRT-D", "PRT-E");
    }
  }

  /**
   * Reproducible: the first report after the period closed stores its figures; a late fact added to the
   * register afterwards (a late dossier finished inside the period, entered late, and an explanation
   * written after the period for C) does not change the report of the closed period.
   */
  @Test
  void aClosedPeriodGivesTheSameFiguresOnALaterDay() throws Exception {
    String first = get("/api/reports/periodic/2025-Q4?agency=" + AGENCY, "supervisor").body();
    long c = jdbc.queryForObject("SELECT id FROM onestop.dossier WHERE code = 'PRT-C'", Long.class);
    jdbc.update("INSERT INTO onestop.explanation (dossier_id, agency_id, text, written_at, written_by)"
        + " VALUES (?, ?, 'Giải trình viết sau kỳ', ?, 'specialist')", c, AGENCY, ts("2026-01-05T09:00"));
    jdbc.update("UPDATE onestop.dossier SET explanation_at = ? WHERE id = ?", ts("2026-01-05T09:00"), c);
    dossier("F", "2025-11-03T08:00", "2025-11-05T17:00", "2025-11-20T10:00", true);
    JsonNode live = json.readTree(first);
    JsonNode again = json.readTree(get("/api/reports/periodic/2025-Q4?agency=" + AGENCY, "supervisor").body());
    assertThat(again.path("counts")).isEqualTo(live.path("counts"));
    assertThat(again.path("late")).isEqualTo(live.path("late"));
    assertThat(again.path("targets")).isEqualTo(live.path("targets"));
    assertThat(again.path("snapshotAt").asText()).isEqualTo(live.path("snapshotAt").asText());
    assertThat(again.path("counts").path("late").asLong()).isEqualTo(2);
    String docx = docxText("/api/reports/periodic/2025-Q4.docx?agency=" + AGENCY);
    assertThat(docx).doesNotContain("PRT-F", "Giải trình viết sau kỳ").contains("Số liệu đã chốt khi kết thúc kỳ");
    // Without the stored figures the register now gives other figures: the snapshot is what kept them.
    jdbc.update("DELETE FROM onestop.periodic_report_snapshot WHERE period = '2025-Q4'");
    JsonNode recomputed = json.readTree(get("/api/reports/periodic/2025-Q4?agency=" + AGENCY, "supervisor").body());
    assertThat(recomputed.path("counts").path("late").asLong()).isEqualTo(3);
  }

  @Test
  void halfYearAndYearAndProblemsForBadPeriodsAndOtherCallers() throws Exception {
    JsonNode half = json.readTree(get("/api/reports/periodic/2025-H2?agency=" + AGENCY, "supervisor").body());
    assertThat(half.path("from").asText()).isEqualTo("2025-06-15");
    assertThat(half.path("to").asText()).isEqualTo("2025-12-14");
    assertThat(half.path("title").asText()).isEqualTo("6 tháng cuối năm 2025");
    JsonNode year = json.readTree(get("/api/reports/periodic/2025?agency=" + AGENCY, "supervisor").body());
    assertThat(year.path("from").asText()).isEqualTo("2024-12-15");
    assertThat(year.path("counts").path("received").asLong()).isEqualTo(4);

    HttpResponse<String> bad = get("/api/reports/periodic/2025-Q5.docx?agency=" + AGENCY, "supervisor");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    JsonNode problem = json.readTree(bad.body());
    assertThat(problem.path("field").asText()).isEqualTo("period");
    assertThat(problem.path("detail").asText() + problem.path("message").asText()).contains("không hợp lệ", "2025-Q3");
    String future = (EngineTime.current().atZone(EngineTime.ZONE).getYear() + 1) + "-Q4";
    assertThat(get("/api/reports/periodic/" + future + ".pdf", "supervisor").statusCode()).isEqualTo(400);
    assertThat(get("/api/reports/periodic/2025-Q4.docx?agency=" + AGENCY, "clerk").statusCode()).isEqualTo(403);
    assertThat(get("/api/reports/periodic/2025-Q4.docx?agency=dak-nong-stp", "supervisor").statusCode()).isEqualTo(403);
  }

  private long dossier(String code, String received, String due, String finished, boolean late) {
    return jdbc.queryForObject("""
        INSERT INTO onestop.dossier (code, procedure_code, procedure_version, procedure_name, field, level,
          receiving_agency_id, handling_agency_id, channel, applicant_name, status, outcome, resolution_days,
          submitted_at, received_at, clock_started_at, original_due_at, due_at, finished_at, late, apology_required,
          explanation_required)
        VALUES (?, '1.000001', '1', 'Thủ tục thử báo cáo định kỳ', 'Hộ tịch', 'COMMUNE', ?, ?, 'DESK', 'Nguyễn Văn Thử',
          'RETURNED', 'RESULT', 3, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class,
        "PRT-" + code, AGENCY, AGENCY, ts(received), ts(received), ts(received), ts(due), ts(due), ts(finished), late, late,
        late);
  }

  private static Timestamp ts(String local) {
    return Timestamp.from(LocalDateTime.parse(local).atZone(EngineTime.ZONE).toInstant());
  }

  private String docxText(String path) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes(path)));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      return text.getText();
    }
  }

  private byte[] bytes(String path) throws Exception {
    HttpResponse<byte[]> r = http.send(request(path, "supervisor").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return r.body();
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(request(path, user).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path, String user) {
    String auth = Base64.getEncoder().encodeToString((user + ":Demo@2026!").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + auth).GET();
  }
}
