package vn.onestop.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.onestop.catalog.Fee;
import vn.onestop.catalog.Leg;
import vn.onestop.catalog.LegArrangement;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.RequiredDocument;
import vn.onestop.catalog.StepBudgets;

/**
 * A proposal to simplify a procedure (phương án đơn giản hóa TTHC) as the reviewer enters it: a shorter
 * legal time, components dropped or made optional, a lower fee. {@link #apply} turns it into the new
 * catalogue version; the same version gives the "after" cost, so the cost saving and the published
 * version can never disagree.
 *
 * @param resolutionDays new legal time, or {@code null} to keep it
 * @param removedDocuments ids of components no longer asked for
 * @param optionalDocuments ids of components that become optional
 * @param feeVnd new fee, or {@code null} to keep it
 * @param summary the proposal in words (nội dung đơn giản hóa), printed on the report
 */
public record Simplification(BigDecimal resolutionDays, Set<String> removedDocuments, Set<String> optionalDocuments,
    BigDecimal feeVnd, String summary) {

  public Simplification {
    removedDocuments = removedDocuments == null ? Set.of() : Set.copyOf(removedDocuments);
    optionalDocuments = optionalDocuments == null ? Set.of() : Set.copyOf(optionalDocuments);
  }

  /** Whether anything would change. */
  public boolean changesSomething() {
    return resolutionDays != null || !removedDocuments.isEmpty() || !optionalDocuments.isEmpty() || feeVnd != null;
  }

  /**
   * The new version of {@code base}: when the legal time shrinks, the cut comes out of the handling
   * steps of the legs, last leg first (what the agency itself does, not the one-stop department's
   * half-days).
   *
   * @throws IllegalArgumentException naming what does not fit (unknown component, time longer than
   *                                  today's, legs that cannot absorb the cut)
   */
  public Procedure apply(Procedure base, String version, LocalDate effectiveFrom) {
    for (String id : union()) {
      if (base.documents().stream().noneMatch(d -> d.id().equals(id))) {
        throw new IllegalArgumentException("Procedure " + base.code() + " has no component '" + id + "'");
      }
    }
    BigDecimal days = resolutionDays == null ? base.resolutionDays() : resolutionDays;
    if (days.signum() < 0 || days.compareTo(base.resolutionDays()) > 0) {
      throw new IllegalArgumentException("The proposed time " + days.toPlainString() + " must be between 0 and today's "
          + base.resolutionDays().toPlainString() + " working days");
    }
    if (feeVnd != null && feeVnd.signum() < 0) {
      throw new IllegalArgumentException("The proposed fee must be ≥ 0");
    }
    List<RequiredDocument> documents = new ArrayList<>();
    for (RequiredDocument d : base.documents()) {
      if (removedDocuments.contains(d.id())) {
        continue;
      }
      documents.add(optionalDocuments.contains(d.id())
          ? new RequiredDocument(d.id(), d.name(), d.form(), d.quantity(), false, d.contentTypes(), d.maxSizeBytes(), d.note())
          : d);
    }
    List<Leg> legs = cutLegs(base, days);
    Fee fee = feeVnd == null ? base.fee() : new Fee(feeVnd, base.fee().note());
    String timeNote = resolutionDays == null ? base.timeNote()
        : days.stripTrailingZeros().toPlainString() + " ngày làm việc (đơn giản hóa theo kết quả rà soát)";
    String note = "Phiên bản đơn giản hóa theo kết quả rà soát" + (summary == null ? "" : ": " + summary);
    return new Procedure(base.code(), version, base.name(), base.field(), base.level(), days, base.timeUnit(), timeNote,
        effectiveFrom, null, fee, documents, base.result(), base.onlineLevel(), base.interlinked(), base.arrangement(),
        base.supplementClock(), base.receivedBy(), base.oneStopBudgets(), legs, base.legalBasis(), false, note, base.kind());
  }

  private Set<String> union() {
    Set<String> all = new java.util.HashSet<>(removedDocuments);
    all.addAll(optionalDocuments);
    return all;
  }

  private static List<Leg> cutLegs(Procedure base, BigDecimal days) {
    BigDecimal over = base.budgetedDays().subtract(days);
    if (over.signum() <= 0) {
      return base.legs();
    }
    List<Leg> legs = new ArrayList<>(base.legs());
    if (base.arrangement() == LegArrangement.PARALLEL) {
      BigDecimal cap = days.subtract(base.oneStopBudgets().total());
      for (int i = 0; i < legs.size(); i++) {
        Leg leg = legs.get(i);
        if (leg.workingDays().compareTo(cap) > 0) {
          legs.set(i, shorten(base, leg, leg.workingDays().subtract(cap)));
        }
      }
      return legs;
    }
    for (int i = legs.size() - 1; i >= 0 && over.signum() > 0; i--) {
      Leg leg = legs.get(i);
      BigDecimal cut = over.min(leg.steps().handling());
      if (cut.signum() > 0) {
        legs.set(i, shorten(base, leg, cut));
        over = over.subtract(cut);
      }
    }
    if (over.signum() > 0) {
      throw new IllegalArgumentException("Procedure " + base.code() + ": the handling steps cannot absorb a cut to "
          + days.toPlainString() + " working days; shorten the one-stop or approval budgets in the catalogue file");
    }
    return legs;
  }

  private static Leg shorten(Procedure base, Leg leg, BigDecimal cut) {
    StepBudgets s = leg.steps();
    if (cut.compareTo(s.handling()) > 0) {
      throw new IllegalArgumentException("Procedure " + base.code() + " leg " + leg.order()
          + ": its handling step (" + s.handling().toPlainString() + " days) cannot absorb a cut of " + cut.toPlainString());
    }
    StepBudgets steps = new StepBudgets(s.reception(), s.handling().subtract(cut), s.approval(), s.returnToOneStop());
    return new Leg(leg.order(), leg.agency(), leg.agencyKind(), leg.task(), leg.workingDays().subtract(cut), steps,
        leg.crossLevel(), leg.lead());
  }
}
