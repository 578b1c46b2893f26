package vn.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.onestop.OneStopSpringTest;

/**
 * The README walk-through, done by the demo staff of the commune of Nhân Cơ through the same REST
 * API Tasklist uses, with authorization on: a correction of civil-status information (3 working
 * days) from reception to return. A clerk of another commune sees none of it.
 */
@OneStopSpringTest
class DossierWalkthroughRestTest {

  static final String PASSWORD = "Demo@2026!";
  static final byte[] SCAN = "%PDF-1.4\n% scan\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void commune_clerk_head_and_specialist_take_a_dossier_from_reception_to_return() throws Exception {
    JsonNode started = post("clerk", "/engine-rest/process-definition/key/dossier/start", Map.of("variables", vars(
        "procedureCode", "DNO.HT.01", "channel", "DESK", "applicantName", "Lê Thị Hồng Nhung",
        "applicantIdNumber", "066190004321", "applicantPhone", "0987654321")));
    String instance = started.get("id").asText();

    JsonNode check = singleTask("clerk", "processInstanceId=" + instance);
    assertThat(check.get("taskDefinitionKey").asText()).isEqualTo("Task_CheckDossier");
    assertThat(tasks("clerk2", "processInstanceId=" + instance)).as("another commune's clerk").isEmpty();
    complete("clerk", check, vars("receptionDecision", "ACCEPT"));

    JsonNode digitise = singleTask("clerk", "processInstanceId=" + instance);
    long dossierId = variable("clerk", digitise, "dossierId").asLong();
    String code = variable("clerk", digitise, "dossierCode").asText();
    assertThat(code).contains("-");
    for (String component : new String[] {"to-khai", "giay-to-lien-quan"}) {
      assertThat(upload("clerk", dossierId, component)).isEqualTo(201);
    }
    assertThat(send("clerk2", HttpRequest.newBuilder(uri("/api/documents/dossiers/" + dossierId)).GET()).statusCode())
        .as("another commune's clerk cannot list its files").isEqualTo(404);
    assertThat(upload("clerk2", dossierId, "to-khai")).as("nor add one").isEqualTo(404);
    long fileId = json.readTree(send("clerk", HttpRequest.newBuilder(uri("/api/documents/dossiers/" + dossierId)).GET()).body())
        .get(0).get("id").asLong();
    assertThat(send("clerk2", HttpRequest.newBuilder(uri("/api/documents/" + fileId + "/content")).GET()).statusCode())
        .as("nor download one").isEqualTo(404);
    assertThat(send("clerk", HttpRequest.newBuilder(uri("/api/documents/" + fileId + "/content")).GET()).statusCode()).isEqualTo(200);
    complete("clerk", digitise, vars("scannedAll", true));
    complete("clerk", singleTask("clerk", "processInstanceBusinessKey=" + code), vars("handedOver", true));

    assertThat(tasks("clerk", "processInstanceBusinessKey=" + code)).as("the clerk is done for now").isEmpty();
    JsonNode assign = singleTask("head", "processInstanceBusinessKey=" + code);
    assertThat(assign.get("taskDefinitionKey").asText()).isEqualTo("Task_AssignSpecialist");
    complete("head", assign, vars("specialist", "specialist"));

    JsonNode appraise = singleTask("specialist", "processInstanceBusinessKey=" + code);
    assertThat(appraise.get("assignee").asText()).isEqualTo("specialist");
    complete("specialist", appraise, vars("proposedOutcome", "RESULT", "resultSummary", "Cải chính năm sinh"));
    complete("head", singleTask("head", "processInstanceBusinessKey=" + code), vars("approved", true));

    JsonNode giveBack = singleTask("clerk", "processInstanceBusinessKey=" + code + "&taskDefinitionKey=Task_ReturnResult");
    complete("clerk", giveBack, vars("returnChannel", "DESK", "rating", "VERY_SATISFIED"));

