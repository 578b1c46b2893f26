package vn.onestop.report;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts every KPI is a ratio of, for one group of dossiers and one period. Tallies add up, so an
 * agency's figures are the sum of its subtree's.
 */
public final class Tally {

  /** Column names, in the order the register query returns them and exports print them. */
  public static final String[] COUNTS = {
      "received", "receivedOnline", "digitised", "withSupplement", "feePaid", "feePaidOnline",
      "resolved", "early", "onTime", "late", "lateWithApology", "lateWithExplanation",
      "results", "resultsElectronic", "rated", "satisfied", "ratedLand", "satisfiedLand",
      "ratedConstruction", "satisfiedConstruction", "ratedInvestment", "satisfiedInvestment",
      "timed", "withdrawn", "inProgress", "overdue",
      // review of procedures (filled by ReviewFigures, not by the register query): procedures in scope, internal
      // procedures in scope and reviewed, procedures reviewed and proposed for simplification, yearly compliance cost (VND)
      // before the proposals and the saving they propose
      "reviewScope", "reviewScopeInternal", "reviewedInternal", "reviewed", "simplificationProposed", "complianceCostBefore",
      "complianceCostSaving"};

  private final long[] counts = new long[COUNTS.length];
  private BigDecimal workingDays = BigDecimal.ZERO;

  public long get(String name) {
    return counts[index(name)];
  }

  public void set(String name, long value) {
    counts[index(name)] = value;
  }

  public BigDecimal workingDays() {
    return workingDays;
  }

  public void setWorkingDays(BigDecimal value) {
    workingDays = value == null ? BigDecimal.ZERO : value;
  }

  public Tally add(Tally other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    workingDays = workingDays.add(other.workingDays);
    return this;
  }

  public Map<String, Long> asMap() {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < COUNTS.length; i++) {
      map.put(COUNTS[i], counts[i]);
    }
    return map;
  }

  private static int index(String name) {
    for (int i = 0; i < COUNTS.length; i++) {
      if (COUNTS[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("No count named " + name);
  }
}
