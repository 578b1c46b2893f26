package vn.onestop.signing;

import java.util.Optional;
import vn.onestop.document.DocumentKind;

/**
 * The papers OneStop issues and signs, with the stored component each one becomes, the role of the
 * person who signs it by default and whether the agency's seal (con dấu) follows. The defaults can be
 * replaced per paper under {@code onestop.signing.papers.<PAPER>}.
 */
public enum Paper {
  /** Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
  RECEIPT("slip-01", DocumentKind.SLIP, "Người tiếp nhận hồ sơ", false),
  /** Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
  SUPPLEMENT_REQUEST("slip-02", DocumentKind.SLIP, "Người hướng dẫn", false),
  /** Mẫu số 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
  REFUSAL("slip-03", DocumentKind.SLIP, "Người tiếp nhận hồ sơ", false),
  /** Mẫu số 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả: signed by the head, with the agency's seal. */
  APOLOGY("slip-04", DocumentKind.SLIP, "Thủ trưởng cơ quan", true),
  /** Mẫu số 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ. */
  PROCESS_CONTROL("slip-05", DocumentKind.SLIP, "Người trả kết quả", false),
  /** Thông báo dừng giải quyết hồ sơ (Circular 03/2025/TT-VPCP form 05; rule sets from Decree 118/2025). */
  STOP_NOTICE("slip-stop-notice", DocumentKind.SLIP, "Người tiếp nhận hồ sơ", false),
  /** Kết quả điện tử: the approving head and the agency's seal (Decree 45/2020). */
  RESULT("result", DocumentKind.RESULT, "Người có thẩm quyền phê duyệt", true),
  /** Bản sao điện tử chứng thực từ bản chính: the certifier and the agency's seal (Decree 23/2015). */
  CERTIFIED_COPY("certified-copy", DocumentKind.CERTIFIED_COPY, "Người thực hiện chứng thực", true);

  private final String componentId;
  private final DocumentKind kind;
  private final String defaultRole;
  private final boolean defaultSeal;

  Paper(String componentId, DocumentKind kind, String defaultRole, boolean defaultSeal) {
    this.componentId = componentId;
    this.kind = kind;
    this.defaultRole = defaultRole;
    this.defaultSeal = defaultSeal;
  }

  public String componentId() {
    return componentId;
  }

  public DocumentKind kind() {
    return kind;
  }

  String defaultRole() {
    return defaultRole;
  }

  boolean defaultSeal() {
    return defaultSeal;
  }

  /** The paper a stored document is, from its component and kind; empty for files OneStop does not sign. */
  public static Optional<Paper> of(String componentId, DocumentKind kind) {
    for (Paper p : values()) {
      if (p.componentId.equals(componentId) && p.kind == kind) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Vietnamese name for the verification page. */
  public String title() {
    return switch (this) {
      case RECEIPT -> "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01)";
      case SUPPLEMENT_REQUEST -> "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu số 02)";
      case REFUSAL -> "Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu số 03)";
      case APOLOGY -> "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu số 04)";
      case PROCESS_CONTROL -> "Phiếu kiểm soát quá trình giải quyết hồ sơ";
      case STOP_NOTICE -> "Thông báo dừng giải quyết hồ sơ";
      case RESULT -> "Kết quả giải quyết thủ tục hành chính điện tử";
      case CERTIFIED_COPY -> "Bản sao điện tử chứng thực từ bản chính";
    };
  }
}
