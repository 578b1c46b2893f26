package vn.onestop.evaluation.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.catalog.CatalogFiles;
import vn.onestop.catalog.CatalogProperties;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.evaluation.EvaluationFacts;
import vn.onestop.evaluation.Index766;
import vn.onestop.evaluation.Index766Definition;
import vn.onestop.evaluation.Index766Service;
import vn.onestop.process.EngineTime;
import vn.onestop.report.ReportPeriod;
import vn.onestop.report.bench.BenchDatabase;
import vn.onestop.report.bench.SyntheticProvince;

/**
 * Benchmark of the Decision 766 index (chỉ số 766) for a province-year (NOT a JUnit test; driver
 * {@code docs/bench/index-766.sh}, figures in docs/benchmarks.md).
 *
 * <p>Starts its own throw-away embedded PostgreSQL 17 (data in the directory given as third argument,
 * default {@code target/index766-bench-pg}; never {@code ./data}), fsync off (a read benchmark), migrates
 * with Flyway, fills the register with the KPI benchmark's synthetic province-year in one
 * {@code INSERT … SELECT generate_series} (the month-summary trigger is switched off while loading: the
 * index does not read the summary), adds one feedback per 200 dossiers, {@code VACUUM ANALYZE}, then times
 * {@link Index766Service#compute} for the whole province and 2025 (the service call behind
 * {@code GET /api/index-766?period=2025}) {@code runs} times after 2 warm-up calls and prints the median,
 * the time of each SQL statement of one call ({@link TimedJdbc}) and EXPLAIN ANALYZE of the two live parts.
 *
 * <p>Arguments: [dossiers=1000000] [runs=9] [data directory]
 */
public final class Index766Benchmark {

