package vn.onestop.dossier;

import java.time.LocalDate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues dossier codes (cấp mã số hồ sơ) from the database, so they are unique and gap-free under
 * concurrency and across several OneStop nodes: the upsert takes a row lock on the agency's day,
 * and a number taken by a transaction that rolls back is rolled back with it. The code is issued in
 * the caller's transaction (the engine's, when a clerk accepts a dossier).
 */
@Component
public class DossierCodes {

  private static final String NEXT = """
      INSERT INTO onestop.dossier_code_counter AS c (agency_code, receipt_date, last_seq)
      VALUES (?, ?, 1)
      ON CONFLICT (agency_code, receipt_date) DO UPDATE SET last_seq = c.last_seq + 1
      RETURNING last_seq""";

  private final JdbcTemplate jdbc;

  public DossierCodes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The next code of the agency for the receipt date (in Vietnam's time zone).
   *
   * @throws DossierCodesExhaustedException when the agency already issued 9999 codes that day: the
   *     format has four digits and a wrapped number would collide with the morning's dossiers
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public DossierCode issue(String agencyCode, LocalDate receiptDate) {
    Integer sequence;
    try {
      sequence = jdbc.queryForObject(NEXT, Integer.class, agencyCode, receiptDate);
    } catch (DataIntegrityViolationException e) {
      throw new DossierCodesExhaustedException(agencyCode, receiptDate, e);
    }
    return new DossierCode(agencyCode, receiptDate, sequence);
  }

  /** Thrown instead of wrapping past 9999 codes of one agency in one day. */
  public static class DossierCodesExhaustedException extends IllegalStateException {
    public DossierCodesExhaustedException(String agencyCode, LocalDate day, Throwable cause) {
      super("Agency " + agencyCode + " has issued all " + DossierCode.MAX_SEQUENCE + " dossier codes of " + day
          + "; the Circular 01/2018 format has no room for more. Receive under another unit code or the next day.",
          cause);
    }
  }
}
