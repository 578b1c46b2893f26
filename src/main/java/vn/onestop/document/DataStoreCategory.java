package vn.onestop.document;

/** What a document is in the applicant's data store (Decree 45/2020). */
public enum DataStoreCategory {
  /** A result of an earlier procedure. */
  RESULT,
  /** An e-copy certified from an original. */
  CERTIFIED_ECOPY,
  /** A paper digitised at a desk. */
  DIGITISED
}
