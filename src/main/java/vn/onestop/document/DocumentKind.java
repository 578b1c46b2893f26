package vn.onestop.document;

/** What a stored file is to its dossier. */
public enum DocumentKind {
  /** A component of the dossier (thành phần hồ sơ): scanned at the desk, submitted online or reused. */
  COMPONENT,
  /** An opinion of a consulted agency (Decree 61/2018 Art. 19.5). */
  OPINION,
  /** A printed form of Circular 01/2018 (Mẫu số 01-05). */
  SLIP,
  /** The result of the procedure, issued electronically. */
  RESULT,
  /** An electronic copy certified from an original (bản sao điện tử được chứng thực từ bản chính). */
  CERTIFIED_COPY
}
