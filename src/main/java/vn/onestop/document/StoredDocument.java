package vn.onestop.document;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored file's metadata (the bytes are read with {@link DocumentStore#read}).
 *
 * @param id                document id
 * @param dossierId         the dossier, or {@code null}
 * @param dossierCode       the dossier code when it was known at storing time
 * @param componentId       catalogue component or slip/result id
 * @param kind              what it is to the dossier
 * @param origin            original scan, certified e-copy, reused, electronic
 * @param version           1, 2, … per dossier, component and kind
 * @param title             human name
 * @param fileName          file name
 * @param contentType       MIME type
 * @param sizeBytes         size
 * @param sha256            hex SHA-256 of the content, checked on every read
 * @param applicantIdNumber the applicant's identity number, when known
 * @param validUntil        last valid day, or {@code null} for no expiry
 * @param reusedFrom        the data-store document reused, or {@code null}
 * @param addedBy           who added it
 * @param addedAt           when
 */
public record StoredDocument(
    long id,
    Long dossierId,
    String dossierCode,
    String componentId,
    DocumentKind kind,
    DocumentOrigin origin,
    int version,
    String title,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    String applicantIdNumber,
    LocalDate validUntil,
    Long reusedFrom,
    String addedBy,
    Instant addedAt) {}