    HttpResponse<String> register = send("clerk", HttpRequest.newBuilder(uri("/api/dossiers/" + code)).GET());
    assertThat(register.statusCode()).isEqualTo(200);
    JsonNode view = json.readTree(register.body());
    assertThat(view.at("/dossier/status").asText()).isEqualTo("RETURNED");
    assertThat(view.at("/dossier/rating").asText()).isEqualTo("VERY_SATISFIED");
    assertThat(view.at("/dossier/receivingAgencyId").asText()).isEqualTo("nhan-co");
    assertThat(view.get("events").size()).isGreaterThanOrEqualTo(10);
    assertThat(send("clerk2", HttpRequest.newBuilder(uri("/api/dossiers/" + code)).GET()).statusCode())
        .as("another commune's clerk cannot read it").isEqualTo(404);
    assertThat(send("supervisor", HttpRequest.newBuilder(uri("/api/dossiers/" + code)).GET()).statusCode())
        .as("the district supervisor reads the communes below").isEqualTo(200);
  }

  @Test
  void withdrawalThroughTheApi() throws Exception {
    JsonNode started = post("clerk", "/engine-rest/process-definition/key/dossier/start", Map.of("variables", vars(
        "procedureCode", "DNO.HT.01", "channel", "DESK", "applicantName", "Phạm Văn Đức")));
    String instance = started.get("id").asText();
    complete("clerk", singleTask("clerk", "processInstanceId=" + instance), vars("receptionDecision", "ACCEPT"));
    String code = variable("clerk", singleTask("clerk", "processInstanceId=" + instance), "dossierCode").asText();

    assertThat(send("clerk2", HttpRequest.newBuilder(uri("/api/dossiers/" + code + "/withdrawal"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(404);
    HttpResponse<String> withdrawn = send("clerk", HttpRequest.newBuilder(uri("/api/dossiers/" + code + "/withdrawal"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Không còn nhu cầu\"}")));
    assertThat(withdrawn.statusCode()).isEqualTo(200);
    HttpResponse<String> again = send("clerk", HttpRequest.newBuilder(uri("/api/dossiers/" + code + "/withdrawal"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("WITHDRAWN");
    assertThat(send(null, HttpRequest.newBuilder(uri("/api/dossiers/" + code)).GET()).statusCode()).isEqualTo(401);
  }

  // ------------------------------------------------------------------ REST plumbing

  static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put((String) pairs[i], Map.of("value", pairs[i + 1]));
    }
    return variables;
  }

  JsonNode tasks(String user, String query) throws Exception {
    HttpResponse<String> response = send(user, HttpRequest.newBuilder(uri("/engine-rest/task?" + query)).GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  JsonNode singleTask(String user, String query) throws Exception {
    JsonNode list = tasks(user, query);
    assertThat(list.size()).as("tasks of %s for %s: %s", user, query, list).isEqualTo(1);
    return list.get(0);
  }

  void complete(String user, JsonNode task, Map<String, Object> variables) throws Exception {
    HttpResponse<String> response = send(user, HttpRequest.newBuilder(uri("/engine-rest/task/" + task.get("id").asText() + "/complete"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("variables", variables)))));
    assertThat(response.statusCode()).as("%s completes %s: %s", user, task.get("taskDefinitionKey"), response.body()).isEqualTo(204);
  }

  /** A variable as Tasklist reads it: through the task the user may see. */
  JsonNode variable(String user, JsonNode task, String name) throws Exception {
    HttpResponse<String> response = send(user, HttpRequest.newBuilder(uri("/engine-rest/task/" + task.get("id").asText() + "/variables/" + name)).GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("value");
  }

  JsonNode post(String user, String path, Object body) throws Exception {
    HttpResponse<String> response = send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  int upload(String user, long dossierId, String component) throws Exception {
    String boundary = "onestop-" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + component
        + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + SCAN.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(SCAN, 0, body, head.length, SCAN.length);
    System.arraycopy(tail, 0, body, head.length + SCAN.length, tail.length);
    HttpResponse<String> response = send(user, HttpRequest.newBuilder(uri("/api/documents/dossiers/" + dossierId + "/components/"
        + URLEncoder.encode(component, StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    return response.statusCode();
  }

  HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
