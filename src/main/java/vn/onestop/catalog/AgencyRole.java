package vn.onestop.catalog;

/**
 * The roles a Camunda candidate group stands for inside one agency. The group id is
 * {@code <agencyId>-<suffix>}; other modules (identity sync, BPMN candidate groups) rely on it.
 */
public enum AgencyRole {
  /** Công chức tiếp nhận và trả kết quả (one-stop reception/return clerks), Decree 61/2018 Art. 11. */
  CLERKS("clerks", "Công chức tiếp nhận và trả kết quả"),
  /** Công chức/chuyên viên thụ lý, thẩm định (handling officers), Decree 61/2018 Art. 19.2-19.3. */
  SPECIALISTS("specialists", "Chuyên viên thụ lý"),
  /** Lãnh đạo phân công, phê duyệt, ký (heads who assign and sign), Decree 61/2018 Art. 19. */
  HEADS("heads", "Lãnh đạo"),
  /** Giám sát, theo dõi (supervisors: statistics, late dossiers, explanations). */
  SUPERVISORS("supervisors", "Giám sát");

  private final String suffix;
  private final String label;

  AgencyRole(String suffix, String label) {
    this.suffix = suffix;
    this.label = label;
  }

  /** The group-id suffix, e.g. {@code clerks}. */
  public String suffix() {
    return suffix;
  }

  /** Vietnamese display label of the role. */
  public String label() {
    return label;
  }

  /** The group id of this role in the given agency: {@code <agencyId>-<suffix>}. */
  public String groupId(String agencyId) {
    return agencyId + "-" + suffix;
  }
}
