package vn.onestop.dossier;

import vn.onestop.register.DossierRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/**
 * Every path of {@code dossier.bpmn} and {@code agency-handling.bpmn}, with the engine's clock moved
 * through real working days: household business registration (3 working days) received by the
 * district one-stop department on Monday 2 March 2026 at 09:00, appointment Thursday 5 March 09:00.
 */
@OneStopSpringTest
class DossierFlowTest extends DossierFlowTestSupport {

  static final Instant APPOINTMENT = local("2026-03-05T09:00");

  @Autowired JdbcTemplate jdbc;
  @Autowired vn.onestop.document.ApplicantDataStore dataStore;

  @Test
  void acceptedAndReturnedOnTime() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("DESK");
    long id = dossierId(dossier);

    DossierRow accepted = rowById(id);
    assertThat(accepted.code()).matches("\\d{3}\\.\\d{2}\\.\\d{2}\\.H\\d{2}-260302-\\d{4}");
    assertThat(dossier.getProcessInstanceId()).isNotNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(accepted.code()).count()).isEqualTo(1);
    assertThat(accepted.status()).isEqualTo("ACCEPTED");
    assertThat(accepted.originalDueAt()).isEqualTo(APPOINTMENT);
    assertThat(accepted.dueAt()).isEqualTo(APPOINTMENT);
    Task digitise = task("Task_DigitiseDossier", dossier);
    assertThat(digitise.getDueDate().toInstant()).isEqualTo(local("2026-03-02T17:00"));
    assertThat(taskService.getIdentityLinksForTask(digitise.getId())).anyMatch(l -> (DISTRICT_DESK + "-clerks").equals(l.getGroupId()));

    assertThatThrownBy(() -> complete(task("Task_DigitiseDossier", dossier), withVariables("scannedAll", true)))
        .as("the digitisation step blocks while a required component has no file").hasMessageContaining("chưa có tệp của thành phần bắt buộc");
    assertThat(dossier).isWaitingAt("Task_DigitiseDossier");
    digitiseAndTransfer(dossier);
    assertThat(rowById(id).digitised()).isTrue();
    assertThat(jdbc.queryForList("select component_id from onestop.document where dossier_id = ? and kind = 'SLIP'", String.class, id))
        .as("receipt slip (form 01) stored at acceptance").contains("slip-01");
    ProcessInstance leg = agency(dossier);
    assertThat(leg).isWaitingAt("Task_AssignSpecialist");
    assertThat(task("Task_AssignSpecialist", leg)).hasCandidateGroup(FINANCE_OFFICE + "-heads");
    assertThat(leg.getBusinessKey()).isEqualTo(accepted.code());

    at("2026-03-03T10:00");
    assignAndPropose(dossier, withVariables("proposedOutcome", "RESULT", "resultSummary", "Cấp giấy chứng nhận"));
    assertThat(task("Task_Approve", leg)).hasCandidateGroup(FINANCE_OFFICE + "-heads");
    at("2026-03-05T08:00");
    approve(dossier);

    assertThat(dossier).isWaitingAt("Task_ReturnResult");
    assertThat(task("Task_ReturnResult", dossier).getDueDate().toInstant()).isEqualTo(APPOINTMENT);
    complete(task("Task_ReturnResult", dossier), withVariables("returnChannel", "DESK", "rating", "SATISFIED"));

    assertThat(dossier).isEnded().hasPassed("End_Returned", "End_NoApologyOwed", "End_NoExplanationOwed");
    DossierRow returned = rowById(id);
    assertThat(returned.status()).isEqualTo("RETURNED");
    assertThat(returned.outcome()).isEqualTo("RESULT");
    assertThat(returned.late()).isFalse();
    assertThat(returned.rating()).isEqualTo("SATISFIED");
    assertThat(returned.finishedAt()).isEqualTo(local("2026-03-05T08:00"));
    assertThat(eventKinds(id)).containsSubsequence("SUBMITTED", "RECEIVED", "DIGITISED", "TRANSFERRED", "LEG_STARTED",
        "ASSIGNED", "APPRAISED", "APPROVED", "LEG_FINISHED", "RESULT_READY", "RETURNED");
    assertThat(rows.events(id)).filteredOn(e -> e.kind().equals("RESULT_READY")).singleElement()
        .satisfies(e -> assertThat(e.timeliness()).isEqualTo("ON_TIME"));
    assertThat(returned.resultElectronic()).isTrue();
    assertThat(jdbc.queryForList("select component_id from onestop.document where dossier_id = ? and kind in ('SLIP', 'RESULT')", String.class, id))
        .contains("slip-01", "slip-05");
  }

  @Test
  void returnedEarly() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("DESK");
    long id = dossierId(dossier);
    digitiseAndTransfer(dossier);
    at("2026-03-03T10:00");
    handleWithResult(dossier);
    assertThat(rows.events(id)).filteredOn(e -> e.kind().equals("RESULT_READY")).singleElement()
        .satisfies(e -> assertThat(e.timeliness()).isEqualTo("EARLY"));
    complete(task("Task_ReturnResult", dossier));
    assertThat(dossier).isEnded();
    assertThat(rowById(id).late()).isFalse();
    assertThat(rowById(id).rating()).isNull();
  }

  @Test
  void onlineDossierSkipsDigitisationAndPaperTransfer() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("ONLINE");
    assertThat(dossier).hasPassed("Task_TransferElectronically").hasNotPassed("Task_DigitiseDossier");
    assertThat(agency(dossier)).isWaitingAt("Task_AssignSpecialist");
    DossierRow row = row(dossier);
    assertThat(row.channel()).isEqualTo("ONLINE");
    assertThat(row.digitised()).isTrue();
    assertThat(row.status()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void supplementAtReceptionThenAccepted() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = submit(HOUSEHOLD_BUSINESS, DISTRICT_DESK, "DESK");
    long id = dossierId(dossier);
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "SUPPLEMENT",
        "missingDocuments", "Bản sao giấy tờ pháp lý của chủ hộ kinh doanh"));
    assertThat(dossier).isWaitingAt("Task_AwaitSupplementAtReception");
    assertThat(rowById(id).status()).isEqualTo("SUPPLEMENT_REQUESTED");
    assertThat(rowById(id).code()).as("no code before acceptance").isNull();
    assertThat(rowById(id).receivedAt()).as("no clock runs").isNull();

    at("2026-03-04T14:00");
    complete(task("Task_AwaitSupplementAtReception", dossier), withVariables("supplementComplete", true));
    assertThat(dossier).isWaitingAt("Task_CheckDossier");
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "ACCEPT"));

    DossierRow accepted = rowById(id);
    assertThat(accepted.code()).contains("-260304-");
    assertThat(accepted.originalDueAt()).as("3 working days from the complete dossier").isEqualTo(local("2026-03-09T14:00"));
    assertThat(jdbc.queryForObject("select count(*) from onestop.supplement_request where dossier_id = ? and stage = 'RECEPTION' and completed_at is not null",
        Integer.class, id)).isEqualTo(1);
  }

  @Test
  void incompleteDossierNeverCompletedIsNotAccepted() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = submit(HOUSEHOLD_BUSINESS, DISTRICT_DESK, "DESK");
    long id = dossierId(dossier);
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "SUPPLEMENT", "missingDocuments", "Tờ khai"));
    at("2026-04-30T09:00");
    runTimer(dossier, "Timer_SupplementNeverCame");
    assertThat(dossier).isEnded().hasPassed("End_NotAccepted");
    assertThat(rowById(id).status()).isEqualTo("NOT_ACCEPTED");
  }

  @Test
  void refusedAtReception() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = submit(HOUSEHOLD_BUSINESS, DISTRICT_DESK, "DESK");
    long id = dossierId(dossier);
    assertThatThrownBy(() -> complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "REFUSE")))
        .hasMessageContaining("Lý do từ chối");
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "REFUSE",
        "refusalReason", "Ngành nghề kinh doanh bị cấm"));
    assertThat(dossier).isEnded().hasPassed("End_RefusedAtReception");
    DossierRow refused = rowById(id);
    assertThat(refused.status()).isEqualTo("REFUSED");
    assertThat(refused.outcome()).isEqualTo("NOT_ACCEPTED");
    assertThat(refused.refusalReason()).isEqualTo("Ngành nghề kinh doanh bị cấm");
    assertThat(refused.code()).isNull();
  }

  @Test
  void refusedAfterAppraisal() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("DESK");
    long id = dossierId(dossier);
    digitiseAndTransfer(dossier);
    at("2026-03-03T09:00");
    assignAndPropose(dossier, withVariables("proposedOutcome", "REFUSED", "refusalReason", "Tên hộ kinh doanh trùng"));
    approve(dossier);
    assertThat(dossier).hasPassed("Task_RecordRefusal").isWaitingAt("Task_ReturnResult");
    complete(task("Task_ReturnResult", dossier));
    assertThat(dossier).isEnded();
    DossierRow refused = rowById(id);
    assertThat(refused.outcome()).isEqualTo("REFUSED");
    assertThat(refused.status()).isEqualTo("RETURNED");
    assertThat(refused.refusalReason()).isEqualTo("Tên hộ kinh doanh trùng");
  }

  @Test
  void headSendsTheProposalBack() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("ONLINE");
    assignAndPropose(dossier, withVariables("proposedOutcome", "RESULT", "resultSummary", "Cấp"));
    complete(task("Task_Approve", agency(dossier)), withVariables("approved", false, "approvalRemarks", "Kiểm tra lại địa điểm"));
    assertThat(agency(dossier)).isWaitingAt("Task_Appraise");
    assertThat(task("Task_Appraise", agency(dossier))).isAssignedTo(SPECIALIST);
  }

  @Test
  void supplementDuringHandlingRestartsTheClock() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("DESK");
    long id = dossierId(dossier);
    digitiseAndTransfer(dossier);
    at("2026-03-03T09:00");
    assignAndPropose(dossier, withVariables("proposedOutcome", "SUPPLEMENT", "missingDocuments", "Hợp đồng thuê địa điểm"));
    approve(dossier);
    assertThat(dossier).isWaitingAt("Task_AwaitSupplementInHandling");
    assertThat(rowById(id).status()).isEqualTo("SUPPLEMENT_REQUESTED");

    Instant back = at("2026-03-06T10:00");
    complete(task("Task_AwaitSupplementInHandling", dossier), withVariables("supplementComplete", true));

    Instant restartedAppointment = local("2026-03-11T10:00");
    DossierRow restarted = rowById(id);
    assertThat(restarted.clockStartedAt()).isEqualTo(back);
    assertThat(restarted.originalDueAt()).isEqualTo(restartedAppointment);
    assertThat(restarted.dueAt()).isEqualTo(restartedAppointment);
    assertThat(restarted.supplementCount()).isEqualTo(1);
    assertThat(agency(dossier)).isWaitingAt("Task_AssignSpecialist");
    // No stale timer: the lateness and apology timers follow the new appointment.
    assertThat(timers(dossier)).extracting(j -> j.getDuedate().toInstant())
        .containsExactlyInAnyOrder(restartedAppointment, local("2026-03-10T10:00"));

    at("2026-03-10T09:00");
    handleWithResult(dossier);
    complete(task("Task_ReturnResult", dossier));
    assertThat(dossier).isEnded();
    assertThat(rowById(id).late()).isFalse();
    assertThat(eventKinds(id)).contains("CLOCK_RESTARTED");
  }

  @Test
  void supplementDuringHandlingNeverBroughtStopsTheDossier() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("ONLINE");
    long id = dossierId(dossier);
    assignAndPropose(dossier, withVariables("proposedOutcome", "SUPPLEMENT", "missingDocuments", "Bản vẽ"));
    approve(dossier);
    at("2026-05-04T09:00");
    runTimer(dossier, "Timer_SupplementAbandoned");
    assertThat(dossier).isEnded().hasPassed("End_Stopped");
    assertThat(rowById(id).status()).isEqualTo("STOPPED");
  }

  @Test
  void withdrawnDuringHandling() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("ONLINE");
    long id = dossierId(dossier);
    ProcessInstance leg = agency(dossier);
    runtimeService.createMessageCorrelation("DossierWithdrawn").processInstanceId(dossier.getId())
        .setVariable("withdrawalReason", "Không còn nhu cầu").correlate();
    assertThat(dossier).isEnded().hasPassed("End_Withdrawn");
    assertThat(leg).isEnded();
    assertThat(rowById(id).status()).isEqualTo("WITHDRAWN");
  }

  @Test
  void lateWithApologyAndExplanation() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("DESK");
    long id = dossierId(dossier);
    digitiseAndTransfer(dossier);
    assertThat(job("Start_ApologyDue", dossier).getDuedate().toInstant()).isEqualTo(local("2026-03-04T09:00"));
    assertThat(job("Timer_Overdue", dossier).getDuedate().toInstant()).isEqualTo(APPOINTMENT);

    at("2026-03-04T09:01");
    runTimer(dossier, "Start_ApologyDue");
    Task apology = task("Task_WriteApology", dossier);
    assertThat(apology).hasCandidateGroup(FINANCE_OFFICE + "-heads");

    at("2026-03-05T09:01");
    runTimer(dossier, "Timer_Overdue");
    assertThat(dossier).hasPassed("Task_MarkLate").isWaitingAt("Task_WriteExplanation", "Task_WriteApology");
    assertThat(rowById(id).late()).isTrue();
    assertThat(rowById(id).lateLeg()).isEqualTo(FINANCE_OFFICE);
    assertThat(rows.events(id)).filteredOn(e -> e.kind().equals("LATE")).singleElement().satisfies(e -> {
      assertThat(e.fromAgencyId()).isEqualTo(FINANCE_OFFICE);
      assertThat(e.at()).isEqualTo(local("2026-03-05T09:01"));
      assertThat(e.dueAt()).isEqualTo(APPOINTMENT);
      assertThat(e.timeliness()).isEqualTo("LATE");
    });
    assertThat(task("Task_WriteExplanation", dossier)).hasCandidateGroup(FINANCE_OFFICE + "-heads");

    complete(apology, withVariables("apologyReason", "Cần xác minh địa điểm kinh doanh", "newDueDate", "2026-03-10"));
    complete(task("Task_WriteExplanation", dossier), withVariables("explanation", "Chuyên viên nghỉ ốm"));
    at("2026-03-09T10:00");
    handleWithResult(dossier);
    complete(task("Task_ReturnResult", dossier));
    assertThat(dossier).isEnded();

    DossierRow late = rowById(id);
    assertThat(late.late()).isTrue();
    assertThat(late.apologyAt()).isNotNull();
    assertThat(late.explanationAt()).isNotNull();
    assertThat(late.dueAt()).isEqualTo(local("2026-03-10T17:00"));
    assertThat(late.originalDueAt()).isEqualTo(APPOINTMENT);
  }

  @Test
  void apologyWithNewDateThatIsThenMet() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("DESK");
    long id = dossierId(dossier);
    digitiseAndTransfer(dossier);
    at("2026-03-03T09:00");
    complete(task("Task_AssignSpecialist", agency(dossier)), withVariables("specialist", SPECIALIST));

    at("2026-03-04T09:30");
    runTimer(dossier, "Start_ApologyDue");
    java.util.Date lateness = job("Timer_Overdue", dossier).getDuedate();
    assertThatThrownBy(() -> complete(task("Task_WriteApology", dossier),
        withVariables("apologyReason", "Chờ xác minh", "newDueDate", "2026-03-07")))
        .as("a Saturday is no appointment").hasMessageContaining("không phải ngày làm việc");
    complete(task("Task_WriteApology", dossier), withVariables("apologyReason", "Chờ xác minh", "newDueDate", "2026-03-09"));
    Instant newAppointment = local("2026-03-09T17:00");
    assertThat(task("Task_Appraise", agency(dossier)).getDueDate().toInstant())
        .as("the open handling task follows the new appointment").isEqualTo(newAppointment);
    assertThat(job("Timer_Overdue", dossier).getDuedate())
        .as("the apology does not move the lateness timer: late at the original appointment (docs/architecture.md)")
        .isEqualTo(lateness);

    at("2026-03-05T09:05");
    runTimer(dossier, "Timer_Overdue");
    complete(task("Task_WriteExplanation", dossier), withVariables("explanation", "Phải xác minh thực địa"));

    at("2026-03-09T11:00");
    complete(task("Task_Appraise", agency(dossier)), withVariables("proposedOutcome", "RESULT", "resultSummary", "Cấp"));
    approve(dossier);
    assertThat(task("Task_ReturnResult", dossier).getDueDate().toInstant()).isEqualTo(newAppointment);
    complete(task("Task_ReturnResult", dossier));
    assertThat(dossier).isEnded();

    DossierRow met = rowById(id);
    assertThat(met.returnedAt()).isBefore(newAppointment);
    assertThat(met.late()).as("late in the statistics even though the new appointment was met").isTrue();
    assertThat(met.apologyAt()).isNotNull();
    assertThat(met.explanationAt()).isNotNull();
    assertThat(jdbc.queryForObject("select count(*) from onestop.apology where dossier_id = ?", Integer.class, id)).isEqualTo(1);
  }

  @Test
  void lateDossierWhoseResultCameBeforeItsApologyStillOwesOne() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("ONLINE");
    long id = dossierId(dossier);
    at("2026-03-04T09:01");
    runTimer(dossier, "Start_ApologyDue");
    at("2026-03-05T09:01");
    runTimer(dossier, "Timer_Overdue");
    at("2026-03-05T10:00");
    handleWithResult(dossier);

    assertThat(dossier).isWaitingAt("Task_ReturnResult", "Task_WriteLateApology", "Task_WriteExplanation");
    complete(task("Task_WriteLateApology", dossier), withVariables("apologyReason", "Quá tải", "newDueDate", "2026-03-06"));
    complete(task("Task_WriteExplanation", dossier), withVariables("explanation", "Quá tải hồ sơ"));
    complete(task("Task_ReturnResult", dossier));
    assertThat(dossier).isEnded();
    assertThat(rowById(id).apologyAt()).isNotNull();
  }

  @Test
  void resultAfterTheAppointmentBeforeTheTimerRanStillOwesAnExplanation() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("ONLINE");
    long id = dossierId(dossier);
    at("2026-03-05T11:00");
    handleWithResult(dossier);
    assertThat(dossier).isWaitingAt("Task_ReturnResult", "Task_WriteLateApology", "Task_WriteExplanationAfterResult");
    assertThat(rowById(id).late()).isTrue();
    complete(task("Task_WriteExplanationAfterResult", dossier), withVariables("explanation", "Hệ thống lỗi"));
    complete(task("Task_WriteLateApology", dossier), withVariables("apologyReason", "Hệ thống lỗi", "newDueDate", "2026-03-06"));
    complete(task("Task_ReturnResult", dossier));
    assertThat(dossier).isEnded();
    assertThat(rowById(id).explanationAt()).isNotNull();
  }

  @Test
  void lateTransferIsReportedToTheHeadOfTheOneStopDepartment() {
    at("2026-03-02T16:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("DESK");
    assertThat(job("Timer_TransferLate", dossier).getDuedate().toInstant())
        .as("received after 15:00: transfer by the next morning").isEqualTo(local("2026-03-03T11:30"));
    at("2026-03-03T11:31");
    runTimer(dossier, "Timer_TransferLate");
    execute(job("Task_NotifyTransferLate", dossier));
    assertThat(dossier).hasPassed("End_TransferLateNotified").isWaitingAt("Task_DigitiseDossier");
  }

  @Test
  void uncollectedResultIsReminded() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("ONLINE");
    at("2026-03-03T09:00");
    handleWithResult(dossier);
    at("2026-03-13T09:00");
    runTimer(dossier, "Timer_ResultUncollected");
    execute(job("Task_RemindApplicant", dossier));
    assertThat(dossier).hasPassed("End_Reminded").isWaitingAt("Task_ReturnResult");
  }

  @Test
  void procedureWithTimeZeroIsResolvedOnTheSpot() {
    at("2026-03-02T10:00");
    ProcessInstance dossier = submit("1.001193", "nhan-co", "DESK", "applicantName", "Trần Thị Bé");
    long id = dossierId(dossier);
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "ACCEPT"));
    assertThat(dossier).isWaitingAt("Task_ResolveOnTheSpot");
    assertThat(task("Task_ResolveOnTheSpot", dossier)).hasCandidateGroup("nhan-co-clerks");
    assertThat(rowById(id).dueAt()).as("by the end of the working day").isEqualTo(local("2026-03-02T17:00"));
    complete(task("Task_ResolveOnTheSpot", dossier), withVariables("handlingOutcome", "RESULT", "resultSummary", "Giấy khai sinh",
        "rating", "VERY_SATISFIED"));
    assertThat(dossier).isEnded().hasPassed("End_ResolvedOnTheSpot").hasNotPassed("Task_DigitiseDossier");
    DossierRow done = rowById(id);
    assertThat(done.status()).isEqualTo("RETURNED");
    assertThat(done.late()).isFalse();
    assertThat(done.rating()).isEqualTo("VERY_SATISFIED");
    assertThat(done.resultElectronic()).as("results on the spot are issued electronically too").isTrue();
    assertThat(done.code()).contains("-260302-");
  }

  @Test
  void timeZeroProcedureReceivedAfterThreeIsDueTheNextWorkingDay() {
    at("2026-03-06T15:30");
    ProcessInstance dossier = submit("1.001193", "nhan-co", "DESK");
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "ACCEPT"));
    assertThat(row(dossier).dueAt()).isEqualTo(local("2026-03-09T17:00"));
  }

  @Test
  void badInputStartsNothingAndWritesNothing() {
    at("2026-03-02T09:00");
    Integer before = jdbc.queryForObject("select count(*) from onestop.dossier", Integer.class);
    assertThatThrownBy(() -> submit("9.999999", DISTRICT_DESK, "DESK")).hasMessageContaining("9.999999");
    assertThatThrownBy(() -> submit(HOUSEHOLD_BUSINESS, "nhan-co", "DESK"))
        .hasMessageContaining("không được tiếp nhận");
    assertThatThrownBy(() -> submit(HOUSEHOLD_BUSINESS, "no-such-agency", "DESK")).hasMessageContaining("no-such-agency");
    assertThatThrownBy(() -> submit(HOUSEHOLD_BUSINESS, DISTRICT_DESK, "FAX")).hasMessageContaining("FAX");
    assertThat(jdbc.queryForObject("select count(*) from onestop.dossier", Integer.class)).isEqualTo(before);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("dossier")
        .variableValueEquals("procedureCode", "9.999999").count()).isZero();
  }

  @Test
  void theSpecialistMustBelongToTheHandlingAgency() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("ONLINE");
    assertThatThrownBy(() -> complete(task("Task_AssignSpecialist", agency(dossier)), withVariables("specialist", "specialist")))
        .hasMessageContaining(FINANCE_OFFICE + "-specialists");
    assertThat(agency(dossier)).isWaitingAt("Task_AssignSpecialist");
  }

  @Test
  void onlyOneNewAppointmentIsAllowed() {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("ONLINE");
    at("2026-03-04T09:01");
    runTimer(dossier, "Start_ApologyDue");
    complete(task("Task_WriteApology", dossier), withVariables("apologyReason", "Chờ xác minh", "newDueDate", "2026-03-10"));
    at("2026-03-04T10:00");
    assignAndPropose(dossier, withVariables("proposedOutcome", "SUPPLEMENT", "missingDocuments", "Giấy tờ địa điểm"));
    approve(dossier);
    at("2026-03-04T14:00");
    complete(task("Task_AwaitSupplementInHandling", dossier));
    at("2026-03-09T14:01");
    runTimer(dossier, "Start_ApologyDue");
    assertThat(dossier).hasPassed("End_ApologyNotNeeded");
    assertThat(taskService.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey("Task_WriteApology").count()).isZero();
  }

  @Test
  void certifiedEcopyFromAnOriginalIsTheResultAndGoesToTheApplicantsDataStore() {
    at("2026-03-02T10:00");
    ProcessInstance dossier = submit("DNO.CT.02", "nhan-co", "DESK");
    long id = dossierId(dossier);
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "ACCEPT"));
    assertThatThrownBy(() -> complete(task("Task_ResolveOnTheSpot", dossier), withVariables("handlingOutcome", "RESULT")))
        .hasMessageContaining("bản quét bản chính");
    scanAll(dossier);
    complete(task("Task_ResolveOnTheSpot", dossier), withVariables("handlingOutcome", "RESULT"));
    assertThat(dossier).isEnded();
    assertThat(jdbc.queryForObject("select count(*) from onestop.document where dossier_id = ? and kind = 'CERTIFIED_COPY'",
        Integer.class, id)).isEqualTo(1);
    assertThat(jdbc.queryForObject("""
        select count(*) from onestop.applicant_document a join onestop.document d on d.id = a.document_id
        where a.id_number = '066090001234' and d.kind = 'CERTIFIED_COPY' and d.dossier_id = ?""", Integer.class, id)).isEqualTo(1);
    assertThat(rowById(id).digitised()).isTrue();
  }

  @Test
  void aReturningApplicantIsOfferedHerStillValidDocuments() {
    at("2026-03-02T10:00");
    String applicant = "066095551234";
    ProcessInstance first = submit("1.001193", "nhan-co", "DESK", "applicantIdNumber", applicant);
    complete(task("Task_CheckDossier", first), withVariables("receptionDecision", "ACCEPT"));
    complete(task("Task_ResolveOnTheSpot", first), withVariables("handlingOutcome", "RESULT", "resultSummary", "Giấy khai sinh"));

    ProcessInstance second = submit("DNO.HT.01", "nhan-co", "DESK", "applicantIdNumber", applicant);
    // Read from the data store when the clerk opens the task (the dossier panel), never copied into a variable.
    assertThat(dataStore.reusable(applicant, java.time.LocalDate.now(vn.onestop.process.EngineTime.clock())))
        .as("the result of the first dossier is offered at the reception of the second")
        .extracting(vn.onestop.document.StoredDocument::title).anyMatch(t -> t != null && t.contains("Giấy khai sinh"));
    assertThat(runtimeService.getVariables(second.getId())).doesNotContainKey("reusableDocuments");
    assertThat(dataStore.reusable("066095559999", java.time.LocalDate.now(vn.onestop.process.EngineTime.clock())))
        .as("a stranger is offered nothing").isEmpty();
  }
}
