package vn.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.LockWaits;
import vn.onestop.OneStopSpringTest;

/**
 * A dossier's lateness timer (hẹn trả kết quả đã qua) fires while the head approves its last leg: the two
 * transactions lock the same register rows — the leg and the dossier — and must take them in one order, or
 * PostgreSQL finds a deadlock and aborts one of them (the clerk's approval, or the deadline). The head's
 * transaction takes the leg first (the leg's outcome), then the dossier (its result); so must the deadline's.
 * Both are made to wait on the dossier row held by a third connection, so that they meet there in the order that
 * deadlocked; released, the deadline goes first and the approval after it, both committed.
 */
@OneStopSpringTest
class DeadlineMeetsApprovalTest extends DossierFlowTestSupport {

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void theDeadlineAndTheHeadsApprovalOfTheLastLegBothCommit() throws Exception {
    at("2026-03-02T09:00");
    ProcessInstance dossier = acceptedHouseholdBusiness("DESK");
    long id = dossierId(dossier);
    digitiseAndTransfer(dossier);
    at("2026-03-03T10:00");
    assignAndPropose(dossier, withVariables("proposedOutcome", "RESULT", "resultSummary", "Cấp giấy chứng nhận"));
    String approval = task("Task_Approve", agency(dossier)).getId();
    String deadline = job("Timer_Overdue", dossier).getId();
    at("2026-03-05T09:01");   // the appointment (09:00) has passed: the head approves as the deadline fires

    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock = holder.prepareStatement("select 1 from onestop.dossier where id = ? for no key update")) {
        lock.setLong(1, id);
        lock.execute();
      }
      Future<?> timer = threads.submit(() -> managementService.executeJob(deadline));
      LockWaits.ofStatement(jdbc, "late_leg = coalesce", timer);
      Future<?> head = threads.submit(() -> taskService.complete(approval, withVariables("approved", true)));
      LockWaits.ofStatement(jdbc, "^\\s*update onestop\\.dossier(_leg)? set (status|finished_at)", head);
      holder.rollback();
      timer.get(30, TimeUnit.SECONDS);
      head.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    assertThat(rowById(id).late()).as("marked late at the deadline").isTrue();
    assertThat(rowById(id).status()).as("the result recorded").isEqualTo("FINISHED");
    assertThat(dossier).hasPassed("Task_MarkLate", "Task_RecordResult");
    assertThat(task("Task_WriteExplanation", dossier)).as("the head's explanation owed").isNotNull();
    assertThat(eventKinds(id)).containsSubsequence("LATE", "LEG_FINISHED", "RESULT_READY");
  }
}
