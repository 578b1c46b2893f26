package vn.onestop.dossier;

import vn.onestop.register.DossierRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.onestop.OneStopSpringTest;

/**
 * A designer changes a model while dossiers are running (docs/designers.md, "Hồ sơ đang chạy"): a
 * step is added to the handling of a leg ({@code agency-handling.bpmn}, a legal check after the
 * head's approval) and both {@code dossier} and {@code agency-handling} are deployed as new versions.
 * Dossiers waiting at each user task are moved to the new versions with a migration plan of the
 * public API ({@code mapEqualActivities}, no {@code updateEventTriggers}, so timers keep their due
 * dates); the migration keeps their tasks (same ids, groups, due dates), timers, authorizations and
 * deadlines, and every dossier then finishes on the new version — through the added step when its
 * leg had not yet passed it.
 */
@OneStopSpringTest
class ModelMigrationTest extends DossierFlowTestSupport {

  static final String ADDED_STEP = "Task_LegalCheck";

  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;

  private Deployment changed;

  @AfterEach
  void removeTheChangedModels() {
    // The shared test engine must start later tests' dossiers on the models of bpmn/ again.
    if (changed != null) {
      repositoryService.deleteDeployment(changed.getId(), true);
    }
  }

  @Test
  void runningDossiersWaitingAtEachUserTaskMoveToTheNewVersionAndFinishWithTheirDeadlines() {
    Map<String, ProcessInstance> dossiers = dossiersWaitingAtEveryUserTask();
    Map<String, Snapshot> before = new LinkedHashMap<>();
    dossiers.forEach((step, dossier) -> before.put(step, snapshot(dossier)));
    ProcessDefinition oldDossier = definitionOf(dossiers.get("Task_CheckDossier"));
    ProcessDefinition oldHandling = repositoryService.getProcessDefinition(
        agency(dossiers.get("Task_AssignSpecialist")).getProcessDefinitionId());

    changed = deployWithAStepAddedInHandling();
    ProcessDefinition newDossier = latest("dossier");
    ProcessDefinition newHandling = latest("agency-handling");
    assertThat(newDossier.getVersion()).isGreaterThan(oldDossier.getVersion());
    assertThat(newHandling.getVersion()).isGreaterThan(oldHandling.getVersion());

    List<String> dossierIds = dossiers.values().stream().map(ProcessInstance::getId).toList();
    List<String> legIds = dossiers.values().stream().flatMap(d -> legs(d).stream()).map(ProcessInstance::getId).toList();
    assertThat(legIds).isNotEmpty();
    // The engine arms on the new version every timer its model declares and a dossier has no job for, among
    // them a timer that already ran on the old version (the apology's one-off timeDate): due in the past, it
    // would run again at once. The procedure of docs/designers.md: hold the apology timers of the new version,
    // migrate, delete the re-armed ones, release the hold.
    JobDefinition apologyTimers = managementService.createJobDefinitionQuery().processDefinitionId(newDossier.getId())
        .activityIdIn("Start_ApologyDue").singleResult();
    managementService.updateJobDefinitionSuspensionState().byJobDefinitionId(apologyTimers.getId()).suspend();
    migrate(oldDossier, newDossier, dossierIds);
    migrate(oldHandling, newHandling, legIds);
    dossiers.forEach((step, dossier) -> deleteRearmedTimers(step, dossier, before.get(step).timers(), apologyTimers.getId()));
    managementService.updateJobDefinitionSuspensionState().byJobDefinitionId(apologyTimers.getId()).includeJobs(true).activate();

    dossiers.forEach((step, dossier) -> {
      assertThat(definitionOf(dossier).getId()).as("%s: dossier on the new version", step).isEqualTo(newDossier.getId());
      legs(dossier).forEach(leg -> assertThat(leg.getProcessDefinitionId()).as("%s: leg on the new version", step)
          .isEqualTo(newHandling.getId()));
      Snapshot after = snapshot(dossier);
      assertThat(after.tasks()).as("%s: the same tasks, groups and due dates", step).isEqualTo(before.get(step).tasks());
      assertThat(after.timers()).as("%s: the same timers with the same due dates", step).isEqualTo(before.get(step).timers());
      assertThat(after.authorizations()).as("%s: the same authorizations", step).isEqualTo(before.get(step).authorizations());
      assertThat(after.deadlines()).as("%s: the same deadlines", step).isEqualTo(before.get(step).deadlines());
    });

    dossiers.forEach((step, dossier) -> {
      List<String> passed = finish(dossier);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(dossier.getId()).count())
          .as("%s: finished", step).isZero();
      if (!Set.of("Task_ReturnResult", "Task_ResolveOnTheSpot").contains(step)) {
        // its leg had not reached the new step's place, or its handling starts (again) after the migration
        assertThat(passed).as("%s: handled on the new version, through the added step", step).contains(ADDED_STEP);
      }
      DossierRow row = rowById(before.get(step).dossierId());
      if (before.get(step).originalDueAt() == null) {
        // not yet accepted when migrated: the appointment is given at acceptance, on the new version
        assertThat(row.originalDueAt()).as("%s: appointment given on the new version", step).isNotNull();
        return;
      }
      assertThat(row.originalDueAt()).as("%s: the appointment given at reception is kept", step)
          .isEqualTo(before.get(step).originalDueAt());
      if (!step.equals("Task_AwaitSupplementInHandling") && !step.equals("Task_WriteApology")) {
        // a supplement restarts the clock and an apology moves the appointment, as the law says; nothing else may
        assertThat(row.dueAt()).as("%s: finished with its original appointment", step).isEqualTo(before.get(step).dueAt());
      }
    });
  }

  // ------------------------------------------------------------------------------------------------ the dossiers

  /** One running dossier per user task of the two models (the lateness ones on the same dossier). */
  private Map<String, ProcessInstance> dossiersWaitingAtEveryUserTask() {
    Map<String, ProcessInstance> waiting = new LinkedHashMap<>();

    at("2026-03-02T09:00");
    ProcessInstance late = acceptedHouseholdBusiness("ONLINE");
    at("2026-03-04T09:01");
    runTimer(late, "Start_ApologyDue");
    at("2026-03-05T09:01");
    runTimer(late, "Timer_Overdue");
    waiting.put("Task_WriteApology", late); // also waits at Task_WriteExplanation and, in its leg, Task_AssignSpecialist

    at("2026-03-09T09:00");
    waiting.put("Task_CheckDossier", submit(HOUSEHOLD_BUSINESS, DISTRICT_DESK, "DESK"));

    ProcessInstance incomplete = submit(HOUSEHOLD_BUSINESS, DISTRICT_DESK, "DESK");
    complete(task("Task_CheckDossier", incomplete),
        withVariables("receptionDecision", "SUPPLEMENT", "missingDocuments", "Bản sao hợp đồng thuê địa điểm"));
    waiting.put("Task_AwaitSupplementAtReception", incomplete);

    ProcessInstance onTheSpot = submit("1.001193", "nhan-co", "DESK", "applicantName", "Trần Thị Bé");
    complete(task("Task_CheckDossier", onTheSpot), withVariables("receptionDecision", "ACCEPT"));
    waiting.put("Task_ResolveOnTheSpot", onTheSpot);

    waiting.put("Task_DigitiseDossier", acceptedHouseholdBusiness("DESK"));

    ProcessInstance scanned = acceptedHouseholdBusiness("DESK");
    scanAll(scanned);
    complete(task("Task_DigitiseDossier", scanned), withVariables("scannedAll", true));
    waiting.put("Task_TransferDossier", scanned);

    waiting.put("Task_AssignSpecialist", acceptedHouseholdBusiness("ONLINE"));

    ProcessInstance assigned = acceptedHouseholdBusiness("ONLINE");
    complete(task("Task_AssignSpecialist", agency(assigned)), withVariables("specialist", SPECIALIST));
    waiting.put("Task_Appraise", assigned);

    ProcessInstance consulting = acceptedHouseholdBusiness("ONLINE");
    assignAndPropose(consulting, withVariables("proposedOutcome", "CONSULT", "consultedAgencies", "dakrlap-tnmt",
        "consultationQuestion", "Địa điểm có nằm trong quy hoạch không?", "consultationDays", 2));
    waiting.put("Task_GiveOpinion", consulting);

    ProcessInstance proposed = acceptedHouseholdBusiness("ONLINE");
    assignAndPropose(proposed, withVariables("proposedOutcome", "RESULT", "resultSummary", "Cấp giấy chứng nhận"));
    waiting.put("Task_Approve", proposed);

    ProcessInstance supplement = acceptedHouseholdBusiness("ONLINE");
    assignAndPropose(supplement, withVariables("proposedOutcome", "SUPPLEMENT", "missingDocuments", "Bản vẽ mặt bằng"));
    approve(supplement);
    waiting.put("Task_AwaitSupplementInHandling", supplement);

    ProcessInstance result = acceptedHouseholdBusiness("ONLINE");
    handleWithResult(result);
    waiting.put("Task_ReturnResult", result);

    waiting.forEach((step, dossier) -> assertThat(openTasks(dossier)).as("dossier prepared for %s", step)
        .extracting(Task::getTaskDefinitionKey).contains(step));
    assertThat(openTasks(late)).extracting(Task::getTaskDefinitionKey).contains("Task_WriteExplanation");
    return waiting;
  }

  /** Completes whatever the dossier and its legs wait for, as the clerks, specialists and heads would. */
  private List<String> finish(ProcessInstance dossier) {
    List<String> passed = new ArrayList<>();
    for (int step = 0; step < 40; step++) {
      List<Task> open = openTasks(dossier);
      if (open.isEmpty()) {
        break;
      }
      Task next = open.get(0);
      passed.add(next.getTaskDefinitionKey());
      Map<String, Object> input = switch (next.getTaskDefinitionKey()) {
        case "Task_CheckDossier" -> withVariables("receptionDecision", "ACCEPT");
        case "Task_AwaitSupplementAtReception", "Task_AwaitSupplementInHandling" -> withVariables("supplementComplete", true);
        case "Task_ResolveOnTheSpot" -> withVariables("handlingOutcome", "RESULT", "resultSummary", "Giấy khai sinh");
        case "Task_DigitiseDossier" -> {
          scanAll(dossier);
          yield withVariables("scannedAll", true);
        }
        case "Task_TransferDossier" -> withVariables("handedOver", true);
        case "Task_AssignSpecialist" -> withVariables("specialist", SPECIALIST);
        case "Task_Appraise" -> withVariables("proposedOutcome", "RESULT", "resultSummary", "Cấp giấy chứng nhận");
        case "Task_GiveOpinion" -> withVariables("opinion", "Không nằm trong quy hoạch");
        case "Task_Approve" -> withVariables("approved", true);
        case ADDED_STEP -> Map.of();
        case "Task_WriteApology", "Task_WriteLateApology" ->
            withVariables("apologyReason", "Cần xác minh địa điểm kinh doanh", "newDueDate", "2026-03-13");
        case "Task_WriteExplanation", "Task_WriteExplanationAfterResult" -> withVariables("explanation", "Chuyên viên nghỉ ốm");
        case "Task_ReturnResult" -> withVariables("returnChannel", "DESK", "rating", "SATISFIED");
        default -> throw new AssertionError("No test input for " + next.getTaskDefinitionKey());
      };
      taskService.complete(next.getId(), input);
    }
    return passed;
  }

  private List<Task> openTasks(ProcessInstance dossier) {
    List<String> instances = new ArrayList<>();
    instances.add(dossier.getId());
    legs(dossier).forEach(leg -> instances.add(leg.getId()));
    return taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).orderByTaskCreateTime().asc()
        .orderByTaskId().asc().list();
  }

  private List<ProcessInstance> legs(ProcessInstance dossier) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(dossier.getId()).list();
  }

  // ------------------------------------------------------------------------------------------------ the change

  /** What a designer does in Modeler, done with the model API: a legal check between approval and the leg's end. */
  private Deployment deployWithAStepAddedInHandling() {
    BpmnModelInstance handling = Bpmn.readModelFromFile(Path.of("bpmn/agency-handling.bpmn").toFile());
    Process process = handling.getModelElementsByType(Process.class).iterator().next();
    SequenceFlow approved = handling.getModelElementById("Flow_Approved");
    FlowNode finish = handling.getModelElementById("Task_FinishLeg");

    UserTask check = handling.newInstance(UserTask.class);
    check.setId(ADDED_STEP);
    check.setName("Kiểm tra pháp chế");
    check.setCamundaCandidateGroups("${handlingAgencyId}-heads");
    check.setCamundaDueDate("${approveDueAt}");
    process.addChildElement(check);
    approved.setTarget(check);
    finish.getIncoming().remove(approved);
    check.getIncoming().add(approved);

    SequenceFlow checked = handling.newInstance(SequenceFlow.class);
    checked.setId("Flow_LegalChecked");
    process.addChildElement(checked);
    checked.setSource(check);
    checked.setTarget(finish);
    check.getOutgoing().add(checked);
    finish.getIncoming().add(checked);
    Bpmn.validateModel(handling);

    DeploymentBuilder deployment = repositoryService.createDeployment().name("designers-migration-test")
        .addModelInstance("agency-handling.bpmn", handling);
    try (Stream<Path> forms = Files.list(Path.of("bpmn/forms"))) {
      deployment.addInputStream("dossier.bpmn", Files.newInputStream(Path.of("bpmn/dossier.bpmn")));
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
        deployment.addInputStream("forms/" + form.getFileName(), Files.newInputStream(form));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deployment.deploy();
  }

  /** The plan docs/designers.md shows: every activity that exists in both versions keeps its place. */
  private void migrate(ProcessDefinition from, ProcessDefinition to, List<String> instances) {
    MigrationPlan plan = runtimeService.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build();
    runtimeService.newMigration(plan).processInstanceIds(instances).execute();
  }

  /** Timers the migration created that the dossier did not have: the apology timer that already ran. */
  private void deleteRearmedTimers(String step, ProcessInstance dossier, Set<String> timersBefore, String apologyTimers) {
    for (Job timer : timersOf(dossier)) {
      if (timersBefore.contains(timer.getId() + " " + time(timer.getDuedate()))) {
        continue;
      }
      assertThat(timer.getJobDefinitionId()).as("%s: the only timer re-armed by the migration is the apology's, which already ran", step)
          .isEqualTo(apologyTimers);
      assertThat(timer.getDuedate()).as("%s: re-armed with its past due date", step).isBefore(ClockUtil.getCurrentTime());
      assertThat(timer.isSuspended()).as("%s: held by its suspended job definition until deleted", step).isTrue();
      managementService.deleteJob(timer.getId());
    }
  }

  private List<Job> timersOf(ProcessInstance dossier) {
    List<Job> timers = new ArrayList<>(managementService.createJobQuery().processInstanceId(dossier.getId()).timers().list());
    legs(dossier).forEach(leg -> timers.addAll(managementService.createJobQuery().processInstanceId(leg.getId()).timers().list()));
    return timers;
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  private ProcessDefinition definitionOf(ProcessInstance instance) {
    String id = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getProcessDefinitionId();
    return repositoryService.getProcessDefinition(id);
  }

  // ------------------------------------------------------------------------------------------------ what must survive

  record Snapshot(long dossierId, Object originalDueAt, Object dueAt, Set<String> tasks, Set<String> timers,
      Set<String> authorizations, Map<String, Object> deadlines) {}

  private Snapshot snapshot(ProcessInstance dossier) {
    List<String> instances = new ArrayList<>();
    instances.add(dossier.getId());
    legs(dossier).forEach(leg -> instances.add(leg.getId()));

    Set<String> tasks = new TreeSet<>();
    Set<String> resources = new TreeSet<>(instances);
    for (Task task : openTasks(dossier)) {
      Set<String> groups = new TreeSet<>();
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        groups.add(link.getType() + ":" + link.getGroupId() + ":" + link.getUserId());
      }
      tasks.add(task.getId() + " " + task.getTaskDefinitionKey() + " due " + time(task.getDueDate()) + " assignee "
          + task.getAssignee() + " " + groups);
      resources.add(task.getId());
    }
    Set<String> timers = new TreeSet<>();
    for (Job timer : timersOf(dossier)) {
      timers.add(timer.getId() + " " + time(timer.getDuedate()));
    }
    Set<String> authorizations = new TreeSet<>();
    for (String resource : resources) {
      for (Authorization a : authorizationService.createAuthorizationQuery().resourceId(resource).list()) {
        authorizations.add(a.getId() + " " + a.getResourceType() + " " + a.getResourceId() + " " + a.getGroupId() + " "
            + a.getUserId() + " " + a.getAuthorizationType());
      }
    }
    Map<String, Object> deadlines = new HashMap<>();
    for (String instance : instances) {
      runtimeService.getVariables(instance).forEach((name, value) -> {
        if (value instanceof Date date) {
          deadlines.put(instance + "." + name, date.toInstant());
        }
      });
    }
    long id = dossierId(dossier);
    DossierRow row = rowById(id);
    return new Snapshot(id, row.originalDueAt(), row.dueAt(), tasks, timers, authorizations, deadlines);
  }

  private static String time(Date date) {
    return date == null ? "-" : date.toInstant().toString();
  }
}
