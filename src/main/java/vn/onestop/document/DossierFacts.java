package vn.onestop.document;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the slips and results print about a dossier, read from the register ({@code onestop.dossier}). */
record DossierFacts(
    long id,
    String code,
    String procedureCode,
    String procedureVersion,
    String procedureName,
    String receivingAgencyId,
    String handlingAgencyId,
    String applicantName,
    String applicantIdNumber,
    String applicantPhone,
    String applicantEmail,
    String applicantAddress,
    String status,
    BigDecimal resolutionDays,
    Instant submittedAt,
    Instant receivedAt,
    Instant originalDueAt,
    Instant dueAt,
    Instant finishedAt,
    Instant returnedAt,
    String refusalReason,
    BigDecimal feeAmount) {

  static DossierFacts load(JdbcTemplate jdbc, long dossierId) {
    List<DossierFacts> rows = jdbc.query("SELECT * FROM onestop.dossier WHERE id = ?", DossierFacts::map, dossierId);
    if (rows.isEmpty()) {
      throw new DocumentRejectedException(DocumentRejectedException.Reason.NOT_FOUND, "dossierId", "No dossier with id " + dossierId);
    }
    return rows.get(0);
  }

  static DossierFacts map(ResultSet rs, int row) throws SQLException {
    return new DossierFacts(rs.getLong("id"), rs.getString("code"), rs.getString("procedure_code"),
        rs.getString("procedure_version"), rs.getString("procedure_name"), rs.getString("receiving_agency_id"),
        rs.getString("handling_agency_id"), rs.getString("applicant_name"), rs.getString("applicant_id_number"),
        rs.getString("applicant_phone"), rs.getString("applicant_email"), rs.getString("applicant_address"),
        rs.getString("status"), rs.getBigDecimal("resolution_days"), instant(rs, "submitted_at"),
        instant(rs, "received_at"), instant(rs, "original_due_at"), instant(rs, "due_at"), instant(rs, "finished_at"),
        instant(rs, "returned_at"), rs.getString("refusal_reason"), rs.getBigDecimal("fee_amount"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** The code, or a placeholder naming the register id while no code has been issued. */
  String codeOrId() {
    return code != null ? code : "(chưa cấp mã) #" + id;
  }
}
