package vn.onestop.review;

/**
 * The elements of a procedure the review form asks about one by one (Decree 63/2010 Art. 8–10 as
 * amended by Decree 48/2013; the review form of the Government Office's guidance): for each, is it
 * necessary (sự cần thiết), reasonable (tính hợp lý) and lawful (tính hợp pháp)? Form keys are
 * {@code review_<key>_necessary|reasonable|lawful|remark}.
 */
public enum ReviewElement {
  NAME("name", "Tên thủ tục hành chính"),
  SEQUENCE("sequence", "Trình tự thực hiện"),
  CHANNEL("channel", "Cách thức thực hiện"),
  DOCUMENTS("documents", "Thành phần, số lượng hồ sơ"),
  FORMS("forms", "Mẫu đơn, mẫu tờ khai"),
  TIME("time", "Thời hạn giải quyết"),
  FEES("fees", "Phí, lệ phí"),
  REQUIREMENTS("requirements", "Yêu cầu, điều kiện"),
  RESULT("result", "Kết quả thực hiện");

  /** The three questions asked of every element; the form key is the lower-case name. */
  public enum Criterion {
    NECESSARY,
    REASONABLE,
    LAWFUL;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String label() {
      return switch (this) {
        case NECESSARY -> "Cần thiết";
        case REASONABLE -> "Hợp lý";
        case LAWFUL -> "Hợp pháp";
      };
    }
  }

  private final String key;
  private final String label;

  ReviewElement(String key, String label) {
    this.key = key;
    this.label = label;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** The form variable holding the answer (YES / NO) to one criterion. */
  public String variable(Criterion c) {
    return "review_" + key + "_" + c.key();
  }

  /** The form variable holding the reviewer's remark on the element. */
  public String remarkVariable() {
    return "review_" + key + "_remark";
  }
}
