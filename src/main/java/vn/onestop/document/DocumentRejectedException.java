package vn.onestop.document;

/**
 * A request about documents that cannot be carried out: a file too large or of a type the component
 * does not accept, an unknown component, dossier or document, a reuse that is not allowed.
 */
public class DocumentRejectedException extends RuntimeException {

  /** Why, so the API can answer with the right status. */
  public enum Reason { INVALID, TOO_LARGE, NOT_FOUND, CONFLICT }

  private final Reason reason;
  private final String field;

  public DocumentRejectedException(String field, String message) {
    this(Reason.INVALID, field, message);
  }

  public DocumentRejectedException(Reason reason, String field, String message) {
    super(message);
    this.reason = reason;
    this.field = field;
  }

  /** The 404 for a dossier the register does not hold. */
  public static DocumentRejectedException noDossier(long dossierId) {
    return new DocumentRejectedException(Reason.NOT_FOUND, "dossierId", "Không tìm thấy hồ sơ số " + dossierId);
  }

  public Reason reason() {
    return reason;
  }

  /** The request field at fault: {@code file}, {@code componentId}, … */
  public String field() {
    return field;
  }
}
