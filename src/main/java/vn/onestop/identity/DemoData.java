package vn.onestop.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the demo users (dữ liệu mẫu) of the default run: a one-stop clerk, a specialist and a head
 * of agency beside the administrator the starter creates. Idempotent: an existing user is left as it
 * is, so a changed password survives restarts.
 */
@Component
@Order(100) // after OrganisationGroups, which creates the agency groups
@ConditionalOnProperty(prefix = "onestop.demo-data", name = "enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final DemoDataProperties properties;

  public DemoData(IdentityService identityService, AuthorizationService authorizationService,
      DemoDataProperties properties) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoDataProperties.DemoUser demo : properties.users()) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@demo.onestop.local");
        user.setPassword(properties.password());
        identityService.saveUser(user);
        LOG.info("Demo user '{}' created", demo.id());
      }
      for (String groupId : demo.groups()) {
        ensureGroup(groupId);
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(groupId).count() == 0) {
          identityService.createMembership(demo.id(), groupId);
        }
      }
      for (String application : demo.applications()) {
        grantApplication(demo.id(), application);
      }
    }
  }

  private void ensureGroup(String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identityService.newGroup(groupId);
      group.setName(groupId);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void grantApplication(String userId, String application) {
    boolean granted = authorizationService.createAuthorizationQuery()
        .userIdIn(userId).resourceType(Resources.APPLICATION).resourceId(application).count() > 0;
    if (!granted) {
      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setUserId(userId);
      grant.setResource(Resources.APPLICATION);
      grant.setResourceId(application);
      grant.addPermission(Permissions.ACCESS);
      authorizationService.saveAuthorization(grant);
    }
  }
}
