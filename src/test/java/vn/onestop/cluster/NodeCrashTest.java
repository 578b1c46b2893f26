package vn.onestop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.platform.EngineSchema;

/**
 * kill -9 of one node of two (issue 19 §2) while online submissions and check-task acceptances (which
 * issue dossier codes) run against both, and while the dead node holds locked timer jobs. Node A runs in
 * a child JVM and is killed with SIGKILL; node B runs in this JVM and survives. Afterwards: no dossier
 * answered 2xx lost, none duplicated (a re-send to B returns the original dossier), no code issued twice
 * or skipped, every accepted dossier still has its deadline timer, and B has run the jobs A had locked,
 * once each, after their lock expired. A is killed once it has answered half of
 * {@code onestop.crash.submissions} and its clerk has issued codes; B gets that many (CI: 60; the long
 * version, 500, is docs/bench/cluster-crash.sh).
 */
class NodeCrashTest {

  static final int PER_NODE = Integer.getInteger("onestop.crash.submissions", 60);
  static final int PROBES = 300;

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext nodeB;
  static ClusterNodes.Child nodeA;
  static final ClusterLedger ledger = new ClusterLedger();

  @BeforeAll
  static void startCluster() throws Exception {
    postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "120").start();
    EngineSchema.create(postgres.getPostgresDatabase());
    String url = postgres.getJdbcUrl("postgres", "postgres");
    nodeB = ClusterNodes.inJvm(url, "b", ClusterNodes.crashArgs());
    nodeA = ClusterNodes.child(url, "a", "A-", line -> {
      if (line.startsWith(CheckCompleter.ACCEPTED)) {
        ledger.accepted(line.substring(CheckCompleter.ACCEPTED.length()));
      }
    }, ClusterNodes.crashArgs());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (nodeA != null) {
      nodeA.kill();
    }
    if (nodeB != null) {
      nodeB.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void killMinus9OfOneNodeLosesNothingAndTheOtherTakesOverItsJobs() throws Exception {
    int portA = nodeA.port.get(5, TimeUnit.MINUTES);
    int portB = ClusterNodes.port(nodeB);
    ProcessEngine b = nodeB.getBean(ProcessEngine.class);
    JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    String lockOwnerB = nodeB.getBean(JobExecutor.class).getLockOwner();

    // Timer jobs for node A to hold when it dies: not due yet.
    b.getRepositoryService().createDeployment().addModelInstance("crashProbe.bpmn", Bpmn.createExecutableProcess("crashProbe")
        .camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent("deadline").timerWithDate("${due}")
        .userTask("apology").endEvent().done()).deploy();
    Date later = new Date(System.currentTimeMillis() + TimeUnit.DAYS.toMillis(1));
    for (int i = 0; i < PROBES; i++) {
      b.getRuntimeService().startProcessInstanceByKey("crashProbe", Map.of("due", later));
    }

    CheckCompleter clerkB = new CheckCompleter(b, jdbc, "B-", ledger::accepted);
    Thread clerks = new Thread(clerkB, "clerk-b");
    clerks.start();
    Thread portalA = submitter(portA, "A-");
    Thread portalB = submitter(portB, "B-");

    // Kill A while it takes submissions and while its clerk issues codes.
    while (ledger.answeredWithPrefix("A-") < PER_NODE / 2 || ledger.acceptedWithPrefix("A-") < 3) {
      assertThat(portalA.isAlive()).as("submissions to node A").isTrue();
      Thread.sleep(100);
    }
    // A holds locked jobs: make the probes due while B's job executor pauses (else B may take them all first) and
    // wait for A's acquisition; B's executor starts again at the kill.
    org.camunda.bpm.engine.impl.jobexecutor.JobExecutor executorB = nodeB.getBean(
        org.camunda.bpm.engine.impl.jobexecutor.JobExecutor.class);
    executorB.shutdown();
    jdbc.update("update act_ru_job set duedate_ = now() where process_def_id_ in"
        + " (select id_ from act_re_procdef where key_ = 'crashProbe')");
    // (not the engine's history cleanup: an ever-living job that stays after each run, and is due inside its
    // nightly window 22:00-05:00, when node A may hold it too)
    String lockedByA = "select id_ from act_ru_job where lock_owner_ is not null and lock_owner_ <> ?"
        + " and (handler_type_ is null or handler_type_ <> 'history-cleanup')";
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (jdbc.queryForList(lockedByA, String.class, lockOwnerB).isEmpty() && System.nanoTime() < waitUntil) {
      Thread.sleep(20);
    }
    nodeA.kill();
    long killed = System.nanoTime();
    List<String> orphans = jdbc.queryForList(lockedByA, String.class, lockOwnerB);
    executorB.start();
    long acceptedByABeforeDeath = ledger.acceptedWithPrefix("A-");
    assertThat(orphans).as("jobs locked by node A when it died").isNotEmpty();

    // B takes them over once their lock has expired.
    String left = "select count(*) from act_ru_job where id_ in (" + String.join(",", orphans.stream().map(id -> "'" + id + "'").toList()) + ")";
    long deadline = killed + TimeUnit.MILLISECONDS.toNanos(ClusterNodes.LOCK_MILLIS) + TimeUnit.SECONDS.toNanos(90);
    while (jdbc.queryForObject(left, Integer.class) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    double takeover = (System.nanoTime() - killed) / 1e9;
    String inOrphans = " in (" + String.join(",", orphans.stream().map(id -> "'" + id + "'").toList()) + ")";
    assertThat(jdbc.queryForObject(left, Integer.class)).as(() -> "jobs of the dead node left: " + jdbc.queryForList(
        "select j.type_, j.handler_type_, j.process_def_key_, j.retries_, j.lock_owner_, j.lock_exp_time_, j.duedate_,"
            + " j.exception_msg_ from act_ru_job j where j.id_" + inOrphans)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2 and hostname_ = 'node-b' and job_id_ in ("
        + String.join(",", orphans.stream().map(id -> "'" + id + "'").toList()) + ")", Integer.class)).isEqualTo(orphans.size());

    portalA.join();
    portalB.join();
    // The portal re-sends everything it sent to A, to B: the answered ones get their original dossier.
    for (String id : ledger.sent.stream().filter(id -> id.startsWith("A-")).sorted().toList()) {
      Long before = ledger.answered.get(id);
      ClusterLedger.Answer again = ledger.submit(portB, id);
      if (before != null) {
        assertThat(again.status()).as("re-send of %s", id).isEqualTo(200);
        assertThat(again.repeated()).isTrue();
        assertThat(again.dossierId()).isEqualTo(before);
      } else {
        assertThat(again.status()).as("re-send of %s (unanswered before)", id).isIn(200, 201);
      }
    }
    clerkB.stop();
    clerks.join();

    ledger.verify(jdbc);
    assertThat(jdbc.queryForObject("select count(*) from act_hi_job_log l where l.process_def_key_ = 'crashProbe'"
        + " and job_state_ = 2", Integer.class)).as("each probe timer fired once").isEqualTo(PROBES);
    assertThat(b.getTaskService().createTaskQuery().processDefinitionKey("crashProbe").count()).isEqualTo(PROBES);
    System.out.printf("NODE-CRASH submissions=%d answered A=%d B=%d accepted by A before death=%d, total=%d;"
        + " jobs locked by A at death=%d, taken over by B after %.1f s (lock time %d s)%n", ledger.sent.size(),
        ledger.answeredWithPrefix("A-"), ledger.answeredWithPrefix("B-"), acceptedByABeforeDeath, ledger.accepted.size(),
        orphans.size(), takeover, ClusterNodes.LOCK_MILLIS / 1000);
  }

  /**
   * A portal sending submissions to one node, one after the other: PER_NODE to B; to A until it is gone
   * (three refused connections in a row).
   */
  private static Thread submitter(int port, String prefix) {
    int count = prefix.equals("A-") ? Integer.MAX_VALUE : PER_NODE;
    Thread t = new Thread(() -> {
      int refused = 0;
      for (int i = 1; i <= count && refused < 3; i++) {
        refused = ledger.submit(port, prefix + i).status() == -1 ? refused + 1 : 0;
      }
    }, "portal-" + prefix);
    t.start();
    return t;
  }
}
