package vn.onestop.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.AgencyRole;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.process.EngineTime;
import vn.onestop.process.WithoutAuthorization;
import vn.onestop.security.AgencyScope;

/**
 * Bàn giao công việc khi sắp xếp tổ chức (hand-over of running work in a reorganisation): when an
 * agency has stopped ({@code validTo} passed) and its {@code successor} holds its competence - the
 * districts abolished by the 2025 two-tier reform, merged provinces - the successor's staff take over.
 * For each role, the successor's group
 *
 * <ul>
 *   <li>becomes a candidate of every open task offered to the old agency's group (a task already
 *       claimed stays with its assignee; if she hands it back, the successor's staff can claim it), and</li>
 *   <li>gets READ on every dossier and leg the old group reads, running and in history.</li>
 * </ul>
 *
 * <p>An agency with successors by area or procedure (a district after the 2025 reform) hands each dossier
 * over to the successor for that dossier's territory and procedure ({@link HandOverByDossier}).
 *
 * <p>Clerks' tasks go to the successor's one-stop department when the successor receives no dossiers
 * itself. Nothing is taken away from the old groups (their members keep what they had until an
 * administrator removes them), and nothing is written twice: run at every start-up (after
 * {@link OrganisationGroups}) and every night, it only adds what is missing. Tasks created later are
 * offered to the successor by {@link DossierAccess}. Camunda's history records each added candidate
 * group with its time, which is the hand-over's trace. OneStop's own API follows the same rule
 * through {@link Organisation#predecessorsOn}.
 */
@Component
@Order(20)
public class ReorganisationHandOver implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ReorganisationHandOver.class);
  static final int PAGE = 500;

  private final Organisation organisation;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final EngineTime time;
  private final HandOverByDossier byDossier;
  private final AgencyScope scope;

  public ReorganisationHandOver(Organisation organisation, TaskService taskService,
      AuthorizationService authorizationService, EngineTime time, HandOverByDossier byDossier, AgencyScope scope) {
    this.byDossier = byDossier;
    this.scope = scope;
    this.organisation = organisation;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.time = time;
  }

  /**
   * What one hand-over added: tasks newly offered to the successor's groups, and process instances
   * (dossiers and their legs) the successor's groups newly read.
   */
  public record HandedOver(String fromAgencyId, String toAgencyId, int tasks, int processInstances) {}

  @Override
  public void run(ApplicationArguments args) {
    handOverWhatHasStopped();
  }

  /**
   * Every night at 00:05 in Vietnam, so a reorganisation that takes effect while OneStop runs is applied
   * on its first day without a restart. A failure (e.g. two nodes at once) is logged; the next run
   * completes the hand-over, as it adds only what is missing.
   */
  @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Ho_Chi_Minh")
  @SchedulerLock(name = "reorganisation-hand-over", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
  public void nightly() {
    try {
      handOverWhatHasStopped();
    } catch (RuntimeException e) {
      LOG.warn("Reorganisation hand-over failed; the next run completes it", e);
    }
  }

  /** Hands over the work of every agency that has stopped by today to its successor(s). */
  public void handOverWhatHasStopped() {
    LocalDate today = LocalDate.ofInstant(time.now(), ProcedureCatalog.VIETNAM);
    for (Agency agency : organisation.all()) {
      if (agency.allSuccessorIds().isEmpty() || agency.validTo() == null || !today.isAfter(agency.validTo())) {
        continue;
      }
      if (!agency.successors().isEmpty()) {
        HandedOver done = byDossier.handOver(agency, today);
        if (done.tasks() > 0 || done.processInstances() > 0) {
          LOG.info("Reorganisation: {} open tasks and {} process instances of {} handed over by area and procedure",
              done.tasks(), done.processInstances(), agency.id());
        }
        continue;
      }
      Agency successor = organisation.successorOn(agency.id(), today);
      if (!successor.id().equals(agency.id())) {
        HandedOver done = handOver(agency, successor);
        if (done.tasks() > 0 || done.processInstances() > 0) {
          LOG.info("Reorganisation: {} open tasks and {} process instances of {} handed over to {}", done.tasks(),
              done.processInstances(), agency.id(), successor.id());
        }
      }
    }
  }

  /** Hands the open tasks and the dossiers of {@code from} over to {@code to}, role by role. */
  public HandedOver handOver(Agency from, Agency to) {
    int tasks = 0;
    Set<String> instances = new HashSet<>();
    for (AgencyRole role : AgencyRole.values()) {
      String oldGroup = role.groupId(from.id());
      String newGroup = organisation.groupAt(to, role).orElse(null);
      if (newGroup == null) {
        continue;
      }
      tasks += WithoutAuthorization.call(() -> offerOpenTasks(oldGroup, newGroup));
      instances.addAll(WithoutAuthorization.call(() -> shareDossiers(oldGroup, newGroup)));
    }
    return new HandedOver(from.id(), to.id(), tasks, instances.size());
  }

  private int offerOpenTasks(String oldGroup, String newGroup) {
    int added = 0;
    for (Task task : openTasks(taskService, oldGroup)) {
      added += offer(taskService, authorizationService, scope, task, newGroup);
    }
    return added;
  }

  /** Every open task offered to the group (claimed or not). */
  static List<Task> openTasks(TaskService taskService, String group) {
    List<Task> open = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<Task> page = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
          .orderByTaskId().asc().listPage(first, PAGE);
      open.addAll(page);
      if (page.size() < PAGE) {
        return open;
      }
    }
  }

  /**
   * Offers the task to the group unless it is already, and lets the supervisors above the group read it
   * (as {@link DossierAccess} does for a new task); 1 when added.
   */
  static int offer(TaskService taskService, AuthorizationService authorizations, AgencyScope scope, Task task,
      String group) {
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && group.equals(link.getGroupId())) {
        return 0;
      }
    }
    taskService.addCandidateGroup(task.getId(), group);
    DossierAccess.openTaskToSupervisors(authorizations, scope, task.getId(), List.of(group), true);
    return 1;
  }

  /** READ on every process instance (runtime and history) the old group reads; returns those newly shared. */
  private Set<String> shareDossiers(String oldGroup, String newGroup) {
    Set<String> shared = new HashSet<>();
    share(Resources.PROCESS_INSTANCE, Permissions.READ, oldGroup, newGroup, shared);
    share(Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ, oldGroup, newGroup, shared);
    return shared;
  }

  private void share(Resource resource, Permission read, String oldGroup, String newGroup, Set<String> shared) {
    for (String id : readBy(authorizationService, resource, read, oldGroup)) {
      if (DossierAccess.grant(authorizationService, resource, id, read, List.of(newGroup)) > 0) {
        shared.add(id);
      }
    }
  }

  /** The resources (process instances) the group has {@code read} on, one by one (not ANY). */
  static List<String> readBy(AuthorizationService authorizationService, Resource resource, Permission read, String group) {
    List<String> ids = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<Authorization> page = authorizationService.createAuthorizationQuery().groupIdIn(group)
          .resourceType(resource).hasPermission(read).orderByResourceId().asc().listPage(first, PAGE);
      page.stream().map(Authorization::getResourceId).filter(id -> !Authorization.ANY.equals(id)).forEach(ids::add);
      if (page.size() < PAGE) {
        return ids;
      }
    }
  }
}
