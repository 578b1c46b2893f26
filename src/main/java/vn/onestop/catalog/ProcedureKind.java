package vn.onestop.catalog;

/**
 * Who a procedure serves. The 2025 plan's review target (appendix II.4) counts internal
 * administrative procedures (thủ tục hành chính nội bộ — between state bodies) as well as the
 * procedures for citizens and businesses, so the catalogue holds both.
 */
public enum ProcedureKind {
  /** TTHC for citizens and organisations (người dân, doanh nghiệp): received at one-stop departments. */
  PUBLIC,
  /** TTHC nội bộ giữa các cơ quan hành chính nhà nước: one state body files with another; never on the public portal. */
  INTERNAL
}
