package vn.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.document.DocumentRejectedException;
import vn.onestop.document.DocumentStore;
import vn.onestop.document.LogBook;
import vn.onestop.document.Slips;
import vn.onestop.document.StoredDocument;
import vn.onestop.process.EngineTime;
import vn.onestop.register.DossierRow;
import vn.onestop.rules.RuleSet;
import vn.onestop.rules.RuleSets;

/**
 * Two dossiers, one received on 30/06/2025 (Decree 61/2018/NĐ-CP with Circular 01/2018/TT-VPCP) and one on
 * 01/07/2025 (Decree 118/2025/NĐ-CP with Circular 03/2025/TT-VPCP), differ exactly where the two decrees
 * differ — one test per rule that differs, naming its article — and agree on the rules whose new text is
 * not known. The receiving agency of each day is the one the organisation and catalogue of that day give
 * (the two-tier reform changes them on 01/07/2025).
 */
@OneStopSpringTest
class RuleSetsByDateTest extends DossierFlowTestSupport {

  static final String OLD_DAY = "2025-06-30T09:00";
  static final String NEW_DAY = "2025-07-01T09:00";

  @Autowired ProcedureCatalog catalog;
  @Autowired Organisation organisation;
  @Autowired RuleSets ruleSets;
  @Autowired Deadlines deadlines;
  @Autowired Slips slips;
  @Autowired LogBook logBook;
  @Autowired DocumentStore documents;
  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  private Deployment redeployed;

  @AfterEach
  void removeTheNewModelVersion() {
    if (redeployed != null) {
      repositoryService.deleteDeployment(redeployed.getId(), true);
    }
  }

  // ------------------------------------------------------------------------------------ recorded once, kept

  /** Decree 118/2025/NĐ-CP is in force from 01/07/2025; Decree 61/2018/NĐ-CP governs what was received before. */
  @Test
  void theRuleSetOfTheReceptionDayIsRecordedInTheRegisterTheProcessAndTheApi() throws Exception {
    ProcessInstance old = acceptedOn(OLD_DAY);
    ProcessInstance young = acceptedOn(NEW_DAY);

    assertThat(row(old).ruleSet()).isEqualTo("nd61-2018");
    assertThat(row(young).ruleSet()).isEqualTo("nd118-2025");
    assertThat(runtimeService.getVariable(old.getId(), "ruleSet")).isEqualTo("nd61-2018");
    assertThat(runtimeService.getVariable(young.getId(), "ruleSet")).isEqualTo("nd118-2025");

    JsonNode view = get("admin", "/api/dossiers/" + row(young).code());
    assertThat(view.at("/ruleSet/id").asText()).isEqualTo("nd118-2025");
    assertThat(view.at("/ruleSet/name").asText()).isEqualTo("Nghị định 118/2025/NĐ-CP");
    assertThat(view.at("/dossier/ruleSet").asText()).isEqualTo("nd118-2025");
    assertThat(get("admin", "/api/dossiers/" + row(old).code()).at("/ruleSet/name").asText()).startsWith("Nghị định 61/2018/NĐ-CP");
  }

  /** The rule sets and their validity, public like the catalogue. */
  @Test
  void theRuleSetsAreListedWithTheirValidity() throws Exception {
    JsonNode list = get(null, "/api/rule-sets");
    assertThat(list.size()).isGreaterThanOrEqualTo(2);
    assertThat(list.get(0).get("id").asText()).isEqualTo("nd61-2018");
    assertThat(list.get(0).get("validTo").asText()).isEqualTo("2025-06-30");
    assertThat(list.get(1).get("id").asText()).isEqualTo("nd118-2025");
    assertThat(list.get(1).get("validFrom").asText()).isEqualTo("2025-07-01");
    assertThat(list.get(1).get("known").asBoolean()).as("some of 118's rules keep 61's values").isFalse();
    HttpResponse<String> missing = send(null, "/api/rule-sets/nd999-2030");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
    assertThat(json.readTree(missing.body()).get("detail").asText()).contains("Không có bộ quy tắc");
  }

