package vn.onestop.catalog;

/** What a supplement request during handling does to the resolution clock. */
public enum SupplementClock {
  /** Decree 61/2018 Art. 19.4: the time is counted again from the day the complete dossier returns. */
  RESTART,
  /** Decision 766/QĐ-TTg practice: the time spent waiting for the applicant is subtracted (paused). */
  PAUSE
}