  public static void main(String[] args) throws Exception {
    int dossiers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    Path dir = Path.of(args.length > 2 ? args[2] : "target/index766-bench-pg").toAbsolutePath();
    try (EmbeddedPostgres pg = BenchDatabase.start(dir)) {
      DataSource ds = pg.getPostgresDatabase();
      JdbcTemplate jdbc = new JdbcTemplate(ds);
      System.out.println("PostgreSQL " + jdbc.queryForObject("SHOW server_version", String.class) + ", data " + dir);
      BenchDatabase.migrate(ds);
      Organisation organisation = new Organisation(CatalogFiles.load(CatalogProperties.defaults()));
      long have = jdbc.queryForObject("SELECT count(*) FROM onestop.dossier", Long.class);
      if (have != dossiers) {
        long t0 = System.nanoTime();
        jdbc.execute("TRUNCATE onestop.dossier, onestop.report_month, onestop.feedback CASCADE");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
          s.execute("ALTER TABLE onestop.dossier DISABLE TRIGGER USER");
          s.execute(SyntheticProvince.agencies(organisation.all()));
          s.execute(SyntheticProvince.DOSSIERS.replace("{{N}}", String.valueOf(dossiers)));
          s.execute("ALTER TABLE onestop.dossier ENABLE TRIGGER USER");
          s.execute(FEEDBACK);
          s.execute("SELECT onestop.index766_month_rebuild()");
        }
        System.out.printf(Locale.ROOT, "Generated %d dossiers in %.1f s%n", dossiers, (System.nanoTime() - t0) / 1e9);
        jdbc.execute("VACUUM ANALYZE");
      }
      if (jdbc.queryForObject("SELECT count(*) FROM onestop.index766_month", Long.class) == 0) {
        jdbc.execute("SELECT onestop.index766_month_rebuild()");
        jdbc.execute("VACUUM ANALYZE onestop.index766_month");
      }
      System.out.println("Rows: dossier " + jdbc.queryForObject("SELECT count(*) FROM onestop.dossier", Long.class)
          + ", feedback " + jdbc.queryForObject("SELECT count(*) FROM onestop.feedback", Long.class) + "; load average "
          + java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());

      EngineTime time = new EngineTime();
      Index766Service service = new Index766Service(jdbc, new Index766Definition("classpath:evaluation/index-766.yaml"),
          new EvaluationFacts(jdbc), new ProcedureCatalog(CatalogFiles.load(CatalogProperties.defaults()), organisation),
          organisation, time);
      ReportPeriod year = ReportPeriod.parse("2025", null, null);
      Index766 check = service.compute(year, null, null);
      TimedJdbc timed = new TimedJdbc(ds);
      new Index766Service(timed, new Index766Definition("classpath:evaluation/index-766.yaml"), new EvaluationFacts(timed),
          new ProcedureCatalog(CatalogFiles.load(CatalogProperties.defaults()), organisation), organisation, time)
          .compute(year, null, null);
      System.out.println("Province 2025: total " + check.total() + " of " + check.maxWithData());
      check.groups().forEach(g -> System.out.println("  " + g.id() + " " + g.score() + "/" + g.maxWithData()));
      service.compute(year, null, null);
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        service.compute(year, null, null);
        ms.add((System.nanoTime() - t0) / 1e6);
      }
      List<Double> sorted = new ArrayList<>(ms);
      Collections.sort(sorted);
      double median = runs % 2 == 1 ? sorted.get(runs / 2) : (sorted.get(runs / 2 - 1) + sorted.get(runs / 2)) / 2;
      System.out.printf(Locale.ROOT, "Index 766, province, year 2025, %d dossiers: median %.1f ms (min %.1f, max %.1f,"
          + " %d runs) %s%n", dossiers, median, sorted.get(0), sorted.get(runs - 1), runs, ms);
      for (String sql : List.of(
          "SELECT count(*) FROM onestop.dossier WHERE finished_at IS NULL AND received_at < '2026-01-01T00:00+07'",
          "SELECT count(*) FROM onestop.dossier WHERE finished_at >= '2026-01-01T00:00+07' AND received_at < '2026-01-01T00:00+07'")) {
        System.out.println(sql);
        jdbc.query("EXPLAIN (ANALYZE, BUFFERS) " + sql, (java.sql.ResultSet rs) -> {
          System.out.println("    " + rs.getString(1));
        });
      }
      System.out.println("Load average after: " + java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
    }
  }

  /** One feedback per 200 dossiers, a tenth about staff behaviour, a few rejected or overdue. */
  private static final String FEEDBACK = """
      INSERT INTO onestop.feedback (code, kind, channel, subject, content, sender_name, agency_id, received_by,
          dossier_code, status, received_at, classify_due_at, forward_due_at, answer_due_at, answered_at, overdue)
      SELECT 'PA-BENCH-' || d.id, CASE WHEN d.id % 10 = 0 THEN 'BEHAVIOUR' ELSE 'REGULATION' END, 'WEB', 'Phản ánh',
             'Nội dung', 'Người gửi', d.responsible_agency_id, d.responsible_agency_id, d.code,
             CASE WHEN d.id % 7 = 0 THEN 'REJECTED' ELSE 'ANSWERED' END, d.received_at, d.received_at + interval '2 days',
             d.received_at + interval '5 days', d.received_at + interval '10 days', d.received_at + interval '8 days', false
        FROM onestop.dossier d WHERE d.id % 200 = 0
      """;

  /** Prints how long each statement of one computation takes (where the time goes). */
  static final class TimedJdbc extends JdbcTemplate {

    TimedJdbc(DataSource ds) {
      super(ds);
    }

    @Override
    public <T> T query(org.springframework.jdbc.core.PreparedStatementCreator psc,
        org.springframework.jdbc.core.PreparedStatementSetter pss, org.springframework.jdbc.core.ResultSetExtractor<T> rse) {
      long t0 = System.nanoTime();
      try {
        return super.query(psc, pss, rse);
      } finally {
        String sql = psc instanceof org.springframework.jdbc.core.SqlProvider p ? p.getSql() : String.valueOf(psc);
        System.out.printf(Locale.ROOT, "  %8.1f ms  %s%n", (System.nanoTime() - t0) / 1e6,
            sql.replaceAll("\\s+", " ").substring(0, Math.min(110, sql.replaceAll("\\s+", " ").length())));
      }
    }
  }

  private Index766Benchmark() {}
}
