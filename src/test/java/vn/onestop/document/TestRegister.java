package vn.onestop.document;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/** Hand-built register rows for document tests (codes prefixed DOCT-), removed again by {@link #cleanUp()}. */
final class TestRegister {

  static final String RECEIVING = "dakrlap-mot-cua";
  static final String HANDLING = "dakrlap-tu-phap";
  static final String APPLICANT = "Nguyễn Thị Hồng Nhung";

  private final JdbcTemplate jdbc;
  private final List<Long> dossiers = new ArrayList<>();

  TestRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static String uniqueCode() {
    return "DOCT-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36).toUpperCase();
  }

  static String uniqueIdNumber() {
    return "0" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
  }

  /** A dossier of procedure DNO.CT.01 (two required components to digitise), received and due at the given instants. */
  long dossier(String code, String idNumber, Instant receivedAt, Instant dueAt) {
    return dossier(code, idNumber, "DNO.CT.01", "2024.1",
        "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở", receivedAt, dueAt);
  }

  long dossier(String code, String idNumber, String procedureCode, String version, String procedureName, Instant receivedAt,
      Instant dueAt) {
    return dossier(code, idNumber, RECEIVING, procedureCode, version, procedureName, receivedAt, dueAt);
  }

  /** A dossier of procedure DNO.CT.01 at another receiving agency; {@code receivedAt} null: submitted, not received. */
  long dossierAt(String receivingAgency, Instant receivedAt) {
    return dossier(uniqueCode(), uniqueIdNumber(), receivingAgency, "DNO.CT.01", "2024.1", "Chứng thực hợp đồng", receivedAt,
        receivedAt == null ? null : receivedAt.plusSeconds(86_400));
  }

  private long dossier(String code, String idNumber, String receivingAgency, String procedureCode, String version,
      String procedureName, Instant receivedAt, Instant dueAt) {
    Instant submittedAt = receivedAt == null ? Instant.now() : receivedAt.minusSeconds(600);
    Long id = jdbc.queryForObject("""
        INSERT INTO onestop.dossier (code, procedure_code, procedure_version, procedure_name, field, level,
          receiving_agency_id, handling_agency_id, channel, applicant_name, applicant_id_number, applicant_phone,
          applicant_email, applicant_address, status, resolution_days, submitted_at, received_at, clock_started_at,
          original_due_at, due_at, refusal_reason)
        VALUES (?, ?, ?, ?, 'Chứng thực', 'COMMUNE', ?, ?, 'DESK', ?, ?, '0912345678', 'nhung@example.vn',
          'Thôn 3, xã Nhân Cơ, huyện Đắk R''lấp', 'ACCEPTED', 2, ?, ?, ?, ?, ?,
          'Giấy tờ xuất trình không phải bản chính do cơ quan có thẩm quyền cấp')
        RETURNING id""", Long.class, code, procedureCode, version, procedureName, receivingAgency, HANDLING, APPLICANT, idNumber,
        ts(submittedAt), ts(receivedAt), ts(receivedAt), ts(dueAt), ts(dueAt));
    dossiers.add(id);
    return id;
  }

  void cleanUp() {
    for (Long id : dossiers) {
      jdbc.update("DELETE FROM onestop.document_reuse WHERE dossier_id = ?", id);
      jdbc.update("DELETE FROM onestop.applicant_document WHERE document_id IN (SELECT id FROM onestop.document WHERE dossier_id = ?)", id);
      jdbc.update("DELETE FROM onestop.document_reuse WHERE source_document_id IN (SELECT id FROM onestop.document WHERE dossier_id = ?)", id);
      jdbc.update("UPDATE onestop.document SET reused_from = NULL WHERE reused_from IN (SELECT id FROM onestop.document WHERE dossier_id = ?)", id);
      jdbc.update("DELETE FROM onestop.document WHERE dossier_id = ?", id);
      jdbc.update("DELETE FROM onestop.dossier_event WHERE dossier_id = ?", id);
      jdbc.update("DELETE FROM onestop.supplement_request WHERE dossier_id = ?", id);
      jdbc.update("DELETE FROM onestop.apology WHERE dossier_id = ?", id);
      jdbc.update("DELETE FROM onestop.dossier WHERE id = ?", id);
    }
    jdbc.update("DELETE FROM onestop.document_blob b WHERE NOT EXISTS (SELECT 1 FROM onestop.document d WHERE d.sha256 = b.sha256)");
    dossiers.clear();
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  /** Bytes that start like a PDF and are unique to the call. */
  static byte[] pdfLike(int size) {
    byte[] b = new byte[size];
    ThreadLocalRandom.current().nextBytes(b);
    System.arraycopy("%PDF-1.7\n".getBytes(), 0, b, 0, 9);
    return b;
  }
}
