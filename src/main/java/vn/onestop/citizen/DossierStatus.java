package vn.onestop.citizen;

import java.time.Instant;

/**
 * What a citizen sees of a dossier on the look-up (tra cứu hồ sơ): status and dates only, never the
 * applicant's personal data.
 *
 * @param code                the code looked up (mã số hồ sơ, or REG-n before acceptance)
 * @param procedureName       the procedure
 * @param status              register status, e.g. IN_PROGRESS
 * @param statusText          the same in plain Vietnamese
 * @param submittedAt         when it was submitted
 * @param receivedAt          when it was accepted as complete, or null
 * @param appointment         the appointment in force (hẹn trả kết quả), or null
 * @param originalAppointment the appointment of form 01, when an apology moved it
 * @param resultReady         whether a result (or a refusal) is ready or given
 * @param returnedAt          when the result was handed over, or null
 * @param supplementNeeded    what to bring when a supplement was requested, or null
 * @param apology             the apology and new appointment (form 04), or null
 * @param rating              the rating given, or null
 * @param canRate             whether the citizen may rate now (after return, once)
 */
public record DossierStatus(String code, String procedureName, String status, String statusText, Instant submittedAt,
    Instant receivedAt, Instant appointment, Instant originalAppointment, boolean resultReady, Instant returnedAt,
    String supplementNeeded, Apology apology, Rating rating, boolean canRate) {

  /**
   * Phiếu xin lỗi và hẹn lại ngày trả kết quả (Decree 61/2018 Art. 19.9).
   *
   * @param slipPath where the printed form 04 is (GET with the same secret), or null when not printed
   */
  public record Apology(String reason, Instant previousAppointment, Instant newAppointment, Instant issuedAt, String slipPath) {}

  public record Rating(String value, String comment, Instant ratedAt, String ratedBy) {}
}
