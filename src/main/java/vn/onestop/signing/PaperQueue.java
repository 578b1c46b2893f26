package vn.onestop.signing;

import vn.onestop.process.EngineTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.onestop.document.CertifiedCopies;
import vn.onestop.document.ElectronicResults;
import vn.onestop.document.PendingPapers;
import vn.onestop.document.Slips;
import vn.onestop.document.StoredDocument;

/**
 * The paper pipeline outside the user's transaction (issue 18 item 2, issue 23 item 3): the step that
 * issues a paper only checks that its signers' certificates may sign now (refusing in Vietnamese
 * before anything is issued) and records a job in {@code onestop.paper_job} — in the step's own
 * transaction, so the job exists exactly when the step committed. After the commit a worker produces
 * the PDF, signs it and stores it, in its own transaction; a failure (token missing, signing service
 * down, certificate expired in between) is retried with a doubling delay and, after
 * {@code max-attempts}, the job is FAILED: logged at ERROR, counted ({@code onestop.papers.failed}),
 * listed for supervisors at {@code GET /api/staff/papers/failed}, where it can be retried, and raised as
 * an incident on the dossier's process instance that Cockpit shows ({@link PaperIncidents}; resolved
 * when a retry signs the paper).
 * Nodes sharing one database take jobs with {@code FOR UPDATE SKIP LOCKED}, so each runs once.
 * Not an engine job on purpose: the models stay as the designers drew them, and the same worker
 * serves papers printed from the REST API.
 */
@Component
public class PaperQueue implements PendingPapers {

  private static final Logger log = LoggerFactory.getLogger(PaperQueue.class);

  private final JdbcTemplate jdbc;
  private final SigningProperties properties;
  private final PaperSealing sealing;
  private final PaperAgencies agencies;
  private final Slips slips;
  private final ElectronicResults results;
  private final CertifiedCopies certifiedCopies;
  private final ObjectMapper json;
  private final PaperIncidents incidents;
  private final TransactionTemplate newTransaction;
  private final ExecutorService executor;
  private final Counter failed;

  public PaperQueue(JdbcTemplate jdbc, SigningProperties properties, PaperSealing sealing, PaperAgencies agencies, Slips slips,
      ElectronicResults results, CertifiedCopies certifiedCopies, ObjectMapper json, PaperIncidents incidents,
      PlatformTransactionManager transactions, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.sealing = sealing;
    this.agencies = agencies;
    this.slips = slips;
    this.results = results;
    this.certifiedCopies = certifiedCopies;
    this.json = json;
    this.incidents = incidents;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(Math.max(1, properties.getQueue().getThreads()), r -> {
      Thread t = new Thread(r, "paper-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.failed = Counter.builder("onestop.papers.failed").description("Paper jobs that failed every attempt").register(meters);
  }

  /**
   * Records that the step issues the paper; produced, signed and stored after the step commits.
   *
   * @param args what the paper needs beyond the register (result name, supplement request id, scan id…)
   * @throws SigningRefusedException when a signer's certificate has expired or was revoked
   */
  public long enqueue(long dossierId, Paper paper, Map<String, Object> args, String action) {
    String agency = agencies.agencyFor(dossierId, paper);
    String signer = sealing.currentUser();
    if (signer == null && args.get("certifier") instanceof String c && !"system".equals(c)) {
      signer = c;
    }
    // Before anything is issued: each key that will sign must be valid and not revoked now.
    sealing.signers(paper, agency, signer, EngineTime.wallNow());
    String argsJson;
    try {
      argsJson = json.writeValueAsString(args);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    Long id = jdbc.queryForObject("""
        INSERT INTO onestop.paper_job (dossier_id, paper, args, agency_id, signer, action) VALUES (?, ?, ?, ?, ?, ?) RETURNING id""",
        Long.class, dossierId, paper.name(), argsJson, agency, signer, action);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          dispatch(id);
        }
      });
    } else {
      dispatch(id);
    }
    return id;
  }

  private void dispatch(long id) {
    if (properties.getQueue().isAsync()) {
      executor.execute(() -> process(id));
    } else {
      process(id);
    }
  }

  /** Jobs whose time has come (first attempts a node missed, retries), oldest first. */
  @Scheduled(initialDelayString = "${onestop.signing.queue.poll-interval:PT15S}",
      fixedDelayString = "${onestop.signing.queue.poll-interval:PT15S}")
  public void poll() {
    runDue(EngineTime.wallNow());
  }

  /** Runs every pending job due at the given time on this thread; returns how many were tried. */
  public int runDue(Instant asOf) {
    List<Long> due = jdbc.queryForList("SELECT id FROM onestop.paper_job WHERE status = 'PENDING' AND next_attempt_at <= ?"
        + " ORDER BY id LIMIT 100", Long.class, Timestamp.from(asOf));
    due.forEach(this::process);
    return due.size();
  }

  /** Produces the dossier's papers still waiting for their first attempt now (a clerk opens the slip first). */
  @Override
  public void produceNow(long dossierId) {
    jdbc.queryForList("SELECT id FROM onestop.paper_job WHERE status = 'PENDING' AND attempts = 0 AND dossier_id = ? ORDER BY id",
        Long.class, dossierId).forEach(this::process);
  }

