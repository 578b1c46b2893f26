package vn.onestop.register;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What other packages read of the dossier register; implemented by the {@code dossier} package. */
public interface DossierQueries {

  /** The register row of a dossier. */
  Optional<DossierRow> dossier(long dossierId);

  /**
   * The code and applicant of a dossier, with its register row locked until the transaction ends, so
   * that two versions of one document, or two reuses, never race (SELECT … FOR UPDATE).
   */
  Optional<DossierKey> lockForDocuments(long dossierId);

  /**
   * Locks the dossier's row for a payment recorded by the portal (thanh toán trực tuyến) and reads what
   * the payment depends on, so two notices of the same payment cannot both record it.
   */
  Optional<PaymentState> lockForPayment(long dossierId);

  /** The register id of the dossier with this code. */
  Optional<Long> idByCode(String code);

  /** One supplement request (form 02). */
  Optional<SupplementRequest> supplementRequest(long supplementRequestId);

  /** The newest supplement request of the dossier. */
  Optional<Long> latestSupplementRequestId(long dossierId);

  /** The dossier's one apology (form 04), if it was written. */
  Optional<Apology> apology(long dossierId);

  /** Every hand-over and step of the dossier in order (form 05). */
  List<HandOver> handOvers(long dossierId);

  /**
   * The dossier's number in its receiving agency's log book of the year it was received, given once when it was
   * received (in the order of the agency's receptions, numbered through the year).
   */
  long logBookNumber(long dossierId);

  /** The log book (form 06/07) of a receiving agency: the dossiers received in {@code [from, to)}, with their numbers. */
  List<LogBookLine> logBook(String agencyId, Instant from, Instant to);

  /**
   * Where the dossier of a process instance belongs (the dossier's own instance, or a leg's root
   * instance): its procedure and its territory, by which a stopped agency's successor is chosen.
   */
  Optional<DossierPlace> placeOf(String dossierProcessInstanceId);

  /** Where a dossier belongs, by register id. */
  Optional<DossierPlace> placeOf(long dossierId);

  /**
   * A dossier's procedure and territory (địa bàn).
   *
   * @param territoryAgencyId the applicant's or the property's commune, {@code null} when not recorded
   *                          (then its receiving agency's own area counts)
   */
  record DossierPlace(long id, String procedureCode, String territoryAgencyId, String receivingAgencyId) {}

  /** A dossier's code (null before acceptance) and its applicant's identity number. */
  record DossierKey(long id, String code, String applicantIdNumber) {}

  /** What an online payment depends on: the channel, whether and how it is paid, the process and portal ids. */
  record PaymentState(String channel, boolean paid, Optional<String> transactionRef,
                      Optional<String> processInstanceId, Optional<String> portalDossierId) {}

  /** A supplement request: at the desk (RECEPTION) or after appraisal (HANDLING). */
  record SupplementRequest(long id, long dossierId, String stage, String agencyId, Instant requestedAt, String requestedBy,
      String missing) {}

  /** The apology and new appointment of a late dossier. */
  record Apology(String agencyId, String reason, Instant previousDueAt, Instant newDueAt, Instant issuedAt, String issuedBy) {}

  /** A line of the process-control record. */
  record HandOver(Instant at, String kind, Integer legNo, String fromAgencyId, String toAgencyId, String actor, Instant dueAt,
      String timeliness, String note) {}

  /** A line of the log book. */
  record LogBookLine(long number, DossierRow dossier, Instant transferredAt) {}
}
