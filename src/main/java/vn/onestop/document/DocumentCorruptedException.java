package vn.onestop.document;

/**
 * A stored file's bytes no longer match the SHA-256 recorded when it was stored. The file is never
 * served; the failure is logged, counted ({@code onestop.documents.corrupted}) and marked on the row.
 */
public class DocumentCorruptedException extends RuntimeException {

  private final long documentId;

  public DocumentCorruptedException(long documentId, String fileName, String expected, String actual) {
    super("Tài liệu " + documentId + " (" + fileName + ") bị hỏng, sai mã kiểm tra: SHA-256 đã lưu "
        + expected + ", nội dung hiện nay " + actual + ". Tệp không được cung cấp; hãy khôi phục từ bản sao lưu hoặc đề nghị nộp lại tệp.");
    this.documentId = documentId;
  }

  public long documentId() {
    return documentId;
  }
}
