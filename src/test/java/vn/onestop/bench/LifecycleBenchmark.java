package vn.onestop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopApplication;

/**
 * The single-window lifecycle through the engine REST API against a bare model of the same shape (issue 18.2,
 * 18.6; NOT a JUnit test, see docs/bench/lifecycle.md).
 *
 * <p>Starts the whole application as the default run does (demo profile, embedded PostgreSQL with fsync on, the
 * job executor and the paper worker running) on a kept data directory ({@code --data}), deploys
 * {@code bench/bare-lifecycle.bpmn} (key {@code bareLifecycle}: the same user tasks, gateways, candidate groups and
 * variables, no beans, no listeners, no timers) with definition-level grants for the three demo groups, then runs
 * rounds that alternate OneStop and bare, with each client count of {@code --clients}. A lifecycle is 18 HTTP calls
 * by {@code clerk}, {@code head} and {@code specialist} (HTTP Basic), the same sequence for both models: start
 * (submit-form), check, digitise with two scans, transfer, read the instance (the dossier code), assign, appraise,
 * approve, return, each task found with {@code GET /engine-rest/task} and completed with {@code submit-form}.
 * OneStop's scans go where the clerk's "Hồ sơ" tab puts them ({@code /api/documents}); the bare model's are file
 * variables of the task ({@code /engine-rest/task/{id}/variables/{name}/data}). A OneStop round ends when its
 * papers (slips, result PDF: built after commit by the paper worker) are all stored, so that work counts.
 *
 * <p>Prints one Markdown row per client count: the median lifecycles/s of the rounds for each model and the ratio;
 * with {@code --rows} also the rows inserted per lifecycle by table (PostgreSQL's {@code n_tup_ins} deltas over one
 * sequential lifecycle of each model).
 *
 * <p>Options: {@code --clients=1,4} {@code --rounds=5} {@code --lifecycles=6} (per client and round)
 * {@code --warmup=6} {@code --models=onestop,bare} {@code --rows} {@code --statements} (PostgreSQL's pg_stat_statements per
 * lifecycle) {@code --steps} (each call's median and 90th-percentile time per client count)
 * {@code --data=target/lifecycle-bench-pg}.
 */
public final class LifecycleBenchmark {

  static final String PASSWORD = "Demo@2026!";
  static final byte[] SCAN = "%PDF-1.4\n% scan\n".getBytes(StandardCharsets.US_ASCII);

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      options.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
    int perClient = Integer.parseInt(options.getOrDefault("lifecycles", "6"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "6"));
    List<String> models = List.of(options.getOrDefault("models", "onestop,bare").split(","));
    Path data = Path.of(options.getOrDefault("data", "target/lifecycle-bench-pg")).toAbsolutePath();
    Files.createDirectories(data.getParent());

