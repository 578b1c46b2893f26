package vn.onestop.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.process.EngineTime;
import vn.onestop.dossier.DossierVariables;
import vn.onestop.register.DossierQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import vn.onestop.process.WithoutAuthorization;
import vn.onestop.security.AgencyScope;

/**
 * Per-agency isolation of dossiers, enforced by the engine's own authorizations so that Tasklist,
 * Cockpit and {@code /engine-rest} all obey it; who reads what is {@link AgencyScope}'s rule, the same
 * one OneStop's API and reports apply. The engine grants a task's candidate groups and assignee their
 * rights on it; this plugin adds READ (only) for the supervisors above the task's agency. Process
 * instances are created at run time, so no standing grant can say "the dossiers of agency A"; instead
 * this plugin adds listeners to the dossier models when they are parsed (no change to the BPMN files):
 *
 * <ul>
 *   <li>at the start of a {@code dossier} instance, a user who names a receiving agency must be one of
 *       its one-stop clerks (or an administrator): a clerk of A cannot receive for B;</li>
 *   <li>when the register has resolved the receiving and handling agencies (end of
 *       {@value #REGISTER_TASK}), and when an {@code agency-handling} leg knows its agency (its start,
 *       if the caller passes {@code handlingAgencyId}, and the end of {@value #START_LEG_TASK}), the groups of those
 *       agencies and the supervisors of every agency above them get READ on the instance (runtime:
 *       instance and its variables) and on its history. A leg also grants its agency READ on the
 *       dossier it belongs to, so interlinked dossiers open up to each agency they reach.</li>
 *   <li>every user task offered to a group of an agency that has stopped (a reorganisation) is offered
 *       to the same role at its successor for the dossier (by territory and procedure) as well;</li>
 *   <li>the return of the result is offered also to the clerks of the one-stop department the applicant
 *       chose (Decree 118/2025 Art. 14).</li>
 *   <li>every user task of a dossier or leg is readable (not claimable, not completable) by the
 *       supervisors of its agency and of every agency above (issue 15.5), one row per supervisors group;</li>
 *   <li>when a leg asks other agencies for their opinion (end of {@value #REQUEST_CONSULTATION_TASK}),
 *       the consulted agencies get the same READ on the leg and the dossier.</li>
 * </ul>
 *
 * <p>Historic instance permissions are switched on here, so the history of one dossier can be granted
 * without READ_HISTORY on the whole process definition.
 */
@Component
public class DossierAccess extends AbstractProcessEnginePlugin {

  static final String DOSSIER = "dossier";
  static final String AGENCY_HANDLING = "agency-handling";
  static final String REGISTER_TASK = "Task_RegisterDossier";
  /** Where a leg learns its agency ({@code legStarted} sets {@code handlingAgencyId} from the leg number). */
  static final String START_LEG_TASK = "Task_StartLeg";
  /** Where a leg asks other agencies for their opinion ({@code consultationAgencies} is set there). */
  static final String REQUEST_CONSULTATION_TASK = "Task_RequestConsultation";
  static final String ADMINISTRATORS = AgencyScope.ADMINISTRATORS;
  /** The return of the result, offered also at the one-stop department the applicant chose. */
  static final String RETURN_TASK = "Task_ReturnResult";

  private final Organisation organisation;
  private final EngineTime time;
  private final AgencyScope scope;
  /** The register, looked up when a task is created (the plugin is built before the register's beans). */
  private final ObjectProvider<DossierQueries> dossiers;

  public DossierAccess(Organisation organisation, EngineTime time, AgencyScope scope) {
    this(organisation, time, scope, null);
  }

