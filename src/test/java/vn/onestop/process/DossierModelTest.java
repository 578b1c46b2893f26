package vn.onestop.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.onestop.dossier.DossierRegister;
import vn.onestop.dossier.FormChoices;
import vn.onestop.dossier.HandlingLegs;

/**
 * {@code dossier.bpmn} and {@code agency-handling.bpmn} alone: a plain in-memory engine (H2), the
 * beans the models call replaced by Mockito mocks, the variables the beans would set given up front.
 * A designer who edits a model learns here, in seconds and without the application, which path
 * broke; the behaviour of the beans is tested with the application (DossierFlowTest and others).
 * Process-test coverage is written to {@code target/process-test-coverage/}.
 */
@Deployment(resources = {"bpmn/dossier.bpmn", "bpmn/agency-handling.bpmn"})
class DossierModelTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(configuration()).build();

  private static ProcessEngineConfiguration configuration() {
    ProcessCoverageInMemProcessEngineConfiguration configuration = new ProcessCoverageInMemProcessEngineConfiguration();
    // Not "default": the application's engine in the same test JVM is registered under that name.
    configuration.setProcessEngineName("dossier-model-test");
    configuration.setJdbcUrl("jdbc:h2:mem:dossier-model-test;DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setExpressionManager(new MockExpressionManager());
    return configuration;
  }

  DossierRegister register = mock(DossierRegister.class);
  HandlingLegs legs = mock(HandlingLegs.class);
  FormChoices choices = mock(FormChoices.class);

  @BeforeEach
  void mocks() {
    Mocks.register("dossierRegister", register);
    Mocks.register("legs", legs);
    Mocks.register("formChoices", choices);
    // What the register sets when a leg starts: the handling agency and the steps' deadlines.
    doAnswer(call -> {
      DelegateExecution execution = call.getArgument(0);
      execution.setVariable("handlingAgencyId", "office");
      for (String date : new String[] {"assignDueAt", "appraiseDueAt", "approveDueAt", "legDueAt"}) {
        execution.setVariable(date, Date.from(Instant.now().plus(10, ChronoUnit.DAYS)));
      }
      return null;
    }).when(register).legStarted(any(DelegateExecution.class));
    when(legs.consultedGroups(any(), any())).thenReturn("tax-specialists,tax-heads");
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  /** What the register would have set by the time the clerk checks the dossier; all deadlines far away. */
  static Map<String, Object> received(String channel, boolean onTheSpot) {
    Date later = Date.from(Instant.now().plus(30, ChronoUnit.DAYS));
    Map<String, Object> v = new HashMap<>();
    v.put("procedureCode", "1.001612");
    v.put("receivingAgencyId", "desk");
    v.put("handlingAgencyId", "office");
    v.put("responsibleAgencyId", "office");
    v.put("channel", channel);
    v.put("onTheSpot", onTheSpot);
    v.put("late", false);
    v.put("apologyIssued", false);
    v.put("explanationOwed", false);
    v.put("pendingLegs", "1");
    v.put("legCount", 1);
    v.put("legArrangement", "SEQUENTIAL");
    for (String date : new String[] {"checkDueAt", "transferDueAt", "dueAt", "lateAt", "apologyAt", "supplementWaitUntil",
        "uncollectedReminderAt", "explanationDueAt", "assignDueAt", "appraiseDueAt", "approveDueAt", "legDueAt"}) {
      v.put(date, later);
    }
    return v;
  }

  ProcessInstance start(String channel, boolean onTheSpot) {
    ProcessInstance dossier = runtimeService().startProcessInstanceByKey("dossier", received(channel, onTheSpot));
    assertThat(dossier).isWaitingAt("Task_CheckDossier");
    verify(register).register(any(DelegateExecution.class));
    return dossier;
  }

  /** One leg of agency-handling: assign, appraise with a proposal, approve. */
  void handleLeg(ProcessInstance dossier, Map<String, Object> proposal) {
    ProcessInstance leg = calledProcessInstance("agency-handling", dossier);
    assertThat(leg).isWaitingAt("Task_AssignSpecialist");
    complete(task(leg), withVariables("specialist", "specialist"));
    complete(task("Task_Appraise", leg), proposal);
    complete(task("Task_Approve", leg), withVariables("approved", true));
    assertThat(leg).isEnded().hasPassed("Task_FinishLeg");
  }

  @Test
  void deskDossierAcceptedHandledAndReturned() {
    ProcessInstance dossier = start("DESK", false);
    complete(task(dossier), withVariables("receptionDecision", "ACCEPT"));
    assertThat(dossier).hasPassed("Task_AcceptDossier").isWaitingAt("Task_DigitiseDossier");
    complete(task(dossier));
    complete(task("Task_TransferDossier", dossier));
    runtimeService().setVariable(dossier.getId(), "handlingOutcome", "RESULT"); // what legs.combine would set
    handleLeg(dossier, withVariables("proposedOutcome", "RESULT"));
    assertThat(dossier).isWaitingAt("Task_ReturnResult");
    complete(task("Task_ReturnResult", dossier));
    assertThat(dossier).isEnded().hasPassed("Task_RecordResult", "End_Returned", "End_NoApologyOwed", "End_NoExplanationOwed");
    verify(register).accept(any(DelegateExecution.class));
    verify(register).legStarted(any(DelegateExecution.class));
    verify(register).returned(any(DelegateTask.class));
    verify(legs).plan(any(DelegateExecution.class));
    verify(legs).combine(any(DelegateExecution.class));
  }

  @Test
  void onlineDossierIsTransferredElectronically() {
    ProcessInstance dossier = start("ONLINE", false);
    complete(task(dossier), withVariables("receptionDecision", "ACCEPT"));
    assertThat(dossier).hasPassed("Task_TransferElectronically").hasNotPassed("Task_DigitiseDossier");
    assertThat(calledProcessInstance("agency-handling", dossier)).isWaitingAt("Task_AssignSpecialist");
  }

  @Test
  void onTheSpotEndsAtTheDesk() {
    ProcessInstance dossier = start("DESK", true);
    complete(task(dossier), withVariables("receptionDecision", "ACCEPT"));
    assertThat(dossier).isWaitingAt("Task_ResolveOnTheSpot");
    complete(task(dossier), withVariables("handlingOutcome", "RESULT"));
    assertThat(dossier).isEnded().hasPassed("End_ResolvedOnTheSpot");
  }

  @Test
  void refusedAtTheDesk() {
    ProcessInstance dossier = start("DESK", false);
    complete(task(dossier), withVariables("receptionDecision", "REFUSE", "refusalReason", "Không thuộc thẩm quyền"));
    assertThat(dossier).isEnded().hasPassed("Task_RefuseAtReception", "End_RefusedAtReception");
  }

  @Test
  void supplementAtTheDeskThenCheckedAgain() {
    ProcessInstance dossier = start("DESK", false);
    complete(task(dossier), withVariables("receptionDecision", "SUPPLEMENT", "missingDocuments", "Tờ khai"));
    assertThat(dossier).isWaitingAt("Task_AwaitSupplementAtReception");
    complete(task(dossier));
    assertThat(dossier).isWaitingAt("Task_CheckDossier");
    verify(register).requestSupplementAtReception(any(DelegateExecution.class));
    verify(register).supplementReceived(any(DelegateTask.class));
  }

  @Test
  void supplementNeverCameAtTheDesk() {
    ProcessInstance dossier = start("DESK", false);
    complete(task(dossier), withVariables("receptionDecision", "SUPPLEMENT", "missingDocuments", "Tờ khai"));
    execute(job("Timer_SupplementNeverCame", dossier));
    assertThat(dossier).isEnded().hasPassed("Task_MarkNotAccepted", "End_NotAccepted");
  }

  @Test
  void supplementDuringHandlingRestartsTheClockAndRunsTheLegAgain() {
    ProcessInstance dossier = start("ONLINE", false);
    complete(task(dossier), withVariables("receptionDecision", "ACCEPT"));
    runtimeService().setVariable(dossier.getId(), "handlingOutcome", "SUPPLEMENT"); // what legs.combine would set
    handleLeg(dossier, withVariables("proposedOutcome", "SUPPLEMENT", "missingDocuments", "Bản vẽ"));
    assertThat(dossier).isWaitingAt("Task_AwaitSupplementInHandling");
    complete(task("Task_AwaitSupplementInHandling", dossier));
    assertThat(dossier).hasPassed("Task_RestartClock");
    assertThat(calledProcessInstance("agency-handling", dossier)).isWaitingAt("Task_AssignSpecialist");
    verify(register).restartClock(any(DelegateExecution.class));
  }

  @Test
  void consultationGoesBackToTheAppraisal() {
    doAnswer(call -> {
      DelegateExecution execution = call.getArgument(0);
      execution.setVariable("consultationAgencies", "tax");
      execution.setVariable("consultationCount", 1);
      execution.setVariable("consultationDueAt", Date.from(Instant.now().plus(2, ChronoUnit.DAYS)));
      return null;
    }).when(legs).requestConsultation(any(DelegateExecution.class));
    ProcessInstance dossier = start("ONLINE", false);
    complete(task(dossier), withVariables("receptionDecision", "ACCEPT"));
    ProcessInstance leg = calledProcessInstance("agency-handling", dossier);
    complete(task(leg), withVariables("specialist", "specialist"));
    complete(task("Task_Appraise", leg), withVariables("proposedOutcome", "CONSULT"));
    assertThat(leg).isWaitingAt("Task_GiveOpinion");
    complete(task("Task_GiveOpinion", leg), withVariables("opinion", "Đồng ý"));
    assertThat(leg).isWaitingAt("Task_Appraise");
    verify(legs).opinionGiven(any(DelegateTask.class));
  }

  @Test
  void sentBackByTheHeadIsAppraisedAgain() {
    ProcessInstance dossier = start("ONLINE", false);
    complete(task(dossier), withVariables("receptionDecision", "ACCEPT"));
    ProcessInstance leg = calledProcessInstance("agency-handling", dossier);
    complete(task(leg), withVariables("specialist", "specialist"));
    complete(task("Task_Appraise", leg), withVariables("proposedOutcome", "RESULT"));
    complete(task("Task_Approve", leg), withVariables("approved", false));
    assertThat(leg).isWaitingAt("Task_Appraise");
    verify(register, times(1)).appraised(any(DelegateTask.class));
  }

  @Test
  void theAppointmentPassesDuringHandling() {
    ProcessInstance dossier = start("ONLINE", false);
    complete(task(dossier), withVariables("receptionDecision", "ACCEPT"));
    execute(job("Timer_Overdue", dossier));
    assertThat(dossier).hasPassed("Task_MarkLate").isWaitingAt("Task_WriteExplanation", "SubProcess_Handling");
    verify(register).markLate(any(DelegateExecution.class));
  }
}
