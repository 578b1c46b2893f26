package vn.onestop.catalog;

/**
 * How far the procedure can be done online (dịch vụ công trực tuyến), Decree 45/2020 and Decree 42/2022.
 */
public enum OnlineLevel {
  /** Toàn trình: submit, pay and receive the result online. */
  FULL_PROCESS,
  /** Một phần: some steps online, others at the desk. */
  PARTIAL,
  /** Not offered online. */
  NONE
}
