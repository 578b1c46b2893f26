package vn.onestop.bench;

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
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.onestop.OneStopApplication;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;

/**
 * The clerk's Tasklist at N open dossiers (issue 18; NOT a JUnit test, see docs/bench/tasklist.md).
 *
 * <p>Starts the whole application as the default run does (demo profile, embedded PostgreSQL with fsync
 * on) on a data directory that is kept between runs ({@code --data}, default
 * {@code target/tasklist-bench-pg}), then for each size in {@code --sizes}: seeds open {@code dossier}
 * instances up to that size through the engine API (several threads, {@code --batch} starts per
 * transaction, as the system without an authenticated user; correction of civil-status information,
 * DNO.HT.01, received round-robin at the communes, so every commune's clerk has her share waiting at
 * {@code Task_CheckDossier}), then times over HTTP what Tasklist asks for the demo clerk {@code clerk}
 * (HTTP Basic): the shared "group" filter's first page of 15 by due date, its count, and
 * {@code GET /engine-rest/task/count}; median of {@code --runs} calls after 3 warm-ups. It prints the
 * authorization rows, the resident memory of this JVM (the application plus this small driver) and one
 * Markdown table row per size.
 *
 * <p>Options: {@code --sizes=0,1000,10000} {@code --runs=21} {@code --threads=4} {@code --batch=20}
 * {@code --data=target/tasklist-bench-pg} {@code --explain[=docs/bench/explain]} (EXPLAIN ANALYZE of
 * the clerk's queries as the engine sends them, see {@link #explain}).
 */
public final class TasklistBenchmark {

