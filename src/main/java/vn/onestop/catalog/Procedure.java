package vn.onestop.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of an administrative procedure (thủ tục hành chính, TTHC) as published in the
 * procedure catalogue (danh mục TTHC) — the public disclosure of Decree 61/2018 Art. 14 and the
 * internal process with per-step time budgets of Art. 12 / Circular 01/2018 Art. 8.
 *
 * <p>A dossier keeps the version it was received under; {@link #effectiveFrom}/{@link #effectiveTo}
 * say which version is current on a given day.
 *
 * @param code             national procedure code (mã TTHC, e.g. {@code 1.001193}) or a local placeholder
 * @param version          version label, unique per code
 * @param name             Vietnamese name as published
 * @param field            lĩnh vực (e.g. "Hộ tịch"), one of the catalogue's declared fields
 * @param level            tier whose agency decides (cấp thực hiện)
 * @param resolutionDays   legal resolution time (thời hạn giải quyết); 0 = on the spot (ngay trong ngày)
 * @param timeUnit         unit of {@link #resolutionDays} and of every budget
 * @param timeNote         the legal wording of the time, e.g. "sau 15 giờ trả trong ngày làm việc tiếp theo"
 * @param effectiveFrom    first day this version applies, or {@code null}
 * @param effectiveTo      last day this version applies, or {@code null}
 * @param fee              phí, lệ phí
 * @param documents        thành phần hồ sơ
 * @param result           kết quả
 * @param onlineLevel      online service level
 * @param interlinked      whether it is a one-stop interlinked procedure (liên thông), Art. 19.6-19.7
 * @param arrangement      how the legs run
 * @param supplementClock  what a supplement request does to the clock (Art. 19.4 default RESTART)
 * @param receivedBy       which agencies receive it
 * @param oneStopBudgets   the one-stop department's own steps: reception and return
 * @param legs             the handling agencies with their budgets
 * @param legalBasis       căn cứ pháp lý, short
 * @param verified         whether code, time and fee were checked against the official catalogue
 * @param note             what is unverified and why; other remarks
 * @param kind             PUBLIC (for citizens and businesses) or INTERNAL (TTHC nội bộ, between state bodies)
 */
public record Procedure(
    String code,
    String version,
    String name,
    String field,
    AgencyLevel level,
    BigDecimal resolutionDays,
    TimeUnit timeUnit,
    String timeNote,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    Fee fee,
    List<RequiredDocument> documents,
    ProcedureResult result,
    OnlineLevel onlineLevel,
    boolean interlinked,
    LegArrangement arrangement,
    SupplementClock supplementClock,
    Receiving receivedBy,
    StepBudgets oneStopBudgets,
    List<Leg> legs,
    String legalBasis,
    boolean verified,
    String note,
    ProcedureKind kind) {

  public Procedure {
    documents = documents == null ? List.of() : List.copyOf(documents);
    legs = legs == null ? List.of() : List.copyOf(legs);
    kind = kind == null ? ProcedureKind.PUBLIC : kind;
  }

  /** A procedure for citizens and businesses ({@link ProcedureKind#PUBLIC}). */
  public Procedure(String code, String version, String name, String field, AgencyLevel level, BigDecimal resolutionDays,
      TimeUnit timeUnit, String timeNote, LocalDate effectiveFrom, LocalDate effectiveTo, Fee fee,
      List<RequiredDocument> documents, ProcedureResult result, OnlineLevel onlineLevel, boolean interlinked,
      LegArrangement arrangement, SupplementClock supplementClock, Receiving receivedBy, StepBudgets oneStopBudgets,
      List<Leg> legs, String legalBasis, boolean verified, String note) {
    this(code, version, name, field, level, resolutionDays, timeUnit, timeNote, effectiveFrom, effectiveTo, fee,
        documents, result, onlineLevel, interlinked, arrangement, supplementClock, receivedBy, oneStopBudgets, legs,
        legalBasis, verified, note, ProcedureKind.PUBLIC);
  }

  /** The same version with other validity dates (used when a later version closes this one). */
  public Procedure withEffective(LocalDate from, LocalDate to) {
    return new Procedure(code, version, name, field, level, resolutionDays, timeUnit, timeNote, from, to, fee, documents,
        result, onlineLevel, interlinked, arrangement, supplementClock, receivedBy, oneStopBudgets, legs, legalBasis,
        verified, note, kind);
  }

  /** Whether this is an internal administrative procedure (TTHC nội bộ). */
  public boolean internal() {
    return kind == ProcedureKind.INTERNAL;
  }

  /** Whether this version applies on the given day (both ends inclusive). */
  public boolean effectiveOn(LocalDate day) {
    return (effectiveFrom == null || !day.isBefore(effectiveFrom)) && (effectiveTo == null || !day.isAfter(effectiveTo));
  }

  /** Whether the result is given on the spot (0 days). */
  public boolean onTheSpot() {
    return resolutionDays.signum() == 0;
  }

  /**
   * The time the legs and the one-stop steps take together: one-stop reception + return, plus the
   * sum of the legs (SEQUENTIAL) or the longest leg (PARALLEL). Must not exceed {@link #resolutionDays}.
   */
  public BigDecimal budgetedDays() {
    BigDecimal legsTime = arrangement == LegArrangement.PARALLEL
        ? legs.stream().map(Leg::workingDays).reduce(BigDecimal.ZERO, BigDecimal::max)
        : legs.stream().map(Leg::workingDays).reduce(BigDecimal.ZERO, BigDecimal::add);
    return oneStopBudgets.total().add(legsTime);
  }
}
