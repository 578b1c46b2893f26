package vn.onestop.report;

/**
 * The indicators supervisors follow against the plan's targets. Formulas are written down in
 * {@code docs/kpis.md}; the numerator and denominator of each come from {@link Tally}.
 */
public enum Kpi {
  ON_TIME_RATE("Tỷ lệ hồ sơ giải quyết trước và đúng hạn", "On-time rate (early + on time among resolved)", Unit.PERCENT, Direction.AT_LEAST),
  LATE_WITH_APOLOGY("Hồ sơ trễ hạn có thư xin lỗi", "Late dossiers with an apology", Unit.PERCENT, Direction.AT_LEAST),
  LATE_WITH_EXPLANATION("Hồ sơ trễ hạn có báo cáo giải trình", "Late dossiers with an explanation", Unit.PERCENT, Direction.AT_LEAST),
  SATISFACTION("Mức độ hài lòng", "Satisfaction rate", Unit.PERCENT, Direction.AT_LEAST),
  SATISFACTION_LAND("Mức độ hài lòng – đất đai", "Satisfaction rate – land", Unit.PERCENT, Direction.AT_LEAST),
  SATISFACTION_CONSTRUCTION("Mức độ hài lòng – xây dựng", "Satisfaction rate – construction", Unit.PERCENT, Direction.AT_LEAST),
  SATISFACTION_INVESTMENT("Mức độ hài lòng – đầu tư", "Satisfaction rate – investment", Unit.PERCENT, Direction.AT_LEAST),
  ONLINE_SHARE("Tỷ lệ hồ sơ trực tuyến", "Online share of received dossiers", Unit.PERCENT, Direction.AT_LEAST),
  FEE_ONLINE_SHARE("Tỷ lệ thanh toán trực tuyến", "Online fee payment share", Unit.PERCENT, Direction.AT_LEAST),
  DIGITISED_SHARE("Tỷ lệ số hóa hồ sơ", "Digitised dossiers share", Unit.PERCENT, Direction.AT_LEAST),
  ELECTRONIC_RESULT_SHARE("Tỷ lệ cấp kết quả điện tử", "Electronic results share", Unit.PERCENT, Direction.AT_LEAST),
  SUPPLEMENT_RATE("Tỷ lệ hồ sơ yêu cầu bổ sung", "Supplement-request rate", Unit.PERCENT, Direction.AT_MOST),
  AVERAGE_RESOLUTION_DAYS("Thời gian giải quyết trung bình", "Average resolution time", Unit.WORKING_DAYS, Direction.AT_MOST),
  // Review and simplification (plan 2025 appendix II.4; issue 21). Counted per (agency, procedure) pair of
  // the year's review plan, so agencies add up; formulas in docs/kpis.md and docs/review.md.
  REVIEWED_SHARE("Tỷ lệ TTHC nội bộ được rà soát, đánh giá", "Internal procedures reviewed", Unit.PERCENT, Direction.AT_LEAST),
  SIMPLIFICATION_PROPOSED_SHARE("Tỷ lệ TTHC được đề xuất đơn giản hóa", "Reviewed procedures proposed for simplification", Unit.PERCENT, Direction.AT_LEAST),
  COMPLIANCE_COST_CUT("Tỷ lệ cắt giảm chi phí tuân thủ", "Compliance cost cut by the proposals", Unit.PERCENT, Direction.AT_LEAST);

  /** How a value is expressed. */
  public enum Unit { PERCENT, WORKING_DAYS }

  /** Whether the target is a floor or a ceiling. */
  public enum Direction { AT_LEAST, AT_MOST }

  private final String nameVi;
  private final String nameEn;
  private final Unit unit;
  private final Direction direction;

  Kpi(String nameVi, String nameEn, Unit unit, Direction direction) {
    this.nameVi = nameVi;
    this.nameEn = nameEn;
    this.unit = unit;
    this.direction = direction;
  }

  public String nameVi() {
    return nameVi;
  }

  public String nameEn() {
    return nameEn;
  }

  public Unit unit() {
    return unit;
  }

  public Direction direction() {
    return direction;
  }
}
