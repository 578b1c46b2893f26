package vn.onestop.catalog;

/** What kind of paper the procedure ends with (kết quả thực hiện thủ tục hành chính). */
public enum ResultKind {
  /** Giấy chứng nhận, giấy khai sinh, trích lục... */
  CERTIFICATE,
  /** Giấy phép. */
  PERMIT,
  /** Quyết định. */
  DECISION,
  /** Bản sao/chữ ký/hợp đồng được chứng thực. */
  CERTIFICATION,
  /**
   * Bản sao điện tử được chứng thực từ bản chính (Decree 23/2015 as amended by Decree 45/2020): the
   * result is the certified e-copy made from the scan of the original, filed in the applicant's
   * data store.
   */
  CERTIFIED_ECOPY,
  /** Thẻ (e.g. health-insurance card). */
  CARD,
  /** Xác nhận, thông báo, ghi vào cơ sở dữ liệu. */
  CONFIRMATION,
  /** Several results of an interlinked procedure. */
  SEVERAL
}
