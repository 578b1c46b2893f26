package vn.onestop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.OnlineLevel;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.ProcedureFilter;

/**
 * The Decision 766/QĐ-TTg index of commune Quảng Tín for October 2025 on hand-made rows, every figure
 * worked out here by the published rules (../shared/LAW-2025.md §2):
 * <pre>
 * R1 rcv 01/10 fin 03/10 due 06/10  online, e-result, digitised, reused, fee paid online, very satisfied
 * R2 rcv 02/10 fin 08/10 due 07/10  late, apologised, digitised, paper result, not satisfied
 * R3 rcv 06/10 fin 09/10 due 10/10  two supplement requests (late by 766), fee paid at the desk, satisfied
 * R4 rcv 20/10 running,  due 05/11  online, digitised, no e-result yet: on time at the period's end
 * R5 rcv 25/10 running,  due 29/10  overdue at the period's end
 * R6 rcv 20/09 fin 02/10 due 03/10  received in September, handled in October on time
 * R7 rcv 03/10 withdrawn 04/10
 * received 6 (R1-R5, R7); resolved 4 (R1 R2 R3 R6); handled 6 (resolved + R4 R5)
 * progress published 6/6 = 100 %        → 7.00 of 7
 * late apologised 1/1 = 100 %           → 7.00 of 7
 * on time R1 R6 R4 = 3/6 = 50 %          → 50 × 20 / 100 = 10.00 of 20
 * digitised + e-result R1 = 1/6 = 16.67 % → 16.67 × 11 / 80 = 2.29 of 11; reused 1/6 → 2.29 of 11
 * online with e-result R1 = 1/6 = 16.67 % → 16.67 × 8 / 50 = 2.67 of 8
 * paid online R1 of fee-bearing R1 R3 = 50 % → 7.00 of 7 (threshold 50 %)
 * satisfaction 100 % − (1 late + 1 dissatisfied)/4 = 50 % → 50 × 6 / 90 = 3.33 of 6
 * feedback on time 1/2 = 50 %            → 50 × 6 / 100 = 3.00 of 6
 * rated satisfied R1 R3 of R1 R2 R3 = 66.67 % → 66.67 × 6 / 90 = 4.44 of 6
 * </pre>
 * The two catalogue components are computed from the catalogue by the same rule.
 */
@OneStopSpringTest
class Index766ApiTest {

  static final String AGENCY = "quang-tin";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcedureCatalog catalog;
  @Autowired Index766Service service;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void rows() {
    clean();
    row("R1", "2025-10-01T08:00", "2025-10-06T17:00", "2025-10-03T10:00", "RESULT", false, 0, "ONLINE", true, true, 1,
        50_000, true, "VERY_SATISFIED", null);
    row("R2", "2025-10-02T08:00", "2025-10-07T17:00", "2025-10-08T10:00", "RESULT", true, 0, "DESK", true, false, 0,
        0, false, "NOT_SATISFIED", "2025-10-06T09:00");
    row("R3", "2025-10-06T08:00", "2025-10-10T17:00", "2025-10-09T10:00", "RESULT", false, 2, "DESK", false, false, 0,
        20_000, false, "SATISFIED", null);
    row("R4", "2025-10-20T08:00", "2025-11-05T17:00", null, null, false, 0, "ONLINE", true, false, 0, 0, false, null, null);
    row("R5", "2025-10-25T08:00", "2025-10-29T17:00", null, null, false, 0, "DESK", false, false, 0, 0, false, null, null);
    row("R6", "2025-09-20T08:00", "2025-10-03T17:00", "2025-10-02T10:00", "RESULT", false, 0, "DESK", false, false, 0,
        0, false, null, null);
    row("R7", "2025-10-03T08:00", "2025-10-10T17:00", "2025-10-04T10:00", "WITHDRAWN", false, 0, "DESK", false, false, 0,
        0, false, null, null);
    feedback("F1", "2025-10-15T17:00", "2025-10-14T09:00", false);
    feedback("F2", "2025-10-20T17:00", "2025-10-22T09:00", true);
  }

