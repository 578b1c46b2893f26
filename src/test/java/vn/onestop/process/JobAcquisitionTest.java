package vn.onestop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.QueryPlans;

/**
 * The job executor's acquisition does not read every open dossier's timers (issue 18.3): every job has a due
 * date, the engine orders by it, and PostgreSQL can answer the engine's own statement from the index of
 * {@code db/engine/job-acquisition.sql} without a sort. The figures up to 500,000 jobs (100,000 open
 * dossiers) are in docs/benchmarks.md ("Job acquisition against the size of the job table").
 */
@OneStopSpringTest
class JobAcquisitionTest {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired EngineQueryTuning tuning;

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** A model whose one step runs as an asynchronous continuation (a job created when the instance starts). */
  private String deployAContinuation() {
    return repository.createDeployment().name("job-acquisition-test")
        .addModelInstance("job-acquisition-test.bpmn", Bpmn.createExecutableProcess("jobAcquisitionTest")
            .camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("Task_Later").camundaAsyncBefore().camundaExpression("${true}").endEvent().done())
        .deploy().getId();
  }

  @Test
  void everyJobHasADueDateAndTheMostOverdueIsTakenFirst() {
    assertThat(configuration().isEnsureJobDueDateNotNull()).as("ensure-job-due-date-not-null").isTrue();
    assertThat(configuration().isJobExecutorAcquireByDueDate()).as("job-executor-acquire-by-due-date").isTrue();
    String deployment = deployAContinuation();
    try {
      String instance = WithoutAuthorization.call(() -> runtime.startProcessInstanceByKey("jobAcquisitionTest").getId());
      Job continuation = management.createJobQuery().processInstanceId(instance).singleResult();
      assertThat(continuation.getDuedate()).as("an asynchronous continuation is due when it is created").isNotNull();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  @Test
  void aJobLeftWithoutADueDateIsDueSinceItWasCreated() {
    String deployment = deployAContinuation();
    try {
      String instance = WithoutAuthorization.call(() -> runtime.startProcessInstanceByKey("jobAcquisitionTest").getId());
      String job = management.createJobQuery().processInstanceId(instance).singleResult().getId();
      // as a node without ensure-job-due-date-not-null writes it (a rolling upgrade)
      jdbc.update("update act_ru_job set duedate_ = null where id_ = ?", job);
      Integer revision = jdbc.queryForObject("select rev_ from act_ru_job where id_ = ?", Integer.class, job);

      tuning.postProcessEngineBuild(engine);

      Map<String, Object> row = jdbc.queryForMap("select duedate_, create_time_, rev_ from act_ru_job where id_ = ?", job);
      assertThat(row.get("duedate_")).as("due since it was created").isEqualTo(row.get("create_time_"));
      assertThat(row.get("rev_")).as("an engine holding the old row fails its optimistic lock").isEqualTo(revision + 1);
      assertThat(management.createJobQuery().jobId(job).singleResult().getDuedate()).isNotNull();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  @Test
  void theEnginesAcquisitionStatementWalksTheIndex() {
    AcquisitionStatement acquisition = AcquisitionStatement.of(engine, configuration().isJobExecutorAcquireByDueDate());
    BoundSql sql = acquisition.sql();
    assertThat(sql.getSql()).as("the statement without the null branch, ordered by due date")
        .doesNotContainIgnoringCase("DUEDATE_ is null").containsIgnoringCase("order by RES.DUEDATE_");

    String plan = QueryPlans.withoutSequentialScan(jdbc, sql.getSql(),
        ps -> new DefaultParameterHandler(acquisition.mapped(), acquisition.parameter(), sql).setParameters(ps));
    assertThat(plan).as("the jobs it may take, in due-date order: %s", plan).contains("act_idx_job_acquisition").doesNotContain("Sort");
    assertThat(plan).as("the running jobs it must skip: %s", plan).contains("act_idx_job_locked");
    assertThat(plan).as(plan).doesNotContain("Seq Scan on act_ru_job");
  }
}
