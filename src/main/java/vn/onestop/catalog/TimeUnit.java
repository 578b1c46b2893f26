package vn.onestop.catalog;

/**
 * The unit a procedure's legal time is written in. Sector laws differ (Civil Status Law: working days;
 * Construction Law Art. 102: "ngày"), so the unit is kept per procedure and the calendar decides.
 */
public enum TimeUnit {
  /** Ngày làm việc. */
  WORKING_DAYS,
  /** Ngày (calendar days), where the sector law says so. */
  DAYS
}