  @AfterEach
  void clean() {
    jdbc.update("DELETE FROM onestop.feedback WHERE code LIKE 'I766T-%'");
    jdbc.update("DELETE FROM onestop.dossier WHERE code LIKE 'I766T-%'");
  }

  @Test
  void theFiveGroupsByThePublishedRules() throws Exception {
    HttpResponse<String> r = get("/api/index-766?agency=" + AGENCY + "&period=2025-10");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode index = json.readTree(r.body());
    Map<String, String> scores = new HashMap<>();
    index.path("groups").forEach(g -> g.path("components").forEach(c -> scores.put(c.path("id").asText(),
        new BigDecimal(c.path("score").asText()).stripTrailingZeros().toPlainString())));
    assertThat(scores).containsEntry("PROGRESS_PUBLISHED", "7").containsEntry("LATE_APOLOGISED", "7")
        .containsEntry("ON_TIME", "10").containsEntry("DIGITISED", "2.29").containsEntry("REUSED", "2.29")
        .containsEntry("ONLINE_WITH_E_RESULT", "2.67").containsEntry("PAID_ONLINE", "7")
        .containsEntry("SATISFACTION", "3.33").containsEntry("FEEDBACK_ON_TIME", "3")
        .containsEntry("RATED_SATISFIED", "4.44");
    List<Procedure> offered = catalog.search(new ProcedureFilter(null, null, AGENCY, null, LocalDate.of(2025, 10, 31)));
    BigDecimal published = score(offered.stream().filter(Procedure::verified).count(), offered.size(), 4, 100);
    BigDecimal online = score(offered.stream().filter(p -> p.onlineLevel() != OnlineLevel.NONE).count(), offered.size(), 7, 80);
    assertThat(new BigDecimal(scores.get("PROCEDURES_PUBLISHED"))).isEqualByComparingTo(published);
    assertThat(new BigDecimal(scores.get("PROCEDURES_ONLINE"))).isEqualByComparingTo(online);
    BigDecimal expected = new BigDecimal("7.00").add(new BigDecimal("7.00")).add(new BigDecimal("10.00"))
        .add(new BigDecimal("4.58")).add(new BigDecimal("2.67")).add(new BigDecimal("7.00")).add(new BigDecimal("10.77"))
        .add(published).add(online);
    assertThat(new BigDecimal(index.path("total").asText())).isEqualByComparingTo(expected);
    assertThat(index.path("maxWithData").asInt()).isEqualTo(100);
    JsonNode onTime = index.path("groups").get(1).path("components").get(0);
    assertThat(onTime.path("numerator").asLong()).isEqualTo(3);
    assertThat(onTime.path("denominator").asLong()).isEqualTo(6);
    assertThat(onTime.path("failing").asLong()).isEqualTo(3);
  }

  @Test
  void theDossiersThatPullItDownAndTheTrend() throws Exception {
    JsonNode late = json.readTree(get("/api/index-766/dossiers?agency=" + AGENCY + "&period=2025-10&component=ON_TIME").body());
    assertThat(late.findValuesAsText("code")).containsExactly("I766T-R2", "I766T-R3", "I766T-R5");
    assertThat(get("/api/index-766/dossiers?agency=" + AGENCY + "&period=2025-10&component=PROCEDURES_ONLINE").statusCode())
        .isEqualTo(400);
    JsonNode trend = json.readTree(get("/api/index-766/trend?agency=" + AGENCY + "&period=2025-Q4").body());
    assertThat(trend).hasSize(3);
    JsonNode october = json.readTree(get("/api/index-766?agency=" + AGENCY + "&period=2025-10").body());
    assertThat(trend.get(0).path("total").decimalValue()).isEqualByComparingTo(october.path("total").decimalValue());
    HttpResponse<String> csv = get("/api/index-766/export.csv?agency=" + AGENCY + "&period=2025-10");
    assertThat(csv.body()).contains("Nhóm chỉ số", "Tiến độ, kết quả giải quyết", "Tổng điểm");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("chi-so-766_uy-ban-nhan-dan-xa-quang-tin_thang-10-2025.csv");
  }

