package vn.onestop.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.AgencyGroup;
import vn.onestop.catalog.AgencyRole;
import vn.onestop.catalog.Organisation;

/**
 * Keeps Camunda's groups in step with the organisation files (cơ cấu tổ chức): one group per agency
 * and role ({@code <agencyId>-clerks|specialists|heads|supervisors}), with the webapps and process
 * rights each role needs. Runs at every start-up and is idempotent; a renamed agency renames its
 * groups. Users are managed in Camunda Admin (or, on the demo run, by {@link DemoData}).
 */
@Component
@Order(10)
public class OrganisationGroups implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationGroups.class);

  /** The processes a one-stop clerk may start (receive a dossier). */
  static final List<String> RECEPTION_PROCESSES = List.of("dossier");

  /** The models every agency group reads (Tasklist shows their names; call activities read them). */
  static final List<String> DOSSIER_PROCESSES = List.of("dossier", "agency-handling", "feedback", "procedure-review",
      "plan-task");

  /**
   * Process designers (thiết kế quy trình): deploy the models of bpmn/ (Modeler or Cockpit) and read
   * the definitions, but neither start nor read dossiers, and manage no users. Not an agency role.
   */
  static final String DESIGNERS = "designers";

  private final Organisation organisation;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public OrganisationGroups(Organisation organisation, IdentityService identityService,
      AuthorizationService authorizationService) {
    this.organisation = organisation;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = 0;
    for (AgencyGroup agencyGroup : organisation.groups()) {
      Group group = identityService.createGroupQuery().groupId(agencyGroup.id()).singleResult();
      if (group == null) {
        group = identityService.newGroup(agencyGroup.id());
        created++;
      }
      if (!agencyGroup.name().equals(group.getName()) || !"WORKFLOW".equals(group.getType())) {
        group.setName(agencyGroup.name());
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
      grantRights(agencyGroup);
    }
    designers();
    LOG.info("Organisation groups in step: {} groups, {} created", organisation.groups().size(), created);
  }

  private void designers() {
    Group group = identityService.createGroupQuery().groupId(DESIGNERS).singleResult();
    if (group == null) {
      group = identityService.newGroup(DESIGNERS);
      group.setName("Thiết kế quy trình");
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
    grant(DESIGNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(DESIGNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ, Permissions.DELETE);
    grant(DESIGNERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.UPDATE, Permissions.DELETE);
    grant(DESIGNERS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    grant(DESIGNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
  }

  private void grantRights(AgencyGroup group) {
    grant(group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // Reading the definitions of the dossier models: Tasklist shows their names, and the engine reads
    // agency-handling when a clerk's transfer starts it as a call activity.
    for (String process : DOSSIER_PROCESSES) {
      grant(group.id(), Resources.PROCESS_DEFINITION, process, Permissions.READ);
    }
    if (group.role() == AgencyRole.SUPERVISORS || group.role() == AgencyRole.HEADS) {
      grant(group.id(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
    if (group.role() == AgencyRole.CLERKS) {
      for (String process : RECEPTION_PROCESSES) {
        grant(group.id(), Resources.PROCESS_DEFINITION, process, Permissions.READ, Permissions.CREATE_INSTANCE);
      }
      grant(group.id(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization grant = existing != null ? existing
        : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    boolean changed = existing == null;
    if (existing == null) {
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      if (!grant.isPermissionGranted(permission)) {
        grant.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(grant);
    }
  }
}
