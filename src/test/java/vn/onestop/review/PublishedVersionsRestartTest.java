package vn.onestop.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.catalog.CatalogFiles;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.process.EngineTime;

/** A version published from a review survives a restart: a fresh catalogue gets it back from the database. */
@OneStopSpringTest
class PublishedVersionsRestartTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired EngineTime time;

  @Test
  void storedPublicationsAreReappliedToAFreshCatalogue() {
    jdbc.update("insert into onestop.review_plan (year, title, due_date) values (2031, 'KH 2031', date '2031-04-30') on conflict do nothing");
    Long id = jdbc.queryForObject("""
        insert into onestop.procedure_review (plan_year, agency_id, procedure_code, procedure_version, procedure_kind, status,
          due_at, reminder_at, simplify, proposed_days, removed_documents, optional_documents, decision, effective_from)
        values (2031, 'nhan-co', '1.003197', '2021.1', 'PUBLIC', 'ACCEPTED', now(), now(), true, 0.5, '',
          'giay-to-chung-minh', 'ACCEPTED', date '2031-07-01') returning id""", Long.class);
    jdbc.update("""
        insert into onestop.published_procedure_version (procedure_code, version, base_version, effective_from, review_id, published_at)
        values ('1.003197', ?, '2021.1', date '2031-07-01', ?, now())""", "R2031." + id, id);

    CatalogFiles files = CatalogFiles.load(new vn.onestop.catalog.CatalogProperties("catalog/", null, null, false));
    ProcedureCatalog fresh = new ProcedureCatalog(files, new Organisation(files));
    assertThat(fresh.find("1.003197", "R2031." + id)).as("not in the files").isEmpty();

    new PublishedVersions(jdbc, fresh, time).afterPropertiesSet();

    Procedure after = fresh.current("1.003197", LocalDate.of(2031, 7, 1)).orElseThrow();
    assertThat(after.version()).isEqualTo("R2031." + id);
    assertThat(after.resolutionDays()).isEqualByComparingTo("0.5");
    assertThat(fresh.current("1.003197", LocalDate.of(2031, 6, 30)).orElseThrow().version()).isEqualTo("2021.1");
  }
}
