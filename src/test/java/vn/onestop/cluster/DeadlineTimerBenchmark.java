package vn.onestop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;
import vn.onestop.platform.EngineSchema;

/**
 * OneStop's deadline timers against a bare model's, side by side on one node (issue 18 item 3; a
 * benchmark, not part of the suite: it runs only with {@code -Donestop.bench.timers=N}, see
 * {@code docs/bench/timers-vs-bare.sh}).
 *
 * <p>OneStop's timer is the one a late dossier takes: {@code Timer_Overdue} on the handling of
 * {@code dossier.bpmn} (non-interrupting boundary timer at the appointment, {@code lateAt}), then
 * {@code Task_MarkLate} (the register row marked late, the responsible leg, a LATE event, three
 * variables) and the user task {@code Task_WriteExplanation} for the agency's heads, all in the timer's
 * transaction. The bare model is the same BPMN shape without OneStop: a sub-process whose user task waits,
 * a non-interrupting boundary timer on it, then one user task with a candidate group; no listener, no bean, no
 * register (until 2026-12-04 it was the probe of {@link TwoNodeTimerTest}, timer then user task in a process
 * without sub-process: that measured the engine's boundary-event work as OneStop's).
 *
 * <p>One node (the {@code postgres} profile on an embedded PostgreSQL), one JVM, one database. Seeded
 * first with the timers far in the future: N dossiers through the real path (started with the engine API
 * as the portal's submissions are, channel ONLINE, accepted at the check, so they wait in the agency's
 * handling with their deadline timer), and N bare instances per bare round. Then, for each job executor
 * setting in {@code onestop.bench.timers.settings} (default: the configured one), three rounds in this
 * order: bare, OneStop, bare - each round's N timers made due in one {@code UPDATE}, the clock running from
 * it until the last of them has fired. The OneStop round is compared with the mean of the two bare rounds
 * around it (so that drift of a shared machine falls on both sides). A warm-up round of each kind (a tenth of N,
 * at most 1,000, not reported) runs first, so that no measured round pays the JIT's warm-up.
 *
 * <p>Checked in every round (correctness, never speed): each timer fired once, its user task exists, no
 * failed job, no incident; for the dossiers, each register row is late.
 */
@EnabledIfSystemProperty(named = "onestop.bench.timers", matches = "\\d+")
class DeadlineTimerBenchmark {

  static final int TIMERS = Integer.getInteger("onestop.bench.timers", 100);
  /** {@code jobsPerAcquisition:coreThreads:maxThreads,...}; empty: the configured setting only. */
  static final String SETTINGS = System.getProperty("onestop.bench.timers.settings", "");
  /** {@code -Donestop.bench.timers.statements=true}: PostgreSQL's pg_stat_statements per round (what each timer costs the database). */
  static final boolean STATEMENTS = Boolean.getBoolean("onestop.bench.timers.statements");
  static final String JOBS_OF = "select count(*) from act_ru_job j join act_ru_jobdef jd on jd.id_ = j.job_def_id_"
      + " where jd.proc_def_key_ = ? and jd.act_id_ = ?";

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext node;
  static JdbcTemplate jdbc;
  /** Dossier deadline timers fired so far. */
  private int fired;

  @BeforeAll
  static void startNode() throws Exception {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
        .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("max_connections", "60");
    if (STATEMENTS) {
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
      builder.setServerConfig("pg_stat_statements.track_planning", "on");
    }
    postgres = builder.start();
    if (STATEMENTS) {
      new JdbcTemplate(postgres.getPostgresDatabase()).execute("create extension if not exists pg_stat_statements");
    }
    EngineSchema.create(postgres.getPostgresDatabase());
    node = ClusterNodes.inJvm(postgres.getJdbcUrl("postgres", "postgres"), "timers");
    jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    // The receipts (form 01) that the seeding's acceptances issue are recorded done at once in this throw-away
    // database: signing 10,000 PDFs would slow the seeding for an hour and nothing on the timers' path issues a paper.
    jdbc.execute("""
        create function onestop.bench_skip_paper() returns trigger language plpgsql as $$
        begin new.status := 'DONE'; new.done_at := now(); return new; end $$""");
    jdbc.execute("create trigger bench_skip_paper before insert on onestop.paper_job for each row execute function onestop.bench_skip_paper()");
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (node != null) {
      node.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void oneStopDeadlineTimersAgainstBareTimers() throws Exception {
    JobExecutor executor = node.getBean(JobExecutor.class);
    ThreadPoolTaskExecutor threads = node.getBean("camundaTaskExecutor", ThreadPoolTaskExecutor.class);
    assertThat(executor.isActive()).as("the job executor runs").isTrue();
    List<int[]> settings = new ArrayList<>();
    for (String s : SETTINGS.split(",")) {
      if (!s.isBlank()) {
        String[] p = s.trim().split(":");
        settings.add(new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])});
      }
    }
    if (settings.isEmpty()) {
      settings.add(new int[] {executor.getMaxJobsPerAcquisition(), threads.getCorePoolSize(), threads.getMaxPoolSize()});
    }