  /** Whole months read the monthly summary (V122): the same figures as the rows, for a month and a quarter. */
  @Test
  void theMonthlySummaryGivesTheSameFiguresAsTheRows() {
    for (String period : List.of("2025-10", "2025-Q4", "2025")) {
      vn.onestop.report.ReportPeriod p = vn.onestop.report.ReportPeriod.parse(period, null, null);
      Index766 fromSummary = service.compute(p, AGENCY, List.of(AGENCY), true);
      Index766 fromRows = service.compute(p, AGENCY, List.of(AGENCY), false);
      assertThat(fromSummary).as(period).isEqualTo(fromRows);
    }
    jdbc.update("UPDATE onestop.dossier SET late = true, rating = 'NOT_SATISFIED' WHERE code = 'I766T-R1'");
    jdbc.update("UPDATE onestop.feedback SET dossier_code = 'I766T-R3' WHERE code = 'I766T-F1'");
    vn.onestop.report.ReportPeriod october = vn.onestop.report.ReportPeriod.parse("2025-10", null, null);
    assertThat(service.compute(october, AGENCY, List.of(AGENCY), true))
        .isEqualTo(service.compute(october, AGENCY, List.of(AGENCY), false));
  }

  static BigDecimal score(long numerator, long denominator, int max, int threshold) {
    BigDecimal rate = BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    return rate.compareTo(BigDecimal.valueOf(threshold)) >= 0 ? BigDecimal.valueOf(max)
        : rate.multiply(BigDecimal.valueOf(max)).divide(BigDecimal.valueOf(threshold), 2, RoundingMode.HALF_UP);
  }

  private void row(String code, String received, String due, String finished, String outcome, boolean late, int supplements,
      String channel, boolean digitised, boolean eResult, int reused, long fee, boolean paidOnline, String rating,
      String apologyAt) {
    jdbc.update("""
        INSERT INTO onestop.dossier (code, procedure_code, procedure_version, procedure_name, field, level,
          receiving_agency_id, handling_agency_id, channel, applicant_name, status, outcome, resolution_days,
          submitted_at, received_at, clock_started_at, original_due_at, due_at, finished_at, late, supplement_count,
          digitised, result_electronic, reused_documents, fee_amount, fee_paid, fee_paid_online, rating, apology_at)
        VALUES (?, '1.000001', '1', 'Thủ tục thử chỉ số 766', 'Hộ tịch', 'COMMUNE', ?, ?, ?, 'Nguyễn Văn Thử',
          ?, ?, 3, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        "I766T-" + code, AGENCY, AGENCY, channel, outcome == null ? "IN_PROGRESS" : "RETURNED", outcome, ts(received),
        ts(received), ts(received), ts(due), ts(due), ts(finished), late, supplements, digitised, eResult, reused,
        fee == 0 ? null : BigDecimal.valueOf(fee), fee > 0, paidOnline, rating, ts(apologyAt));
  }

  private void feedback(String code, String due, String answered, boolean overdue) {
    jdbc.update("""
        INSERT INTO onestop.feedback (code, kind, agency_id, received_by, channel, sender_name, subject, content, status,
          received_at, classify_due_at, forward_due_at, answer_due_at, answered_at, overdue)
        VALUES (?, 'REGULATION', ?, ?, 'WEB', 'Người góp ý', 'Góp ý', 'Nội dung', 'ANSWERED', ?, ?, ?, ?, ?, ?)""",
        "I766T-" + code, AGENCY, AGENCY, ts("2025-09-25T08:00"), ts("2025-09-29T08:00"), ts("2025-10-02T08:00"), ts(due),
        ts(answered), overdue);
  }

  private static Timestamp ts(String local) {
    return local == null ? null : Timestamp.from(LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant());
  }

  private HttpResponse<String> get(String path) throws Exception {
    String auth = Base64.getEncoder().encodeToString("supervisor:Demo@2026!".getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + auth).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
