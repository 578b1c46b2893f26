package vn.onestop.report.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.catalog.CatalogFiles;
import vn.onestop.catalog.CatalogProperties;
import vn.onestop.catalog.Organisation;
import vn.onestop.report.KpiReport;
import vn.onestop.report.KpiReportService;
import vn.onestop.report.PlanTargets;
import vn.onestop.report.RegisterQueries;
import vn.onestop.report.ReportFilter;
import vn.onestop.report.ReportPeriod;

/**
 * Benchmark of the KPI report on a synthetic province-year (NOT a JUnit test; see docs/benchmarks.md).
 *
 * <p>Starts its own embedded PostgreSQL 17 with data in {@code target/kpi-bench-pg} (kept, so a second
 * run skips generation; delete the directory to regenerate), fsync off (a read benchmark), migrates the
 * register with Flyway, generates 1,000,000 dossiers of 2025 in SQL, the same dossiers as Camunda
 * history rows (ACT_HI_PROCINST + ACT_HI_VARINST from the engine's own DDL), VACUUM ANALYZE, then
 * times each query {@code runs} times (after 2 warm-up runs) and prints medians.
 *
 * <p>Arguments: [dossiers=1000000] [runs=7]
 */
public final class KpiBenchmark {

  public static void main(String[] args) throws Exception {
    int dossiers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path dir = Path.of("target", "kpi-bench-pg").toAbsolutePath();
    boolean fresh = !dir.toFile().exists();
    try (EmbeddedPostgres pg = BenchDatabase.start(dir)) {
      DataSource ds = pg.getPostgresDatabase();
      JdbcTemplate jdbc = new JdbcTemplate(ds);
      System.out.println("PostgreSQL " + jdbc.queryForObject("SHOW server_version", String.class) + ", data " + dir
          + (fresh ? " (new)" : " (reused)"));
      BenchDatabase.migrate(ds);
      Organisation organisation = new Organisation(CatalogFiles.load(CatalogProperties.defaults()));
      long have = jdbc.queryForObject("SELECT count(*) FROM onestop.dossier", Long.class);
      if (have != dossiers) {
        generate(jdbc, ds, dossiers, organisation);
      }
      history(jdbc, ds);
      long t2 = System.nanoTime();
      // Bulk loading through the trigger updates each summary row thousands of times; compact it as
      // autovacuum would over time in steady state (see docs/benchmarks.md for the figure without).
      if (!"no".equals(System.getProperty("compact"))) {
        jdbc.execute("VACUUM FULL onestop.report_month");
      }
      jdbc.execute("VACUUM ANALYZE");
      System.out.printf(Locale.ROOT, "VACUUM ANALYZE in %.1f s%n", (System.nanoTime() - t2) / 1e9);
      printFacts(jdbc);

      PlanTargets targets = new PlanTargets("classpath:report/targets.yaml");
      KpiReportService service = new KpiReportService(new RegisterQueries(jdbc), targets, organisation);
      ReportPeriod year = ReportPeriod.parse("2025", null, null);
      ReportPeriod month = ReportPeriod.parse("2025-11", null, null);
      String agency = "nhan-co";
      ReportFilter agencyFilter = ReportFilter.all().withAgencies(organisation.subtree(agency));
      KpiReport check = service.report(year, null, ReportFilter.all(), KpiReportService.GroupBy.NONE);
      System.out.println("Province-year totals: " + check.total().counts());
      System.out.println("On-time rate (register): " + check.total().kpis().get(0).value() + " %");

      List<String[]> results = new ArrayList<>();
      results.add(time("Full KPI report, province, year 2025", runs,
          () -> service.report(year, null, ReportFilter.all(), KpiReportService.GroupBy.NONE)));
      results.add(time("Full KPI report, province, year 2025, by agency", runs,
          () -> service.report(year, null, ReportFilter.all(), KpiReportService.GroupBy.AGENCY)));
      RegisterQueries rows = new RegisterQueries(jdbc);
      results.add(time("Same counts from the register rows (no summary), province, year", runs,
          () -> rows.tallyRows(year.start(), year.end(), year.end(), ReportFilter.all(), RegisterQueries.Dimension.NONE,
              targets.satisfactionFields())));
      results.add(time("Same counts from the register rows (no summary), " + agency + ", 2025-11", runs,
          () -> rows.tallyRows(month.start(), month.end(), month.end(), agencyFilter, RegisterQueries.Dimension.NONE,
              targets.satisfactionFields())));
      results.add(time("Full KPI report, " + agency + ", 2025-11", runs,
          () -> service.report(month, agency, agencyFilter, KpiReportService.GroupBy.NONE)));
      String registerOnTime = """
          SELECT count(*) FILTER (WHERE NOT late)::numeric / nullif(count(*), 0)
          FROM onestop.dossier WHERE finished_at >= ? AND finished_at < ? AND outcome IN ('RESULT', 'REFUSED')""";
      String registerOnTimeAgency = registerOnTime + " AND responsible_agency_id = ANY(?)";
      Timestamp ys = Timestamp.from(year.start());
      Timestamp ye = Timestamp.from(year.end());
      Timestamp ms = Timestamp.from(month.start());
      Timestamp me = Timestamp.from(month.end());
      String[] agencyIds = organisation.subtree(agency).toArray(String[]::new);
      results.add(time("On-time rate only, register, province, year", runs,
          () -> jdbc.queryForObject(registerOnTime, java.math.BigDecimal.class, ys, ye)));
      results.add(time("On-time rate only, register, " + agency + ", month", runs,
          () -> jdbc.queryForObject(registerOnTimeAgency, java.math.BigDecimal.class, ms, me, agencyIds)));
      // The same figure from Camunda history: the appointment and the outcome exist there only as process
      // variables, so each one is a join with ACT_HI_VARINST (and the agency a third).
      String historyOnTime = """
          SELECT count(*) FILTER (WHERE p.END_TIME_ <= to_timestamp(due.LONG_ / 1000.0) AT TIME ZONE 'UTC')::numeric
                 / nullif(count(*), 0)
          FROM ACT_HI_PROCINST p
          JOIN ACT_HI_VARINST due ON due.PROC_INST_ID_ = p.PROC_INST_ID_ AND due.NAME_ = 'originalDueAt'
          JOIN ACT_HI_VARINST o ON o.PROC_INST_ID_ = p.PROC_INST_ID_ AND o.NAME_ = 'outcome'
          WHERE p.PROC_DEF_KEY_ = 'dossier' AND p.END_TIME_ >= ? AND p.END_TIME_ < ? AND o.TEXT_ IN ('RESULT', 'REFUSED')""";
      String historyOnTimeAgency = historyOnTime.replace("WHERE p.PROC_DEF_KEY_",
          "JOIN ACT_HI_VARINST ag ON ag.PROC_INST_ID_ = p.PROC_INST_ID_ AND ag.NAME_ = 'handlingAgencyId'\n"
              + "WHERE ag.TEXT_ = ANY(?) AND p.PROC_DEF_KEY_");
      Timestamp yls = Timestamp.valueOf(year.from().atStartOfDay().minusHours(7));
      Timestamp yle = Timestamp.valueOf(year.to().plusDays(1).atStartOfDay().minusHours(7));
      Timestamp mls = Timestamp.valueOf(month.from().atStartOfDay().minusHours(7));
      Timestamp mle = Timestamp.valueOf(month.to().plusDays(1).atStartOfDay().minusHours(7));
      System.out.println("On-time rate (history): " + jdbc.queryForObject(historyOnTime, java.math.BigDecimal.class, yls, yle));
      results.add(time("On-time rate only, Camunda history, province, year", runs,
          () -> jdbc.queryForObject(historyOnTime, java.math.BigDecimal.class, yls, yle)));
      results.add(time("On-time rate only, Camunda history, " + agency + ", month", runs,
          () -> jdbc.queryForObject(historyOnTimeAgency, java.math.BigDecimal.class, agencyIds, mls, mle)));

      System.out.println();
      System.out.println("| Query | median ms | min ms | max ms | runs |");
      System.out.println("|---|---:|---:|---:|---:|");
      for (String[] r : results) {
        System.out.println("| " + String.join(" | ", r) + " |");
      }
      System.out.println();
      System.out.println("EXPLAIN (ANALYZE) of the province-year report query and the history on-time query:");
      explain(jdbc, registerOnTime.replace("?", "'" + ys + "+00'"));
      explain(jdbc, historyOnTime.replaceFirst("\\?", "'" + yls + "'").replaceFirst("\\?", "'" + yle + "'"));
    }
  }