    long seeding = System.nanoTime();
    int warm = Math.max(1, Math.min(1000, TIMERS / 10));
    deployBare(settings.size() * 2);
    deployBare("bareTimerWarm");
    seedDossiers(TIMERS * settings.size() + warm);
    System.out.printf(Locale.ROOT, "TIMERS-SEEDED %d dossiers in %.0f s%n", TIMERS * settings.size(), (System.nanoTime() - seeding) / 1e9);
    for (int i = 0; i < settings.size() * 2; i++) {
      seedBare("bareTimer" + i, TIMERS);
    }
    seedBare("bareTimerWarm", warm);
    System.out.printf(Locale.ROOT, "TIMERS-SEEDED n=%d x %d settings in %.0f s%n", TIMERS, settings.size(),
        (System.nanoTime() - seeding) / 1e9);

    fireBare("bareTimerWarm", warm);
    fireDossiers(warm);
    for (int i = 0; i < settings.size(); i++) {
      int[] s = settings.get(i);
      executor.setMaxJobsPerAcquisition(s[0]);
      threads.setMaxPoolSize(Math.max(s[2], threads.getMaxPoolSize()));
      threads.setCorePoolSize(s[1]);
      threads.setMaxPoolSize(s[2]);
      double bareBefore = fireBare("bareTimer" + (2 * i), TIMERS);
      double oneStop = fireDossiers(TIMERS);
      double bareAfter = fireBare("bareTimer" + (2 * i + 1), TIMERS);
      double bare = (bareBefore + bareAfter) / 2;
      System.out.printf(Locale.ROOT,
          "TIMERS-VS-BARE n=%d, %d jobs per acquisition, %d-%d threads | bare %.1f s | OneStop %.1f s (%.0f/s) | bare %.1f s"
              + " | ratio %.2f (OneStop / mean bare %.1f s)%n",
          TIMERS, s[0], s[1], s[2], bareBefore, oneStop, TIMERS / oneStop, bareAfter, oneStop / bare, bare);
    }
    assertThat(node.getBean(ProcessEngine.class).getRuntimeService().createIncidentQuery().count()).isZero();
  }

  private void deployBare(int rounds) {
    for (int i = 0; i < rounds; i++) {
      deployBare("bareTimer" + i);
    }
  }

  /**
   * The bare model (one key per round): OneStop's timer shape without OneStop - a sub-process whose user task
   * waits, a non-interrupting boundary timer on it, then one user task with a candidate group.
   */
  private void deployBare(String key) {
    ProcessEngine engine = node.getBean(ProcessEngine.class);
    engine.getRepositoryService().createDeployment().name(key).addModelInstance(key + ".bpmn",
        Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
            .startEvent()
            .subProcess("handling").embeddedSubProcess()
              .startEvent().userTask("handle").camundaCandidateGroups("bare-probe").endEvent()
            .subProcessDone()
            .endEvent()
            .moveToActivity("handling").boundaryEvent("deadline").cancelActivity(false).timerWithDate("${due}")
            .userTask("afterDeadline").camundaCandidateGroups("bare-probe")
            .endEvent().done()).deploy();
  }

  private void seedBare(String key, int count) throws Exception {
    ProcessEngine engine = node.getBean(ProcessEngine.class);
    Date later = new Date(System.currentTimeMillis() + TimeUnit.DAYS.toMillis(30));
    parallel(count, 10, n -> engine.getRuntimeService().startProcessInstanceByKey(key, Map.of("due", later)));
  }

  /**
   * N dossiers through the real path, as the portal's submissions come: started (register row,
   * check task), accepted at the check (code, appointment, legs, receipt queued, transferred electronically,
   * the handling with its deadline timers, the agency's first task). Round-robin over the communes.
   */
  private void seedDossiers(int count) throws Exception {
    ProcessEngine engine = node.getBean(ProcessEngine.class);
    List<String> at = node.getBean(Organisation.class).ofKind("commune").stream().map(Agency::id).toList();
    // One dossier per transaction, as at the desk: a batch would take several agencies' code counters in any order.
    parallel(count, 1, n -> {
      Map<String, Object> variables = new HashMap<>();
      variables.put("procedureCode", "DNO.HT.01");
      variables.put("receivingAgencyId", at.get(n % at.size()));
      variables.put("channel", "ONLINE");
      variables.put("onlineLevel", "PARTIAL");
      variables.put("applicantName", "Người nộp thử " + n);
      String instance = engine.getRuntimeService().startProcessInstanceByKey("dossier", variables).getId();
      String check = engine.getTaskService().createTaskQuery().processInstanceId(instance)
          .taskDefinitionKey("Task_CheckDossier").singleResult().getId();
      engine.getTaskService().complete(check, Map.of("receptionDecision", "ACCEPT"));
    });
    assertThat(jdbc.queryForObject(JOBS_OF, Integer.class, "dossier", "Timer_Overdue")).isEqualTo(count);
  }

  /** {@code count} calls of {@code work}, {@code batch} per transaction, on four threads. */
  private void parallel(int count, int batch, IntConsumer work) throws Exception {
    TransactionTemplate tx = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(pool.submit(() -> {
        for (int first = next.getAndAdd(batch); first < count; first = next.getAndAdd(batch)) {
          int from = first;
          tx.executeWithoutResult(status -> {
            for (int n = from; n < Math.min(count, from + batch); n++) {
              work.accept(n);
            }
          });
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get(2, TimeUnit.HOURS);
    }
    pool.shutdown();
  }

  private double fireBare(String key, int count) throws Exception {
    double seconds = fire(key, "deadline", "update act_ru_job set duedate_ = now() where process_def_id_ in"
        + " (select id_ from act_re_procdef where key_ = '" + key + "')");
    ProcessEngine engine = node.getBean(ProcessEngine.class);
    assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(key).taskDefinitionKey("afterDeadline").count())
        .as("one task per bare timer").isEqualTo(count);
    assertExactlyOnce(key, "deadline", count);
    return seconds;
  }

  /** The first {@code count} still waiting dossier deadline timers made due. */
  private double fireDossiers(int count) throws Exception {
    ProcessEngine engine = node.getBean(ProcessEngine.class);
    long explanationsBefore = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_WriteExplanation").count();
    long lateBefore = jdbc.queryForObject("select count(*) from onestop.dossier where late", Long.class);
    int waiting = jdbc.queryForObject(JOBS_OF, Integer.class, "dossier", "Timer_Overdue");
    double seconds = fire("dossier", "Timer_Overdue", "update act_ru_job set duedate_ = now() where id_ in (select j.id_"
        + " from act_ru_job j join act_ru_jobdef jd on jd.id_ = j.job_def_id_ where jd.act_id_ = 'Timer_Overdue'"
        + " order by j.id_ limit " + count + ")", waiting - count);
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_WriteExplanation").count() - explanationsBefore)
        .as("one explanation task per late dossier").isEqualTo(count);
    assertThat(jdbc.queryForObject("select count(*) from onestop.dossier where late", Long.class) - lateBefore)
        .as("register rows marked late").isEqualTo(count);
    fired += count;
    assertExactlyOnce("dossier", "Timer_Overdue", fired);
    return seconds;
  }

  private double fire(String key, String activity, String makeDue) throws Exception {
    return fire(key, activity, makeDue, 0);
  }

  /** Waits until the node is quiet, makes the timers due, and times until only {@code left} remain. */
  private double fire(String key, String activity, String makeDue, int left) throws Exception {
    quiet();
    if (STATEMENTS) {
      jdbc.execute("select pg_stat_statements_reset()");
      jdbc.execute("select pg_stat_reset_shared('wal')");
      jdbc.execute("select pg_stat_reset()");
    }
    // The driver's own polling is kept cheap: once a second, "are more than `left` of them still waiting", through
    // the engine's index on JOB_DEF_ID_ and stopped at the first `left + 1` rows; the time of the last firing is then
    // read from the engine's job log (the successful execution's entry), not from the poll. Counted by key and
    // activity through the join every 50 ms, the poll took a third of PostgreSQL's time in OneStop's rounds; five
    // times a second, 4.4 s of the 40 s of PostgreSQL's time in the OneStop round at 10,000 (the waiting timers'
    // rows are read past the fired ones' dead rows): a cost of the measurement, charged to the timers it timed.
    List<String> definitions = jdbc.queryForList("select id_ from act_ru_jobdef where proc_def_key_ = ? and act_id_ = ?",
        String.class, key, activity);
    String in = String.join(", ", Collections.nCopies(definitions.size(), "?"));
    String waiting = "select count(*) from (select 1 from act_ru_job where job_def_id_ in (" + in + ") limit " + (left + 1) + ") waiting";
    Object[] ids = definitions.toArray();
    Map<String, Double> cpuBefore = PostgresCpu.of(jdbc);
    long jvmBefore = jvmCpuNanos();
    long due = System.nanoTime();
    long dueAt = System.currentTimeMillis();
    jdbc.update(makeDue);
    long deadline = due + TimeUnit.MINUTES.toNanos(15);
    while (jdbc.queryForObject(waiting, Integer.class, ids) > left && System.nanoTime() < deadline) {
      Thread.sleep(1000);
    }
    Object[] since = Stream.concat(definitions.stream(), Stream.of(new Timestamp(dueAt))).toArray();
    Timestamp lastFired = jdbc.queryForObject("select max(timestamp_) from act_hi_job_log where job_def_id_ in (" + in
        + ") and job_state_ = 2 and timestamp_ >= ?", Timestamp.class, since);
    assertThat(lastFired).as("%s: the last timer's successful execution in the job log", key).isNotNull();
    double seconds = (lastFired.getTime() - dueAt) / 1e3;
    assertThat(jdbc.queryForObject(JOBS_OF, Integer.class, key, activity)).as("%s timers left", key).isEqualTo(left);
    Map<String, Double> cpuAfter = PostgresCpu.of(jdbc);
    System.out.printf(Locale.ROOT, "TIMERS-CPU %s | JVM %.1f s | PostgreSQL %s%n", key, (jvmCpuNanos() - jvmBefore) / 1e9,
        PostgresCpu.delta(cpuBefore, cpuAfter));
    if (STATEMENTS) {
      printStatements(key);
    }
    return seconds;
  }

  /** CPU time of this JVM (the node, the driver's once-a-second poll) so far. */
  private static long jvmCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The database's work in the round just fired: statements by total execution time, and the totals. */
  private void printStatements(String key) {
    String mine = " from pg_stat_statements where query not like '%pg_stat_statements%'";
    jdbc.query("select calls, total_exec_time, rows, plans, total_plan_time, regexp_replace(left(query, 160), '\\s+', ' ', 'g')" + mine
        + " order by calls desc, total_exec_time desc limit 60", (RowCallbackHandler) r ->
        System.out.printf(Locale.ROOT, "TIMERS-SQL %s | %8d calls | %9.1f ms | %8d rows | %8d plans | %9.1f ms planning | %s%n", key,
            r.getLong(1), r.getDouble(2), r.getLong(3), r.getLong(4), r.getDouble(5), r.getString(6)));
    jdbc.query("select sum(calls), sum(total_exec_time), count(*), sum(plans), sum(total_plan_time)" + mine, (RowCallbackHandler) r ->
        System.out.printf(Locale.ROOT, "TIMERS-SQL-TOTAL %s | %d calls | %.1f ms | %d distinct statements | %d plans | %.1f ms planning%n", key,
            r.getLong(1), r.getDouble(2), r.getLong(3), r.getLong(4), r.getDouble(5)));
    // Rows updated, and how many in place (HOT: no new index entries; docs/architecture.md, "Updates in place").
    jdbc.query("select relname, n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where n_tup_upd > 0 order by n_tup_upd desc limit 6",
        (RowCallbackHandler) r -> System.out.printf(Locale.ROOT, "TIMERS-UPDATES %s | %s | %d updated | %d in place%n",
            key, r.getString(1), r.getLong(2), r.getLong(3)));
    // The write-ahead log the round wrote: full-page images (a page's first change after a checkpoint) weigh the most.
    jdbc.query("select wal_records, wal_fpi, wal_bytes from pg_stat_wal", (RowCallbackHandler) r ->
        System.out.printf(Locale.ROOT, "TIMERS-WAL %s | %d records | %d full-page images | %.1f MB%n", key, r.getLong(1),
            r.getLong(2), r.getLong(3) / 1e6));
  }

  /** No job due and no paper waiting (the receipts of the seeding are signed first). */
  private void quiet() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    while (System.nanoTime() < deadline) {
      Integer due = jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0"
          + " and (duedate_ is null or duedate_ <= now())", Integer.class);
      Integer papers = jdbc.queryForObject("select count(*) from onestop.paper_job where status = 'PENDING'", Integer.class);
      if (due == 0 && papers == 0) {
        Thread.sleep(2000);
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the node never became quiet");
  }

  private void assertExactlyOnce(String key, String activity, int count) {
    String log = "from act_hi_job_log l where l.process_def_key_ = ? and l.act_id_ = ?";
    assertThat(jdbc.queryForObject("select count(*) " + log + " and job_state_ = 2", Integer.class, key, activity))
        .as("successful executions").isEqualTo(count);
    assertThat(jdbc.queryForObject("select count(*) " + log + " and job_state_ = 1", Integer.class, key, activity))
        .as("failed executions").isZero();
  }
}