  @Autowired
  public DossierAccess(Organisation organisation, EngineTime time, AgencyScope scope, ObjectProvider<DossierQueries> dossiers) {
    this.dossiers = dossiers;
    this.organisation = organisation;
    this.time = time;
    this.scope = scope;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableHistoricInstancePermissions(true);
    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new DossierModelListeners());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Attaches the checks and grants to the dossier models as they are deployed. */
  private final class DossierModelListeners extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
      if (DOSSIER.equals(process.getKey())) {
        process.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) DossierAccess.this::checkReceivingAgency);
      } else if (AGENCY_HANDLING.equals(process.getKey())) {
        process.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) DossierAccess.this::openLeg);
      }
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
            (TaskListener) DossierAccess.this::offerToSuccessors);
        if (RETURN_TASK.equals(activity.getId())) {
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
              (TaskListener) DossierAccess.this::offerToReturnDesk);
        }
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && (DOSSIER.equals(definition.getKey()) || AGENCY_HANDLING.equals(definition.getKey()))) {
          // last: after the successors and the return desk have been offered the task
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
              (TaskListener) DossierAccess.this::openTaskToSupervisors);
        }
      }
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition)) {
        return;
      }
      if (DOSSIER.equals(definition.getKey()) && REGISTER_TASK.equals(activity.getId())) {
        activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) DossierAccess.this::openDossier);
      } else if (AGENCY_HANDLING.equals(definition.getKey()) && START_LEG_TASK.equals(activity.getId())) {
        activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) DossierAccess.this::openLeg);
      } else if (AGENCY_HANDLING.equals(definition.getKey()) && REQUEST_CONSULTATION_TASK.equals(activity.getId())) {
        activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) DossierAccess.this::openToConsulted);
      }
    }
  }

  /**
   * A user starting a dossier for a named receiving agency must be one of its clerks. Starts without
   * an authenticated user (the portal's online submission, the system itself) are not a clerk acting
   * and pass; an empty agency is derived from the clerk's own group by the register.
   */
  void checkReceivingAgency(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    Object named = execution.getVariable(DossierVariables.RECEIVING_AGENCY_ID);
    if (authentication == null || authentication.getUserId() == null || !(named instanceof String agencyId)
        || agencyId.isBlank()) {
      return;
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (groups.contains(ADMINISTRATORS)) {
      return;
    }
    String clerks = organisation.find(agencyId.trim()).map(Agency::clerksGroup).orElse(null);
    if (clerks == null || !groups.contains(clerks)) {
      throw new AuthorizationException("Người dùng " + authentication.getUserId() + " không thuộc bộ phận một cửa của '"
          + agencyId.trim() + "' nên không được tiếp nhận hồ sơ cho cơ quan này (user " + authentication.getUserId()
          + " is not a clerk of the receiving agency '" + agencyId.trim() + "')");
    }
  }

  /** The register resolved the agencies: they (and their supervisors) may read the dossier. */
  void openDossier(DelegateExecution execution) {
    Set<String> readers = new LinkedHashSet<>();
    readers.addAll(readersOf(text(execution, DossierVariables.RECEIVING_AGENCY_ID)));
    readers.addAll(readersOf(text(execution, DossierVariables.HANDLING_AGENCY_ID)));
    readers.addAll(readersOf(text(execution, DossierVariables.RETURN_AGENCY_ID)));
    grantRead(execution, execution.getProcessInstanceId(), readers);
  }

  /** A leg starts at an agency: it reads the leg and the dossier the leg belongs to. */
  void openLeg(DelegateExecution execution) {
    grantReadOnLegAndDossier(execution, readersOf(text(execution, DossierVariables.HANDLING_AGENCY_ID)));
  }

  /**
   * A leg asks other agencies for their opinion (lấy ý kiến, Decree 61/2018 Art. 19.5): to answer they
   * read the dossier and the leg that asks, as the agencies handling it do.
   */
  void openToConsulted(DelegateExecution execution) {
    Set<String> readers = new LinkedHashSet<>();
    String consulted = text(execution, DossierVariables.CONSULTATION_AGENCIES);
    for (String agency : consulted == null ? new String[0] : consulted.split(",")) {
      readers.addAll(readersOf(agency.trim()));
    }
    grantReadOnLegAndDossier(execution, readers);
  }

  private void grantReadOnLegAndDossier(DelegateExecution leg, Set<String> readers) {
    grantRead(leg, leg.getProcessInstanceId(), readers);
    DelegateExecution dossier = leg.getSuperExecution();
    while (dossier != null) {
      grantRead(leg, dossier.getProcessInstanceId(), readers);
      dossier = dossier.getProcessInstance().getSuperExecution();
    }
  }

  /**
   * A task offered to the group of an agency that has stopped (after a reorganisation) is offered to
   * the same role at its successor for this dossier (by its territory and procedure) too; see {@link ReorganisationHandOver} for the tasks already open.
   */
  void offerToSuccessors(DelegateTask task) {
    LocalDate today = LocalDate.ofInstant(time.now(), ProcedureCatalog.VIETNAM);
    if (task.getCandidates().stream().map(IdentityLink::getGroupId)
        .noneMatch(g -> g != null && organisation.actsForStoppedAgency(g, today))) {
      return; // every candidate's agency still works (the usual case): no successor, no register read (issue 18.3)
    }
    Set<String> successors = new LinkedHashSet<>();
    String territory = null;
    String procedure = null;
    DossierQueries register = dossiers == null ? null : dossiers.getIfAvailable();
    if (register != null && task.getVariable(DossierVariables.DOSSIER_ID) instanceof Number id) {
      var place = register.placeOf(id.longValue()).orElse(null);
      if (place != null) {
        territory = organisation.territoryOf(place.territoryAgencyId(), place.receivingAgencyId());
        procedure = place.procedureCode();
      }
    }
    for (IdentityLink candidate : task.getCandidates()) {
      if (candidate.getGroupId() != null) {
        organisation.successorGroup(candidate.getGroupId(), today, territory, procedure).ifPresent(successors::add);
      }
    }
    successors.forEach(task::addCandidateGroup);
  }

  /**
   * The result is returned where the applicant chose (Decree 118/2025 Art. 14): when that is not the
   * receiving one-stop department, its clerks are offered the return too (the model names the receiving
   * department's clerks, so instances of earlier model versions keep working).
   */
  void offerToReturnDesk(DelegateTask task) {
    if (task.getVariable(DossierVariables.RETURN_AGENCY_ID) instanceof String returnAt
        && !returnAt.equals(task.getVariable(DossierVariables.RECEIVING_AGENCY_ID))) {
      organisation.find(returnAt).filter(Agency::isOneStop).ifPresent(desk -> task.addCandidateGroup(desk.clerksGroup()));
    }
  }

  /**
   * Supervisors see the work (issue 15.5): the supervisors of the agencies whose subtree holds the
   * task's agency ({@link AgencyScope#taskSupervisorGroups}, from its candidate groups) get READ on the
   * task - one row per supervisors group, never per user, and nothing else: claiming, completing and
   * assigning stay with the candidates. A task exists only once its leg has started, so a later leg's
   * agency and its supervisors see nothing before. The engine deletes a task's authorizations with the
   * task ({@code TaskManager.deleteTask}), so nothing is left behind when it ends.
   */
  void openTaskToSupervisors(DelegateTask task) {
    Set<String> candidates = new LinkedHashSet<>();
    for (IdentityLink candidate : task.getCandidates()) {
      if (candidate.getGroupId() != null) {
        candidates.add(candidate.getGroupId());
      }
    }
    openTaskToSupervisors(task.getProcessEngineServices().getAuthorizationService(), scope, task.getId(), candidates, false);
  }

  /**
   * READ on the task for the supervisors above these candidate groups ({@link AgencyScope#taskSupervisorGroups});
   * {@code stored} false for a task created in this command. Also used when an open task is handed over.
   */
  static void openTaskToSupervisors(AuthorizationService authorizations, AgencyScope scope, String taskId,
      Collection<String> candidateGroups, boolean stored) {
    Set<String> supervisors = scope.taskSupervisorGroups(candidateGroups);
    if (!supervisors.isEmpty()) {
      WithoutAuthorization.run(() -> grant(authorizations, Resources.TASK, taskId, Permissions.READ, supervisors, stored));
    }
  }

  /** The groups that read what an agency has been reached by: {@link AgencyScope#readerGroups}. */
  Set<String> readersOf(String agencyId) {
    return scope.readerGroups(agencyId);
  }

  private static void grantRead(DelegateExecution execution, String processInstanceId, Collection<String> groups) {
    if (groups.isEmpty()) {
      return;
    }
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    WithoutAuthorization.run(() -> {
      grant(authorizations, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ, groups);
      grant(authorizations, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
          HistoricProcessInstancePermissions.READ, groups);
    });
  }

  /**
   * One authorization row per group and resource (the engine's unique constraint): an existing row
   * gets the permission added; rows inserted earlier in the same command are seen in the entity cache.
   *
   * @return how many of the groups did not have the permission before
   */
  static int grant(AuthorizationService authorizations, Resource resource, String resourceId,
      Permission permission, Collection<String> groups) {
    return grant(authorizations, resource, resourceId, permission, groups, true);
  }

  /**
   * As {@link #grant(AuthorizationService, Resource, String, Permission, Collection)}; {@code stored} false
   * for a resource created in this command (a new task), whose rows can only be in the entity cache: no query.
   */
  static int grant(AuthorizationService authorizations, Resource resource, String resourceId,
      Permission permission, Collection<String> groups, boolean stored) {
    Map<String, Authorization> existing = new HashMap<>();
    List<Authorization> rows = stored
        ? authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId).list() : List.of();
    for (Authorization row : rows) {
      if (row.getGroupId() != null) {
        existing.put(row.getGroupId(), row);
      }
    }
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      for (AuthorizationEntity row : context.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)) {
        if (row.getGroupId() != null && row.getResourceType() == resource.resourceType() && resourceId.equals(row.getResourceId())) {
          existing.put(row.getGroupId(), row);
        }
      }
    }
    int added = 0;
    for (String group : groups) {
      Authorization grant = existing.get(group);
      if (grant != null && grant.isPermissionGranted(permission)) {
        continue;
      }
      if (grant == null) {
        grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
      }
      grant.addPermission(permission);
      authorizations.saveAuthorization(grant);
      added++;
    }
    return added;
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof String s && !s.isBlank() ? s.trim() : null;
  }
}
