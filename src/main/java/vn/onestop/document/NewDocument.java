package vn.onestop.document;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A file to store. Storing never overwrites: the same dossier, component and kind again is the next version.
 *
 * @param dossierId         {@code onestop.dossier.id}; {@code null} only for files that belong to no dossier
 * @param componentId       the catalogue component it satisfies, or {@code slip-01}…, {@code result}
 * @param kind              what it is to the dossier
 * @param origin            original scan, certified e-copy, reused, electronic
 * @param title             human name, e.g. the component's or the result's name
 * @param fileName          file name as uploaded or generated
 * @param contentType       MIME type
 * @param bytes             the content
 * @param applicantIdNumber the applicant's identity number when known (the dossier's is used otherwise)
 * @param validUntil        last day the document is valid, or {@code null} for no expiry
 * @param reusedFrom        the data-store document this one reuses, or {@code null}
 * @param addedBy           user id of whoever added it, or {@code system}
 */
public record NewDocument(
    Long dossierId,
    String componentId,
    DocumentKind kind,
    DocumentOrigin origin,
    String title,
    String fileName,
    String contentType,
    byte[] bytes,
    String applicantIdNumber,
    LocalDate validUntil,
    Long reusedFrom,
    String addedBy) {

  public NewDocument {
    Objects.requireNonNull(componentId, "componentId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(addedBy, "addedBy");
  }

  /** A file OneStop itself produced for a dossier (slip, result). */
  public static NewDocument generated(long dossierId, String componentId, DocumentKind kind, String title,
      String fileName, byte[] pdf) {
    return new NewDocument(dossierId, componentId, kind, DocumentOrigin.ELECTRONIC, title, fileName,
        "application/pdf", pdf, null, null, null, "system");
  }
}