  /**
   * A dossier that came to the desk on 30/06/2025 keeps Decree 61/2018 when it is accepted on 01/07/2025,
   * after its process moved to a new model version: the rule set is stored, never recomputed.
   */
  @Test
  void aDossierKeepsItsRuleSetAcrossTheDateAndAModelMigration() throws Exception {
    at(OLD_DAY);
    ProcessInstance dossier = submit(HOUSEHOLD_BUSINESS, receivingOn(OLD_DAY), "ONLINE");
    ProcessDefinition before = repositoryService.getProcessDefinition(dossier.getProcessDefinitionId());
    redeployed = redeployDossierModel();
    ProcessDefinition after = repositoryService.createProcessDefinitionQuery().deploymentId(redeployed.getId())
        .processDefinitionKey("dossier").singleResult();
    assertThat(after.getVersion()).isGreaterThan(before.getVersion());
    runtimeService.newMigration(runtimeService.createMigrationPlan(before.getId(), after.getId()).mapEqualActivities().build())
        .processInstanceIds(dossier.getId()).execute();

    at(NEW_DAY);
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "ACCEPT"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(dossier.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(after.getId());
    assertThat(row(dossier).ruleSet()).isEqualTo("nd61-2018");
    assertThat(runtimeService.getVariable(dossier.getId(), "ruleSet")).isEqualTo("nd61-2018");
    assertThat(get("admin", "/api/dossiers/" + row(dossier).code()).at("/ruleSet/id").asText()).isEqualTo("nd61-2018");
    assertThat(text(slips.receipt(row(dossier).id()))).contains("Thông tư 01/2018/TT-VPCP");
  }

  // ------------------------------------------------------------------------------------ the forms

  /** Forms: Circular 01/2018/TT-VPCP Art. 9 before, Circular 03/2025/TT-VPCP Appendix I after (form 01). */
  @Test
  void theReceiptIsForm01OfTheCircularOfTheRuleSet() {
    StoredDocument old = slips.receipt(row(acceptedOn(OLD_DAY)).id());
    StoredDocument young = slips.receipt(row(acceptedOn(NEW_DAY)).id());
    assertThat(text(old)).contains("Mẫu số 01 (Thông tư 01/2018/TT-VPCP)").doesNotContain("03/2025");
    assertThat(text(young)).contains("Mẫu số 01 (Thông tư 03/2025/TT-VPCP)").doesNotContain("01/2018/TT-VPCP");
  }

  /**
   * Circular 03/2025/TT-VPCP form 04: the apology is also the request to extend the handling time (was
   * Circular 01/2018 form 04, apology and new appointment).
   */
  @Test
  void form04IsTheApologyAndRequestToExtendTheHandlingTimeUnderCircular03() {
    StoredDocument old = slips.apology(apologised(OLD_DAY));
    StoredDocument young = slips.apology(apologised(NEW_DAY));
    assertThat(old.title()).isEqualTo("Mẫu số 04 — PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
    assertThat(text(old)).contains("sẽ trả kết quả giải quyết hồ sơ").doesNotContain("gia hạn");
    assertThat(young.title()).isEqualTo("Mẫu số 04 — VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
    assertThat(text(young)).contains("đề nghị gia hạn thời gian giải quyết hồ sơ đến");
  }

  /** Circular 03/2025/TT-VPCP form 05 (new): the notice of stopping the handling; Circular 01/2018 has none. */
  @Test
  void aStoppedDossierGetsTheNoticeOfStoppingOnlyUnderCircular03() {
    long old = stopped(OLD_DAY);
    long young = stopped(NEW_DAY);
    assertThat(paperJobs(old, "STOP_NOTICE")).isZero();
    assertThat(paperJobs(young, "STOP_NOTICE")).isOne();
    assertThatThrownBy(() -> slips.stopNotice(old)).isInstanceOf(DocumentRejectedException.class)
        .hasMessageContaining("Nghị định 61/2018");
    StoredDocument notice = slips.stopNotice(young);
    assertThat(notice.title()).isEqualTo("Mẫu số 05 — THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
    assertThat(text(notice)).contains("Mẫu số 05 (Thông tư 03/2025/TT-VPCP)");
  }

  /** The process-control slip is form 05 of Circular 01/2018 and form 06 of Circular 03/2025, and names the rule set. */
  @Test
  void theProcessControlSlipIsForm05BeforeAndForm06After() {
    StoredDocument old = slips.processControl(row(acceptedOn(OLD_DAY)).id());
    StoredDocument young = slips.processControl(row(acceptedOn(NEW_DAY)).id());
    assertThat(old.title()).startsWith("Mẫu số 05 — PHIẾU KIỂM SOÁT");
    assertThat(young.title()).startsWith("Mẫu số 06 — PHIẾU KIỂM SOÁT");
    assertThat(old.componentId()).isEqualTo(young.componentId()).as("one stable key").isEqualTo("slip-05");
    assertThat(text(old)).contains("Quy định áp dụng").contains("Nghị định 61/2018/NĐ-CP");
    assertThat(text(young)).contains("Quy định áp dụng").contains("Nghị định 118/2025/NĐ-CP");
  }

  /** The log book is form 06 of Circular 01/2018 and form 07 of Circular 03/2025. */
  @Test
  void theLogBookIsForm06BeforeAndForm07After() {
    String oldAgency = row(acceptedOn(OLD_DAY)).receivingAgencyId();
    String newAgency = row(acceptedOn(NEW_DAY)).receivingAgencyId();
    LocalDate oldDay = LocalDate.parse(OLD_DAY.substring(0, 10));
    LocalDate newDay = LocalDate.parse(NEW_DAY.substring(0, 10));
    assertThat(text(logBook.print(oldAgency, oldDay, oldDay))).contains("Mẫu số 06 (Thông tư 01/2018/TT-VPCP)");
    assertThat(text(logBook.print(newAgency, newDay, newDay))).contains("Mẫu số 07 (Thông tư 03/2025/TT-VPCP)");
  }

  // ------------------------------------------------------------------------------------ rules without a form

  /** Decree 118/2025 Art. 14: reception regardless of administrative boundary (within the province). */
  @Test
  void receptionRegardlessOfBoundaryIsAllowedOnlyUnderDecree118Article14() {
    assertThat(rulesOf(acceptedOn(OLD_DAY)).flag("receptionAcrossBoundary", "allowed")).isFalse();
    RuleSet young = rulesOf(acceptedOn(NEW_DAY));
    assertThat(young.flag("receptionAcrossBoundary", "allowed")).isTrue();
    assertThat(young.source("receptionAcrossBoundary")).contains("118/2025").contains("Điều 14");
  }

  /** Decree 118/2025 Art. 14: the result may be collected at any one-stop department of the province (was Decree 61/2018 Art. 20). */
  @Test
  void theResultMayBeCollectedAtAnyOneStopDepartmentUnderDecree118Article14() {
    assertThat(rulesOf(acceptedOn(OLD_DAY)).flag("resultReturn", "anyOneStopInProvince")).isFalse();
    assertThat(rulesOf(acceptedOn(NEW_DAY)).flag("resultReturn", "anyOneStopInProvince")).isTrue();
  }

  /** Decree 118/2025 Art. 16 (was Decree 61/2018 Art. 15.1): guidance names the competent agency. */
  @Test
  void guidanceNamesTheCompetentAgencyUnderDecree118Article16() {
    assertThat(rulesOf(acceptedOn(OLD_DAY)).flag("competentAgencyInGuidance", "required")).isFalse();
    assertThat(rulesOf(acceptedOn(NEW_DAY)).flag("competentAgencyInGuidance", "required")).isTrue();
  }

  // ------------------------------------------------------------------------------------ where 118 is not known

  /**
   * Where Decree 118/2025's text was not found the two dossiers are handled alike, by Decree 61/2018's
   * rules (Art. 18.2 transfer, 19.4 supplement, 19.9 apology, 20.4 early return; Circular 01/2018 Arts.
   * 13-15 evaluation), and the data says so.
   */
  @Test
  void rulesWhoseNewTextIsNotKnownKeepDecree61sValues() {
    ProcessInstance old = acceptedOn(OLD_DAY);
    ProcessInstance young = acceptedOn(NEW_DAY);
    for (ProcessInstance d : new ProcessInstance[] {old, young}) {
      Instant accepted = row(d).receivedAt();
      assertThat(timeOf(d, "transferDueAt")).as("same working day before 15:00 (61 Art. 18.2)")
          .isEqualTo(deadlines.endOfWorkingDay(accepted.atZone(EngineTime.ZONE).toLocalDate()));
      assertThat(timeOf(d, "apologyAt")).as("one working day before the appointment (61 Art. 19.9)")
          .isEqualTo(deadlines.calendar().subtractWorkingDays(row(d).dueAt(), BigDecimal.ONE));
      assertThat(row(d).supplementClock()).isIn("RESTART", "PAUSE");
    }
    RuleSet nd61 = rulesOf(old);
    RuleSet nd118 = rulesOf(young);
    for (String rule : new String[] {"transfer", "supplementNotice", "supplementClock", "refusal", "earlyReturnNotice",
        "digitisation", "dossierCode", "evaluation"}) {
      assertThat(nd118.rule(rule).known()).as("%s: not known in 118", rule).isFalse();
      assertThat(nd118.rule(rule).note()).as("%s: says what was not found", rule).isNotBlank();
      assertThat(nd118.rule(rule).values()).as("%s: 61's values", rule).isEqualTo(nd61.rule(rule).values());
      assertThat(nd118.source(rule)).as("%s: 61's source", rule).isEqualTo(nd61.source(rule));
    }
    assertThat(nd118.apologyLeadDays()).isEqualTo(nd61.apologyLeadDays());
    assertThat(nd118.maxNewAppointments()).isEqualTo(nd61.maxNewAppointments()).isOne();
    assertThat(nd118.evaluationScheme()).isEqualTo(nd61.evaluationScheme());
  }

  // ------------------------------------------------------------------------------------ helpers

  /** An agency that receives household-business registration on that day, by that day's organisation and catalogue. */
  String receivingOn(String localDateTime) {
    LocalDate day = LocalDate.parse(localDateTime.substring(0, 10));
    Procedure p = catalog.current(HOUSEHOLD_BUSINESS, day).orElseThrow();
    return catalog.receivingAgencies(p).stream().filter(a -> a.activeOn(day)).map(Agency::id).findFirst().orElseThrow();
  }

  ProcessInstance acceptedOn(String localDateTime) {
    at(localDateTime);
    ProcessInstance dossier = submit(HOUSEHOLD_BUSINESS, receivingOn(localDateTime), "ONLINE");
    complete(task("Task_CheckDossier", dossier), withVariables("receptionDecision", "ACCEPT"));
    return dossier;
  }

  RuleSet rulesOf(ProcessInstance dossier) {
    return ruleSets.get(row(dossier).ruleSet());
  }

  /** Accepted that day; the apology timer ran and the handling agency gave a new appointment. */
  long apologised(String localDateTime) {
    ProcessInstance dossier = acceptedOn(localDateTime);
    runTimer(dossier, "Start_ApologyDue");
    DossierRow d = row(dossier);
    LocalDate newDay = deadlines.calendar().nextWorkingDay(d.dueAt().atZone(EngineTime.ZONE).toLocalDate());
    complete(task("Task_WriteApology", dossier), withVariables("apologyReason", "Chờ kết quả xác minh", "newDueDate",
        newDay.toString()));
    return d.id();
  }

  /** Accepted that day; the handling asked for a supplement that never came, so the handling stopped. */
  long stopped(String localDateTime) {
    ProcessInstance dossier = acceptedOn(localDateTime);
    long id = dossierId(dossier);
    ProcessInstance leg = agency(dossier);
    complete(task("Task_AssignSpecialist", leg), withVariables("specialist", specialistOf(row(dossier).handlingAgencyId())));
    complete(task("Task_Appraise", leg), withVariables("proposedOutcome", "SUPPLEMENT", "missingDocuments", "Bản vẽ"));
    complete(task("Task_Approve", leg), withVariables("approved", true));
    runTimer(dossier, "Timer_SupplementAbandoned");
    assertThat(rowById(id).status()).isEqualTo("STOPPED");
    return id;
  }

  String specialistOf(String agencyId) {
    String user = "rules-" + agencyId;
    if (identityService.createUserQuery().userId(user).count() == 0) {
      User u = identityService.newUser(user);
      u.setFirstName("Chuyên viên");
      u.setLastName(agencyId);
      u.setPassword("Test@2026-ok");
      identityService.saveUser(u);
      identityService.createMembership(user, organisation.get(agencyId).specialistsGroup());
    }
    return user;
  }

  int paperJobs(long dossierId, String paper) {
    Integer n = jdbc.queryForObject("select count(*) from onestop.paper_job where dossier_id = ? and paper = ?", Integer.class,
        dossierId, paper);
    return n == null ? 0 : n;
  }

  Instant timeOf(ProcessInstance dossier, String variable) {
    return ((Date) runtimeService.getVariable(dossier.getId(), variable)).toInstant();
  }

  String text(StoredDocument doc) {
    return text(documents.read(doc.id()).bytes());
  }

  static String text(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Deployment redeployDossierModel() throws IOException {
    DeploymentBuilder deployment = repositoryService.createDeployment().name("rule-set-migration-test")
        .addInputStream("dossier.bpmn", Files.newInputStream(Path.of("bpmn/dossier.bpmn")));
    try (Stream<Path> forms = Files.list(Path.of("bpmn/forms"))) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
        deployment.addInputStream("forms/" + form.getFileName(), Files.newInputStream(form));
      }
    }
    return deployment.deploy();
  }

  private HttpResponse<String> send(String user, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":Demo@2026!")
          .getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(String user, String path) throws Exception {
    HttpResponse<String> response = send(user, path);
    assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }
}
