package vn.onestop.process;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;

/**
 * The job executor's acquisition statement ({@code selectNextJobsToExecute}) as the engine's MyBatis mapping renders
 * it, with the parameters {@code JobManager.findNextJobsToExecute} gives it: for tests and benchmarks that look at
 * what PostgreSQL does with it.
 *
 * @param mapped the engine's mapped statement
 * @param parameter its parameter object
 * @param sql the SQL with its placeholders: now, now, now, limit, offset
 */
record AcquisitionStatement(MappedStatement mapped, ListQueryParameterObject parameter, BoundSql sql) {

  /** The statement as configured: with or without the due-date switches ({@code byDueDate}) of OneStop. */
  static AcquisitionStatement of(ProcessEngine engine, boolean byDueDate) {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("now", new Date());
    parameters.put("alwaysSetDueDate", byDueDate);
    parameters.put("deploymentAware", cfg.isJobExecutorDeploymentAware());
    parameters.put("historyCleanupEnabled", cfg.isHistoryCleanupEnabled());
    parameters.put("orderingProperties", byDueDate ? List.of(JobManager.JOB_DUEDATE_ORDERING_PROPERTY) : List.of());
    parameters.put("applyOrdering", byDueDate);
    parameters.put("applyExclusiveOverProcessHierarchies", cfg.isJobExecutorAcquireExclusiveOverProcessHierarchies());
    ListQueryParameterObject query = new ListQueryParameterObject(parameters, 0, cfg.getJobExecutor().getMaxJobsPerAcquisition());
    query.setDatabaseType(cfg.getDatabaseType());
    MappedStatement mapped = cfg.getSqlSessionFactory().getConfiguration()
        .getMappedStatement(cfg.getDbSqlSessionFactory().mapStatement("selectNextJobsToExecute"));
    return new AcquisitionStatement(mapped, query, mapped.getBoundSql(query));
  }

  /** The SQL with PostgreSQL's numbered parameters ($1 ...), for {@code PREPARE}. */
  String numbered() {
    StringBuilder numbered = new StringBuilder();
    int n = 0;
    for (char ch : sql.getSql().toCharArray()) {
      numbered.append(ch == '?' ? "$" + (++n) : String.valueOf(ch));
    }
    return numbered.toString();
  }
}
