package vn.onestop.cluster;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clerk's work in the crash tests: accepts (receptionDecision ACCEPT, which issues the dossier code)
 * every open check task of the online dossiers whose portal id starts with a prefix, and reports
 * {@code <portal id> <code>} after each commit. A completion that fails (the database is away, another
 * node took the task) is left and tried again.
 */
final class CheckCompleter implements Runnable {

  static final String ACCEPTED = "ACCEPTED ";

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final String prefix;
  private final Consumer<String> accepted;
  private volatile boolean stopped;

  CheckCompleter(ProcessEngine engine, JdbcTemplate jdbc, String prefix, Consumer<String> accepted) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.prefix = prefix;
    this.accepted = accepted;
  }

  void stop() {
    stopped = true;
  }

  /** Open check tasks of this completer's dossiers. */
  long open() {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_CheckDossier")
        .processVariableValueLike("portalDossierId", prefix + "%").count();
  }

  @Override
  public void run() {
    while (!stopped) {
      List<Task> tasks;
      try {
        tasks = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_CheckDossier")
            .processVariableValueLike("portalDossierId", prefix + "%").listPage(0, 20);
      } catch (RuntimeException e) {
        tasks = List.of();
      }
      if (tasks.isEmpty()) {
        pause();
      }
      for (Task task : tasks) {
        if (stopped) {
          return;
        }
        try {
          engine.getTaskService().complete(task.getId(), Map.of("receptionDecision", "ACCEPT"));
        } catch (RuntimeException e) {
          continue; // tried again on the next round, if the task is still open
        }
        try {
          Map<String, Object> row = jdbc.queryForMap(
              "select portal_dossier_id, code from onestop.dossier where process_instance_id = ?", task.getProcessInstanceId());
          accepted.accept(row.get("portal_dossier_id") + " " + row.get("code"));
        } catch (RuntimeException e) {
          // committed, but the code could not be read back: not in the ledger (the ledger is a subset of the database)
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
