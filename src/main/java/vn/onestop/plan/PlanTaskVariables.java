package vn.onestop.plan;

/**
 * The variable contract of {@code bpmn/plan-task.bpmn} (nhiệm vụ kế hoạch): every variable its steps and
 * forms read or write, in one place. Dates are {@code java.util.Date} (what timers and due dates take).
 */
public final class PlanTaskVariables {

  /** Year of the plan (năm kế hoạch). */
  public static final String PLAN_YEAR = "planYear";
  /** Row of the appendix: I.1, II.4, … */
  public static final String PLAN_TASK_ID = "planTaskId";
  /** The lead agency of this case (cơ quan chủ trì). */
  public static final String LEAD_AGENCY_ID = "leadAgencyId";
  /** The office that accepts the product (cơ quan theo dõi, đôn đốc). */
  public static final String FOLLOW_UP_AGENCY_ID = "followUpAgencyId";
  /** The task's text (nội dung công việc). */
  public static final String CONTENT = "content";
  /** The expected product (sản phẩm dự kiến). */
  public static final String PRODUCT = "product";
  /** End of the working day of the deadline. */
  public static final String DEADLINE_AT = "deadlineAt";
  /** When the reminder goes out (five working days before the deadline). */
  public static final String REMINDER_AT = "reminderAt";
  /** The head's note when taking the task on. */
  public static final String TAKE_ON_NOTE = "takeOnNote";
  /** The product submitted (number, date, content of the document). */
  public static final String PRODUCT_NOTE = "productNote";
  /** The follow-up office's decision: {@link Decision}. */
  public static final String PRODUCT_DECISION = "productDecision";
  /** Remarks of the acceptance (ý kiến nghiệm thu). */
  public static final String REMARKS = "remarks";

  /** Acceptance decisions (kết quả nghiệm thu). */
  public enum Decision { ACCEPTED, SENT_BACK }

  private PlanTaskVariables() {}
}
