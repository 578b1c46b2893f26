package vn.onestop.document;

import vn.onestop.process.RuleViolation;

import java.util.List;

/** Digitisation cannot be confirmed while a required component has no file. */
public class MissingComponentsException extends RuntimeException implements RuleViolation {

  private final List<String> missing;

  public MissingComponentsException(long dossierId, List<String> missing, List<String> names) {
    super("Hồ sơ " + dossierId + " chưa thể xác nhận số hoá: chưa có tệp của thành phần bắt buộc "
        + String.join(", ", names) + " [" + String.join(", ", missing) + "]");
    this.missing = List.copyOf(missing);
  }

  /** Wrong state (409): the dossier lacks scans, the request itself was right. */
  @Override
  public Kind kind() {
    return Kind.STATE;
  }

  @Override
  public String field() {
    return "components";
  }

  /** The component ids still lacking a file. */
  public List<String> missing() {
    return missing;
  }
}
