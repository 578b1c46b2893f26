package vn.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/**
 * Issue 16 item 1-3 on the engine REST API: a OneStop rule broken inside the engine answers 400 / 404 /
 * 409 with problem details in Vietnamese naming the field, no engine code and no Java type; nothing of
 * the refused request is left behind (register row, process instance, dossier code, document).
 */
@OneStopSpringTest
class EngineRestErrorsTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port, json);
  }

  Map<String, Object> start(Object... overrides) {
    Map<String, Object> v = Http.vars("procedureCode", "DNO.HT.01", "channel", "DESK", "applicantName", "Lê Văn Thử",
        "applicantPhone", "0905000111");
    for (int i = 0; i < overrides.length; i += 2) {
      if (overrides[i + 1] == null) {
        v.remove((String) overrides[i]);
      } else {
        v.put((String) overrides[i], Map.of("value", overrides[i + 1]));
      }
    }
    return Map.of("variables", v);
  }

  List<Long> counts() {
    return List.of(
        jdbc.queryForObject("select count(*) from onestop.dossier", Long.class),
        jdbc.queryForObject("select count(*) from act_ru_execution where parent_id_ is null", Long.class),
        jdbc.queryForObject("select coalesce(sum(last_seq), 0) from onestop.dossier_code_counter", Long.class),
        jdbc.queryForObject("select count(*) from onestop.document", Long.class),
        jdbc.queryForObject("select count(*) from onestop.dossier_event", Long.class));
  }

  JsonNode problem(HttpResponse<String> r, int status, String field) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(r.body()).as("no internals").doesNotContainPattern(Http.LEAK);
    JsonNode p = http.body(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("type").asText()).startsWith("https://");
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("detail").asText()).isNotBlank();
    if (field != null) {
      assertThat(p.get("field").asText()).isEqualTo(field);
      assertThat(p.get("detail").asText()).as("the detail names the field").contains(field);
    }
    return p;
  }

  @Test
  void startingWithBadInputAnswers4xxAndLeavesNothing() {
    List<Long> before = counts();
    String startForm = "/engine-rest/process-definition/key/dossier/submit-form";
    String start = "/engine-rest/process-definition/key/dossier/start";
    problem(http.postJson("clerk", startForm, start("procedureCode", "KHONG.CO.99")), 404, "procedureCode");
    problem(http.postJson("clerk", startForm, start("applicantName", null)), 400, "applicantName");
    problem(http.postJson("clerk", start, start("applicantName", "\u00a0\u3000")), 400, "applicantName");
    problem(http.postJson("clerk", start, start("channel", null)), 400, "channel");
    problem(http.postJson("clerk", start, start("channel", "FAX")), 400, "channel");
    problem(http.postJson("clerk", start, start("receivingAgencyId", "khong-co")), 403, null);
    problem(http.postJson("clerk", start, start("applicantAddress", "x".repeat(4001))), 400, "applicantAddress");
    problem(http.postJson("clerk", start, start("applicantName", "Lê\u0000Văn")), 400, "applicantName");
    problem(http.postJson("clerk", start, "{\"variables\": "), 400, null);
    problem(http.postJson("clerk", start, "{\"variables\": [1, 2]}"), 400, null);
    JsonNode noType = problem(http.send(Http.staff(http.request(start), "clerk")
        .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, "Content-Type");
    assertThat(noType.get("detail").asText()).contains("Content-Type");
    assertThat(counts()).as("no row, no instance, no code, no document, no event").isEqualTo(before);
  }

  @Test
  void tasksCompletedWithoutWhatTheyNeedAnswer400Or409() {
    HttpResponse<String> started = http.postJson("clerk", "/engine-rest/process-definition/key/dossier/start", start());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = http.body(started).get("id").asText();
    String check = task(instance);
    List<Long> before = counts();
    problem(http.postJson("clerk", "/engine-rest/task/" + check + "/complete", Map.of("variables", Map.of())), 400,
        "receptionDecision");
    problem(http.postJson("clerk", "/engine-rest/task/" + check + "/submit-form",
        Map.of("variables", Http.vars("receptionDecision", "MAYBE"))), 400, "receptionDecision");
    assertThat(counts()).as("the code was not consumed").isEqualTo(before);

    HttpResponse<String> accepted = http.postJson("clerk", "/engine-rest/task/" + check + "/complete",
        Map.of("variables", Http.vars("receptionDecision", "ACCEPT")));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    String digitise = task(instance);
    List<Long> afterAccept = counts();
    JsonNode missing = problem(http.postJson("clerk", "/engine-rest/task/" + digitise + "/complete",
        Map.of("variables", Http.vars("scannedAll", true))), 409, null);
    assertThat(missing.get("field").asText()).isEqualTo("documents");
    assertThat(missing.get("detail").asText()).contains("số hoá");
    assertThat(counts()).isEqualTo(afterAccept);
  }

  @Test
  void camundasOwnErrorsAreProblemDetailsWithoutInternals() {
    problem(http.send(Http.staff(http.request("/engine-rest/task/no-such-task"), "clerk").GET()), 404, null);
    problem(http.postJson("clerk", "/engine-rest/task/no-such-task/complete", Map.of("variables", Map.of())), 404, null);
    HttpResponse<String> anonymous = http.send(http.request("/engine-rest/task").GET());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    problem(http.send(Http.staff(http.request("/engine-rest/task?maxResults=abc"), "clerk").GET()), 400, "maxResults");
    problem(http.send(Http.staff(http.request("/engine-rest/no-such-resource"), "clerk").GET()), 404, null);
  }

  String task(String instance) {
    HttpResponse<String> r = http.send(Http.staff(http.request("/engine-rest/task?processInstanceId=" + instance), "clerk").GET());
    JsonNode list = http.body(r);
    assertThat(list.size()).as(r.body()).isEqualTo(1);
    return list.get(0).get("id").asText();
  }
}