    List<String> settings = new ArrayList<>(List.of("--server.port=0",
        "--onestop.embedded-db.data-dir=" + data,
        "--onestop.embedded-db.port=" + options.getOrDefault("pg-port", Integer.toString(57000 + new java.util.Random().nextInt(1000))),
        "--onestop.embedded-db.ephemeral=false",
        // The test classpath's config/application.yaml (the test suite's overrides) is on this classpath too: put
        // back what the default run does, papers on the paper workers and the job executor running.
        "--onestop.signing.queue.async=true",
        "--onestop.signing.queue.poll-interval=PT15S",
        "--camunda.bpm.job-execution.enabled=true",
        "--logging.level.root=WARN", "--logging.level.vn.onestop=WARN", "--logging.level.eu.europa=ERROR"));
    // PostgreSQL's own log in the data directory (log/): a deadlock's or a long lock wait's statements, should a
    // round fail with a server fault (a deadlock at the summaries was found this way, V144).
    settings.add("--onestop.embedded-db.server-config[logging_collector]=on");
    settings.add("--onestop.embedded-db.server-config[log_directory]=log");
    settings.add("--onestop.embedded-db.server-config[log_lock_waits]=on");
    if (options.containsKey("statements")) {
      // PostgreSQL's statement statistics (loaded when the cluster starts)
      settings.add("--onestop.embedded-db.server-config[shared_preload_libraries]=pg_stat_statements");
    }
    ConfigurableApplicationContext app = new SpringApplicationBuilder(OneStopApplication.class)
        .profiles("demo")
        .run(settings.toArray(String[]::new));
    try {
      LifecycleBenchmark bench = new LifecycleBenchmark(app, data);
      bench.deployBareModel();
      System.out.printf(Locale.ROOT, "# %s, %d processors, load average %s, JVM %s, args %s%n", Instant.now(),
          Runtime.getRuntime().availableProcessors(), loadAverage(), ManagementFactory.getRuntimeMXBean().getInputArguments(),
          String.join(" ", args));
      if (options.containsKey("serve")) {
        System.out.println("# serving at " + bench.base + " for " + options.get("serve") + " s");
        Thread.sleep(1000L * Integer.parseInt(options.get("serve")));
      }
      for (String model : models) {
        bench.round(model, 1, warmup);
      }
      if (options.containsKey("rows")) {
        for (String model : models) {
          bench.rowsPerLifecycle(model);
        }
      }
      if (options.containsKey("statements")) {
        for (String model : models) {
          bench.statementsPerLifecycle(model);
        }
      }
      List<String> table = new ArrayList<>();
      table.add("| clients | OneStop lifecycles/s | bare lifecycles/s | OneStop / bare | rounds (OneStop; bare) | load average |");
      table.add("|---:|---:|---:|---:|---|---|");
      for (String c : options.getOrDefault("clients", "1,4").split(",")) {
        int clients = Integer.parseInt(c.trim());
        Map<String, double[]> rates = new LinkedHashMap<>();
        models.forEach(m -> rates.put(m, new double[rounds]));
        Map<String, double[][]> cpu = new LinkedHashMap<>();
        models.forEach(m -> cpu.put(m, new double[2][rounds]));
        Map<String, Long> classes = new TreeMap<>();
        Map<String, Map<String, Long>> threadCpu = new LinkedHashMap<>();
        models.forEach(m -> threadCpu.put(m, new TreeMap<>()));
        String loadBefore = loadAverage();
        bench.latencies.clear();  // the warm-up's and the previous client count's calls are not this count's
        for (int r = 0; r < rounds; r++) {
          for (String model : models) {
            long jvm0 = bench.cpu.jvm();
            long pg0 = bench.cpu.postgres();
            Map<String, Long> threads0 = CpuTime.threads();
            long[] vm0 = CpuTime.gcAndJit();
            rates.get(model)[r] = bench.round(model, clients, perClient * clients);
            Map<String, Long> threadSums = threadCpu.get(model);
            CpuTime.threads().forEach((kind, ns) -> threadSums.merge(kind, ns - threads0.getOrDefault(kind, 0L), Long::sum));
            long[] vm1 = CpuTime.gcAndJit();
            threadSums.merge("(GC pauses)", (vm1[0] - vm0[0]) * 1_000_000L, Long::sum);
            threadSums.merge("(JIT compilers' elapsed time)", (vm1[1] - vm0[1]) * 1_000_000L, Long::sum);
            classes.merge(model, vm1[2] - vm0[2], Long::sum);
            cpu.get(model)[0][r] = (bench.cpu.jvm() - jvm0) / 1e6 / (perClient * clients);
            cpu.get(model)[1][r] = (bench.cpu.postgres() - pg0) / 1e6 / (perClient * clients);
            System.err.printf(Locale.ROOT, "  %d client(s), round %d, %s: %.2f lifecycles/s (load %s)%n", clients, r + 1, model,
                rates.get(model)[r], loadAverage());
          }
        }
        double one = median(rates.getOrDefault("onestop", new double[] {Double.NaN}));
        double bare = median(rates.getOrDefault("bare", new double[] {Double.NaN}));
        table.add(String.format(Locale.ROOT, "| %d | %.2f | %.2f | **%.2f×** | %s; %s | %s → %s |", clients, one, bare, one / bare,
            list(rates.get("onestop")), list(rates.get("bare")), loadBefore, loadAverage()));
        System.out.println(table.get(table.size() - 1));
        if (options.containsKey("steps")) {
          new TreeMap<>(bench.latencies).forEach((call, ms) -> {
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "# %d client(s): %6.0f ms median, %6.0f ms 90th percentile, %4d calls  %s%n", clients,
                sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)],
                sorted.length, call);
          });
        }
        for (String model : models) {
          double jvm = median(cpu.get(model)[0]);
          double pg = median(cpu.get(model)[1]);
          System.out.printf(Locale.ROOT, "# CPU per lifecycle, %d client(s), %s: JVM %.0f ms + PostgreSQL %.0f ms = %.0f ms"
              + " (medians of the rounds; the JVM's includes this driver's HTTP clients)%n", clients, model, jvm, pg, jvm + pg);
          StringBuilder kinds = new StringBuilder();
          threadCpu.get(model).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
              .forEach(e -> kinds.append(String.format(Locale.ROOT, "%s %.0f ms; ", e.getKey(),
                  e.getValue() / 1e6 / ((double) rounds * perClient * clients))));
          System.out.println("#   JVM threads per lifecycle (mean of the rounds): " + kinds + "classes loaded per lifecycle "
              + String.format(Locale.ROOT, "%.1f", classes.getOrDefault(model, 0L) / ((double) rounds * perClient * clients)));
        }
      }
      System.out.println();
      table.forEach(System.out::println);
    } finally {
      app.close();
    }
  }

  private final ConfigurableApplicationContext app;
  private final JdbcTemplate jdbc;
  /**
   * Each call's time in milliseconds, by model and call (e.g. "onestop 12 POST /engine-rest/task/{id}/submit-form"), in
   * the measured rounds of one client count; printed with {@code --steps} as the median and 90th percentile: what a
   * clerk waits for each step with that many clerks at work.
   */
  private final Map<String, List<Double>> latencies = new java.util.concurrent.ConcurrentHashMap<>();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;
  private final CpuTime cpu;

  LifecycleBenchmark(ConfigurableApplicationContext app, Path data) {
    this.app = app;
    this.cpu = new CpuTime(data);
    this.jdbc = app.getBean(JdbcTemplate.class);
    this.base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  /** Deploys the bare model (once per data directory) and grants its definition to the demo staff's groups. */
  void deployBareModel() {
    RepositoryService repository = app.getBean(RepositoryService.class);
    if (repository.createProcessDefinitionQuery().processDefinitionKey("bareLifecycle").count() == 0) {
      repository.createDeployment().name("bare-lifecycle-bench").enableDuplicateFiltering(true)
          .addClasspathResource("bench/bare-lifecycle.bpmn").deploy();
    }

    AuthorizationService authorizations = app.getBean(AuthorizationService.class);
    for (String group : List.of("nhan-co-clerks", "nhan-co-heads", "nhan-co-specialists")) {
      grant(authorizations, group, Resources.PROCESS_DEFINITION, "bareLifecycle");
      grant(authorizations, group, Resources.PROCESS_INSTANCE, "*");
    }

  }

  private static void grant(AuthorizationService authorizations, String group, Resources resource, String id) {
    if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(id).count() > 0
        && resource == Resources.PROCESS_INSTANCE) {
      return;
    }
    if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(id)
        .hasPermission(Permissions.ALL).count() > 0) {
      return;
    }
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(id);
    grant.addPermission(resource == Resources.PROCESS_INSTANCE ? Permissions.CREATE : Permissions.ALL);
    authorizations.saveAuthorization(grant);
  }

  /** Runs {@code lifecycles} lifecycles of one model with {@code clients} threads; lifecycles per second. */
  double round(String model, int clients, int lifecycles) throws Exception {
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        Client client = new Client();
        while (next.getAndIncrement() < lifecycles) {
          if ("bare".equals(model)) {
            client.bare();
          } else {
            client.oneStop();
          }
        }
        return null;
      }));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    if (!"bare".equals(model)) {
      awaitPapers();
    }
    return lifecycles / ((System.nanoTime() - t0) / 1e9);
  }

  /** Waits until the paper worker has stored every paper of the round (a OneStop round ends with its PDFs). */
  void awaitPapers() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (jdbc.queryForObject("select count(*) from onestop.paper_job where status = 'PENDING'", Long.class) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Papers still pending after 2 minutes");
      }
      Thread.sleep(5);
    }
  }

  /** Rows inserted per lifecycle by table: {@code n_tup_ins} deltas over 3 sequential lifecycles of one model. */
  void rowsPerLifecycle(String model) throws Exception {
    int n = 3;
    Thread.sleep(1500); // statistics of other backends are flushed within a second of their last transaction
    java.sql.Timestamp since = jdbc.queryForObject("select now()", java.sql.Timestamp.class);
    Map<String, Long> before = inserted();
    round(model, 1, n);
    Thread.sleep(1500);
    Map<String, Long> after = inserted();
    Map<String, Double> per = new TreeMap<>();
    double total = 0;
    for (var e : after.entrySet()) {
      double d = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) n;
      if (d > 0) {
        per.put(e.getKey(), d);
        total += d;
      }
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "# rows inserted per lifecycle, %s: %.0f;", model, total));
    per.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.1f", e.getKey(), e.getValue())));
    System.out.println(line);
    if (!"bare".equals(model)) {
      System.out.println("# papers stored per lifecycle, " + model + ": " + jdbc.queryForObject("""
          select count(*) / 3.0 || ' of ' || coalesce(round(avg(b.size_bytes) / 1024), 0) || ' kB on average'
          from onestop.document d join onestop.document_blob b on b.sha256 = d.sha256
          where d.kind in ('SLIP', 'RESULT') and b.created_at >= ?""", String.class, since));
    }
  }

  /**
   * The statements PostgreSQL executed per lifecycle (pg_stat_statements over 3 sequential lifecycles of one model,
   * papers included): the total, the 40 most frequent with their time and the 15 that took the most time.
   */
  void statementsPerLifecycle(String model) throws Exception {
    int n = 3;
    jdbc.execute("create extension if not exists pg_stat_statements");
    awaitPapers();
    jdbc.execute("select pg_stat_statements_reset()");
    round(model, 1, n);
    String mine = " from pg_stat_statements where query not like '%pg_stat%' and query not like '%onestop.paper_job where status%'";
    jdbc.query("select sum(calls), sum(total_exec_time)" + mine, (org.springframework.jdbc.core.RowCallbackHandler) r ->
        System.out.printf(Locale.ROOT, "# statements per lifecycle, %s: %.1f, %.1f ms%n", model, r.getLong(1) / (double) n,
            r.getDouble(2) / n));
    jdbc.query("select calls, total_exec_time, regexp_replace(left(query, 150), '\\s+', ' ', 'g')" + mine
        + " order by calls desc, total_exec_time desc limit 40", (org.springframework.jdbc.core.RowCallbackHandler) r ->
        System.out.printf(Locale.ROOT, "#   %s %6.1f calls %7.2f ms  %s%n", model, r.getLong(1) / (double) n,
            r.getDouble(2) / n, r.getString(3)));
    jdbc.query("select calls, total_exec_time, regexp_replace(left(query, 150), '\\s+', ' ', 'g')" + mine
        + " order by total_exec_time desc limit 15", (org.springframework.jdbc.core.RowCallbackHandler) r ->
        System.out.printf(Locale.ROOT, "#   %s by time %6.1f calls %7.2f ms  %s%n", model, r.getLong(1) / (double) n,
            r.getDouble(2) / n, r.getString(3)));
  }

  private Map<String, Long> inserted() {
    Map<String, Long> rows = new HashMap<>();
    jdbc.query("select schemaname || '.' || relname, n_tup_ins from pg_stat_user_tables",
        rs -> {
          rows.put(rs.getString(1), rs.getLong(2));
        });
    return rows;
  }

  /** One HTTP client (one connection per thread, as one browser). */
  final class Client {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();

    private String model;
    private int step;

    /** The real model: what Tasklist and the "Hồ sơ" tab send for one dossier (README's walk-through). */
    void oneStop() throws Exception {
      model = "onestop";
      step = 10;
      JsonNode started = post("clerk", "/engine-rest/process-definition/key/dossier/submit-form", Map.of("variables", vars(
          "procedureCode", "DNO.HT.01", "channel", "DESK", "applicantName", "Người đo hiệu năng",
          "applicantIdNumber", "066190001234", "applicantPhone", "0905123456", "feePaid", false)));
      String instance = started.get("id").asText();
      long dossierId = Long.parseLong(started.get("businessKey").asText().replace("REG-", ""));
      submit("clerk", taskOf("clerk", "processInstanceId", instance), vars("receptionDecision", "ACCEPT"));
      String digitise = taskOf("clerk", "processInstanceId", instance);
      for (String component : new String[] {"to-khai", "giay-to-lien-quan"}) {
        multipart("clerk", "/api/documents/dossiers/" + dossierId + "/components/" + component, "file", component + ".pdf", null, 201);
      }
      submit("clerk", digitise, vars("scannedAll", true));
      submit("clerk", taskOf("clerk", "processInstanceId", instance), vars("handedOver", true));
      handling(get("clerk", "/engine-rest/process-instance/" + instance).get("businessKey").asText());
    }

    /** The bare model, the same calls: the scans are file variables of the digitising task. */
    void bare() throws Exception {
      model = "bare";
      step = 10;
      JsonNode started = post("clerk", "/engine-rest/process-definition/key/bareLifecycle/submit-form", Map.of(
          "businessKey", "BARE-" + UUID.randomUUID(), "variables", vars(
          "procedureCode", "DNO.HT.01", "channel", "DESK", "applicantName", "Người đo hiệu năng",
          "applicantIdNumber", "066190001234", "applicantPhone", "0905123456", "feePaid", false,
          "receivingAgencyId", "nhan-co", "handlingAgencyId", "nhan-co")));
      String instance = started.get("id").asText();
      submit("clerk", taskOf("clerk", "processInstanceId", instance), vars("receptionDecision", "ACCEPT"));
      String digitise = taskOf("clerk", "processInstanceId", instance);
      for (String component : new String[] {"to-khai", "giay-to-lien-quan"}) {
        multipart("clerk", "/engine-rest/task/" + digitise + "/variables/scan-" + component + "/data", "data",
            component + ".pdf", "File", 204);
      }
      submit("clerk", digitise, vars("scannedAll", true));
      submit("clerk", taskOf("clerk", "processInstanceId", instance), vars("handedOver", true));
      handling(get("clerk", "/engine-rest/process-instance/" + instance).get("businessKey").asText());
    }

    /** Assign, appraise, approve, return: the tasks found by the dossier code, as Tasklist's search does. */
    private void handling(String code) throws Exception {
      submit("head", taskOf("head", "processInstanceBusinessKey", code), vars("specialist", "specialist"));
      submit("specialist", taskOf("specialist", "processInstanceBusinessKey", code), vars(
          "appraisalNotes", "Đủ điều kiện", "proposedOutcome", "RESULT", "resultSummary", "Cải chính họ tên"));
      submit("head", taskOf("head", "processInstanceBusinessKey", code), vars("approved", true, "approvalRemarks", ""));
      submit("clerk", taskOf("clerk", "processInstanceBusinessKey", code), vars("returnChannel", "DESK", "rating", "SATISFIED"));
    }

    private String taskOf(String user, String by, String value) throws Exception {
      JsonNode tasks = get(user, "/engine-rest/task?" + by + "=" + value);
      if (tasks.size() != 1) {
        throw new IllegalStateException(user + " sees " + tasks.size() + " tasks for " + by + "=" + value + ": " + tasks);
      }
      return tasks.get(0).get("id").asText();
    }

    private void submit(String user, String task, Map<String, Object> variables) throws Exception {
      send(user, HttpRequest.newBuilder(URI.create(base + "/engine-rest/task/" + task + "/submit-form"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("variables", variables)))), 204);
    }

    private JsonNode get(String user, String path) throws Exception {
      return json.readTree(send(user, HttpRequest.newBuilder(URI.create(base + path)).GET(), 200));
    }

    private JsonNode post(String user, String path, Object body) throws Exception {
      return json.readTree(send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), 200));
    }

    private void multipart(String user, String path, String part, String fileName, String valueType, int expected) throws Exception {
      String boundary = "----bench" + System.nanoTime();
      StringBuilder head = new StringBuilder();
      if (valueType != null) {
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"valueType\"\r\n\r\n")
            .append(valueType).append("\r\n");
      }
      head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part)
          .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/pdf\r\n\r\n");
      byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
      byte[] t = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] body = new byte[h.length + SCAN.length + t.length];
      System.arraycopy(h, 0, body, 0, h.length);
      System.arraycopy(SCAN, 0, body, h.length, SCAN.length);
      System.arraycopy(t, 0, body, h.length + SCAN.length, t.length);
      send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)), expected);
    }

    private String send(String user, HttpRequest.Builder request, int expected) throws Exception {
      String auth = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      HttpRequest built = request.header("Authorization", "Basic " + auth).header("Accept", "application/json")
          .timeout(Duration.ofMinutes(2)).build();
      long t0 = System.nanoTime();
      HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
      latencies.computeIfAbsent(model + " " + step++ + " " + built.method() + " "
              + built.uri().getPath().replaceAll("/[0-9a-f]{8}-[0-9a-f-]{27}", "/{id}").replaceAll("/dossiers/[0-9]+", "/dossiers/{id}"),
          k -> java.util.Collections.synchronizedList(new ArrayList<>())).add((System.nanoTime() - t0) / 1e6);
      if (response.statusCode() != expected) {
        throw new IllegalStateException(built.method() + " " + built.uri() + " as " + user + " -> " + response.statusCode() + " "
            + response.body());
      }
      return response.body();
    }
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put((String) pairs[i], Map.of("value", pairs[i + 1]));
    }
    return variables;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  private static String list(double[] values) {
    if (values == null) {
      return "–";
    }
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", v));
    }
    return s.toString();
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "?";
    }
  }
}
