package vn.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import vn.onestop.OneStopSpringTest;
import vn.onestop.catalog.AgencyRole;
import vn.onestop.catalog.Organisation;
import vn.onestop.identity.ReorganisationHandOver;
import vn.onestop.register.DossierRow;
import vn.onestop.report.KpiReport;
import vn.onestop.report.KpiReportService;
import vn.onestop.report.ReportFilter;
import vn.onestop.report.ReportPeriod;
import vn.onestop.security.AgencyScope;

/**
 * Crossing 1 July 2025 with the real reform data ({@code catalog/reforms/2025-07-01-hai-cap.yaml}, applied in
 * this context only): dossiers started on 30 June 2025 at the Đắk R'lấp district one-stop department finish with
 * the successors chosen by their territory - no task orphaned, no authorization lost, the appointment unchanged -
 * while dossiers from 1 July get the new centres' codes and agencies, and can be received regardless of boundary
 * (Decree 118/2025 Art. 14). The province's 2025 report shows both halves.
 */
@OneStopSpringTest
// Runs in a JVM of its own (pom.xml, surefire execution "reform-world"): a second application context in the shared
// test JVM would replace the shared context's engine and webapps in their static registries.
@TestPropertySource(properties = "onestop.catalog.apply-reforms=true")
class ReformCrossingTest extends DossierFlowTestSupport {

  static final String NEW_SPECIALIST = "kinh-te-kien-duc-tester";

  @Autowired ReorganisationHandOver handOver;
  @Autowired AuthorizationService authorizationService;
  @Autowired Organisation organisation;
  @Autowired KpiReportService reports;
  @Autowired AgencyScope scope;
  @Autowired vn.onestop.report.CentreWorkload centres;
  @Autowired DossierController dossierApi;

