package vn.onestop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.document.Digitisation;
import vn.onestop.identity.DossierFixtures.Desk;
import vn.onestop.identity.DossierFixtures.Dossier;
import vn.onestop.identity.DossierFixtures.Step;

/**
 * The one access rule (issue 17.4) over both sides, the engine and OneStop's API: the staff of a
 * <em>later</em> leg of an interlinked dossier (the tax sub-department in a land transfer, after the
 * land registration branch) neither read the dossier, its documents and its applicant's data store
 * nor print a slip into it until their leg starts - and then they do. The applicant's data store is
 * never listed by national ID number to staff whose agencies the applicant's dossiers have not reached.
 */
@OneStopSpringTest
class LegAccessTest {

  static final String LAND_TRANSFER = "DNO.DD.01";
  static final String LAND_BRANCH = "dakrlap-cn-vpdkdd";
  static final String TAX = "dakrlap-chi-cuc-thue";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired Digitisation digitisation;
  @Autowired JdbcTemplate jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aLaterLegsStaffReadTheDossierOnlyOnceTheirLegStarts() throws Exception {
    DossierFixtures fixtures = new DossierFixtures(identityService, runtimeService, taskService, digitisation);
    fixtures.ensureStaff();
    String idNumber = String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    Dossier dossier = fixtures.dossier(Desk.D, LAND_TRANSFER, Step.TRANSFERRED, "Liên Thông Thuế",
        Map.of("applicantIdNumber", idNumber));
    long id = ((Number) runtimeService.getVariable(dossier.instanceId(), "dossierId")).longValue();
    String code = (String) runtimeService.getVariable(dossier.instanceId(), "dossierCode");
    assertThat(runtimeService.getVariable(dossier.legId(), "handlingAgencyId")).isEqualTo(LAND_BRANCH);
    Integer documentsBefore = documents(id);
    assertThat(documentsBefore).as("the reception scanned the components").isPositive();

    // The land registration branch's leg has started; the tax leg has not.
    for (String user : List.of("tax-specialist", "tax-head")) {
      assertThat(status(user, "GET", "/api/dossiers/" + code)).as("%s: dossier", user).isEqualTo(404);
      assertThat(status(user, "GET", "/api/documents/dossiers/" + id)).as("%s: documents", user).isEqualTo(404);
      assertThat(status(user, "POST", "/api/documents/dossiers/" + id + "/slips/05")).as("%s: slip 05", user).isEqualTo(404);
      assertThat(status(user, "GET", "/api/documents/applicants/" + idNumber + "/reusable")).as("%s: data store", user)
          .isEqualTo(404);
      assertThat(engineReads(user, dossier.instanceId())).as("%s: engine", user).isFalse();
    }
    assertThat(documents(id)).as("no slip was added by the refused POST").isEqualTo(documentsBefore);
    assertThat(status("land-specialist", "GET", "/api/dossiers/" + code)).isEqualTo(200);
    assertThat(status("land-specialist", "GET", "/api/documents/dossiers/" + id)).isEqualTo(200);
    assertThat(engineReads("land-specialist", dossier.instanceId())).isTrue();

    // The applicant's data store: the receiving desk and the leading agency, not any staff member.
    HttpResponse<String> offered = send("district-clerk", "GET", "/api/documents/applicants/" + idNumber + "/reusable");
    assertThat(offered.statusCode()).isEqualTo(200);
    assertThat(offered.body()).contains("\"dossierId\":" + id);
    assertThat(status("land-specialist", "GET", "/api/documents/applicants/" + idNumber + "/reusable")).isEqualTo(200);
    for (String stranger : List.of("clerk", "clerk2", "designer", "specialist")) {
      assertThat(status(stranger, "GET", "/api/documents/applicants/" + idNumber + "/reusable")).as(stranger).isEqualTo(404);
    }
    assertThat(status("admin", "GET", "/api/documents/applicants/" + idNumber + "/reusable")).isEqualTo(200);

    // The land registration branch hands the dossier on: the tax leg starts, and its staff read it.
    handleLeg(dossier.legId(), LAND_BRANCH);
    ProcessInstance taxLeg = runtimeService.createProcessInstanceQuery().superProcessInstanceId(dossier.instanceId())
        .singleResult();
    assertThat(runtimeService.getVariable(taxLeg.getId(), "handlingAgencyId")).isEqualTo(TAX);
    for (String user : List.of("tax-specialist", "tax-head")) {
      assertThat(status(user, "GET", "/api/dossiers/" + code)).as("%s: dossier", user).isEqualTo(200);
      assertThat(status(user, "GET", "/api/documents/dossiers/" + id)).as("%s: documents", user).isEqualTo(200);
      assertThat(status(user, "GET", "/api/documents/applicants/" + idNumber + "/reusable")).as("%s: data store", user)
          .isEqualTo(200);
      assertThat(engineReads(user, dossier.instanceId())).as("%s: engine", user).isTrue();
      assertThat(engineReads(user, taxLeg.getId())).as("%s: engine, the leg", user).isTrue();
    }
    assertThat(status("tax-head", "POST", "/api/documents/dossiers/" + id + "/slips/05")).isEqualTo(201);
    assertThat(status("clerk", "GET", "/api/dossiers/" + code)).isEqualTo(404);
  }

  private void handleLeg(String legId, String agency) {
    String specialist = agency + "-leg-tester";
    new DossierFixtures(identityService, runtimeService, taskService, digitisation).ensureUser(specialist, agency + "-specialists");
    taskService.complete(task(legId, "Task_AssignSpecialist"), Map.of("specialist", specialist));
    taskService.complete(task(legId, "Task_Appraise"), Map.of("proposedOutcome", "RESULT", "resultSummary", "Kết quả"));
    taskService.complete(task(legId, "Task_Approve"), Map.of("approved", true));
  }

  private String task(String instanceId, String key) {
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key).singleResult().getId();
  }

  private Integer documents(long dossierId) {
    return jdbc.queryForObject("select count(*) from onestop.document where dossier_id = ?", Integer.class, dossierId);
  }

  private boolean engineReads(String user, String instanceId) {
    List<String> groups = new DossierFixtures(identityService, runtimeService, taskService, digitisation).groupsOf(user);
    identityService.setAuthentication(user, groups);
    try {
      return runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() == 1
          && historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count() == 1;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private int status(String user, String method, String path) throws Exception {
    return send(user, method, path).statusCode();
  }

  private HttpResponse<String> send(String user, String method, String path) throws Exception {
    String auth = Base64.getEncoder().encodeToString((user + ":" + DossierFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + auth);
    request = "POST".equals(method) ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
