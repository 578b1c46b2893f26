package vn.onestop.catalog;

import java.math.BigDecimal;

/**
 * A leg with its handling agency resolved for one receiving agency; what a process instance routes on
 * (candidate groups {@code <agencyId>-specialists}, {@code <agencyId>-heads}).
 *
 * @param order       position (1-based)
 * @param agencyId    the agency handling this leg
 * @param task        what it does
 * @param workingDays its time budget
 * @param steps       per-step budgets
 * @param crossLevel  whether the agency is at another tier than the receiving agency
 * @param lead        whether it leads the interlinked procedure
 */
public record ResolvedLeg(
    int order, String agencyId, String task, BigDecimal workingDays, StepBudgets steps, boolean crossLevel, boolean lead) {}
