package vn.onestop.register;

import java.time.Instant;

/**
 * The facts other packages witness and hand to the register - a scan, an electronic result, a reused
 * document, a payment, a citizen's rating. Implemented by the {@code dossier} package, the one writer
 * of the register's tables; each runs in the caller's transaction.
 */
public interface RegisterUpdates {

  /** Every required component was scanned (số hóa, Decree 45/2020). */
  void digitised(long dossierId);

  /** The result was issued as an electronic document. */
  void resultIssuedElectronically(long dossierId);

  /** A document of the applicant's data store was reused instead of asked for again. */
  void documentReused(long dossierId);

  /** The fee was paid on the portal before submission: paid when submitted. */
  void feePaidAtSubmission(long dossierId);

  /** The fee was paid on the portal after submission, with the portal's transaction reference. */
  void feePaidOnline(long dossierId, String transactionRef, Instant at);

  /**
   * The citizen's rating of a returned dossier, once.
   *
   * @return false when the dossier is not returned yet or is already rated
   */
  boolean ratedByCitizen(long dossierId, String rating, String comment, Instant at);
}