  private static void explain(JdbcTemplate jdbc, String sql) {
    jdbc.query("EXPLAIN (ANALYZE, BUFFERS) " + sql.replaceFirst("'[^']*\\+00'", "'2025-01-01T00:00+07'")
        .replaceFirst("finished_at < '[^']*'", "finished_at < '2026-01-01T00:00+07'"), (ResultSet rs) -> {
          System.out.println("  " + rs.getString(1));
        });
  }

  private static String[] time(String name, int runs, Callable<?> query) throws Exception {
    query.call();
    query.call();
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      query.call();
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    Collections.sort(ms);
    double median = runs % 2 == 1 ? ms.get(runs / 2) : (ms.get(runs / 2 - 1) + ms.get(runs / 2)) / 2;
    System.out.printf(Locale.ROOT, "%-60s median %8.1f ms  (min %.1f, max %.1f, %d runs)%n", name, median, ms.get(0),
        ms.get(ms.size() - 1), runs);
    return new String[] {name, String.format(Locale.ROOT, "%.1f", median), String.format(Locale.ROOT, "%.1f", ms.get(0)),
        String.format(Locale.ROOT, "%.1f", ms.get(ms.size() - 1)), String.valueOf(runs)};
  }

  private static void printFacts(JdbcTemplate jdbc) {
    System.out.println("Rows: dossier " + jdbc.queryForObject("SELECT count(*) FROM onestop.dossier", Long.class)
        + ", ACT_HI_PROCINST " + jdbc.queryForObject("SELECT count(*) FROM ACT_HI_PROCINST", Long.class)
        + ", ACT_HI_VARINST " + jdbc.queryForObject("SELECT count(*) FROM ACT_HI_VARINST", Long.class));
    System.out.println("Sizes: dossier " + jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size('onestop.dossier'))", String.class)
        + ", history " + jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size('act_hi_procinst') + pg_total_relation_size('act_hi_varinst'))", String.class));
    System.out.println("Summary: report_month " + jdbc.queryForObject("SELECT count(*) FROM onestop.report_month", Long.class)
        + " rows, " + jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size('onestop.report_month'))", String.class));
    System.out.println("Agencies " + jdbc.queryForObject("SELECT count(DISTINCT responsible_agency_id) FROM onestop.dossier", Long.class)
        + ", procedures " + jdbc.queryForObject("SELECT count(DISTINCT procedure_code) FROM onestop.dossier", Long.class)
        + ", late " + jdbc.queryForObject("SELECT round(100.0 * count(*) FILTER (WHERE late) / count(*), 2) FROM onestop.dossier", String.class) + " %");
  }

  /** 1,000,000 dossiers of 2025 in one INSERT … SELECT over generate_series, then the same as Camunda history. */
  private static void generate(JdbcTemplate jdbc, DataSource ds, int n, Organisation organisation) throws Exception {
    long t0 = System.nanoTime();
    jdbc.execute("TRUNCATE onestop.dossier, onestop.report_month CASCADE");
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(SyntheticProvince.agencies(organisation.all()));
      s.execute(SyntheticProvince.DOSSIERS.replace("{{N}}", String.valueOf(n)));
    }
    System.out.printf(Locale.ROOT, "Generated %d dossiers (and the monthly summary, by trigger) in %.1f s%n", n,
        (System.nanoTime() - t0) / 1e9);
  }

  /** The register's dossiers as Camunda history, unless already there. */
  private static void history(JdbcTemplate jdbc, DataSource ds) throws Exception {
    long t1 = System.nanoTime();
    Integer hist = jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE lower(table_name) = 'act_hi_procinst'", Integer.class);
    if (hist == 0) {
      try (InputStream in = org.camunda.bpm.engine.ProcessEngine.class
          .getResourceAsStream("/org/camunda/bpm/engine/db/create/activiti.postgres.create.history.sql");
           Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    long dossiers = jdbc.queryForObject("SELECT count(*) FROM onestop.dossier", Long.class);
    long procinst = jdbc.queryForObject("SELECT count(*) FROM ACT_HI_PROCINST", Long.class);
    long varinst = jdbc.queryForObject("SELECT count(*) FROM ACT_HI_VARINST", Long.class);
    if (procinst == dossiers && varinst == 6 * dossiers) {
      return;
    }
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(SyntheticProvince.HISTORY);
    }
    System.out.printf(Locale.ROOT, "Generated history in %.1f s%n", (System.nanoTime() - t1) / 1e9);
  }

  private KpiBenchmark() {}
}
