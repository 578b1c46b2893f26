package vn.onestop.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the plan's appendix (nhiệm vụ của kế hoạch), as loaded from {@code plan/<year>.yaml}.
 *
 * @param leadAgencies   resolved agency ids of the lead agencies (cơ quan chủ trì)
 * @param coordinating   resolved agency ids of the coordinating agencies (cơ quan phối hợp)
 * @param recurring      "thường xuyên": reported every period, accepted at the deadline
 * @param indicator      the KPI (report.Kpi name) that measures it, or {@code null}
 * @param target         the plan's figure for that KPI, or {@code null}
 */
public record PlanTask(int year, String id, String content, List<String> leadAgencies, List<String> coordinating,
    LocalDate deadline, boolean recurring, String product, String indicator, BigDecimal target, boolean verified,
    String note) {

  public PlanTask {
    leadAgencies = List.copyOf(leadAgencies);
    coordinating = List.copyOf(coordinating);
  }

  /** The case's business key for one lead agency. */
  public String businessKey(String agencyId) {
    return "KH" + year + "-" + id + "-" + agencyId;
  }
}
