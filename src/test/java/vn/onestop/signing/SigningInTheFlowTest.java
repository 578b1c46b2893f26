package vn.onestop.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.process.WithoutAuthorization;

/**
 * In the dossier flow: a clerk whose certificate has expired cannot accept a dossier — the step is
 * refused in Vietnamese and nothing is issued (no code, no receipt, no job); with a valid key the same
 * step commits and the receipt exists, signed by that clerk, when the call returns (produced after the
 * commit, outside the step's transaction).
 */
@vn.onestop.OneStopSpringTest
class SigningInTheFlowTest {

  static final String DESK = "dakrlap-mot-cua";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired SigningKeys keys;

  SigningFixture fixture;
  String clerk;

  @BeforeEach
  void setUp() {
    fixture = new SigningFixture(jdbc, identity);
    clerk = fixture.user("Đỗ Thị", "Thanh");
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    fixture.cleanUp();
  }

  @Test
  void an_expired_certificate_stops_the_acceptance_and_a_valid_one_signs_the_receipt_after_commit() {
    ProcessInstance dossier = runtime.startProcessInstanceByKey("dossier", Map.of("procedureCode", "1.001612",
        "receivingAgencyId", DESK, "channel", "DESK", "applicantName", "Nguyễn Văn Ánh", "applicantIdNumber", "066090001234"));
    long dossierId = ((Number) runtime.getVariable(dossier.getId(), "dossierId")).longValue();
    Task check = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey("Task_CheckDossier").singleResult();
    Instant now = Instant.now();
    keys.registerDemo(DESK, clerk, now.minus(Duration.ofDays(365)), now.minus(Duration.ofHours(1)));

    identity.setAuthentication(clerk, List.of(DESK + "-clerks"));
    assertThatThrownBy(() -> tasks.complete(check.getId(), Map.of("receptionDecision", "ACCEPT")))
        .hasMessageContaining("Chứng thư số của Đỗ Thị Thanh").hasMessageContaining("đã hết hạn");
    identity.clearAuthentication();
    assertThat(jdbc.queryForObject("SELECT status FROM onestop.dossier WHERE id = ?", String.class, dossierId)).isEqualTo("REGISTERED");
    assertThat(jdbc.queryForObject("SELECT code FROM onestop.dossier WHERE id = ?", String.class, dossierId)).isNull();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM onestop.paper_job WHERE dossier_id = ?", Integer.class, dossierId)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM onestop.document WHERE dossier_id = ? AND kind = 'SLIP'", Integer.class,
        dossierId)).isZero();
    assertThat(tasks.createTaskQuery().taskId(check.getId()).count()).isEqualTo(1);

    keys.registerDemo(DESK, clerk, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(365)));
    identity.setAuthentication(clerk, List.of(DESK + "-clerks"));
    tasks.complete(check.getId(), Map.of("receptionDecision", "ACCEPT"));
    identity.clearAuthentication();
    Map<String, Object> job = jdbc.queryForMap("SELECT status, signer, action, document_id FROM onestop.paper_job WHERE dossier_id = ?"
        + " AND paper = 'RECEIPT'", dossierId);
    assertThat(job).containsEntry("status", "DONE").containsEntry("signer", clerk).containsEntry("action", "RECEIVED");
    String signers = jdbc.queryForObject("SELECT signers FROM onestop.signed_paper WHERE document_id = ?", String.class,
        job.get("document_id"));
    assertThat(signers).contains("Đỗ Thị Thanh").contains("Người tiếp nhận hồ sơ");
    WithoutAuthorization.run(() -> runtime.deleteProcessInstance(dossier.getId(), "test"));
  }
}
