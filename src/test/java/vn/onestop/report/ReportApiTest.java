package vn.onestop.report;

import static vn.onestop.report.ReportListings.codes;
import static vn.onestop.report.ReportListings.entry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.calendar.WorkingCalendar;

/** The report API over HTTP: authorization by agency subtree, compliance lists, exports equal to the JSON. */
@OneStopSpringTest
class ReportApiTest {

  static final String PASSWORD = "Rpt-Test@2026!";
  static final String SUPERVISOR_A = "rptt-sup-nhanco";
  static final String SUPERVISOR_B = "rptt-sup-kienduc";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired WorkingCalendar calendar;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  ReportFixture fixture;

  @BeforeEach
  void data() {
    fixture = new ReportFixture(jdbc);
    fixture.clean();
    fixture.march2019();
    // Running, due in one working day from now: on the "going late" list.
    Instant now = Instant.now();
    fixture.dossier("G1", "nhan-co", ReportFixture.cols("received_at", now.minusSeconds(86_400),
        "due_at", calendar.addWorkingDays(now, BigDecimal.ONE), "digitised", true));
    user(SUPERVISOR_A, "nhan-co-supervisors");
    user(SUPERVISOR_B, "kien-duc-supervisors");
  }

  @AfterEach
  void clean() {
    fixture.clean();
    identity.deleteUser(SUPERVISOR_A);
    identity.deleteUser(SUPERVISOR_B);
  }

