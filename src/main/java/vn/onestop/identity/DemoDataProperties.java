package vn.onestop.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo users for the default run (profile {@code demo}); never set in production.
 *
 * @param enabled  create the demo users at start-up
 * @param password the one password all demo users share (printed in README.md)
 * @param users    the demo users and the groups they belong to
 */
@ConfigurationProperties(prefix = "onestop.demo-data")
public record DemoDataProperties(boolean enabled, String password, List<DemoUser> users) {

  public DemoDataProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  /**
   * @param id           login
   * @param firstName    given name (tên)
   * @param lastName     family and middle name (họ và tên đệm)
   * @param groups       Camunda groups, created when missing
   * @param applications extra Camunda webapps for this user alone; the groups' own rights come
   *                     from {@link OrganisationGroups}
   */
  public record DemoUser(String id, String firstName, String lastName, List<String> groups, List<String> applications) {
    public DemoUser {
      groups = groups == null ? List.of() : List.copyOf(groups);
      applications = applications == null ? List.of() : List.copyOf(applications);
    }
  }
}
