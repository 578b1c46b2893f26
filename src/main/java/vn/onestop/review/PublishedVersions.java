package vn.onestop.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.process.EngineTime;

/**
 * Catalogue versions published from accepted reviews ({@code onestop.published_procedure_version}).
 * The catalogue files stay as written; each accepted simplification is stored as the review's
 * proposal and re-applied to its base version at every start-up, in publication order, so the
 * catalogue after a restart is the catalogue before it.
 */
@Component
public class PublishedVersions implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(PublishedVersions.class);

  private final JdbcTemplate jdbc;
  private final ProcedureCatalog catalog;
  private final EngineTime time;

  public PublishedVersions(JdbcTemplate jdbc, ProcedureCatalog catalog, EngineTime time) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.time = time;
  }

  /** Start-up: re-applies every stored publication to the catalogue. A version that no longer fits stops start-up. */
  @Override
  public void afterPropertiesSet() {
    List<Map<String, Object>> rows = jdbc.queryForList("""
        select v.procedure_code, v.version, v.base_version, v.effective_from, v.review_id
        from onestop.published_procedure_version v order by v.published_at, v.review_id""");
    for (Map<String, Object> row : rows) {
      long reviewId = ((Number) row.get("review_id")).longValue();
      String code = (String) row.get("procedure_code");
      String baseVersion = (String) row.get("base_version");
      Procedure base = catalog.find(code, baseVersion).orElseThrow(() -> new IllegalStateException(
          "Published version " + code + "@" + row.get("version") + " (review " + reviewId + ") is based on version "
              + baseVersion + ", which is no longer in the catalogue files"));
      Procedure version = simplification(reviewId).apply(base, (String) row.get("version"),
          ((java.sql.Date) row.get("effective_from")).toLocalDate());
      catalog.publish(version);
    }
    if (!rows.isEmpty()) {
      LOG.info("Re-applied {} catalogue version(s) published from reviews", rows.size());
    }
  }

  /**
   * Publishes the accepted simplification of the review: checked against the catalogue in the engine's
   * transaction, stored, and added to the in-memory catalogue once the transaction commits (so a
   * rolled-back step never leaves a version behind).
   */
  public Procedure publish(long reviewId) {
    Map<String, Object> r = jdbc.queryForMap(
        "select plan_year, procedure_code, effective_from from onestop.procedure_review where id = ? and decision = 'ACCEPTED'",
        reviewId);
    String code = (String) r.get("procedure_code");
    LocalDate from = ((java.sql.Date) r.get("effective_from")).toLocalDate();
    Procedure base = catalog.current(code, from.minusDays(1)).orElseThrow(() -> new IllegalStateException(
        "Procedure " + code + " has no version in force on " + from.minusDays(1) + " to simplify"));
    String version = "R" + r.get("plan_year") + "." + reviewId;
    Procedure next = simplification(reviewId).apply(base, version, from);
    catalog.checkPublishable(next);
    jdbc.update("""
        insert into onestop.published_procedure_version (procedure_code, version, base_version, effective_from, review_id, published_at)
        values (?, ?, ?, ?, ?, ?)""", code, version, base.version(), java.sql.Date.valueOf(from), reviewId,
        Timestamp.from(time.now()));
    jdbc.update("update onestop.procedure_review set status = 'ACCEPTED', published_version = ? where id = ?", version, reviewId);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          catalog.publish(next);
        }
      });
      return next;
    }
    return catalog.publish(next);
  }

  /** The proposal stored with the review. */
  Simplification simplification(long reviewId) {
    Map<String, Object> r = jdbc.queryForMap("""
        select proposed_days, removed_documents, optional_documents, proposed_fee, proposal_summary
        from onestop.procedure_review where id = ?""", reviewId);
    return new Simplification((BigDecimal) r.get("proposed_days"), split((String) r.get("removed_documents")),
        split((String) r.get("optional_documents")), (BigDecimal) r.get("proposed_fee"), (String) r.get("proposal_summary"));
  }

  private static Set<String> split(String ids) {
    if (ids == null || ids.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