  @Test
  void dossiersOfJune30FinishWithTheSuccessorsAndNewOnesUseTheNewUnits() {
    // 30 June 2025: the district still receives. A household business in the former Nghĩa Thắng (→ xã Kiến Đức),
    // a house permit in the former Đắk Ru (→ xã Quảng Tín).
    at("2025-06-30T09:00");
    ProcessInstance business = submit(HOUSEHOLD_BUSINESS, DISTRICT_DESK, "DESK", "territoryAgencyId", "nghia-thang");
    complete(task("Task_CheckDossier", business), withVariables("receptionDecision", "ACCEPT"));
    digitiseAndTransfer(business);
    ProcessInstance permit = submit("1.013225", DISTRICT_DESK, "DESK", "territoryAgencyId", "dak-ru");
    complete(task("Task_CheckDossier", permit), withVariables("receptionDecision", "ACCEPT"));
    DossierRow businessBefore = row(business);
    assertThat(businessBefore.code()).startsWith("001.01.30.H17-250630-");
    assertThat(businessBefore.ruleSet()).as("received under Decree 61/2018").isEqualTo("nd61-2018");
    // Decree 61/2018 Art. 20: the result is returned where the dossier was received (another centre only from
    // Decree 118/2025 Art. 14, rule resultReturn.anyOneStopInProvince).
    assertThatThrownBy(() -> submit(HOUSEHOLD_BUSINESS, DISTRICT_DESK, "DESK", "territoryAgencyId", "nghia-thang",
        "returnAgencyId", "xa-quang-tin-hcc"))
        .hasStackTraceContaining("DossierInputException").hasStackTraceContaining("kết quả được trả tại nơi tiếp nhận");
    assertThat(businessBefore.handlingAgencyId()).isEqualTo(FINANCE_OFFICE);
    Task assign = task("Task_AssignSpecialist", agency(business));
    Task digitise = task("Task_DigitiseDossier", permit);

    // 1 July 2025: the hand-over runs (at start-up and nightly).
    at("2025-07-01T00:05");
    handOver.handOverWhatHasStopped();

    assertThat(candidates(assign)).contains("dakrlap-tckh-heads", "xa-kien-duc-kinh-te-heads")
        .doesNotContain("xa-quang-tin-kinh-te-heads", "lam-dong-stc-heads");
    assertThat(candidates(digitise)).contains("dakrlap-mot-cua-clerks", "xa-quang-tin-hcc-clerks")
        .doesNotContain("xa-kien-duc-hcc-clerks");
    for (String instance : List.of(business.getId(), agency(business).getId())) {
      assertThat(reads("xa-kien-duc-kinh-te-specialists", instance)).as("successor reads %s", instance).isTrue();
      assertThat(reads("dakrlap-tckh-specialists", instance)).as("nothing taken from the old group").isTrue();
      assertThat(reads("xa-quang-tin-kinh-te-specialists", instance)).as("not the other commune").isFalse();
    }
    assertThat(reads("xa-quang-tin-hcc-clerks", permit.getId())).isTrue();
    assertNoTaskOrphaned(business, permit);

    // The new commune's economic office finishes the household business; the result goes back through the
    // successor of the district desk for that territory, with the appointment of 30 June.
    at("2025-07-01T09:00");
    ensureUser(NEW_SPECIALIST, "xa-kien-duc-kinh-te-specialists", "xa-kien-duc-kinh-te-heads");
    ProcessInstance leg = agency(business);
    complete(task("Task_AssignSpecialist", leg), withVariables("specialist", NEW_SPECIALIST));
    complete(task("Task_Appraise", leg), withVariables("proposedOutcome", "RESULT", "resultSummary", "Cấp Giấy chứng nhận"));
    approve(business);
    Task returning = task("Task_ReturnResult", business);
    assertThat(candidates(returning)).contains("dakrlap-mot-cua-clerks", "xa-kien-duc-hcc-clerks");
    complete(returning);
    DossierRow businessAfter = rowById(businessBefore.id());
    assertThat(businessAfter.dueAt()).as("deadline unchanged").isEqualTo(businessBefore.dueAt());
    assertThat(businessAfter.originalDueAt()).isEqualTo(businessBefore.originalDueAt());
    assertThat(businessAfter.status()).isEqualTo("RETURNED");

    // From 1 July: the commune centre receives, codes carry its unit code, the new version and agencies apply.
    ProcessInstance fresh = submit(HOUSEHOLD_BUSINESS, "xa-nhan-co-hcc", "DESK");
    complete(task("Task_CheckDossier", fresh), withVariables("receptionDecision", "ACCEPT"));
    DossierRow freshRow = row(fresh);
    assertThat(freshRow.code()).startsWith("001.42.00.H36-250701-");
    assertThat(freshRow.ruleSet()).as("received under Decree 118/2025").isEqualTo("nd118-2025");
    assertThat(freshRow.procedureVersion()).isEqualTo("2025.7");
    assertThat(freshRow.handlingAgencyId()).isEqualTo("xa-nhan-co-kinh-te");

    // Regardless of boundary: a house in Quảng Tín filed at Kiến Đức's centre is handled by Quảng Tín.
    ProcessInstance elsewhere = submit("1.013225", "xa-kien-duc-hcc", "DESK", "territoryAgencyId", "xa-quang-tin",
        "returnAgencyId", "xa-quang-tin-hcc");
    complete(task("Task_CheckDossier", elsewhere), withVariables("receptionDecision", "ACCEPT"));
    DossierRow elsewhereRow = row(elsewhere);
    assertThat(elsewhereRow.code()).startsWith("001.41.00.H36-250701-");
    assertThat(elsewhereRow.receivingAgencyId()).isEqualTo("xa-kien-duc-hcc");
    assertThat(elsewhereRow.handlingAgencyId()).isEqualTo("xa-quang-tin-kinh-te");
    assertThat(elsewhereRow.interlinked()).as("a liên thông transfer to the competent commune").isTrue();
    assertThat(rows.legs(elsewhereRow.id())).extracting(DossierRows.LegRow::agencyId).containsExactly("xa-quang-tin-kinh-te");
    assertThat(reads("xa-quang-tin-hcc-clerks", elsewhere.getId())).as("the chosen return place reads it").isTrue();
    identityService.setAuthentication("admin", List.of(AgencyScope.ADMINISTRATORS));
    try {
      DossierController.ReceptionView view = dossierApi.get(elsewhereRow.code()).reception();
      assertThat(view.receivingAgencyName()).isEqualTo("Trung tâm Phục vụ hành chính công xã Kiến Đức");
      assertThat(view.competentAgencyId()).isEqualTo("xa-quang-tin-kinh-te");
      assertThat(view.territoryAgencyId()).isEqualTo("xa-quang-tin");
      assertThat(view.returnAgencyId()).isEqualTo("xa-quang-tin-hcc");
      assertThat(view.receivedAnywhere()).isTrue();
    } finally {
      identityService.clearAuthentication();
    }

    // Each centre's counts: what it received and what it handled, separately.
    var july = centres.count(ReportPeriod.parse("2025-07", null, null), null);
    assertThat(july).filteredOn(r -> r.agencyId().equals("xa-kien-duc-hcc")).singleElement()
        .satisfies(r -> assertThat(r.receivedForElsewhere()).isEqualTo(1));
    assertThat(july).filteredOn(r -> r.agencyId().equals("xa-quang-tin-hcc")).singleElement()
        .satisfies(r -> assertThat(r.handledFromElsewhere()).isEqualTo(1));

    // Not designated, or an unknown commune: refused with the field named.
    assertThatThrownBy(() -> submit(HOUSEHOLD_BUSINESS, "xa-kien-duc-hcc", "DESK", "territoryAgencyId", "xa-quang-tin"))
        .hasStackTraceContaining("DossierInputException").hasStackTraceContaining("tiếp nhận không phụ thuộc địa giới");
    assertThatThrownBy(() -> submit(HOUSEHOLD_BUSINESS, "xa-nhan-co-hcc", "DESK", "territoryAgencyId", "xa-khong-co"))
        .hasStackTraceContaining("DossierInputException").hasStackTraceContaining("xa-khong-co");
    assertThatThrownBy(() -> submit(HOUSEHOLD_BUSINESS, DISTRICT_DESK, "DESK"))
        .as("the district no longer receives").hasStackTraceContaining("không còn hoạt động");

    // The province's supervisor: the former units' history is hers, and 2025 shows both halves.
    Set<String> province = scope.supervisedFrom("lam-dong");
    assertThat(province).contains("dakrlap-mot-cua", "dakrlap-tckh", "xa-nhan-co-kinh-te", "xa-quang-tin-kinh-te");
    Instant now = at("2025-07-02T09:00");
    KpiReport year = reports.report(ReportPeriod.parse("2025", null, null), "lam-dong",
        ReportFilter.all().withAgencies(province), KpiReportService.GroupBy.QUARTER);
    assertThat(year.rows()).filteredOn(r -> r.key().endsWith("Q2")).singleElement()
        .satisfies(q2 -> assertThat(q2.counts().get("received")).isGreaterThanOrEqualTo(2));
    assertThat(year.rows()).filteredOn(r -> r.key().endsWith("Q3")).singleElement()
        .satisfies(q3 -> assertThat(q3.counts().get("received")).isGreaterThanOrEqualTo(2));
    assertThat(now).isNotNull();
  }

