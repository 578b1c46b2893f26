package vn.onestop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import vn.onestop.OneStopSpringTest;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.CatalogFiles;
import vn.onestop.catalog.Organisation;
import vn.onestop.document.Digitisation;
import vn.onestop.identity.DossierFixtures.Desk;
import vn.onestop.identity.DossierFixtures.Dossier;
import vn.onestop.identity.DossierFixtures.Step;
import vn.onestop.identity.ReorganisationHandOver.HandedOver;
import vn.onestop.process.EngineTime;
import vn.onestop.report.SupervisorScope;
import vn.onestop.security.AgencyScope;
import vn.onestop.security.StaffScope;
import vn.onestop.security.StaffUser;

/**
 * Hand-over of running work in a reorganisation (the 2025 reform): the district's one-stop department
 * and finance office stop, the commune of Đắk Ru takes over here (a stand-in pair from the demo data).
 * Its staff are offered the open tasks and read the dossiers; nobody else is; a second run adds nothing.
 */
@OneStopSpringTest
class ReorganisationHandOverTest {

  static final String SUCCESSOR = "dak-ru";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired Digitisation digitisation;
  @Autowired Organisation organisation;
  @Autowired ReorganisationHandOver handOver;
  @Autowired JdbcTemplate jdbc;
  @Autowired ScheduledTaskHolder scheduled;

  DossierFixtures fixtures;
  final List<String> started = new ArrayList<>();

  @BeforeEach
  void staff() {
    fixtures = new DossierFixtures(identityService, runtimeService, taskService, digitisation);
    fixtures.ensureStaff();
    fixtures.ensureUser("clerk-dak-ru", SUCCESSOR + "-clerks");
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    for (String instance : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
        runtimeService.deleteProcessInstance(instance, "test clean-up", true);
      }
    }
  }

  @Test
  void theSuccessorIsOfferedTheOpenTasksAndReadsTheDossiers() {
    Dossier waiting = track(fixtures.dossier(Desk.D, Step.CHECK, "Bàn Giao Tiếp Nhận"));
    Dossier handled = track(fixtures.dossier(Desk.D, Step.ASSIGN, "Bàn Giao Phân Công"));
    assertThat(canRead(SUCCESSOR + "-specialists", handled.instanceId())).as("before the hand-over").isFalse();

    HandedOver desk = handOver.handOver(organisation.get("dakrlap-mot-cua"), organisation.get(SUCCESSOR));
    HandedOver office = handOver.handOver(organisation.get("dakrlap-tckh"), organisation.get(SUCCESSOR));

    assertThat(desk.tasks()).isPositive();
    assertThat(office.tasks()).isPositive();
    assertThat(desk.processInstances() + office.processInstances()).isGreaterThanOrEqualTo(3);
    assertThat(candidateGroups(waiting.taskId())).contains("dakrlap-mot-cua-clerks", SUCCESSOR + "-clerks");
    assertThat(candidateGroups(handled.taskId())).contains("dakrlap-tckh-heads", SUCCESSOR + "-heads");
    for (String task : List.of(waiting.taskId(), handled.taskId())) {
      Authorization supervisors = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
          .resourceId(task).groupIdIn(SUCCESSOR + "-supervisors").singleResult();
      assertThat(supervisors).as("the successor's supervisors read the open task (issue 15.5)").isNotNull();
      assertThat(supervisors.isPermissionGranted(Permissions.READ)).isTrue();
      assertThat(supervisors.isPermissionGranted(Permissions.UPDATE)).isFalse();
    }
    for (Dossier dossier : List.of(waiting, handled)) {
      for (String instance : dossier.instances()) {
        assertThat(canRead(SUCCESSOR + "-specialists", instance)).as("successor reads %s", instance).isTrue();
        assertThat(canRead(SUCCESSOR + "-supervisors", instance)).isTrue();
        assertThat(canRead("kien-thanh-specialists", instance)).as("nobody else").isFalse();
      }
    }

    HandedOver again = handOver.handOver(organisation.get("dakrlap-mot-cua"), organisation.get(SUCCESSOR));
    assertThat(again.tasks()).as("idempotent").isZero();
    assertThat(again.processInstances()).isZero();

    // The successor's clerk works the dossier under her own rights.
    identityService.setAuthentication("clerk-dak-ru", fixtures.groupsOf("clerk-dak-ru"));
    try {
      taskService.claim(waiting.taskId(), "clerk-dak-ru");
      taskService.complete(waiting.taskId(), Map.of("receptionDecision", "ACCEPT"));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(runtimeService.getVariable(waiting.instanceId(), "dossierCode")).as("accepted by the successor").isNotNull();
  }

  @Test
  void oneStopsOwnApiFollowsTheReformedOrganisation() {
    Organisation reformed = new Organisation(CatalogFiles.load("catalog-reform/"));
    AgencyScope scope = new AgencyScope(reformed, jdbc, new EngineTime());
    StaffScope staff = new StaffScope(identityService, scope);
    SupervisorScope reports = new SupervisorScope(identityService, reformed, scope);
    try {
      identityService.setAuthentication("someone-of-nhan-co-2025", List.of("nhan-co-2025-specialists"));
      at("2025-06-30T16:00");
      assertThat(staff.agencies()).containsExactly("nhan-co-2025");
      at("2025-07-01T08:00");
      assertThat(staff.agencies()).containsExactlyInAnyOrder("nhan-co-2025", "nhan-co", "dakrlap");

      identityService.setAuthentication("someone-of-lam-dong", List.of("lam-dong-supervisors"));
      StaffUser supervisor = StaffUser.current(identityService).orElseThrow();
      at("2025-06-30T16:00");
      assertThat(reports.allowed(supervisor)).containsExactlyInAnyOrder("lam-dong", "nhan-co-2025");
      at("2025-07-01T08:00");
      assertThat(reports.allowed(supervisor)).as("the merged province's figures count for its successor")
          .containsExactlyInAnyOrder("lam-dong", "nhan-co-2025", "dak-nong", "dakrlap", "nhan-co");
      assertThat(reports.select("lam-dong").agencyIds()).contains("dak-nong", "nhan-co");
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void theHandOverAlsoRunsEveryNightInVietnam() {
    assertThat(scheduled.getScheduledTasks()).anySatisfy(task -> {
      assertThat(task.getTask()).isInstanceOf(CronTask.class);
      CronTask cron = (CronTask) task.getTask();
      assertThat(cron.getExpression()).isEqualTo("0 5 0 * * *");
      assertThat(cron.getRunnable().toString()).contains("ReorganisationHandOver.nightly");
    });
    handOver.nightly(); // nothing has stopped in the demo organisation: a no-op that must not fail
  }

  Dossier track(Dossier dossier) {
    started.add(dossier.instanceId());
    return dossier;
  }

  List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getGroupId).toList();
  }

  boolean canRead(String group, String processInstanceId) {
    String user = "someone-of-" + group;
    return authorizationService.isUserAuthorized(user, List.of(group), Permissions.READ, Resources.PROCESS_INSTANCE,
        processInstanceId)
        && authorizationService.isUserAuthorized(user, List.of(group), HistoricProcessInstancePermissions.READ,
            Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId);
  }

  static void at(String localDateTime) {
    Instant instant = LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
