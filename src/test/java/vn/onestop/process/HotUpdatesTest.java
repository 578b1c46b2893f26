package vn.onestop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.onestop.OneStopSpringTest;

/**
 * The engine's runtime rows leave room to be updated in place ({@code db/engine/hot-updates.sql}, issue 18.3): the
 * tables have the fill factor, and a variable whose value changes is updated without new index entries - what a
 * deadline does to {@code late} (figures in docs/benchmarks.md, "Room for updates in place").
 */
@OneStopSpringTest
class HotUpdatesTest {

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void theRuntimeTablesLeaveAFifthOfEachPageFree() {
    for (String table : new String[] {"act_ru_variable", "act_ru_execution", "act_ru_task"}) {
      assertThat(jdbc.queryForObject("select array_to_string(reloptions, ',') from pg_class where oid = ?::regclass",
          String.class, "public." + table)).as(table).contains("fillfactor=80");
    }
  }

  @Test
  void aVariableWhoseValueChangesIsUpdatedInPlace() {
    repository.createDeployment().name("hot-updates-test")
        .addModelInstance("hot-updates-test.bpmn", Bpmn.createExecutableProcess("hotUpdatesTest").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Wait").endEvent().done())
        .deploy();
    String instance = runtime.startProcessInstanceByKey("hotUpdatesTest", Map.of("late", false)).getId();
    try {
      // Counted in the transaction that updates (PostgreSQL's per-transaction counters of this connection).
      long[] counts = new TransactionTemplate(transactions).execute(status -> {
        runtime.setVariable(instance, "late", true);
        return new long[] {
            jdbc.queryForObject("select pg_stat_get_xact_tuples_updated('public.act_ru_variable'::regclass)", Long.class),
            jdbc.queryForObject("select pg_stat_get_xact_tuples_hot_updated('public.act_ru_variable'::regclass)", Long.class)};
      });
      assertThat(counts[0]).as("rows of ACT_RU_VARIABLE updated").isEqualTo(1);
      assertThat(counts[1]).as("of which in place (HOT)").isEqualTo(1);
      assertThat(runtime.getVariable(instance, "late")).isEqualTo(true);
    } finally {
      runtime.deleteProcessInstance(instance, "test done");
    }
  }
}
