package vn.onestop.document;

/**
 * A stored file's bytes no longer match the SHA-256 recorded when it was stored. The file is never
 * served; the failure is logged, counted ({@code onestop.documents.corrupted}) and marked on the row.
 */
public class DocumentCorruptedException extends RuntimeException {

  private final long documentId;

  public DocumentCorruptedException(long documentId, String fileName, String expected, String actual) {
    super("Document " + documentId + " (" + fileName + ") failed its checksum: stored SHA-256 " + expected
        + ", content now " + actual + ". It is not served; restore it from backup or ask for the file again.");
    this.documentId = documentId;
  }

  public long documentId() {
    return documentId;
  }
}