  private void user(String id, String group) {
    identity.deleteUser(id);
    User u = identity.newUser(id);
    u.setFirstName("Giám sát");
    u.setLastName("Thử");
    u.setPassword(PASSWORD);
    identity.saveUser(u);
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      var g = identity.newGroup(group);
      g.setName(group);
      g.setType("WORKFLOW");
      identity.saveGroup(g);
    }
    identity.createMembership(id, group);
  }

  private HttpResponse<byte[]> get(String user, String password, String path) throws Exception {
    String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + auth).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode getJson(String user, String path, int status) throws Exception {
    return getJson(user, PASSWORD, path, status);
  }

  private JsonNode getJson(String user, String password, String path, int status) throws Exception {
    HttpResponse<byte[]> r = get(user, password, path);
    assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
    return json.readTree(r.body());
  }

  @Test
  void aSupervisorReadsOnlyHisSubtree() throws Exception {
    JsonNode own = getJson(SUPERVISOR_A, "/api/reports/kpis?period=2019-03&agency=nhan-co", 200);
    assertThat(own.path("total").path("counts").path("resolved").asLong()).isEqualTo(6);
    // Without an agency he gets his own subtree, not the province.
    JsonNode implicit = getJson(SUPERVISOR_A, "/api/reports/kpis?period=2019-03", 200);
    assertThat(implicit.path("agency").asText()).isEqualTo("nhan-co");
    assertThat(implicit.path("total").path("counts").path("resolved").asLong()).isEqualTo(6);

    JsonNode refused = getJson(SUPERVISOR_A, "/api/reports/kpis?period=2019-03&agency=kien-duc", 403);
    assertThat(refused.path("message").asText()).contains("kien-duc");
    getJson(SUPERVISOR_A, "/api/reports/kpis?period=2019-03&agency=dakrlap", 403);
    getJson(SUPERVISOR_A, "/api/reports/compliance/late-without-apology?agency=kien-duc", 403);
    assertThat(get(SUPERVISOR_A, PASSWORD, "/api/reports/kpis.csv?period=2019-03&agency=kien-duc").statusCode()).isEqualTo(403);
    assertThat(get(SUPERVISOR_A, PASSWORD, "/api/reports/compliance/not-digitised.xlsx?agency=kien-duc").statusCode()).isEqualTo(403);

    // B sees B's late dossier and none of A's.
    List<String> bCodes = codes(getJson(SUPERVISOR_B, "/api/reports/compliance/late-without-apology", 200));
    assertThat(bCodes).contains("RPTT-B1").noneMatch(c -> c.matches("RPTT-D\\d+"));
    // A clerk is nobody's supervisor; a wrong password is 401.
    assertThat(get("clerk", "Demo@2026!", "/api/reports/kpis?period=2019-03").statusCode()).isEqualTo(403);
    assertThat(get(SUPERVISOR_A, "wrong", "/api/reports/kpis?period=2019-03").statusCode()).isEqualTo(401);
    // The administrator sees everything.
    JsonNode admin = getJson("admin", "Demo@2026!", "/api/reports/kpis?period=2019-03&agency=dakrlap&groupBy=agency", 200);
    assertThat(admin.path("rows").size()).isGreaterThan(1);
  }

  @Test
  void complianceLists() throws Exception {
    List<String> noApology = codes(getJson(SUPERVISOR_A, "/api/reports/compliance/late-without-apology?agency=nhan-co", 200));
    // D5 late without apology; D7, D8 running past their appointment; D4 has one; D6 withdrawn.
    assertThat(noApology).contains("RPTT-D5", "RPTT-D7", "RPTT-D8").doesNotContain("RPTT-D4", "RPTT-D6", "RPTT-B1");
    List<String> noExplanation = codes(getJson(SUPERVISOR_A, "/api/reports/compliance/late-without-explanation", 200));
    assertThat(noExplanation).contains("RPTT-D5", "RPTT-D7").doesNotContain("RPTT-D4");
    JsonNode going = getJson(SUPERVISOR_A, "/api/reports/compliance/going-late?days=2", 200);
    assertThat(codes(going)).contains("RPTT-G1").doesNotContain("RPTT-D7");
    JsonNode g1 = entry(going, "RPTT-G1");
    assertThat(g1.path("agencyId").asText()).isEqualTo("nhan-co");
    assertThat(g1.path("workingDaysLeft").decimalValue()).isLessThanOrEqualTo(BigDecimal.ONE);
    assertThat(codes(getJson(SUPERVISOR_A, "/api/reports/compliance/going-late?days=0", 200))).doesNotContain("RPTT-G1");
    List<String> notDigitised = codes(getJson(SUPERVISOR_A, "/api/reports/compliance/not-digitised?period=2019-03", 200));
    assertThat(notDigitised).containsExactlyInAnyOrder("RPTT-D3", "RPTT-D5", "RPTT-D7");
    getJson(SUPERVISOR_A, "/api/reports/compliance/nonsense", 404);
    getJson(SUPERVISOR_A, "/api/reports/kpis?period=2019-13", 400);
  }

  @Test
  void exportsHoldTheApiNumbers() throws Exception {
    String query = "?period=2019-03&agency=nhan-co&groupBy=field";
    JsonNode api = getJson(SUPERVISOR_A, "/api/reports/kpis" + query, 200);

    HttpResponse<byte[]> csv = get(SUPERVISOR_A, PASSWORD, "/api/reports/kpis.csv" + query);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    String[] lines = text.substring(1).split("\r\n");
    List<String> header = csvCells(lines[0]);
    assertThat(lines).hasSize(1 + 1 + api.path("rows").size());
    List<String> totalLine = csvCells(lines[1]);
    // issue 15.5: Vietnamese headers, no code names; the file says the agency and the period
    assertThat(header).doesNotContain("key", "ON_TIME_RATE", "ON_TIME_RATE_target")
        .contains("Hồ sơ tiếp nhận", "Tỷ lệ hồ sơ giải quyết trước và đúng hạn (%)", "Tỷ lệ hồ sơ giải quyết trước và đúng hạn: chỉ tiêu");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .contains("bao-cao-kpi_uy-ban-nhan-dan-xa-nhan-co_thang-3-2019.csv");

    HttpResponse<byte[]> xlsx = get(SUPERVISOR_A, PASSWORD, "/api/reports/kpis.xlsx" + query);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(1 + api.path("rows").size());
      Row head = sheet.getRow(0);
      Row total = sheet.getRow(1);
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo(api.path("total").path("label").asText());
      for (String count : Tally.COUNTS) {
        long expected = api.path("total").path("counts").path(count).asLong();
        int c = header.indexOf(ExportColumns.count(count));
        assertThat(head.getCell(c).getStringCellValue()).isEqualTo(ExportColumns.count(count));
        assertThat(Long.parseLong(totalLine.get(c))).as("CSV " + count).isEqualTo(expected);
        assertThat((long) total.getCell(c).getNumericCellValue()).as("XLSX " + count).isEqualTo(expected);
      }
      for (JsonNode kpi : api.path("total").path("kpis")) {
        Kpi id = Kpi.valueOf(kpi.path("kpi").asText());
        int c = header.indexOf(ExportColumns.kpi(id));
        Cell cell = total.getCell(c);
        if (kpi.path("value").isNull()) {
          assertThat(totalLine.get(c)).isEmpty();
          assertThat(cell).isNull();
        } else {
          BigDecimal expected = kpi.path("value").decimalValue();
          assertThat(new BigDecimal(totalLine.get(c))).as("CSV " + id).isEqualByComparingTo(expected);
          assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as("XLSX " + id).isEqualByComparingTo(expected);
        }
        assertThat(totalLine.get(header.indexOf(ExportColumns.status(id))))
            .isEqualTo(ExportColumns.status(kpi.path("status").asText())).doesNotContain("_");
      }
      List<String> keys = new ArrayList<>();
      for (int r = 2; r <= sheet.getLastRowNum(); r++) {
        keys.add(sheet.getRow(r).getCell(0).getStringCellValue());
      }
      List<String> apiKeys = new ArrayList<>();
      api.path("rows").forEach(r -> apiKeys.add(r.path("label").asText()));
      assertThat(keys).isEqualTo(apiKeys).contains("Đất đai");
    }

    HttpResponse<byte[]> listXlsx = get(SUPERVISOR_A, PASSWORD, "/api/reports/compliance/not-digitised.xlsx?period=2019-03");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(listXlsx.body()))) {
      Sheet sheet = book.getSheetAt(0);
      List<String> codes = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        codes.add(sheet.getRow(r).getCell(0).getStringCellValue());
      }
      assertThat(codes).containsExactlyInAnyOrder("RPTT-D3", "RPTT-D5", "RPTT-D7");
    }
    String listCsv = new String(get(SUPERVISOR_A, PASSWORD, "/api/reports/compliance/not-digitised.csv?period=2019-03").body(),
        StandardCharsets.UTF_8);
    assertThat(listCsv).contains("RPTT-D3,Ủy ban nhân dân xã Nhân Cơ").doesNotContain(",nhan-co,", "T0", "Z,");
    assertThat(listCsv.lines().findFirst().orElseThrow()).startsWith("\uFEFFMã hồ sơ,");
  }

  /** The cells of one CSV line (RFC 4180 quoting). */
  static List<String> csvCells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
