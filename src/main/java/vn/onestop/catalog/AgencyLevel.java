package vn.onestop.catalog;

/**
 * Tier of government an agency belongs to (cấp chính quyền): tỉnh, huyện, xã.
 *
 * <p>Decree 61/2018 Art. 7 organises the one-stop department (Bộ phận Một cửa) per tier. Since the
 * 2025 two-tier reform the DISTRICT tier no longer exists; it stays here so that dossiers received
 * before 1/7/2025 and their agencies remain resolvable.
 */
public enum AgencyLevel {
  /** Cấp tỉnh. */
  PROVINCE,
  /** Cấp huyện (abolished 1/7/2025). */
  DISTRICT,
  /** Cấp xã (xã, phường, thị trấn). */
  COMMUNE
}
