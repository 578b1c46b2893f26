package vn.onestop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/**
 * The engine's question "which groups hold any authorization" is answered through the index
 * ({@link AuthorizedGroupIds}) with exactly the groups the engine's own full scan finds — also for a group
 * whose only grant was written a moment ago, and whose id sorts before, between and after the others.
 */
@OneStopSpringTest
class AuthorizedGroupIdsTest {

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theEngineAsksOneStopsStatement() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupIds.ENGINE_STATEMENT))
        .isEqualTo(AuthorizedGroupIds.STATEMENT);
  }

  @Test
  void theSameGroupsAsAFullScan() {
    List<String> added = List.of("000-first-" + System.nanoTime(), "m-between-" + System.nanoTime(), "zzz-last-" + System.nanoTime());
    List<String> ids = new java.util.ArrayList<>();
    try {
      for (String group : added) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.FILTER);
        grant.setResourceId("no-such-filter");
        grant.addPermission(Permissions.READ);
        ids.add(authorizations.saveAuthorization(grant).getId());
      }
      Set<String> engineAnswer = groupsAsTheEngineReadsThem();
      Set<String> fullScan = new HashSet<>(jdbc.queryForList(
          "select distinct group_id_ from act_ru_authorization where group_id_ is not null", String.class));
      assertThat(fullScan).containsAll(added).hasSizeGreaterThan(added.size());
      assertThat(engineAnswer).isEqualTo(fullScan);
    } finally {
      ids.forEach(authorizations::deleteAuthorization);
    }
    assertThat(groupsAsTheEngineReadsThem()).doesNotContainAnyElementsOf(added);
  }

  private Set<String> groupsAsTheEngineReadsThem() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Command<List<String>> read = context -> context.getDbEntityManager().selectList(AuthorizedGroupIds.ENGINE_STATEMENT);
    return new HashSet<>(configuration.getCommandExecutorTxRequired().execute(read));
  }
}
