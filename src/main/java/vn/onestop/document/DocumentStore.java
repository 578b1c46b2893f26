package vn.onestop.document;

import vn.onestop.web.TextRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.onestop.register.DossierQueries;

/**
 * Every file of every dossier with its metadata. Files are never overwritten: storing again for the
 * same dossier, component and kind adds the next version and keeps the old one. Reading verifies the
 * SHA-256 recorded at storing time and refuses to return bytes that fail it.
 */
@Component("documentStore")
public class DocumentStore {

  private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);

  static final String COLUMNS = "d.id, d.dossier_id, d.dossier_code, d.component_id, d.kind, d.origin, d.version, d.title,"
      + " d.file_name, d.content_type, d.size_bytes, d.sha256, d.applicant_id_number, d.valid_until, d.reused_from,"
      + " d.added_by, d.added_at";

  static final RowMapper<StoredDocument> ROW = DocumentStore::map;

  private final JdbcTemplate jdbc;
  private final DossierQueries register;
  private final ContentStore content;
  private final Counter corrupted;
  private final ObjectProvider<PaperSeal> seal;

  public DocumentStore(JdbcTemplate jdbc, DossierQueries register, ContentStore content, MeterRegistry meters,
      ObjectProvider<PaperSeal> seal) {
    this.jdbc = jdbc;
    this.register = register;
    this.content = content;
    this.seal = seal;
    this.corrupted = Counter.builder("onestop.documents.corrupted")
        .description("Documents whose content failed its SHA-256 check on read").register(meters);
  }

  /**
   * The next version of a dossier's component, found through an index (the unique one on the version); the form
   * {@code dossier_id IS NOT DISTINCT FROM ?} that served both cases cannot use an index and read every document ever
   * stored on every upload and paper (issue 18).
   */
  static final String NEXT_VERSION = "SELECT coalesce(max(version), 0) + 1 FROM onestop.document"
      + " WHERE dossier_id = ? AND component_id = ? AND kind = ?";
  /** The same for a document filed under no dossier. */
  static final String NEXT_VERSION_WITHOUT_DOSSIER = "SELECT coalesce(max(version), 0) + 1 FROM onestop.document"
      + " WHERE dossier_id IS NULL AND component_id = ? AND kind = ?";

  /**
   * Stores a new file (or the next version of one) and returns its metadata. A paper OneStop issues
   * (slip, result, certified e-copy) is signed first by the {@link PaperSeal}, when there is one.
   */
  @Transactional
  public StoredDocument store(NewDocument doc) {
    PaperSeal sealer = seal.getIfAvailable();
    Optional<PaperSeal.Sealed> sealed = sealer == null ? Optional.empty() : sealer.seal(doc);
    if (sealed.isPresent()) {
      NewDocument d = doc;
      doc = new NewDocument(d.dossierId(), d.componentId(), d.kind(), d.origin(), d.title(), d.fileName(), d.contentType(),
          sealed.get().bytes(), d.applicantIdNumber(), d.validUntil(), d.reusedFrom(), d.addedBy());
    }
    StoredDocument stored = insert(doc);
    sealed.ifPresent(s -> s.onStored().accept(stored));
    return stored;
  }

  private StoredDocument insert(NewDocument doc) {
    // the bytes first (stored by their digest, no lock needed): the dossier's row stays locked for as short as can be
    String sha = sha256(doc.bytes());
    String key = content.put(sha, doc.bytes());
    String code = null;
    String applicant = doc.applicantIdNumber();
    if (doc.dossierId() != null) {
      // Locks the dossier row: two uploads of one component cannot take the same version number.
      DossierQueries.DossierKey dossier = register.lockForDocuments(doc.dossierId())
          .orElseThrow(() -> DocumentRejectedException.noDossier(doc.dossierId()));
      code = dossier.code();
      if (applicant == null) {
        applicant = dossier.applicantIdNumber();
      }
    }
    Integer version = doc.dossierId() == null
        ? jdbc.queryForObject(NEXT_VERSION_WITHOUT_DOSSIER, Integer.class, doc.componentId(), doc.kind().name())
        : jdbc.queryForObject(NEXT_VERSION, Integer.class, doc.dossierId(), doc.componentId(), doc.kind().name());
    Long id = jdbc.queryForObject("INSERT INTO onestop.document (dossier_id, dossier_code, component_id, kind, origin, version,"
        + " title, file_name, content_type, size_bytes, sha256, storage_key, applicant_id_number, valid_until, reused_from,"
        + " added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", Long.class,
        doc.dossierId(), code, doc.componentId(), doc.kind().name(), doc.origin().name(), version, doc.title(),
        TextRules.fileName(doc.fileName(), doc.componentId()), doc.contentType(), (long) doc.bytes().length, sha, key, applicant,
        doc.validUntil() == null ? null : Date.valueOf(doc.validUntil()), doc.reusedFrom(), doc.addedBy());
    return get(id);
  }

  /**
   * The newest version of a dossier's file for a component, any kind.
   *
   * @param dossierRef the dossier code, or its numeric id
   */
  public Optional<StoredDocument> latest(String dossierRef, String componentId) {
    Long dossierId = resolveDossier(dossierRef);
    if (dossierId == null) {
      return Optional.empty();
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM onestop.document d WHERE d.dossier_id = ? AND d.component_id = ?"
        + " ORDER BY d.added_at DESC, d.id DESC LIMIT 1", ROW, dossierId, componentId).stream().findFirst();
  }

  /** All files of a dossier, every version, oldest first. */
  public List<StoredDocument> forDossier(long dossierId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM onestop.document d WHERE d.dossier_id = ? ORDER BY d.id", ROW, dossierId);
  }

  /** Every version of one component of a dossier, oldest first. */
  public List<StoredDocument> versions(long dossierId, String componentId, DocumentKind kind) {
    return jdbc.query("SELECT " + COLUMNS + " FROM onestop.document d WHERE d.dossier_id = ? AND d.component_id = ?"
        + " AND d.kind = ? ORDER BY d.version", ROW, dossierId, componentId, kind.name());
  }

  /** A document's metadata. */
  public Optional<StoredDocument> find(long documentId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM onestop.document d WHERE d.id = ?", ROW, documentId).stream().findFirst();
  }

  /** A document's metadata, or an exception naming the id. */
  public StoredDocument get(long documentId) {
    return find(documentId).orElseThrow(() -> new DocumentRejectedException(DocumentRejectedException.Reason.NOT_FOUND, "documentId", "Không tìm thấy tài liệu số " + documentId));
  }

  /**
   * The bytes of a document, after checking them against the SHA-256 recorded when it was stored.
   *
   * @throws DocumentCorruptedException when they do not match; the bytes are not returned
   */
  public DocumentContent read(long documentId) {
    StoredDocument doc = get(documentId);
    String key = jdbc.queryForObject("SELECT storage_key FROM onestop.document WHERE id = ?", String.class, documentId);
    byte[] bytes = content.get(key);
    String actual = sha256(bytes);
    if (!actual.equals(doc.sha256())) {
      corrupted.increment();
      jdbc.update("UPDATE onestop.document SET integrity_failed_at = now() WHERE id = ?", documentId);
      log.error("Document {} ({}, dossier {}) failed its checksum: stored {}, read {}", documentId, doc.fileName(),
          doc.dossierId(), doc.sha256(), actual);
      throw new DocumentCorruptedException(documentId, doc.fileName(), doc.sha256(), actual);
    }
    return new DocumentContent(doc, bytes);
  }

  /** Copies a stored document's metadata into a new row without copying the bytes (reuse). */
  StoredDocument storeReference(StoredDocument source, long dossierId, String componentId, String actor) {
    String key = jdbc.queryForObject("SELECT storage_key FROM onestop.document WHERE id = ?", String.class, source.id());
    DossierQueries.DossierKey dossier = register.lockForDocuments(dossierId)
        .orElseThrow(() -> DocumentRejectedException.noDossier(dossierId));
    Integer version = jdbc.queryForObject(NEXT_VERSION, Integer.class, dossierId, componentId, DocumentKind.COMPONENT.name());
    Long id = jdbc.queryForObject("INSERT INTO onestop.document (dossier_id, dossier_code, component_id, kind, origin, version,"
        + " title, file_name, content_type, size_bytes, sha256, storage_key, applicant_id_number, valid_until, reused_from,"
        + " added_by) VALUES (?, ?, ?, 'COMPONENT', 'REUSED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", Long.class,
        dossierId, dossier.code(), componentId, version, source.title(), source.fileName(), source.contentType(),
        source.sizeBytes(), source.sha256(), key, dossier.applicantIdNumber(),
        source.validUntil() == null ? null : Date.valueOf(source.validUntil()), source.id(), actor);
    return get(id);
  }

  private Long resolveDossier(String dossierRef) {
    if (dossierRef == null || dossierRef.isBlank()) {
      return null;
    }
    Optional<Long> byCode = register.idByCode(dossierRef);
    if (byCode.isPresent()) {
      return byCode.get();
    }
    try {
      return Long.parseLong(dossierRef.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static StoredDocument map(ResultSet rs, int row) throws SQLException {
    Date validUntil = rs.getDate("valid_until");
    LocalDate valid = validUntil == null ? null : validUntil.toLocalDate();
    return new StoredDocument(rs.getLong("id"), (Long) rs.getObject("dossier_id", Long.class), rs.getString("dossier_code"),
        rs.getString("component_id"), DocumentKind.valueOf(rs.getString("kind")),
        DocumentOrigin.valueOf(rs.getString("origin")), rs.getInt("version"), rs.getString("title"),
        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
        rs.getString("applicant_id_number"), valid, (Long) rs.getObject("reused_from", Long.class),
        rs.getString("added_by"), rs.getTimestamp("added_at").toInstant());
  }
}
