package vn.onestop.rules;

/**
 * The printed papers of the one-stop mechanism (biểu mẫu), by what they are rather than by number: the
 * number and title of each come from the dossier's rule set ({@link RuleSet.Form}), because Circular
 * 03/2025/TT-VPCP renumbered Circular 01/2018's forms and added one.
 */
public enum SlipForm {
  /** Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
  RECEIPT,
  /** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
  SUPPLEMENT_REQUEST,
  /** Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
  REFUSAL,
  /** Phiếu xin lỗi và hẹn lại (Circular 01/2018) / văn bản xin lỗi và đề nghị gia hạn (Circular 03/2025). */
  APOLOGY,
  /** Thông báo dừng giải quyết hồ sơ: only in Circular 03/2025. */
  STOP_NOTICE,
  /** Phiếu kiểm soát quá trình giải quyết hồ sơ. */
  PROCESS_CONTROL,
  /** Sổ theo dõi hồ sơ (A4, one per receiving agency and year). */
  LOG_BOOK
}
