package vn.onestop.register;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the dossier register (sổ theo dõi hồ sơ), as stored: the one shape in which the dossier
 * package writes it and every other package reads it ({@link DossierQueries#dossier(long)}).
 * {@code ruleSet} is the id of the rule set ({@code rules/<id>.yaml}) the dossier recorded at reception.
 */
public record DossierRow(
    long id,
    String code,
    String processInstanceId,
    String procedureCode,
    String procedureVersion,
    String procedureName,
    String field,
    String level,
    boolean interlinked,
    String receivingAgencyId,
    String handlingAgencyId,
    String channel,
    String onlineLevel,
    String portalDossierId,
    String applicantName,
    String applicantIdNumber,
    String applicantPhone,
    String applicantEmail,
    String applicantAddress,
    String status,
    String outcome,
    BigDecimal resolutionDays,
    String supplementClock,
    String ruleSet,
    Instant submittedAt,
    Instant receivedAt,
    Instant clockStartedAt,
    Instant originalDueAt,
    Instant dueAt,
    Instant finishedAt,
    Instant returnedAt,
    boolean late,
    String lateLeg,
    Instant apologyAt,
    boolean explanationRequired,
    Instant explanationAt,
    int supplementCount,
    String refusalReason,
    BigDecimal feeAmount,
    boolean feePaid,
    boolean feePaidOnline,
    boolean digitised,
    boolean resultElectronic,
    int reusedDocuments,
    String rating,
    String ratingComment,
    Instant ratedAt) {

  /** The code, or a placeholder naming the register id while no code has been issued. */
  public String codeOrId() {
    return code != null ? code : "(chưa cấp mã) #" + id;
  }
}
