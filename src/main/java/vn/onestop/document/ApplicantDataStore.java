package vn.onestop.document;

import vn.onestop.process.EngineTime;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.register.DossierQueries;
import vn.onestop.register.RegisterUpdates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's electronic data store (kho dữ liệu điện tử, Decree 45/2020): results, certified
 * e-copies and digitised papers filed under the applicant's identity number, so that staff do not ask
 * again for what is already there with legal value. Each reuse is recorded and counted in
 * {@code dossier.reused_documents} (the Decision 766 digitisation indicator).
 */
@Component("dataStore")
public class ApplicantDataStore {

  private final JdbcTemplate jdbc;
  private final DocumentStore documents;
  private final DossierQueries register;
  private final RegisterUpdates updates;

  public ApplicantDataStore(JdbcTemplate jdbc, DocumentStore documents, DossierQueries register, RegisterUpdates updates) {
    this.jdbc = jdbc;
    this.documents = documents;
    this.register = register;
    this.updates = updates;
  }

  /** Files a stored document in the applicant's data store (once; filing again changes nothing). */
  public void file(String idNumber, long documentId, DataStoreCategory category, String actor) {
    if (idNumber == null || idNumber.isBlank()) {
      throw new IllegalArgumentException("Document " + documentId + " cannot be filed: the applicant has no identity number");
    }
    jdbc.update("INSERT INTO onestop.applicant_document (id_number, document_id, category, filed_by) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (id_number, document_id) DO NOTHING", idNumber.trim(), documentId, category.name(), actor);
  }

  /** Everything filed for the applicant, newest first, valid or not. */
  public List<StoredDocument> documentsOf(String idNumber) {
    return jdbc.query("SELECT " + DocumentStore.COLUMNS + " FROM onestop.document d"
        + " JOIN onestop.applicant_document a ON a.document_id = d.id WHERE a.id_number = ? ORDER BY a.filed_at DESC, d.id DESC",
        DocumentStore.ROW, idNumber.trim());
  }

  /**
   * The documents that may be reused on the given day: results, certified e-copies and digitised
   * papers with no expiry or valid after {@code on}; newest first.
   */
  public List<StoredDocument> reusable(String idNumber, LocalDate on) {
    return jdbc.query("SELECT " + DocumentStore.COLUMNS + " FROM onestop.document d"
        + " JOIN onestop.applicant_document a ON a.document_id = d.id"
        + " WHERE a.id_number = ? AND a.category IN ('RESULT', 'CERTIFIED_ECOPY', 'DIGITISED')"
        + " AND (d.valid_until IS NULL OR d.valid_until > ?) AND d.integrity_failed_at IS NULL"
        + " ORDER BY a.filed_at DESC, d.id DESC", DocumentStore.ROW, idNumber.trim(), Date.valueOf(on));
  }

  /**
   * Attaches a data-store document to a dossier as the file of a component, instead of asking the
   * applicant for it again. The bytes are not copied. Records the reuse and counts it on the dossier.
   *
   * @throws DocumentRejectedException when the document is not in this applicant's store, has expired,
   *                                   or was already reused for that component of the dossier
   */
  @Transactional
  public StoredDocument reuse(long documentId, long dossierId, String componentId, String actor) {
    String idNumber = register.lockForDocuments(dossierId).orElseThrow(() -> DocumentRejectedException.noDossier(dossierId))
        .applicantIdNumber();
    if (idNumber == null) {
      throw new DocumentRejectedException("dossierId", "Hồ sơ " + dossierId + " chưa có số định danh của người nộp: không có tài liệu để dùng lại");
    }
    StoredDocument source = reusable(idNumber, LocalDate.now(EngineTime.clock())).stream()
        .filter(d -> d.id() == documentId).findFirst()
        .orElseThrow(() -> new DocumentRejectedException("documentId", "Tài liệu " + documentId
            + " không phải tài liệu còn hiệu lực trong kho dữ liệu của người nộp " + idNumber));
    Integer already = jdbc.queryForObject("SELECT count(*) FROM onestop.document_reuse WHERE dossier_id = ? AND component_id = ?"
        + " AND source_document_id = ?", Integer.class, dossierId, componentId, documentId);
    if (already != null && already > 0) {
      throw new DocumentRejectedException(DocumentRejectedException.Reason.CONFLICT, "documentId", "Tài liệu " + documentId + " đã được dùng lại cho thành phần '"
          + componentId + "' của hồ sơ " + dossierId);
    }
    StoredDocument attached = documents.storeReference(source, dossierId, componentId, actor);
    jdbc.update("INSERT INTO onestop.document_reuse (dossier_id, component_id, source_document_id, document_id, reused_by)"
        + " VALUES (?, ?, ?, ?, ?)", dossierId, componentId, documentId, attached.id(), actor);
    updates.documentReused(dossierId);
    return attached;
  }
}
