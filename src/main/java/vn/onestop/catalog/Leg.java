package vn.onestop.catalog;

import java.math.BigDecimal;

/**
 * One agency's part of a procedure, as published (a row of the transfer slip — phiếu chuyển xử lý —
 * of Decree 61/2018 Art. 19.6, or the single handling agency of a plain procedure).
 *
 * <p>The handling agency is given either as {@link #agency} — a fixed agency id, or the keyword
 * {@value #RECEIVING} for "the agency that received the dossier" (a commune procedure is handled by
 * whichever commune received it) — or as {@link #agencyKind}: the agency of that kind serving the
 * receiving agency's area, nearest first (the receiving commune's police, the district's justice office).
 *
 * @param order       position in the published order (1-based)
 * @param agency      fixed agency id or {@value #RECEIVING}; {@code null} when {@link #agencyKind} is given
 * @param agencyKind  agency kind resolved relative to the receiving agency; {@code null} when {@link #agency} is given
 * @param task        what this agency does, in Vietnamese
 * @param workingDays the leg's time budget, in the procedure's time unit
 * @param steps       per-step budgets inside the leg; they add up to {@link #workingDays}
 * @param crossLevel  whether the leg runs at another tier than the procedure (liên thông giữa các cấp)
 * @param lead        whether this agency leads the interlinked procedure (cơ quan chủ trì, Art. 19.6)
 */
public record Leg(
    int order,
    String agency,
    String agencyKind,
    String task,
    BigDecimal workingDays,
    StepBudgets steps,
    boolean crossLevel,
    boolean lead) {

  /** Keyword for "the agency that received the dossier". */
  public static final String RECEIVING = "RECEIVING";

  /** Whether the leg is handled by the receiving agency itself. */
  public boolean byReceivingAgency() {
    return RECEIVING.equals(agency);
  }
}
