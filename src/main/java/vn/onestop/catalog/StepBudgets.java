package vn.onestop.catalog;

import java.math.BigDecimal;

/**
 * Time budget of each step, in the procedure's time unit (usually working days; 0.5 = half a day),
 * as in the internal process of Circular 01/2018 Art. 8 / Decree 61/2018 Art. 12 and in e-PAR desk
 * software. Each maps to a BPMN user task's due date.
 *
 * @param reception       tiếp nhận (at a one-stop department) or receipt by the agency's clerical office
 * @param handling        phân công + thẩm định (assign + appraise)
 * @param approval        trình ký, phê duyệt (submit, sign)
 * @param returnToOneStop chuyển kết quả về Bộ phận Một cửa / trả kết quả
 */
public record StepBudgets(BigDecimal reception, BigDecimal handling, BigDecimal approval, BigDecimal returnToOneStop) {

  public static final StepBudgets NONE = new StepBudgets(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  public StepBudgets {
    reception = reception == null ? BigDecimal.ZERO : reception;
    handling = handling == null ? BigDecimal.ZERO : handling;
    approval = approval == null ? BigDecimal.ZERO : approval;
    returnToOneStop = returnToOneStop == null ? BigDecimal.ZERO : returnToOneStop;
  }

  /** Sum of all steps. */
  public BigDecimal total() {
    return reception.add(handling).add(approval).add(returnToOneStop);
  }

  /** Whether any step is negative. */
  public boolean anyNegative() {
    return reception.signum() < 0 || handling.signum() < 0 || approval.signum() < 0 || returnToOneStop.signum() < 0;
  }
}
