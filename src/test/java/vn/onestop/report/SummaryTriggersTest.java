package vn.onestop.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.onestop.LockWaits;
import vn.onestop.OneStopSpringTest;

/**
 * The monthly summaries (báo cáo tháng: {@code onestop.report_month}, V21; {@code onestop.index766_month}, V122) are
 * kept by triggers at each commit that changes a dossier; they must always equal a rebuild from the register.
 * Since V143 the update triggers skip the changes that cannot move a count (a running dossier marked late, a new
 * appointment before the result): each kind of change below is committed on its own and both summaries are
 * compared with a rebuild after it, so a trigger that skips a change it should count fails here.
 */
@OneStopSpringTest
class SummaryTriggersTest {

  static final String CODE = "SUMMARY-TRIGGERS-1";
  static final String FIRST = "SUMMARY-TRIGGERS-2";
  static final String SECOND = "SUMMARY-TRIGGERS-3";

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired DataSource dataSource;

  @AfterEach
  void removeDossier() {
    jdbc.update("delete from onestop.dossier where code in (?, ?, ?)", CODE, FIRST, SECOND);
    assertSummariesMatchTheRegister("after the dossier is removed");
  }

  /** A dossier received 40 days ago and still running, due {@code dueInDays} from now (negative: overdue). */
  private void insertRunningDossier(String code, int reusedDocuments, int dueInDays) {
    jdbc.update("""
        insert into onestop.dossier (code, procedure_code, procedure_version, procedure_name, field, level,
            receiving_agency_id, handling_agency_id, channel, applicant_name, status, resolution_days, supplement_count,
            submitted_at, received_at, clock_started_at, original_due_at, due_at, late, apology_required,
            explanation_required, fee_amount, fee_paid, fee_paid_online, digitised, result_electronic, reused_documents)
        values (?, 'DNO.HT.01', '1', 'Thủ tục thử', 'Hộ tịch', 'XA', 'xa-nhan-co', null, 'ONLINE', 'Nguyễn Văn Tổng',
            'IN_PROGRESS', 3, 0, now() - interval '40 days', now() - interval '40 days', now() - interval '40 days',
            now() + make_interval(days => ?), now() + make_interval(days => ?), false, false, false, 50000, false, false,
            false, false, ?)
        """, code, dueInDays, dueInDays, reusedDocuments);
  }