  private void assertNoTaskOrphaned(ProcessInstance... dossiers) {
    java.time.LocalDate day = java.time.LocalDate.of(2025, 7, 1);
    for (ProcessInstance dossier : dossiers) {
      List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(dossier.getBusinessKey()).list();
      open.addAll(taskService.createTaskQuery().processInstanceId(agencyOrSelf(dossier)).list());
      for (Task t : open) {
        assertThat(candidates(t)).as("task %s has a group of an agency operating on 1 July", t.getTaskDefinitionKey())
            .anyMatch(group -> List.of(AgencyRole.values()).stream()
                .flatMap(role -> organisation.agenciesOf(List.of(group), role).stream())
                .anyMatch(a -> organisation.get(a).activeOn(day)));
      }
    }
  }

  private String agencyOrSelf(ProcessInstance dossier) {
    var legs = runtimeService.createProcessInstanceQuery().superProcessInstanceId(dossier.getId()).list();
    return legs.isEmpty() ? dossier.getId() : legs.get(0).getId();
  }

  private List<String> candidates(Task t) {
    return taskService.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private boolean reads(String group, String instance) {
    return authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(instance).hasPermission(Permissions.READ).count() > 0;
  }

  private void ensureUser(String id, String... groups) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName("Tester");
      user.setLastName("Kinh tế");
      user.setPassword("Test@2026-ok");
      identityService.saveUser(user);
      for (String group : groups) {
        identityService.createMembership(id, group);
      }
    }
  }

  @SuppressWarnings("unused")
  private static Map<String, Object> none() {
    return Map.of();
  }
}