  /** Produces, signs and stores one paper; records the failure and the next attempt if it fails. */
  public void process(long id) {
    try {
      newTransaction.executeWithoutResult(status -> {
        List<Map<String, Object>> rows = jdbc.queryForList(
            "SELECT * FROM onestop.paper_job WHERE id = ? AND status = 'PENDING' FOR UPDATE SKIP LOCKED", id);
        if (rows.isEmpty()) {
          return;
        }
        Map<String, Object> job = rows.get(0);
        SigningContext.Job context = new SigningContext.Job(id, (String) job.get("agency_id"), (String) job.get("signer"),
            (String) job.get("action"));
        StoredDocument doc = SigningContext.with(context, () -> produce(job));
        jdbc.update("UPDATE onestop.paper_job SET status = 'DONE', attempts = attempts + 1, done_at = now(), document_id = ?,"
            + " last_error = NULL, incident_id = NULL WHERE id = ?", doc == null ? null : doc.id(), id);
        if (job.get("incident_id") != null) {
          incidents.resolve((String) job.get("incident_id"));
        }
      });
    } catch (RuntimeException e) {
      recordFailure(id, e);
    }
  }

  private StoredDocument produce(Map<String, Object> job) {
    long dossierId = ((Number) job.get("dossier_id")).longValue();
    Map<String, Object> args;
    try {
      args = job.get("args") == null ? Map.of() : json.readValue((String) job.get("args"), new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Paper job " + job.get("id") + " has unreadable arguments", e);
    }
    return switch (Paper.valueOf((String) job.get("paper"))) {
      case RECEIPT -> slips.receipt(dossierId);
      case SUPPLEMENT_REQUEST -> slips.supplementRequest(((Number) args.get("supplementRequestId")).longValue());
      case REFUSAL -> slips.refusal(dossierId);
      case APOLOGY -> slips.apology(dossierId);
      case PROCESS_CONTROL -> slips.processControl(dossierId);
      case STOP_NOTICE -> slips.stopNotice(dossierId);
      case RESULT -> results.issue(dossierId, (String) args.get("documentName"), (String) args.get("summary"));
      case CERTIFIED_COPY -> certifiedCopies.certifiedCopy(dossierId, ((Number) args.get("originalScanId")).longValue(),
          (String) args.getOrDefault("certifier", "system"));
    };
  }

  private void recordFailure(long id, RuntimeException e) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    Integer attempts = newTransaction.execute(status -> jdbc.queryForObject(
        "UPDATE onestop.paper_job SET attempts = attempts + 1, last_error = ? WHERE id = ? RETURNING attempts", Integer.class,
        message.length() > 2000 ? message.substring(0, 2000) : message, id));
    int n = attempts == null ? 1 : attempts;
    if (n >= properties.getQueue().getMaxAttempts()) {
      newTransaction.executeWithoutResult(status -> jdbc.update("UPDATE onestop.paper_job SET status = 'FAILED' WHERE id = ?", id));
      openIncident(id, n, e);
      failed.increment();
      log.error("Paper job {} FAILED after {} attempts (listed at /api/staff/papers/failed): {}", id, n, message, e);
    } else {
      Duration delay = properties.getQueue().getBackoff().multipliedBy(1L << Math.min(n - 1, 10));
      newTransaction.executeWithoutResult(status -> jdbc.update("UPDATE onestop.paper_job SET next_attempt_at = ? WHERE id = ?",
          Timestamp.from(EngineTime.wallNow().plus(delay)), id));
      log.warn("Paper job {} attempt {} failed, retry in {}: {}", id, n, delay, message);
    }
  }

  /** The incident of a failed job, in its own transaction: the job stays FAILED if the engine refuses it. */
  private void openIncident(long id, int attempts, RuntimeException cause) {
    try {
      newTransaction.executeWithoutResult(status -> {
        Map<String, Object> job = jdbc.queryForMap("SELECT dossier_id, paper, incident_id FROM onestop.paper_job WHERE id = ?", id);
        if (job.get("incident_id") == null) {
          String incident = incidents.open(id, ((Number) job.get("dossier_id")).longValue(),
              Paper.valueOf((String) job.get("paper")), attempts, cause);
          jdbc.update("UPDATE onestop.paper_job SET incident_id = ? WHERE id = ?", incident, id);
        }
      });
    } catch (RuntimeException ex) {
      log.error("Paper job {}: the incident could not be opened", id, ex);
    }
  }

  /** Jobs that failed every attempt, and those still retrying after a failure, newest first. */
  public List<Map<String, Object>> troubled() {
    return jdbc.queryForList("""
        SELECT j.id, j.dossier_id, d.code AS dossier_code, j.paper, j.agency_id, j.signer, j.action, j.status, j.attempts,
               j.requested_at, j.next_attempt_at, j.last_error
        FROM onestop.paper_job j JOIN onestop.dossier d ON d.id = j.dossier_id
        WHERE j.status = 'FAILED' OR (j.status = 'PENDING' AND j.attempts > 0)
        ORDER BY j.requested_at DESC, j.id DESC LIMIT 500""");
  }

  /** A supervisor retries a failed job once the token is back or the certificate renewed. */
  public boolean retry(long id) {
    int n = jdbc.update("UPDATE onestop.paper_job SET status = 'PENDING', attempts = 0, next_attempt_at = now() WHERE id = ?"
        + " AND status = 'FAILED'", id);
    if (n > 0) {
      dispatch(id);
    }
    return n > 0;
  }

  @PreDestroy
  void stop() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
