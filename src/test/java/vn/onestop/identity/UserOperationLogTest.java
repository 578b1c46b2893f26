package vn.onestop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/**
 * What one single-window lifecycle writes to the engine's tables when done by the demo staff through
 * the REST API (issue 18.2): the user operation log keeps what the people did (start, complete, claim,
 * their variables) and none of OneStop's own bookkeeping (the READ grants of each agency reached, done
 * inside the clerk's and the head's commands). Prints the rows per table, the figure in
 * docs/benchmarks.md.
 */
@OneStopSpringTest
class UserOperationLogTest {

  static final String PASSWORD = "Demo@2026!";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  final HttpClient http = HttpClient.newHttpClient();

  static final List<String> TABLES = List.of("act_hi_op_log", "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
      "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_job_log", "act_ru_authorization",
      "act_ge_bytearray");

  @Test
  void theLogKeepsWhatPeopleDidNotTheGrants() throws Exception {
    Map<String, Long> before = rows();
    Map<String, Long> grantsLoggedBefore = loggedByEntity();

    JsonNode started = post("clerk", "/engine-rest/process-definition/key/dossier/start", Map.of("variables", vars(
        "procedureCode", "DNO.HT.01", "channel", "DESK", "applicantName", "Nhật Ký Thao Tác")));
    String instance = started.get("id").asText();
    complete("clerk", task("clerk", instance), vars("receptionDecision", "ACCEPT"));
    long dossierId = jdbc.queryForObject("select id from onestop.dossier where process_instance_id = ?", Long.class, instance);
    for (String component : new String[] {"to-khai", "giay-to-lien-quan"}) {
      upload("clerk", dossierId, component);
    }
    complete("clerk", task("clerk", instance), vars("scannedAll", true));
    complete("clerk", task("clerk", instance), vars("handedOver", true));
    String code = jdbc.queryForObject("select code from onestop.dossier where id = ?", String.class, dossierId);
    complete("head", taskByKey("head", code), vars("specialist", "specialist"));
    complete("specialist", taskByKey("specialist", code), vars("proposedOutcome", "RESULT", "resultSummary", "Cải chính"));
    complete("head", taskByKey("head", code), vars("approved", true));
    complete("clerk", taskByKey("clerk", code), vars("returnChannel", "DESK", "rating", "SATISFIED"));
    assertThat(jdbc.queryForObject("select status from onestop.dossier where id = ?", String.class, dossierId)).isEqualTo("RETURNED");

    Map<String, Long> after = rows();
    Map<String, Long> written = new TreeMap<>();
    long total = 0;
    for (String table : TABLES) {
      written.put(table, after.get(table) - before.get(table));
      total += after.get(table) - before.get(table);
    }
    Map<String, Long> logged = loggedByEntity();
    logged.replaceAll((entity, n) -> n - grantsLoggedBefore.getOrDefault(entity, 0L));
    System.out.println("Rows written by one lifecycle: " + written + ", total " + total + "; user operation log by entity: " + logged);

    assertThat(logged.getOrDefault("Authorization", 0L)).as("grants are bookkeeping, not the user's acts").isZero();
    // History keeps the values people chose, with their changes; what the register computes and records itself
    // stays out of the engine's history (dossier.VariableHistory), in both models.
    assertThat(details(instance, "receptionDecision")).as("a decision typed in a form keeps its change log").isPositive();
    assertThat(details(instance, "returnChannel")).isPositive();
    assertThat(historic(instance, "receptionDecision") + historic(instance, "rating")).as("and its last value").isEqualTo(2);
    assertThat(details(instance, "dueAt") + details(instance, "dossierId") + details(instance, "checkDueAt"))
        .as("register-kept variables have no change log").isZero();
    assertThat(historic(instance, "dueAt") + historic(instance, "dossierId") + historic(instance, "late")
        + historic(instance, "nrOfInstances") + historic(instance, "legDueAt"))
        .as("nor a historic value: the register has them").isZero();
    assertThat(jdbc.queryForObject("select due_at is not null and not late from onestop.dossier where id = ?",
        Boolean.class, dossierId)).as("the register's copy").isTrue();
    assertThat(logged.getOrDefault("Task", 0L)).as("each completion by a person is logged").isGreaterThanOrEqualTo(7);
    assertThat(logged.getOrDefault("ProcessInstance", 0L)).as("the clerk's start is logged").isPositive();
  }

  /** Historic variable rows of this name in the dossier and its legs (the call activity's instances). */
  private long historic(String instance, String name) {
    return jdbc.queryForObject("select count(*) from act_hi_varinst where root_proc_inst_id_ = ? and name_ = ?", Long.class,
        instance, name);
  }

  private long details(String instance, String name) {
    return jdbc.queryForObject("select count(*) from act_hi_detail where proc_inst_id_ = ? and name_ = ?", Long.class, instance, name);
  }

  private Map<String, Long> rows() {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : TABLES) {
      rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return rows;
  }

  private Map<String, Long> loggedByEntity() {
    Map<String, Long> byEntity = new TreeMap<>();
    jdbc.query("select entity_type_, count(*) from act_hi_op_log group by entity_type_",
        rs -> {
          byEntity.put(rs.getString(1), rs.getLong(2));
        });
    return byEntity;
  }

  private JsonNode task(String user, String instance) throws Exception {
    JsonNode tasks = json.readTree(send(user, HttpRequest.newBuilder(uri("/engine-rest/task?processInstanceId=" + instance)).GET()).body());
    assertThat(tasks.size()).as("%s has one task: %s", user, tasks).isEqualTo(1);
    return tasks.get(0);
  }

  private JsonNode taskByKey(String user, String code) throws Exception {
    JsonNode tasks = json.readTree(send(user, HttpRequest.newBuilder(uri("/engine-rest/task?processInstanceBusinessKey=" + code)).GET()).body());
    assertThat(tasks.size()).as("%s has one task: %s", user, tasks).isEqualTo(1);
    return tasks.get(0);
  }

  private void complete(String user, JsonNode task, Map<String, Object> variables) throws Exception {
    HttpResponse<String> response = send(user, HttpRequest.newBuilder(uri("/engine-rest/task/" + task.get("id").asText() + "/complete"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("variables", variables)))));
    assertThat(response.statusCode()).as("%s completes %s: %s", user, task.get("taskDefinitionKey"), response.body()).isEqualTo(204);
  }

  private JsonNode post(String user, String path, Object body) throws Exception {
    HttpResponse<String> response = send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private void upload(String user, long dossierId, String component) throws Exception {
    String boundary = "----onestop" + System.nanoTime();
    byte[] scan = "%PDF-1.4\n% scan\n".getBytes(StandardCharsets.US_ASCII);
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + component
        + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n";
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[head.length() + scan.length + tail.length];
    System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, body, 0, head.length());
    System.arraycopy(scan, 0, body, head.length(), scan.length);
    System.arraycopy(tail, 0, body, head.length() + scan.length, tail.length);
    HttpResponse<String> response = send(user, HttpRequest.newBuilder(uri("/api/documents/dossiers/" + dossierId + "/components/" + component))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put((String) pairs[i], Map.of("value", pairs[i + 1]));
    }
    return variables;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
    String auth = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return http.send(request.header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
  }
}