  /**
   * Two transactions that lock the same summary rows in opposite orders at their commits (V144). The first changes
   * its dossier twice: its first change locks the month's report row (and the 766 row of its flags), its second moves
   * it to the 766 row of the other dossier's flags. The second transaction's change locks that 766 row first, then
   * waits for the report row. The deferred triggers are fired step by step ({@code SET CONSTRAINTS ALL IMMEDIATE} runs
   * what is queued, as the commit would) so that the order is the one that deadlocked; with one committing
   * transaction at a time at the summaries, the second waits for the first and both commit.
   */
  @Test
  void twoCommitsThatMoveTheSameSummaryRowsInOppositeOrdersBothGoThrough() throws Exception {
    insertRunningDossier(FIRST, 0, 5);   // flags of the received cohort: 1 (coded)
    insertRunningDossier(SECOND, 1, 5);  // 5 (coded, re-used documents)
    assertSummariesMatchTheRegister("two running dossiers");
    ExecutorService second = Executors.newSingleThreadExecutor();
    try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) {
      one.setAutoCommit(false);
      two.setAutoCommit(false);
      run(one, "update onestop.dossier set digitised = true where code = '" + FIRST + "'");   // 766 row 1, report row
      int secondPid = pid(two);
      Future<?> secondCommits = second.submit(() -> {
        run(two, "update onestop.dossier set fee_paid = true, fee_paid_online = true where code = '" + SECOND + "'");
        two.commit();                                                                           // 766 rows 5, 37; report row
        return null;
      });
      LockWaits.ofBackend(jdbc, secondPid, secondCommits);
      run(one, "update onestop.dossier set reused_documents = 1 where code = '" + FIRST + "'"); // 766 rows 1, 5
      one.commit();
      secondCommits.get(30, TimeUnit.SECONDS);
    } finally {
      second.shutdownNow();
    }
    assertThat(jdbc.queryForList("select code from onestop.dossier where code in (?, ?) and reused_documents = 1"
        + " and (digitised or fee_paid_online) order by code", String.class, FIRST, SECOND)).containsExactly(FIRST, SECOND);
    assertSummariesMatchTheRegister("both committed");
  }

  /** Runs the statement and then what it queued for the commit (the summaries' deferred triggers). */
  private static void run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
      statement.execute("set constraints all immediate");
      statement.execute("set constraints all deferred");
    }
  }

  private static int pid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void everyChangeThatMovesACountReachesTheSummaries() {
    assertSummariesMatchTheRegister("before");
    insertRunningDossier(CODE, 0, -35);
    List<String> changes = List.of(
        // running: the received cohort's columns
        "digitised = true",
        "fee_paid = true, fee_paid_online = true",
        "handling_agency_id = 'xa-nhan-co-ubnd'",
        "supplement_count = 1",
        "reused_documents = 2",
        "received_at = now() - interval '70 days'",  // another month
        // running: columns that count only once it is finished (the triggers may skip these)
        "late = true, late_leg = 'xa-nhan-co-ubnd'",
        "apology_at = now() - interval '36 days', due_at = now() - interval '30 days'",
        "explanation_at = now() - interval '29 days'",
        // finished, then changed again
        "finished_at = now() - interval '28 days', outcome = 'RESULT', status = 'RETURNED', result_electronic = true, "
            + "resolution_working_days = 8.5",
        "rating = 'SATISFIED'",
        "late = false",
        "due_at = now() - interval '27 days'",
        "rating = 'NOT_SATISFIED'",
        "supplement_count = 2",
        "channel = 'DESK'",
        "outcome = 'WITHDRAWN'",
        "finished_at = null, outcome = null, status = 'IN_PROGRESS'");
    for (String change : changes) {
      jdbc.update("update onestop.dossier set " + change + " where code = ?", CODE);
      assertSummariesMatchTheRegister(change);
    }
  }

  /** Both summaries against a rebuild from every dossier, in one snapshot, in a transaction that is rolled back. */
  private void assertSummariesMatchTheRegister(String after) {
    transactions.executeWithoutResult(status -> {
      // One snapshot for the kept summaries and the rebuild, whatever other transactions commit meanwhile (the job
      // executor keeps running other tests' dossiers). The lock comes first, before the snapshot is taken: a change of
      // a dossier that counts waits at its commit (the summaries' triggers) until this transaction has rolled back, so
      // no summary row changes under the snapshot and the delete below cannot meet a concurrent update.
      jdbc.execute("set transaction isolation level repeatable read");
      jdbc.execute("lock table onestop.report_month, onestop.index766_month in exclusive mode");
      jdbc.execute("create temp table kept_report on commit drop as select * from onestop.report_month");
      jdbc.execute("create temp table kept_766 on commit drop as select * from onestop.index766_month");
      jdbc.execute("delete from onestop.report_month");
      jdbc.queryForList("select onestop.report_month_apply(d, 1) from onestop.dossier d");
      jdbc.queryForList("select onestop.index766_month_rebuild()");
      String counts = "received, received_online, digitised, with_supplement, fee_paid, fee_paid_online, resolved, early,"
          + " on_time, late, late_with_apology, late_with_explanation, results, results_electronic, rated, satisfied,"
          + " timed, withdrawn, working_days";
      String keys = "month, cohort, agency_id, level, field, procedure_code, channel";
      String nonZero = " where (" + counts.replace(",", " <> 0 or") + " <> 0)";
      List<String> reportDiff = jdbc.queryForList("""
          (select 'trigger: ' || row(%1$s, %2$s)::text from kept_report %3$s
           except select 'trigger: ' || row(%1$s, %2$s)::text from onestop.report_month %3$s)
          union all
          (select 'rebuild: ' || row(%1$s, %2$s)::text from onestop.report_month %3$s
           except select 'rebuild: ' || row(%1$s, %2$s)::text from kept_report %3$s)""".formatted(keys, counts, nonZero),
          String.class);
      List<String> index766Diff = jdbc.queryForList("""
          (select 'trigger: ' || row(agency_id, month, cohort, flags, n)::text from kept_766 where n <> 0
           except select 'trigger: ' || row(agency_id, month, cohort, flags, n)::text from onestop.index766_month where n <> 0)
          union all
          (select 'rebuild: ' || row(agency_id, month, cohort, flags, n)::text from onestop.index766_month where n <> 0
           except select 'rebuild: ' || row(agency_id, month, cohort, flags, n)::text from kept_766 where n <> 0)""",
          String.class);
      status.setRollbackOnly();
      assertThat(reportDiff).as("report_month after: %s", after).isEmpty();
      assertThat(index766Diff).as("index766_month after: %s", after).isEmpty();
    });
  }
}
