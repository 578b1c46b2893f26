package vn.onestop.identity;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import vn.onestop.document.Digitisation;
import vn.onestop.document.DocumentOrigin;

/**
 * Staff and dossiers for the isolation tests: users beside the demo ones, and real {@code dossier}
 * instances moved to a given step through the Java API, as the system (no authenticated user) except
 * for the start, which a clerk of the receiving agency does.
 */
public class DossierFixtures {

  public static final String PASSWORD = "Demo@2026!";
  static final byte[] SCAN = "%PDF-1.4\n% scan\n".getBytes(StandardCharsets.US_ASCII);

  /** An agency of the matrix: who receives there, with which procedure, and who handles. */
  public enum Desk {
    /** Commune of Nhân Cơ: correction of civil-status information, handled by the commune itself. */
    A("nhan-co", "DNO.HT.01", "clerk", "specialist"),
    /** Commune of Kiến Thành, same procedure. */
    B("kien-thanh", "DNO.HT.01", "clerk2", "specialist-kt"),
    /** District one-stop department: household business registration, handled by the finance office. */
    D("dakrlap-mot-cua", "1.001612", "district-clerk", "tckh-specialist");

    public final String agencyId;
    public final String procedure;
    public final String clerk;
    public final String specialist;

    Desk(String agencyId, String procedure, String clerk, String specialist) {
      this.agencyId = agencyId;
      this.procedure = procedure;
      this.clerk = clerk;
      this.specialist = specialist;
    }
  }

  /** Where a fixture dossier waits. */
  public enum Step { CHECK, TRANSFERRED, ASSIGN, APPRAISE }

  /** A dossier waiting at a task; {@code leg} is the agency-handling instance once transferred. */
  public record Dossier(String instanceId, String legId, String taskId) {
    public List<String> instances() {
      return legId == null ? List.of(instanceId) : List.of(instanceId, legId);
    }
  }

  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Digitisation digitisation;

  public DossierFixtures(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
      Digitisation digitisation) {
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.digitisation = digitisation;
  }

  /** The users the matrix needs beyond the demo users (idempotent). */
  public void ensureStaff() {
    ensureUser("specialist-kt", "kien-thanh-specialists");
    ensureUser("head-kt", "kien-thanh-heads");
    ensureUser("supervisor-nc", "nhan-co-supervisors");
    ensureUser("tckh-specialist", "dakrlap-tckh-specialists");
    ensureUser("designer", OrganisationGroups.DESIGNERS);
  }

  public void ensureUser(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName(userId);
      user.setLastName("Kiểm thử");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }

  public List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  /** A new dossier received at the desk by its clerk and moved to {@code step}. */
  public Dossier dossier(Desk desk, Step step, String applicant) {
    return dossier(desk, desk.procedure, step, applicant);
  }

  /** The same with another procedure received at the desk (e.g. an interlinked one). */
  public Dossier dossier(Desk desk, String procedure, Step step, String applicant) {
    return dossier(desk, procedure, step, applicant, Map.of());
  }

  /** The same with more start variables (e.g. the applicant's national ID number). */
  public Dossier dossier(Desk desk, String procedure, Step step, String applicant, Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>(more);
    variables.put("procedureCode", procedure);
    variables.put("receivingAgencyId", desk.agencyId);
    variables.put("channel", "DESK");
    variables.put("applicantName", applicant);
    ProcessInstance instance;
    identityService.setAuthentication(desk.clerk, groupsOf(desk.clerk));
    try {
      instance = runtimeService.startProcessInstanceByKey("dossier", variables);
    } finally {
      identityService.clearAuthentication();
    }
    String id = instance.getId();
    Task check = task(id);
    if (step == Step.CHECK) {
      return new Dossier(id, null, check.getId());
    }
    taskService.complete(check.getId(), Map.of("receptionDecision", "ACCEPT"));
    long dossierId = ((Number) runtimeService.getVariable(id, "dossierId")).longValue();
    for (String component : digitisation.missingComponents(dossierId)) {
      digitisation.upload(dossierId, component, component + ".pdf", "application/pdf", SCAN, DocumentOrigin.ORIGINAL_SCAN,
          null, desk.clerk);
    }
    taskService.complete(task(id).getId(), Map.of("scannedAll", true));
    taskService.complete(task(id).getId(), Map.of("handedOver", true));
    String leg = runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list().get(0).getId();
    Task assign = task(leg);
    if (step == Step.TRANSFERRED) {
      return new Dossier(id, leg, assign.getId());
    }
    if (step == Step.ASSIGN) {
      return new Dossier(id, leg, assign.getId());
    }
    taskService.complete(assign.getId(), Map.of("specialist", desk.specialist));
    return new Dossier(id, leg, task(leg).getId());
  }

  private Task task(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }
}
