package vn.onestop.dossier;

import vn.onestop.register.DossierQueries;
import vn.onestop.register.DossierRow;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.onestop.process.EngineClockExtension;
import org.springframework.beans.factory.annotation.Autowired;
import vn.onestop.document.Digitisation;
import vn.onestop.document.DocumentOrigin;

/** Moves a dossier along the single-window flow with the engine's clock, as clerks would in Tasklist. */
@ExtendWith(EngineClockExtension.class)
abstract class DossierFlowTestSupport {

  /** Household business registration: 3 working days, district one-stop department → finance office. */
  static final String HOUSEHOLD_BUSINESS = "1.001612";
  static final String DISTRICT_DESK = "dakrlap-mot-cua";
  static final String FINANCE_OFFICE = "dakrlap-tckh";
  static final String SPECIALIST = "tckh-tester";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired DossierRows rows;
  @Autowired Digitisation digitisation;

  /** A real one-page PDF, as a scanner would produce (a certified e-copy re-renders its pages). */
  static final byte[] SCAN = onePagePdf();

  private static byte[] onePagePdf() {
    try (var pdf = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
      pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A5));
      pdf.save(out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeEach
  void specialistOfTheFinanceOffice() {
    if (identityService.createUserQuery().userId(SPECIALIST).count() == 0) {
      User user = identityService.newUser(SPECIALIST);
      user.setFirstName("Tester");
      user.setLastName("Tài chính");
      user.setPassword("Test@2026-ok");
      identityService.saveUser(user);
      identityService.createMembership(SPECIALIST, FINANCE_OFFICE + "-specialists");
    }
  }

  /** Sets the engine's clock to a local time in Vietnam, e.g. {@code "2026-03-02T09:00"}. */
  static Instant at(String localDateTime) {
    return EngineClockExtension.at(localDateTime);
  }

  static Instant local(String localDateTime) {
    return EngineClockExtension.local(localDateTime);
  }

  ProcessInstance submit(String procedure, String agency, String channel, Object... more) {
    Map<String, Object> variables = new HashMap<>(Map.of("procedureCode", procedure, "receivingAgencyId", agency,
        "channel", channel, "applicantName", "Nguyễn Văn Ánh", "applicantIdNumber", "066090001234",
        "applicantPhone", "0912345678", "applicantEmail", "anh@example.vn"));
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    return runtimeService.startProcessInstanceByKey("dossier", variables);
  }

  ProcessInstance acceptedHouseholdBusiness(String channel) {
    ProcessInstance dossier = submit(HOUSEHOLD_BUSINESS, DISTRICT_DESK, channel);
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "ACCEPT"));
    return dossier;
  }

  /** Scans every required component (a one-page PDF each), as the clerk does before completing the step. */
  void scanAll(ProcessInstance dossier) {
    long id = dossierId(dossier);
    for (String component : digitisation.missingComponents(id)) {
      digitisation.upload(id, component, component + ".pdf", "application/pdf", SCAN, DocumentOrigin.ORIGINAL_SCAN, null, "clerk");
    }
  }

  /**
   * The desk's path for one dossier of {@code idNumber}: submitted, every component scanned, accepted
   * at the check, digitised (which files its scans in the applicant's data store); it then waits at the
   * transfer.
   */
  ProcessInstance receivedAndDigitised(String idNumber) {
    ProcessInstance dossier = submit("DNO.HT.01", "nhan-co", "DESK", "applicantIdNumber", idNumber,
        "applicantName", "Công ty TNHH Dịch vụ đăng ký đất đai Nhân Cơ");
    scanAll(dossier);
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "ACCEPT"));
    complete(task("Task_DigitiseDossier", dossier), withVariables("scannedAll", true));
    return dossier;
  }

  void digitiseAndTransfer(ProcessInstance dossier) {
    scanAll(dossier);
    complete(task("Task_DigitiseDossier", dossier), withVariables("scannedAll", true));
    complete(task("Task_TransferDossier", dossier), withVariables("handedOver", true));
  }

  ProcessInstance agency(ProcessInstance dossier) {
    return calledProcessInstance("agency-handling", dossier);
  }

  void assignAndPropose(ProcessInstance dossier, Map<String, Object> proposal) {
    ProcessInstance leg = agency(dossier);
    complete(task("Task_AssignSpecialist", leg), withVariables("specialist", SPECIALIST));
    complete(task("Task_Appraise", leg), proposal);
  }

  void approve(ProcessInstance dossier) {
    complete(task("Task_Approve", agency(dossier)), withVariables("approved", true));
  }

  void handleWithResult(ProcessInstance dossier) {
    assignAndPropose(dossier, withVariables("proposedOutcome", "RESULT", "resultSummary", "Cấp Giấy chứng nhận đăng ký hộ kinh doanh"));
    approve(dossier);
  }

  void runTimer(ProcessInstance dossier, String activityId) {
    execute(job(activityId, dossier));
  }

  List<Job> timers(ProcessInstance dossier) {
    return managementService.createJobQuery().processInstanceId(dossier.getId()).timers().list();
  }

  DossierRow row(ProcessInstance dossier) {
    Object id = runtimeService.createVariableInstanceQuery().processInstanceIdIn(dossier.getId())
        .variableName("dossierId").singleResult().getValue();
    return rows.get(((Number) id).longValue());
  }

  DossierRow rowById(long id) {
    return rows.get(id);
  }

  long dossierId(ProcessInstance dossier) {
    return ((Number) runtimeService.getVariable(dossier.getId(), "dossierId")).longValue();
  }

  List<String> eventKinds(long dossierId) {
    return rows.events(dossierId).stream().map(DossierQueries.HandOver::kind).toList();
  }
}
