package vn.onestop.identity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.AgencyRole;
import vn.onestop.catalog.Organisation;
import vn.onestop.identity.ReorganisationHandOver.HandedOver;
import vn.onestop.process.WithoutAuthorization;
import vn.onestop.register.DossierQueries;
import vn.onestop.register.DossierQueries.DossierPlace;
import vn.onestop.security.AgencyScope;

/**
 * Bàn giao theo địa bàn và theo thủ tục (hand-over by area and by procedure): a stopped agency with no
 * single successor - a district after the 2025 two-tier reform - hands each of its dossiers to the
 * successor for that dossier ({@link Organisation#successorFor}): the new commune that governs the
 * dossier's territory, or the provincial department that took its procedure over. Per role, that
 * successor's group becomes a candidate of the dossier's open tasks and reads the dossier and its legs,
 * running and in history - the same as {@link ReorganisationHandOver} does group by group, and as
 * idempotent (only what is missing is added).
 */
@Component
class HandOverByDossier {

  private final Organisation organisation;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final HistoryService historyService;
  private final DossierQueries dossiers;
  private final AgencyScope scope;

  HandOverByDossier(Organisation organisation, TaskService taskService, AuthorizationService authorizationService,
      HistoryService historyService, DossierQueries dossiers, AgencyScope scope) {
    this.scope = scope;
    this.organisation = organisation;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.historyService = historyService;
    this.dossiers = dossiers;
  }

  /** Hands every dossier of {@code from} over to its successor on {@code day}. */
  HandedOver handOver(Agency from, LocalDate day) {
    return WithoutAuthorization.call(() -> {
      Map<String, Optional<Agency>> successors = new HashMap<>();
      int tasks = 0;
      Set<String> instances = new HashSet<>();
      for (AgencyRole role : AgencyRole.values()) {
        String oldGroup = role.groupId(from.id());
        for (Task task : ReorganisationHandOver.openTasks(taskService, oldGroup)) {
          Optional<String> group = groupFor(from, role, task.getProcessInstanceId(), day, successors);
          tasks += group.map(g -> ReorganisationHandOver.offer(taskService, authorizationService, scope, task, g)).orElse(0);
        }
        share(from, role, Resources.PROCESS_INSTANCE, Permissions.READ, day, successors, instances);
        share(from, role, Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ, day, successors,
            instances);
      }
      return new HandedOver(from.id(), null, tasks, instances.size());
    });
  }

  private void share(Agency from, AgencyRole role, Resource resource, Permission read, LocalDate day,
      Map<String, Optional<Agency>> successors, Set<String> shared) {
    for (String instance : ReorganisationHandOver.readBy(authorizationService, resource, read, role.groupId(from.id()))) {
      Optional<String> group = groupFor(from, role, instance, day, successors);
      if (group.isPresent() && DossierAccess.grant(authorizationService, resource, instance, read, List.of(group.get())) > 0) {
        shared.add(instance);
      }
    }
  }

  /** The successor's group of the role for the dossier a process instance (dossier or leg) belongs to. */
  private Optional<String> groupFor(Agency from, AgencyRole role, String processInstanceId, LocalDate day,
      Map<String, Optional<Agency>> successors) {
    Optional<Agency> successor = successors.computeIfAbsent(processInstanceId, pi -> place(pi).map(p ->
        organisation.successorFor(from.id(), day, organisation.territoryOf(p.territoryAgencyId(), p.receivingAgencyId()),
            p.procedureCode())).or(() -> Optional.of(organisation.successorOn(from.id(), day))));
    return successor.filter(s -> !s.id().equals(from.id())).flatMap(s -> organisation.groupAt(s, role));
  }

  private Optional<DossierPlace> place(String processInstanceId) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    String root = instance == null || instance.getRootProcessInstanceId() == null
        ? processInstanceId : instance.getRootProcessInstanceId();
    return dossiers.placeOf(root);
  }
}
