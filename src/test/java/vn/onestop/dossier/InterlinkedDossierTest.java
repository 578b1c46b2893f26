package vn.onestop.dossier;

import vn.onestop.register.DossierRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.security.StaffScope;

/**
 * Interlinked dossiers (một cửa liên thông, Decree 61/2018 Art. 19.5-19.7): the catalogue's legs drive
 * the shell, in sequence (land-use-right transfer: land registration branch → tax → land registration
 * branch), in parallel (birth + permanent residence + health-insurance card) and across levels (first
 * land certificate filed at a commune, handled by the district).
 */
@OneStopSpringTest
class InterlinkedDossierTest extends DossierFlowTestSupport {

  static final String LAND_TRANSFER = "DNO.DD.01";
  static final String LAND_BRANCH = "dakrlap-cn-vpdkdd";
  static final String TAX = "dakrlap-chi-cuc-thue";
  static final String BIRTH_GROUP = "3.000722";
  static final String FIRST_CERTIFICATE = "DNO.DD.02";

  @Autowired JdbcTemplate jdbc;
  @Autowired AuthorizationService authorizationService;
  @Autowired StaffScope staffScope;

  @Test
  void sequentialLegsOnTime() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedAndTransferred(LAND_TRANSFER, DISTRICT_DESK);
    long id = dossierId(dossier);
    assertThat(rowById(id).originalDueAt()).isEqualTo(local("2026-03-16T09:00"));
    List<DossierRows.LegRow> planned = rows.legs(id);
    assertThat(planned).extracting(DossierRows.LegRow::agencyId).containsExactly(LAND_BRANCH, TAX, LAND_BRANCH);
    assertThat(planned).extracting(l -> l.dueAt()).containsExactly(
        local("2026-03-05T09:00"), local("2026-03-10T09:00"), local("2026-03-13T09:00"));
    assertThat(rows.events(id)).filteredOn(e -> e.kind().equals("LEGS_PLANNED")).singleElement()
        .satisfies(e -> assertThat(e.note()).startsWith("Tuần tự").contains("Chi cục Thuế"));

    at("2026-03-03T09:00");
    handleLeg(onlyLeg(dossier), LAND_BRANCH);
    ProcessInstance second = onlyLeg(dossier);
    assertThat(task("Task_AssignSpecialist", second)).hasCandidateGroup(TAX + "-heads");
    at("2026-03-05T09:00");
    handleLeg(second, TAX);
    at("2026-03-09T09:00");
    handleLeg(onlyLeg(dossier), LAND_BRANCH);

