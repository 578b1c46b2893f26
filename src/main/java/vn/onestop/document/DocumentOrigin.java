package vn.onestop.document;

/** Where a file's content comes from — what the digitisation statistics (Decision 766) distinguish. */
public enum DocumentOrigin {
  /** Scanned from a paper original at the desk. */
  ORIGINAL_SCAN,
  /** Scanned from a paper copy. */
  COPY_SCAN,
  /** An e-copy certified from an original (Decree 23/2015 as amended by Decree 45/2020). */
  CERTIFIED_ECOPY,
  /** Taken from the applicant's data store instead of asking for it again. */
  REUSED,
  /** Born digital: produced by OneStop (slips, results) or submitted as a file. */
  ELECTRONIC
}
