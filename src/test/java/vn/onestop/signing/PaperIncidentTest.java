package vn.onestop.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/**
 * A paper whose signing keeps failing (the head's key is on a PKCS#11 token this node cannot reach) is
 * retried, then becomes an incident on the dossier's process instance — what a supervisor sees in
 * Cockpit — with a Vietnamese message naming the paper, the dossier and what to do; when a retry signs
 * the paper the incident is resolved. The dossier's process is a one-task stand-in deployed by the test.
 */
@OneStopSpringTest
class PaperIncidentTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired PaperQueue queue;
  @Autowired SigningKeys keys;
  @Autowired SigningProperties properties;

  SigningFixture fixture;
  Deployment deployment;

  @BeforeEach
  void setUp() {
    fixture = new SigningFixture(jdbc, identity);
    deployment = repository.createDeployment().name("paper-incident-test")
        .addModelInstance("paper-incident-test.bpmn", Bpmn.createExecutableProcess("paperIncidentTest")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait").endEvent().done())
        .deploy();
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    fixture.cleanUp();
    repository.deleteDeployment(deployment.getId(), true);
  }

  @Test
  void a_paper_that_keeps_failing_becomes_an_incident_resolved_when_a_retry_signs_it() {
    long dossierId = fixture.dossier();
    String processInstanceId = runtime.startProcessInstanceByKey("paperIncidentTest", fixture.code(dossierId)).getId();
    jdbc.update("UPDATE onestop.dossier SET process_instance_id = ? WHERE id = ?", processInstanceId, dossierId);
    String head = fixture.user("Lê Quốc", "Hùng");
    Instant now = Instant.now();
    SigningKey onToken = keys.registerDemo("scratch-" + UUID.randomUUID(), null, now.minusSeconds(60), now.plus(Duration.ofDays(10)));
    keys.register(SigningFixture.RECEIVING, head, "PKCS11", "head-token", onToken.certificate(), onToken.chain());
    identity.setAuthentication(head, List.of());
    long job = queue.enqueue(dossierId, Paper.RECEIPT, Map.of(), "TEST");
    identity.clearAuthentication();

    Instant later = Instant.now();
    for (int i = 1; i < properties.getQueue().getMaxAttempts() - 1; i++) {
      later = later.plus(properties.getQueue().getBackoff().multipliedBy(1L << i));
      queue.runDue(later);
    }
    assertThat(incidents(processInstanceId)).as("no incident while retries remain").isEmpty();
    queue.runDue(later.plus(properties.getQueue().getBackoff().multipliedBy(1L << 10)));
    assertThat(jdbc.queryForObject("SELECT status FROM onestop.paper_job WHERE id = ?", String.class, job)).isEqualTo("FAILED");

    List<Incident> open = incidents(processInstanceId);
    assertThat(open).hasSize(1);
    Incident incident = open.get(0);
    assertThat(incident.getIncidentType()).isEqualTo(PaperIncidents.TYPE);
    assertThat(incident.getConfiguration()).isEqualTo("paper_job:" + job);
    assertThat(incident.getIncidentMessage()).contains("Giấy tiếp nhận hồ sơ", fixture.code(dossierId), "khóa ký số",
        "sau " + properties.getQueue().getMaxAttempts() + " lần thử").doesNotContain("PKCS", "Exception");
    assertThat(jdbc.queryForObject("SELECT incident_id FROM onestop.paper_job WHERE id = ?", String.class, job))
        .isEqualTo(incident.getId());

    // the key is moved to a keystore this node has; the supervisor's retry signs the paper and closes the incident
    keys.registerDemo(SigningFixture.RECEIVING, head, now.minusSeconds(60), now.plus(Duration.ofDays(10)));
    assertThat(queue.retry(job)).isTrue();
    assertThat(jdbc.queryForObject("SELECT status FROM onestop.paper_job WHERE id = ?", String.class, job)).isEqualTo("DONE");
    assertThat(incidents(processInstanceId)).isEmpty();
    jdbc.update("DELETE FROM onestop.signing_key WHERE agency_id LIKE 'scratch-%'");
  }

  @Test
  void a_dossier_without_a_running_process_keeps_the_failed_paper_on_the_list_only() {
    long dossierId = fixture.dossier();
    RuntimeException cause = new SigningUnavailableException("token");
    assertThat(new PaperIncidents(runtime, jdbc).open(1L, dossierId, Paper.RECEIPT, 5, cause)).isNull();
    assertThat(PaperIncidents.message(Paper.RESULT, "H17.30-251001-0001", 5,
        new SigningRefusedException("Chứng thư số của người ký đã hết hạn"))).contains("đã hết hạn", "H17.30-251001-0001");
  }

  private List<Incident> incidents(String processInstanceId) {
    return runtime.createIncidentQuery().processInstanceId(processInstanceId).list();
  }
}
