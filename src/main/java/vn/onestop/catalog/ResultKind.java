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
  /** Thẻ (e.g. health-insurance card). */
  CARD,
  /** Xác nhận, thông báo, ghi vào cơ sở dữ liệu. */
  CONFIRMATION,
  /** Several results of an interlinked procedure. */
  SEVERAL
}
