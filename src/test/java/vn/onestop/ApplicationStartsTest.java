package vn.onestop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application starts on the embedded PostgreSQL with its migrations, models and forms. */
@OneStopSpringTest
class ApplicationStartsTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;

  @Test
  void runsOnPostgreSql() {
    String product = jdbc.queryForObject("select version()", String.class);
    assertThat(product).startsWith("PostgreSQL 17");
  }

  @Test
  void flywayMigratedOneStopSchema() {
    Integer applied = jdbc.queryForObject(
        "select count(*) from onestop.flyway_schema_history where success", Integer.class);
    assertThat(applied).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from onestop.dossier_code_counter", Integer.class)).isNotNull();
  }

  @Test
  void camundaTablesStayInPublicSchema() {
    Integer count = jdbc.queryForObject(
        "select count(*) from information_schema.tables where table_schema = 'public' and table_name = 'act_ru_task'",
        Integer.class);
    assertThat(count).isEqualTo(1);
  }

  @Test
  void modelsAndFormsFromBpmnFolderAreDeployedUnderStableNames() {
    ProcessDefinition review = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("procedure-review").latestVersion().singleResult();
    assertThat(review).isNotNull();
    List<String> names = repositoryService.getDeploymentResourceNames(review.getDeploymentId());
    assertThat(names).contains("procedure-review.bpmn", "forms/procedure-review.form",
        "forms/procedure-review-request.form", "forms/procedure-review-approval.form");
    assertThat(names).allSatisfy(name -> assertThat(name).doesNotStartWith("/").doesNotContain("target"));
  }

  @Test
  void historyLevelIsFullAndAuthorizationIsOn() {
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistory()).isEqualTo("full");
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
  }

  @Test
  void aProcessWithoutHistoryTimeToLiveIsRefused() {
    // The fluent model API adds a default time to live, so this model is written out by hand.
    String model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
          <process id="no-ttl" isExecutable="true"><startEvent id="Start"/></process>
        </definitions>""";
    assertThatThrownBy(() -> repositoryService.createDeployment()
            .addString("no-ttl.bpmn", model).deploy())
        .hasMessageContaining("historyTimeToLive");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("no-ttl").count()).isZero();
  }

  @Test
  void expressionsCannotReachBeansNotMarkedForBpmn() {
    var model = Bpmn.createExecutableProcess("reach-datasource").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("Task_Reach").camundaExpression("${dataSource.getConnection()}")
        .endEvent().done();
    // Refused when deployed (process.DeploymentGuard); were it deployed, the bean would not resolve (BpmnBeans).
    assertThatThrownBy(() -> repositoryService.createDeployment().addModelInstance("reach.bpmn", model).deploy())
        .hasMessageContaining("Task_Reach").hasMessageContaining("dataSource");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("reach-datasource").count()).isZero();
  }
}