    complete(task("Task_ReturnResult", dossier));
    assertThat(dossier).isEnded();
    DossierRow done = rowById(id);
    assertThat(done.late()).isFalse();
    assertThat(done.interlinked()).isTrue();
    assertThat(rows.legs(id)).allSatisfy(l -> assertThat(l.outcome()).isEqualTo("RESULT"));
    assertThat(rows.events(id)).filteredOn(e -> e.kind().equals("LEG_STARTED")).extracting(e -> e.fromAgencyId() + ">" + e.toAgencyId())
        .containsExactly(DISTRICT_DESK + ">" + LAND_BRANCH, LAND_BRANCH + ">" + TAX, TAX + ">" + LAND_BRANCH);
  }

  @Test
  void parallelLegsAllAtOnce() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = submit(BIRTH_GROUP, "nhan-co", "ONLINE");
    long id = dossierId(dossier);
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "ACCEPT"));
    List<ProcessInstance> legs = legs(dossier);
    assertThat(legs).hasSize(3);
    assertThat(rows.legs(id)).extracting(DossierRows.LegRow::agencyId).containsExactly("nhan-co", "nhan-co-cong-an", "dakrlap-bhxh");
    assertThat(rows.legs(id)).extracting(DossierRows.LegRow::dueAt)
        .containsExactly(local("2026-03-02T15:00"), local("2026-03-10T09:00"), local("2026-03-06T09:00"));

    at("2026-03-02T11:00");
    for (String agency : List.of("nhan-co-cong-an", "nhan-co", "dakrlap-bhxh")) {
      handleLeg(legOf(dossier, agency), agency);
    }
    assertThat(dossier).isWaitingAt("Task_ReturnResult");
    assertThat(task("Task_ReturnResult", dossier)).hasCandidateGroup("nhan-co-clerks");
    complete(task("Task_ReturnResult", dossier));
    assertThat(dossier).isEnded();
    assertThat(rowById(id).resultElectronic()).isTrue();
  }

  @Test
  void acrossLevelsTheResultComesBackToTheReceivingCommune() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedAndTransferred(FIRST_CERTIFICATE, "nhan-co");
    long id = dossierId(dossier);
    assertThat(rows.legs(id)).extracting(DossierRows.LegRow::agencyId)
        .containsExactly("nhan-co", LAND_BRANCH, "dakrlap-tnmt", "dakrlap");
    for (String agency : List.of("nhan-co", LAND_BRANCH, "dakrlap-tnmt", "dakrlap")) {
      handleLeg(onlyLeg(dossier), agency);
    }
    assertThat(task("Task_ReturnResult", dossier)).hasCandidateGroup("nhan-co-clerks");
    complete(task("Task_ReturnResult", dossier));
    assertThat(dossier).isEnded();
    assertThat(rowById(id).receivingAgencyId()).isEqualTo("nhan-co");
    assertThat(rowById(id).handlingAgencyId()).isEqualTo(LAND_BRANCH);
  }

  @Test
  void oneLateLegGetsTheApologyAndTheExplanationAndIsNamed() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedAndTransferred(LAND_TRANSFER, DISTRICT_DESK);
    long id = dossierId(dossier);
    at("2026-03-03T09:00");
    handleLeg(onlyLeg(dossier), LAND_BRANCH);

    at("2026-03-13T09:01");
    runTimer(dossier, "Start_ApologyDue");
    Task apology = task("Task_WriteApology", dossier);
    assertThat(apology).hasCandidateGroup(TAX + "-heads");
    complete(apology, withVariables("apologyReason", "Chờ xác định giá đất", "newDueDate", "2026-03-20"));

    at("2026-03-16T09:01");
    runTimer(dossier, "Timer_Overdue");
    assertThat(task("Task_WriteExplanation", dossier)).hasCandidateGroup(TAX + "-heads");
    complete(task("Task_WriteExplanation", dossier), withVariables("explanation", "Chờ hội đồng định giá"));

    DossierRow late = rowById(id);
    assertThat(late.late()).isTrue();
    assertThat(late.lateLeg()).isEqualTo(TAX);
    assertThat(jdbc.queryForObject("select agency_id from onestop.apology where dossier_id = ?", String.class, id)).isEqualTo(TAX);
    assertThat(jdbc.queryForObject("select agency_id from onestop.explanation where dossier_id = ?", String.class, id)).isEqualTo(TAX);
    assertThat(rows.legs(id)).filteredOn(DossierRows.LegRow::late).extracting(DossierRows.LegRow::agencyId).containsExactly(TAX);
  }

  @Test
  void supplementFromTheSecondLegRestartsTheWholeDossierAndKeepsTheFirstResult() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedAndTransferred(LAND_TRANSFER, DISTRICT_DESK);
    long id = dossierId(dossier);
    at("2026-03-03T09:00");
    handleLeg(onlyLeg(dossier), LAND_BRANCH);
    at("2026-03-04T09:00");
    ProcessInstance taxLeg = onlyLeg(dossier);
    complete(task("Task_AssignSpecialist", taxLeg), withVariables("specialist", tester(TAX)));
    complete(task("Task_Appraise", taxLeg), withVariables("proposedOutcome", "SUPPLEMENT", "missingDocuments", "Tờ khai lệ phí trước bạ"));
    complete(task("Task_Approve", taxLeg), withVariables("approved", true));

    assertThat(dossier).isWaitingAt("Task_AwaitSupplementInHandling");
    assertThat(jdbc.queryForObject("select agency_id from onestop.supplement_request where dossier_id = ? and stage = 'HANDLING'",
        String.class, id)).isEqualTo(TAX);
    Instant back = at("2026-03-09T10:00");
    complete(task("Task_AwaitSupplementInHandling", dossier));

    DossierRow restarted = rowById(id);
    assertThat(restarted.clockStartedAt()).isEqualTo(back);
    assertThat(restarted.originalDueAt()).isEqualTo(local("2026-03-23T10:00"));
    ProcessInstance again = onlyLeg(dossier);
    assertThat(task("Task_AssignSpecialist", again)).hasCandidateGroup(TAX + "-heads");
    List<DossierRows.LegRow> legs = rows.legs(id);
    assertThat(legs.get(0).outcome()).as("the first leg keeps its result").isEqualTo("RESULT");
    assertThat(jdbc.queryForList("select rounds from onestop.dossier_leg where dossier_id = ? order by leg_no", Integer.class, id))
        .containsExactly(1, 2, 0);

    handleLeg(again, TAX);
    handleLeg(onlyLeg(dossier), LAND_BRANCH);
    complete(task("Task_ReturnResult", dossier));
    assertThat(dossier).isEnded();
  }

  @Test
  void consultationAnswered() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedAndTransferred(LAND_TRANSFER, DISTRICT_DESK);
    long id = dossierId(dossier);
    ProcessInstance leg = onlyLeg(dossier);
    complete(task("Task_AssignSpecialist", leg), withVariables("specialist", tester(LAND_BRANCH)));
    complete(task("Task_Appraise", leg), withVariables("proposedOutcome", "CONSULT",
        "consultedAgencies", "dakrlap-tnmt, dakrlap-ktht", "consultationQuestion", "Đất có nằm trong quy hoạch không?", "consultationDays", 2));

    List<Task> opinions = taskService.createTaskQuery().processInstanceId(leg.getId()).taskDefinitionKey("Task_GiveOpinion").list();
    assertThat(opinions).hasSize(2);
    assertThat(opinions).allSatisfy(t -> assertThat(t.getDueDate().toInstant()).isEqualTo(local("2026-03-04T09:00")));
    assertThat(taskService.createTaskQuery().processInstanceId(leg.getId()).taskCandidateGroup("dakrlap-tnmt-specialists").count()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().processInstanceId(leg.getId()).taskCandidateGroup("dakrlap-ktht-specialists").count()).isEqualTo(1);
    // The consulted read the dossier and the asking leg (engine and OneStop's API); an agency not asked does not.
    for (String instance : List.of(dossier.getId(), leg.getId())) {
      assertThat(canRead("dakrlap-tnmt-specialists", instance)).isTrue();
      assertThat(canRead("dakrlap-ktht-heads", instance)).isTrue();
      assertThat(canRead("dakrlap-tu-phap-specialists", instance)).isFalse();
    }
    assertThat(staffScopeSees("dakrlap-ktht-specialists", id)).isTrue();
    assertThat(staffScopeSees("dakrlap-tu-phap-specialists", id)).isFalse();
    at("2026-03-03T10:00");
    for (Task opinion : opinions) {
      complete(opinion, withVariables("opinion", "Không vướng quy hoạch"));
    }
    assertThat(leg).isWaitingAt("Task_Appraise");
    assertThat(jdbc.queryForObject("select count(*) from onestop.consultation where dossier_id = ? and answered_at is not null",
        Integer.class, id)).isEqualTo(2);
    complete(task("Task_Appraise", leg), withVariables("proposedOutcome", "RESULT", "resultSummary", "Đủ điều kiện"));
    complete(task("Task_Approve", leg), withVariables("approved", true));
    assertThat(onlyLeg(dossier)).isNotEqualTo(leg);
  }

  /**
   * Issue 15: the specialist picks the agencies to consult by name (form-js taglist fed by the task's
   * consulteeChoices); Tasklist submits them as a JSON list (type Json), which the engine keeps as text and reads
   * back as Json, and the step turns into the comma-separated consultedAgencies the consultation reads.
   */
  @Test
  void consultedAgenciesPickedByNameAsTasklistsJsonList() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedAndTransferred(LAND_TRANSFER, DISTRICT_DESK);
    ProcessInstance leg = onlyLeg(dossier);
    complete(task("Task_AssignSpecialist", leg), withVariables("specialist", tester(LAND_BRANCH)));
    Task appraise = task("Task_Appraise", leg);
    String choices = (String) taskService.getVariableLocal(appraise.getId(), "consulteeChoices");
    assertThat(choices.split(";")).contains("dakrlap-tnmt=Phòng Tài nguyên và Môi trường huyện Đắk R'lấp",
        "dakrlap-ktht=Phòng Kinh tế - Hạ tầng huyện Đắk R'lấp");
    assertThat(choices).as("not the asking agency itself").doesNotContain(LAND_BRANCH + "=").hasSizeLessThanOrEqualTo(4000);

    complete(appraise, withVariables("proposedOutcome", "CONSULT", "consultedAgencyList",
        vn.onestop.process.JsonFormAnswers.value("[\"dakrlap-tnmt\",\"dakrlap-ktht\"]"),
        "consultationQuestion", "Đất có nằm trong quy hoạch không?", "consultationDays", 2));

    assertThat(runtimeService.getVariable(leg.getId(), "consultedAgencies")).isEqualTo("dakrlap-tnmt,dakrlap-ktht");
    assertThat(runtimeService.getVariableTyped(leg.getId(), "consultedAgencyList", false).getType().getName()).isEqualTo("json");
    assertThat(runtimeService.getVariable(leg.getId(), "consultedAgencyList")).isEqualTo("[\"dakrlap-tnmt\",\"dakrlap-ktht\"]");
    assertThat(taskService.createTaskQuery().processInstanceId(leg.getId()).taskDefinitionKey("Task_GiveOpinion").count())
        .isEqualTo(2);
  }

  @Test
  void consultationOverdueTellsTheOneStopHeadAndTheLegGoesOn() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedAndTransferred(LAND_TRANSFER, DISTRICT_DESK);
    long id = dossierId(dossier);
    ProcessInstance leg = onlyLeg(dossier);
    complete(task("Task_AssignSpecialist", leg), withVariables("specialist", tester(LAND_BRANCH)));
    complete(task("Task_Appraise", leg), withVariables("proposedOutcome", "CONSULT",
        "consultedAgencies", "dakrlap-tnmt,dakrlap-ktht", "consultationQuestion", "Ý kiến về quy hoạch", "consultationDays", 1));
    Task first = taskService.createTaskQuery().processInstanceId(leg.getId()).taskCandidateGroup("dakrlap-tnmt-specialists").singleResult();
    complete(first, withVariables("opinion", "Đồng ý"));

    at("2026-03-03T09:01");
    execute(job("Timer_ConsultationOverdue", leg));
    execute(job("Task_NotifyConsultationOverdue", leg));
    assertThat(leg).isWaitingAt("Task_Appraise");
    assertThat(taskService.createTaskQuery().processInstanceId(leg.getId()).taskDefinitionKey("Task_GiveOpinion").count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from onestop.consultation where dossier_id = ? and overdue_notified_at is not null and answered_at is null",
        Integer.class, id)).isEqualTo(1);
    assertThat(rows.events(id)).filteredOn(e -> e.kind().equals("CONSULTATION_OVERDUE")).singleElement()
        .satisfies(e -> assertThat(e.fromAgencyId()).isEqualTo("dakrlap-ktht"));
  }

  // ------------------------------------------------------------------ helpers

  boolean canRead(String group, String processInstanceId) {
    return authorizationService.isUserAuthorized("someone-of-" + group, List.of(group), Permissions.READ,
        Resources.PROCESS_INSTANCE, processInstanceId)
        && authorizationService.isUserAuthorized("someone-of-" + group, List.of(group),
            HistoricProcessInstancePermissions.READ, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId);
  }

  boolean staffScopeSees(String group, long dossierId) {
    identityService.setAuthentication("someone-of-" + group, List.of(group));
    try {
      return staffScope.canSeeDossier(dossierId);
    } finally {
      identityService.clearAuthentication();
    }
  }

  ProcessInstance acceptedAndTransferred(String procedure, String agency) {
    ProcessInstance dossier = submit(procedure, agency, "DESK");
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "ACCEPT"));
    digitiseAndTransfer(dossier);
    return dossier;
  }

  List<ProcessInstance> legs(ProcessInstance dossier) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(dossier.getId()).list();
  }

  ProcessInstance onlyLeg(ProcessInstance dossier) {
    List<ProcessInstance> legs = legs(dossier);
    assertThat(legs).hasSize(1);
    return legs.get(0);
  }

  ProcessInstance legOf(ProcessInstance dossier, String agency) {
    return legs(dossier).stream()
        .filter(l -> agency.equals(runtimeService.getVariable(l.getId(), "handlingAgencyId")))
        .findFirst().orElseThrow(() -> new AssertionError("no running leg of " + agency));
  }

  void handleLeg(ProcessInstance leg, String agency) {
    assertThat(runtimeService.getVariable(leg.getId(), "handlingAgencyId")).isEqualTo(agency);
    complete(task("Task_AssignSpecialist", leg), withVariables("specialist", tester(agency)));
    complete(task("Task_Appraise", leg), withVariables("proposedOutcome", "RESULT", "resultSummary", "Kết quả của " + agency));
    complete(task("Task_Approve", leg), withVariables("approved", true));
  }

  /** A specialist of the agency, created on first use. */
  String tester(String agency) {
    String id = agency + "-tester";
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName("Tester");
      user.setLastName(agency);
      user.setPassword("Test@2026-ok");
      identityService.saveUser(user);
      identityService.createMembership(id, agency + "-specialists");
    }
    return id;
  }

  static Map<String, Object> none() {
    return Map.of();
  }
}
