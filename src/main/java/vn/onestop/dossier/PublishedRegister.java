package vn.onestop.dossier;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.onestop.register.DossierQueries;
import vn.onestop.register.DossierRow;
import vn.onestop.register.RegisterUpdates;

/**
 * The register's published side ({@link DossierQueries}, {@link RegisterUpdates}): the only SQL over
 * the register's tables that other packages reach, so the dossier package stays their one writer.
 */
@Component
class PublishedRegister implements DossierQueries, RegisterUpdates {

  private final DossierRows rows;
  private final JdbcTemplate jdbc;

  PublishedRegister(DossierRows rows) {
    this.rows = rows;
    this.jdbc = rows.jdbc();
  }

  @Override
  public Optional<DossierRow> dossier(long dossierId) {
    return rows.find(dossierId);
  }

  @Override
  public Optional<DossierPlace> placeOf(String dossierProcessInstanceId) {
    return place("process_instance_id = ?", dossierProcessInstanceId);
  }

  @Override
  public Optional<DossierPlace> placeOf(long dossierId) {
    return place("id = ?", dossierId);
  }

  private Optional<DossierPlace> place(String where, Object key) {
    return jdbc.query("select id, procedure_code, territory_agency_id, receiving_agency_id from onestop.dossier where " + where,
        (rs, n) -> new DossierPlace(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), key).stream().findFirst();
  }

  @Override
  public Optional<DossierKey> lockForDocuments(long dossierId) {
    return jdbc.query("select id, code, applicant_id_number from onestop.dossier where id = ? for update",
        (rs, n) -> new DossierKey(rs.getLong(1), rs.getString(2), rs.getString(3)), dossierId).stream().findFirst();
  }

  @Override
  public Optional<PaymentState> lockForPayment(long dossierId) {
    return jdbc.query("""
        select channel, fee_paid, fee_transaction_ref, process_instance_id, portal_dossier_id
        from onestop.dossier where id = ? for update""", (rs, n) -> new PaymentState(rs.getString(1), rs.getBoolean(2),
        Optional.ofNullable(rs.getString(3)), Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5))),
        dossierId).stream().findFirst();
  }

  @Override
  public Optional<Long> idByCode(String code) {
    return jdbc.queryForList("select id from onestop.dossier where code = ?", Long.class, code).stream().findFirst();
  }

  @Override
  public Optional<SupplementRequest> supplementRequest(long supplementRequestId) {
    return jdbc.query("select * from onestop.supplement_request where id = ?", (rs, n) -> new SupplementRequest(rs.getLong("id"),
        rs.getLong("dossier_id"), rs.getString("stage"), rs.getString("agency_id"), DossierRows.instant(rs, "requested_at"),
        rs.getString("requested_by"), rs.getString("missing")), supplementRequestId).stream().findFirst();
  }

  @Override
  public Optional<Long> latestSupplementRequestId(long dossierId) {
    return jdbc.queryForList("select id from onestop.supplement_request where dossier_id = ? order by requested_at desc, id desc limit 1",
        Long.class, dossierId).stream().findFirst();
  }

  @Override
  public Optional<Apology> apology(long dossierId) {
    return jdbc.query("select * from onestop.apology where dossier_id = ?", (rs, n) -> new Apology(rs.getString("agency_id"),
        rs.getString("reason"), DossierRows.instant(rs, "previous_due_at"), DossierRows.instant(rs, "new_due_at"),
        DossierRows.instant(rs, "issued_at"), rs.getString("issued_by")), dossierId).stream().findFirst();
  }

  @Override
  public List<HandOver> handOvers(long dossierId) {
    return rows.events(dossierId);
  }

  /** The number given when the dossier was received (V142: a counter per agency and year, never counted again). */
  @Override
  public long logBookNumber(long dossierId) {
    Long n = jdbc.queryForObject("select log_book_no from onestop.dossier where id = ?", Long.class, dossierId);
    if (n == null) {
      throw new IllegalStateException("Dossier #" + dossierId + " has not been received: it has no log book number");
    }
    return n;
  }

  /**
   * The lines of the agency's log book received in [from, to), with the numbers they were given (V142), in the book's
   * order: two clerks' receptions of the same moment are numbered in the order they were recorded.
   */
  @Override
  public List<LogBookLine> logBook(String agencyId, Instant from, Instant to) {
    return jdbc.query("""
        select d.*,
               (select min(e.at) from onestop.dossier_event e where e.dossier_id = d.id and e.to_agency_id is not null
                  and e.to_agency_id <> d.receiving_agency_id) as transferred_at
        from onestop.dossier d
        where d.receiving_agency_id = ? and d.received_at >= ? and d.received_at < ?
        order by onestop.log_book_year(d.received_at), d.log_book_no, d.id""",
        (rs, n) -> new LogBookLine(rs.getLong("log_book_no"), DossierRows.ROW.mapRow(rs, n), DossierRows.instant(rs, "transferred_at")),
        agencyId, Timestamp.from(from), Timestamp.from(to));
  }

  @Override
  public void digitised(long dossierId) {
    rows.set(dossierId, "digitised = true, digitised_at = now()");
  }

  @Override
  public void resultIssuedElectronically(long dossierId) {
    rows.set(dossierId, "result_electronic = true");
  }

  @Override
  public void documentReused(long dossierId) {
    rows.set(dossierId, "reused_documents = reused_documents + 1");
  }

  @Override
  public void feePaidAtSubmission(long dossierId) {
    rows.set(dossierId, "fee_paid_at = submitted_at");
  }

  @Override
  public void feePaidOnline(long dossierId, String transactionRef, Instant at) {
    rows.set(dossierId, "fee_paid = true, fee_paid_online = true, fee_transaction_ref = ?, fee_paid_at = ?", transactionRef, at);
    rows.event(dossierId, at, "FEE_PAID", null, null, null, "portal", null, null, "Thanh toán trực tuyến, mã giao dịch " + transactionRef);
  }

  @Override
  public boolean ratedByCitizen(long dossierId, String rating, String comment, Instant at) {
    int updated = jdbc.update("""
        update onestop.dossier set rating = ?, rating_comment = ?, rated_at = ?, rated_by = 'CITIZEN', updated_at = now()
        where id = ? and status = 'RETURNED' and rating is null""", rating, comment, Timestamp.from(at), dossierId);
    if (updated == 0) {
      return false;
    }
    rows.event(dossierId, at, "RATED", null, null, null, "citizen", null, null, rating);
    return true;
  }
}
