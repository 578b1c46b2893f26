package vn.onestop.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/**
 * The online-submission API as a provincial portal calls it: authenticated, validated (nothing stored,
 * no process started on any failure), idempotent on the portal's id even under concurrency, the
 * dossier waiting for the one-stop clerk's check, and a later payment.
 */
@OneStopSpringTest
class OnlineSubmissionTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  PortalHttp portal;

  @BeforeEach
  void client() {
    portal = new PortalHttp(port, json);
  }

  static String portalId() {
    return "DVC-" + UUID.randomUUID();
  }

  @Test
  void a_complete_submission_starts_the_online_dossier_for_the_clerks_check() throws Exception {
    String id = portalId();
    PortalHttp.Answer a = portal.submit(PortalHttp.submission(id));
    assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
    assertThat(a.body().get("portalDossierId").asText()).isEqualTo(id);
    assertThat(a.body().get("status").asText()).isEqualTo("REGISTERED");
    assertThat(a.body().get("statusText").asText()).isEqualTo("Đã nộp, chờ kiểm tra");
    long dossierId = a.body().get("dossierId").asLong();
    assertThat(a.body().get("lookupPath").asText()).isEqualTo("/api/lookup/REG-" + dossierId);

    Map<String, Object> row = jdbc.queryForMap("select channel, online_level, applicant_phone, process_instance_id from onestop.dossier where id = ?", dossierId);
    assertThat(row.get("channel")).isEqualTo("ONLINE");
    assertThat(row.get("online_level")).isEqualTo("PARTIAL");
    assertThat(jdbc.queryForObject("select count(*) from onestop.document where dossier_id = ? and kind = 'COMPONENT'", Integer.class, dossierId))
        .isEqualTo(2);
    Task check = taskService.createTaskQuery().processInstanceId((String) row.get("process_instance_id")).singleResult();
    assertThat(check.getTaskDefinitionKey()).as("the one-stop clerk still checks it (Art. 17.2)").isEqualTo("Task_CheckDossier");
    assertThat(taskService.getIdentityLinksForTask(check.getId())).anyMatch(l -> "nhan-co-clerks".equals(l.getGroupId()));

    PortalHttp.Answer again = portal.submit(PortalHttp.submission(id));
    assertThat(again.status()).as("a repeat returns the existing dossier").isEqualTo(200);
    assertThat(again.body().get("dossierId").asLong()).isEqualTo(dossierId);
    assertThat(again.body().get("repeated").asBoolean()).isTrue();
    assertThat(dossiersWithPortalId(id)).isEqualTo(1);

    PortalHttp.Answer paid = portal.postJson("/api/online-dossiers/" + dossierId + "/payment", Map.of("transactionRef", "PAY-123"), PortalHttp.KEY);
    assertThat(paid.status()).as(paid.raw().body()).isEqualTo(200);
    Map<String, Object> fee = jdbc.queryForMap("select fee_paid, fee_paid_online, fee_transaction_ref, fee_paid_at from onestop.dossier where id = ?", dossierId);
    assertThat(fee.get("fee_paid")).isEqualTo(true);
    assertThat(fee.get("fee_paid_online")).isEqualTo(true);
    assertThat(fee.get("fee_transaction_ref")).isEqualTo("PAY-123");
    assertThat(fee.get("fee_paid_at")).isNotNull();
    assertThat(portal.postJson("/api/online-dossiers/" + dossierId + "/payment", Map.of("transactionRef", "PAY-123"), PortalHttp.KEY).status())
        .as("the same callback again is harmless").isEqualTo(200);
    assertThat(portal.postJson("/api/online-dossiers/" + dossierId + "/payment", Map.of("transactionRef", "PAY-999"), PortalHttp.KEY).status())
        .as("another transaction for a paid dossier").isEqualTo(409);
  }

  @Test
  void documents_may_come_as_multipart_file_parts_named_by_component() throws Exception {
    String id = portalId();
    Map<String, Object> s = PortalHttp.submission(id);
    s.remove("documents");
    String boundary = "----onestop" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    List<byte[]> parts = new ArrayList<>();
    parts.add(part(boundary, "dossier", null, "application/json", json.writeValueAsBytes(s)));
    parts.add(part(boundary, "to-khai", "to-khai.pdf", "application/pdf", PortalHttp.PDF));
    parts.add(part(boundary, "giay-to-lien-quan", "giay.pdf", "application/pdf", PortalHttp.PDF));
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    PortalHttp.Answer a = portal.send(HttpRequest.newBuilder(portal.uri("/api/online-dossiers"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Api-Key", PortalHttp.KEY)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
    assertThat(head).isEmpty();
    assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
    assertThat(dossiersWithPortalId(id)).isEqualTo(1);
  }

  static byte[] part(String boundary, String name, String fileName, String type, byte[] content) {
    String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + content.length + 2];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(content, 0, all, h.length, content.length);
    all[all.length - 2] = '\r';
    all[all.length - 1] = '\n';
    return all;
  }

  @Test
  void every_validation_failure_answers_4xx_naming_the_field_and_stores_nothing() throws Exception {
    refused(400, "portalDossierId", s -> s.remove("portalDossierId"));
    refused(422, "procedureCode", s -> s.put("procedureCode", "9.999999"));
    refused(422, "procedureCode", s -> s.put("procedureCode", "2.000884")); // certified copy: desk only
    refused(400, "receivingAgencyId", s -> s.remove("receivingAgencyId"));
    refused(422, "receivingAgencyId", s -> s.put("receivingAgencyId", "dakrlap-ktht"));
    refused(422, "onlineLevel", s -> s.put("onlineLevel", "FULL_PROCESS"));
    refused(400, "applicant.name", s -> applicant(s).remove("name"));
    refused(400, "applicant.email", s -> applicant(s).put("email", "not-an-address"));
    refused(400, "fee.transactionRef", s -> s.put("fee", Map.of("paid", true)));
    refused(422, "documents[giay-to-lien-quan]", s -> documents(s).remove(1));
    refused(400, "documents[ban-ve]", s -> documents(s).set(1, PortalHttp.document("ban-ve", "application/pdf", PortalHttp.PDF)));
    refused(415, "documents[to-khai]", s -> documents(s).set(0, PortalHttp.document("to-khai", "application/zip", PortalHttp.PDF)));
    refused(415, "documents[to-khai]", s -> documents(s).set(0, PortalHttp.document("to-khai", "application/pdf",
        "MZ not a pdf".getBytes(StandardCharsets.US_ASCII))));
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PortalHttp.PDF, 0, big, 0, PortalHttp.PDF.length);
    refused(413, "documents[to-khai]", s -> documents(s).set(0, PortalHttp.document("to-khai", "application/pdf", big)));
    refused(400, "documents[0].contentBase64", s -> ((Map<String, Object>) documents(s).get(0)).put("contentBase64", "***"));
  }

  @Test
  void malformed_and_oversize_bodies_are_refused_before_anything_happens() throws Exception {
    long before = dossierInstances();
    PortalHttp.Answer malformed = portal.postJson("/api/online-dossiers", "{\"procedureCode\": \"DNO.HT.01\", ", PortalHttp.KEY);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().get("field").asText()).isEqualTo("body");
    PortalHttp.Answer wrongType = portal.postJson("/api/online-dossiers", "{\"applicant\": \"just a string\"}", PortalHttp.KEY);
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body().get("field").asText()).isEqualTo("applicant");
    byte[] huge = new byte[(int) (25 * 1024 * 1024 + 10)];
    java.util.Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    huge[huge.length - 1] = '}';
    PortalHttp.Answer oversize = portal.send(HttpRequest.newBuilder(portal.uri("/api/online-dossiers"))
        .header("Content-Type", "application/json").header("X-Api-Key", PortalHttp.KEY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
    assertThat(oversize.status()).isEqualTo(413);
    assertThat(oversize.body().get("field").asText()).isEqualTo("body");
    assertThat(dossierInstances()).isEqualTo(before);
  }

  @Test
  void only_known_portal_clients_get_in_and_each_is_rate_limited() throws Exception {
    String id = portalId();
    assertThat(portal.postJson("/api/online-dossiers", PortalHttp.submission(id), null).status()).isEqualTo(401);
    PortalHttp.Answer wrong = portal.postJson("/api/online-dossiers", PortalHttp.submission(id), "guessed-key");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body().get("field").asText()).isEqualTo("X-Api-Key");

    // Fill the client's current and next windows in the shared table, as other nodes would.
    Instant now = Instant.now();
    Instant window = RateCounters.windowStart(now, Duration.ofMinutes(1));
    for (Instant w : List.of(window, window.plus(Duration.ofMinutes(1)))) {
      jdbc.update("insert into onestop.rate_counter (scope, key, window_start, hits) values ('PORTAL', 'test-portal', ?, 10000)"
          + " on conflict (scope, key, window_start) do update set hits = 10000", Timestamp.from(w));
    }
    try {
      PortalHttp.Answer limited = portal.submit(PortalHttp.submission(id));
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
      assertThat(dossiersWithPortalId(id)).isZero();
    } finally {
      jdbc.update("delete from onestop.rate_counter where scope = 'PORTAL' and key = 'test-portal'");
    }
  }

  @Test
  void the_same_portal_id_submitted_twice_at_once_gives_one_dossier() throws Exception {
    String id = portalId();
    Map<String, Object> s = PortalHttp.submission(id);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      Callable<PortalHttp.Answer> call = () -> {
        start.await();
        return new PortalHttp(port, json).submit(s);
      };
      Future<PortalHttp.Answer> one = pool.submit(call);
      Future<PortalHttp.Answer> two = pool.submit(call);
      start.countDown();
      PortalHttp.Answer a = one.get();
      PortalHttp.Answer b = two.get();
      assertThat(List.of(a.status(), b.status())).as(a.raw().body() + " / " + b.raw().body()).containsExactlyInAnyOrder(201, 200);
      assertThat(a.body().get("dossierId").asLong()).isEqualTo(b.body().get("dossierId").asLong());
    } finally {
      pool.shutdownNow();
    }
    assertThat(dossiersWithPortalId(id)).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("dossier")
        .variableValueEquals("portalDossierId", id).count()).isEqualTo(1);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> applicant(Map<String, Object> s) {
    return (Map<String, Object>) s.get("applicant");
  }

  @SuppressWarnings("unchecked")
  static List<Object> documents(Map<String, Object> s) {
    return (List<Object>) s.get("documents");
  }

  void refused(int status, String field, Consumer<Map<String, Object>> change) throws Exception {
    String id = portalId();
    Map<String, Object> s = PortalHttp.submission(id);
    change.accept(s);
    long before = dossierInstances();
    PortalHttp.Answer a = portal.submit(s);
    assertThat(a.status()).as(field + ": " + a.raw().body()).isEqualTo(status);
    assertThat(a.body().get("field").asText()).as(a.raw().body()).isEqualTo(field);
    assertThat(a.body().get("message").asText()).isNotBlank();
    assertThat(dossiersWithPortalId(id)).as("no register row for " + field).isZero();
    assertThat(dossierInstances()).as("no process instance for " + field).isEqualTo(before);
  }

  int dossiersWithPortalId(String id) {
    return jdbc.queryForObject("select count(*) from onestop.dossier where portal_dossier_id = ?", Integer.class, id);
  }

  long dossierInstances() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("dossier").count();
  }
}
