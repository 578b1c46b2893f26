package vn.onestop.report;

import java.time.LocalDate;
import java.util.Map;

/**
 * The review figures of a year per agency (rà soát, đánh giá TTHC — plan 2025 appendix II.4), as
 * {@link Tally} counts {@code reviewScope}, {@code reviewScopeInternal}, {@code reviewedInternal}, {@code reviewed},
 * {@code simplificationProposed}, {@code complianceCostBefore}, {@code complianceCostSaving}; the KPI
 * report adds them up over an agency's subtree like the register's counts. Implemented by the review
 * feature ({@code vn.onestop.review.ReviewProgress}); the report works without it.
 */
public interface ReviewFigures {

  /**
   * @param year the plan year
   * @param on   the day whose catalogue defines which procedures are in scope
   */
  Map<String, Tally> byAgency(int year, LocalDate on);
}