  static final String PASSWORD = "Demo@2026!";

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      options.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    List<Integer> sizes = new ArrayList<>();
    for (String s : options.getOrDefault("sizes", "0,1000,10000").split(",")) {
      sizes.add(Integer.parseInt(s.trim().replace("_", "")));
    }
    int runs = Integer.parseInt(options.getOrDefault("runs", "21"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
    int batch = Integer.parseInt(options.getOrDefault("batch", "20"));
    Path data = Path.of(options.getOrDefault("data", "target/tasklist-bench-pg")).toAbsolutePath();
    Files.createDirectories(data.getParent());

    // Command-line arguments, so they outrank application.yaml (server.port: ${PORT:8080}).
    ConfigurableApplicationContext app = new SpringApplicationBuilder(OneStopApplication.class)
        .profiles("demo")
        .run("--server.port=0",
            "--onestop.embedded-db.data-dir=" + data,
            "--onestop.embedded-db.port=" + options.getOrDefault("pg-port", Integer.toString(56000 + new java.util.Random().nextInt(1000))),
            "--onestop.embedded-db.ephemeral=false",
            // The bench measures the clerk's queries; no timer is due while seeding.
            "--camunda.bpm.job-execution.enabled=false",
            "--logging.level.root=WARN");
    try {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      TasklistBenchmark bench = new TasklistBenchmark(app, port);
      System.out.printf(Locale.ROOT, "# %s, %d processors, JVM %s, args %s%n", Instant.now(),
          Runtime.getRuntime().availableProcessors(), ManagementFactory.getRuntimeMXBean().getInputArguments(),
          String.join(" ", args));
      System.out.println("| open dossiers | clerk sees | group filter, first 15 by due date | filter count"
          + " | engine: POST /task, same criteria, first 15 | engine: POST /task/count, same criteria"
          + " | GET /engine-rest/task/count | authorization rows | JVM RSS |");
      System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (int size : sizes) {
        bench.seed(size, threads, batch);
        bench.measure(size, runs);
        if (options.containsKey("explain")) {
          bench.explain("true".equals(options.get("explain")) ? "docs/bench/explain" : options.get("explain"));
        }
      }
    } finally {
      app.close();
    }
  }

  private final ConfigurableApplicationContext app;
  private final RuntimeService runtimeService;
  private final JdbcTemplate jdbc;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String groupFilterId;

  TasklistBenchmark(ConfigurableApplicationContext app, int port) {
    this.app = app;
    this.runtimeService = app.getBean(RuntimeService.class);
    this.jdbc = app.getBean(JdbcTemplate.class);
    this.base = "http://localhost:" + port;
    Filter group = app.getBean(FilterService.class).createTaskFilterQuery().list().stream()
        .filter(f -> f.getProperties() != null && "group".equals(f.getProperties().get("onestopKey")))
        .findFirst().orElseThrow();
    this.groupFilterId = group.getId();
  }

  /** Starts dossiers until {@code target} are open (waiting at reception). */
  void seed(int target, int threads, int batch) throws Exception {
    long open = runtimeService.createProcessInstanceQuery().processDefinitionKey("dossier").count();
    int missing = (int) Math.max(0, target - open);
    if (missing == 0) {
      return;
    }
    List<String> communes = app.getBean(Organisation.class).ofKind("commune").stream().map(Agency::id).toList();
    TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
    AtomicLong next = new AtomicLong(open);
    AtomicLong done = new AtomicLong();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        while (true) {
          long first = next.getAndAdd(batch);
          if (first >= target) {
            return null;
          }
          long last = Math.min(target, first + batch);
          tx.executeWithoutResult(status -> {
            for (long n = first; n < last; n++) {
              Map<String, Object> variables = new HashMap<>();
              variables.put("procedureCode", "DNO.HT.01");
              variables.put("receivingAgencyId", communes.get((int) (n % communes.size())));
              variables.put("channel", "DESK");
              variables.put("applicantName", "Người nộp thử " + n);
              runtimeService.startProcessInstanceByKey("dossier", variables);
            }
          });
          long d = done.addAndGet(last - first);
          if (d % 2000 < batch) {
            System.err.printf(Locale.ROOT, "  seeded %d/%d (%.0f/s)%n", d, missing, d / ((System.nanoTime() - started) / 1e9));
          }
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.err.printf(Locale.ROOT, "  seeded %d dossiers in %.0f s (%.1f/s)%n", missing, seconds, missing / seconds);
    jdbc.execute("analyze");
  }

  /**
   * Times, round-robin (one call of each per round, so load changes hit every column alike): the shared "group"
   * filter's first page and count as Tasklist asks them (answered by OneStop's shared-filter statement), the same
   * criteria sent to the engine's own task query ({@code POST /task}, {@code POST /task/count}: the engine's
   * authorization check), and {@code GET /task/count}.
   */
  void measure(int size, int runs) throws Exception {
    String group = String.join("\",\"", app.getBean(org.camunda.bpm.engine.IdentityService.class).createGroupQuery()
        .groupMember("clerk").list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
    String criteria = "{\"candidateGroups\":[\"" + group + "\"],\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
    Map<String, String[]> calls = new LinkedHashMap<>(); // name -> method, url, body
    calls.put("list", new String[] {"POST", base + "/engine-rest/filter/" + groupFilterId + "/list?firstResult=0&maxResults=15", "{}"});
    calls.put("count", new String[] {"GET", base + "/engine-rest/filter/" + groupFilterId + "/count", null});
    calls.put("engineList", new String[] {"POST", base + "/engine-rest/task?firstResult=0&maxResults=15", criteria});
    calls.put("engineCount", new String[] {"POST", base + "/engine-rest/task/count", criteria});
    calls.put("taskCount", new String[] {"GET", base + "/engine-rest/task/count", null});
    String sees = call("GET", calls.get("count")[1], null);
    String engineSees = call("POST", calls.get("engineCount")[1], criteria);
    if (!sees.equals(engineSees)) {
      throw new IllegalStateException("filter count " + sees + " but engine count " + engineSees);
    }
    Map<String, double[]> times = new LinkedHashMap<>();
    calls.keySet().forEach(k -> times.put(k, new double[runs]));
    for (int i = -3; i < runs; i++) {
      for (Map.Entry<String, String[]> c : calls.entrySet()) {
        long t0 = System.nanoTime();
        call(c.getValue()[0], c.getValue()[1], c.getValue()[2]);
        if (i >= 0) {
          times.get(c.getKey())[i] = (System.nanoTime() - t0) / 1e6;
        }
      }
    }
    long open = runtimeService.createProcessInstanceQuery().processDefinitionKey("dossier").count();
    Long authorizations = jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class);
    System.out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %,d | %d MB |%n", open,
        sees.replaceAll("\\D", ""), median(times.get("list")), median(times.get("count")), median(times.get("engineList")),
        median(times.get("engineCount")), median(times.get("taskCount")), authorizations, rssMb());
    System.out.flush();
    if (open < size) {
      throw new IllegalStateException("Only " + open + " open dossiers, expected " + size);
    }
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of every {@code *.sql} file of a directory (default
   * {@code docs/bench/explain}: the clerk's queries as the engine sends them), in name order; a file
   * whose name ends in {@code .ddl.sql} is executed instead (e.g. an index to try).
   */
  void explain(String directory) throws Exception {
    List<Path> files;
    try (var listing = Files.list(Path.of(directory))) {
      files = listing.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
    }
    for (Path file : files) {
      String sql = Files.readString(file).lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
      if (file.toString().endsWith(".ddl.sql")) {
        for (String statement : sql.split(";")) {
          if (!statement.isBlank()) {
            jdbc.execute(statement);
          }
        }
        System.out.println("-- executed " + file.getFileName());
        continue;
      }
      System.out.println("-- " + file.getFileName());
      for (Map<String, Object> row : jdbc.queryForList("explain (analyze, buffers) " + sql)) {
        System.out.println("    " + row.values().iterator().next());
      }
    }
  }

  private String call(String method, String url, String body) throws Exception {
    String auth = Base64.getEncoder().encodeToString(("clerk:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
        .header("Authorization", "Basic " + auth).header("Accept", "application/json");
    request = "POST".equals(method)
        ? request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body))
        : request.GET();
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static String median(double[] ms) {
    double[] sorted = ms.clone();
    java.util.Arrays.sort(sorted);
    double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    return String.format(Locale.ROOT, "%.0f ms", median);
  }

  /** Resident set size of this JVM from /proc (Linux), in MB. */
  static long rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }

}
