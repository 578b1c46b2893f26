package vn.onestop.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Date;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.calendar.WorkingCalendar;

/** GET /api/procedures/{code}/cost, GET /api/review/progress, the DOCX report and the review KPIs over HTTP. */
@OneStopSpringTest
class ReviewApiTest {

  static final String USER = "rs-sup-dakrlap-vp";
  static final String PASSWORD = "Review-Test@2026!";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void supervisor() {
    identity.deleteUser(USER);
    User u = identity.newUser(USER);
    u.setFirstName("Giám sát");
    u.setLastName("Rà soát");
    u.setPassword(PASSWORD);
    identity.saveUser(u);
    identity.createMembership(USER, "dakrlap-vp-supervisors");
  }

  @AfterEach
  void clean() {
    identity.deleteUser(USER);
    ClockUtil.reset();
  }

  /**
   * Household business registration (1.001612): one required component (1 h × 30,682 đ), fully online
   * (no visit, no travel), fee 100,000 đ, the two copies optional: 130,682 đ per dossier.
   */
  @Test
  void costOfAProcedureFromTheCatalogueAndTheParameters() throws Exception {
    HttpResponse<String> r = get("/api/procedures/1.001612/cost", false);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(r.body());
    assertThat(body.path("cost").path("total").decimalValue()).isEqualByComparingTo("130682");
    assertThat(body.path("cost").path("timeCost").decimalValue()).isEqualByComparingTo("30682");
    assertThat(body.path("cost").path("fees").decimalValue()).isEqualByComparingTo("100000");
    assertThat(body.path("method").path("verified").asBoolean()).isFalse();
    assertThat(body.path("cost").path("inputs").path("hourlyIncomeSource").asText()).contains("Thống kê");
    long n = body.path("dossiersPerYear").asLong();
    assertThat(body.path("yearlyCost").decimalValue()).isEqualByComparingTo(String.valueOf(130682L * n));

    HttpResponse<String> missing = get("/api/procedures/9.999999/cost", false);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json.readTree(missing.body()).path("message").asText()).contains("9.999999");
  }

  @Test
  void progressNeedsALoginAndAnAgencyInScope() throws Exception {
    assertThat(get("/api/review/progress", false).statusCode()).isEqualTo(401);
    assertThat(get("/api/review/progress?agency=nope", true).statusCode()).isEqualTo(400);
    assertThat(get("/api/review/progress?agency=nhan-co", true).statusCode()).isEqualTo(403);
    HttpResponse<String> noReview = get("/api/review/reviews/999999/report.docx", true);
    assertThat(noReview.statusCode()).isEqualTo(404);
    assertThat(json.readTree(noReview.body()).path("message").asText()).contains("999999");
    HttpResponse<String> bad = post("/api/review/plans",
        "{\"year\":2028,\"title\":\"KH\",\"dueDate\":\"2028-04-28\",\"assignments\":[{\"agencyId\":\"dakrlap-vp\",\"procedureCodes\":[\"0.000000\"]}]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).path("field").asText()).isEqualTo("procedureCodes");
  }

  @Test
  void anInternalProcedureReviewedWithAProposalShowsInProgressReportAndKpis() throws Exception {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2028-03-01T09:00").atZone(WorkingCalendar.ZONE).toInstant()));
    HttpResponse<String> launched = post("/api/review/plans", """
        {"year":2028,"title":"Kế hoạch rà soát TTHC nội bộ năm 2028","dueDate":"2028-04-28","reminderDays":5,
         "assignments":[{"agencyId":"dakrlap-vp","procedureCodes":["DNO.NB.01"]}]}""");
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(200);
    String id = json.readTree(launched.body()).get(0).path("processInstanceId").asText();
    ProcessInstance review = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    complete(task(review), ReviewForms.allYes("review_time_reasonable", "NO", "findings", "Thời hạn thẩm định dài",
        "simplify", true, "proposedDays", 15, "optionalDocuments", "bang-diem",
        "proposalSummary", "Rút ngắn còn 15 ngày; bảng điểm không bắt buộc"));
    complete(task(review), withVariables("approved", true, "competentLevel", "PROVINCE"));

    JsonNode progress = json.readTree(get("/api/review/progress?year=2028&agency=dakrlap-vp&on=2028-03-01", true).body());
    JsonNode total = progress.path("total");
    assertThat(total.path("inScopeInternal").asLong()).isEqualTo(1);
    assertThat(total.path("reviewedInternal").asLong()).isEqualTo(1);
    assertThat(total.path("proposed").asLong()).isEqualTo(1);
    assertThat(total.path("reviewedInternalShare").decimalValue()).isEqualByComparingTo("100");
    assertThat(progress.path("planTitle").asText()).isEqualTo("Kế hoạch rà soát TTHC nội bộ năm 2028");
    assertThat(progress.path("targets")).anySatisfy(t -> {
      assertThat(t.path("kpi").asText()).isEqualTo("REVIEWED_SHARE");
      assertThat(t.path("target").decimalValue()).isEqualByComparingTo("50");
      assertThat(t.path("status").asText()).isEqualTo("MET");
    });

    JsonNode kpis = json.readTree(get("/api/reports/kpis?period=2028&agency=dakrlap-vp", true).body());
    assertThat(kpis.path("total").path("kpis")).anySatisfy(k -> {
      assertThat(k.path("kpi").asText()).isEqualTo("SIMPLIFICATION_PROPOSED_SHARE");
      assertThat(k.path("value").decimalValue()).isEqualByComparingTo("100");
      assertThat(k.path("target").decimalValue()).isEqualByComparingTo("20");
    });
    HttpResponse<String> csv = get("/api/reports/kpis.csv?period=2028&agency=dakrlap-vp", true);
    assertThat(csv.body().lines().findFirst().orElseThrow()).contains("Tỷ lệ TTHC nội bộ được rà soát",
        "Tỷ lệ cắt giảm chi phí tuân thủ: chỉ tiêu").doesNotContain("REVIEWED_SHARE", "_target");

    long reviewId = jdbc.queryForObject("select id from onestop.procedure_review where process_instance_id = ?", Long.class, id);
    HttpResponse<byte[]> docx = http.send(request("/api/review/reviews/" + reviewId + "/report.docx", true).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(docx.statusCode()).isEqualTo(200);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
        XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      assertThat(text.getText()).contains("BÁO CÁO KẾT QUẢ RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH", "DNO.NB.01",
          "TTHC nội bộ", "Thời hạn giải quyết đề xuất: 15", "THỦ TRƯỞNG CƠ QUAN");
    }
  }

  private HttpRequest.Builder request(String path, boolean login) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (login) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private HttpResponse<String> get(String path, boolean login) throws Exception {
    return http.send(request(path, login).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(request(path, true).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
