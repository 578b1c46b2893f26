package vn.onestop.catalog;

import java.time.LocalDate;

/**
 * Search criteria for the public procedure list; every {@code null} criterion matches everything.
 *
 * @param level    tier
 * @param field    lĩnh vực, compared without case and diacritics
 * @param agencyId procedures received by, or handled by, this agency
 * @param text     free text over code, name and field, without case and diacritics
 *                 ("khai sinh" matches "Đăng ký khai sinh")
 * @param on       only versions effective on this day; {@code null} = today
 */
public record ProcedureFilter(AgencyLevel level, String field, String agencyId, String text, LocalDate on) {

  /** Matches every current procedure. */
  public static ProcedureFilter any() {
    return new ProcedureFilter(null, null, null, null, null);
  }
}
