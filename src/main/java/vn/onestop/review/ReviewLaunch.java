package vn.onestop.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.ProcedureCatalog;

/**
 * Puts a yearly review plan into effect: stores the plan and starts one {@code procedure-review}
 * instance per procedure assigned to an agency, all in one transaction (a wrong agency or code starts
 * nothing).
 */
@Service
public class ReviewLaunch {

  /** The procedures one agency reviews under the plan. */
  public record Assignment(String agencyId, List<String> procedureCodes) {}

  /**
   * The plan as entered.
   *
   * @param reminderDays working days before the deadline the reminder goes out (default 5)
   */
  public record PlanRequest(Integer year, String title, LocalDate dueDate, BigDecimal reminderDays,
      List<Assignment> assignments) {}

  /** One started review. */
  public record Started(String agencyId, String procedureCode, String processInstanceId) {}

  private final ReviewPlans plans;
  private final RuntimeService runtime;
  private final Organisation organisation;
  private final ProcedureCatalog catalog;

  public ReviewLaunch(ReviewPlans plans, RuntimeService runtime, Organisation organisation, ProcedureCatalog catalog) {
    this.plans = plans;
    this.runtime = runtime;
    this.organisation = organisation;
    this.catalog = catalog;
  }

  @Transactional
  public List<Started> launch(PlanRequest r) {
    if (r.year() == null) {
      throw new ReviewInputException("year", "Năm kế hoạch (year) là bắt buộc");
    }
    if (r.assignments() == null || r.assignments().isEmpty()) {
      throw new ReviewInputException("assignments", "Kế hoạch chưa phân công thủ tục nào (assignments)");
    }
    for (Assignment a : r.assignments()) {
      if (a.agencyId() == null || organisation.find(a.agencyId()).isEmpty()) {
        throw new ReviewInputException("agencyId", "Cơ quan '" + a.agencyId() + "' không có trong cơ cấu tổ chức");
      }
      if (a.procedureCodes() == null || a.procedureCodes().isEmpty()) {
        throw new ReviewInputException("procedureCodes", "Chưa phân công thủ tục nào cho " + a.agencyId());
      }
      for (String code : a.procedureCodes()) {
        if (catalog.all().stream().noneMatch(p -> p.code().equals(code))) {
          throw new ReviewInputException("procedureCodes", "Thủ tục '" + code + "' không có trong danh mục");
        }
      }
    }
    ReviewPlans.Plan plan = plans.create(r.year(), r.title(), r.dueDate(),
        r.reminderDays() == null ? new BigDecimal("5") : r.reminderDays());
    List<Started> started = new ArrayList<>();
    for (Assignment a : r.assignments()) {
      for (String code : a.procedureCodes()) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("agencyId", a.agencyId());
        variables.put("procedureCode", code);
        variables.put("planYear", plan.year());
        variables.put("reviewReason", plan.title());
        String id = runtime.startProcessInstanceByKey("procedure-review", "RS-" + plan.year() + "-" + a.agencyId() + "-" + code,
            variables).getId();
        started.add(new Started(a.agencyId(), code, id));
      }
    }
    return started;
  }
}
