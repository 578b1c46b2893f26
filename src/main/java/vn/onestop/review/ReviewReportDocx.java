package vn.onestop.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;

/**
 * The review report for signature (báo cáo kết quả rà soát, đánh giá TTHC) as a Word document (DOCX,
 * Apache POI): the agency, the procedure, each element against the three criteria, the conclusion, the
 * simplification with its compliance cost before and after, the decision, and a signature block.
 * The official form's exact layout (Circular 02/2017/TT-VPCP appendices) was not available here: the
 * sections follow its content, not its typography.
 */
@Component
public class ReviewReportDocx {

  private final JdbcTemplate jdbc;
  private final Organisation organisation;
  private final ProcedureCatalog catalog;
  private final ObjectMapper json = new ObjectMapper();

  public ReviewReportDocx(JdbcTemplate jdbc, Organisation organisation, ProcedureCatalog catalog) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.catalog = catalog;
  }

  /** The agency that did the review, if there is one with that id. */
  public java.util.Optional<String> agencyOf(long reviewId) {
    return jdbc.queryForList("select agency_id from onestop.procedure_review where id = ?", String.class, reviewId).stream()
        .findFirst();
  }

  /** The report of one review, or an {@link IllegalArgumentException} when there is none or it is not reviewed yet. */
  public byte[] render(long reviewId) {
    List<Map<String, Object>> rows = jdbc.queryForList("select * from onestop.procedure_review where id = ?", reviewId);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("No review " + reviewId);
    }
    Map<String, Object> r = rows.get(0);
    if (r.get("findings") == null) {
      throw new IllegalArgumentException("Review " + reviewId + " has no findings yet (status " + r.get("status") + ")");
    }
    String agencyId = (String) r.get("agency_id");
    String agency = organisation.find(agencyId).map(a -> a.name()).orElse(agencyId);
    String code = (String) r.get("procedure_code");
    Procedure p = catalog.find(code, (String) r.get("procedure_version")).orElse(null);
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      centered(doc, agency.toUpperCase(), true, 12);
      centered(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc", true, 12);
      centered(doc, "BÁO CÁO KẾT QUẢ RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH", true, 14);
      centered(doc, "Kế hoạch năm " + r.get("plan_year") + " — số theo dõi RS-" + reviewId, false, 12);
      text(doc, "Thủ tục: " + code + " — " + (p == null ? "" : p.name()) + " (phiên bản " + r.get("procedure_version")
          + ("INTERNAL".equals(r.get("procedure_kind")) ? "; TTHC nội bộ" : "") + ")", false);
      text(doc, "Lý do rà soát: " + nz(r.get("reason")), false);

      heading(doc, "I. Đánh giá từng bộ phận của thủ tục");
      JsonNode findings = json.readTree((String) r.get("findings"));
      XWPFTable table = doc.createTable(1, 5);
      row(table.getRow(0), "Bộ phận", "Cần thiết", "Hợp lý", "Hợp pháp", "Nhận xét, đề xuất");
      for (ReviewElement e : ReviewElement.values()) {
        JsonNode f = findings.path(e.key());
        row(table.createRow(), e.label(), yesNo(f.path("necessary").asText()), yesNo(f.path("reasonable").asText()),
            yesNo(f.path("lawful").asText()), f.path("remark").asText(""));
      }
      heading(doc, "II. Kết luận");
      text(doc, nz(r.get("conclusion")), false);

      heading(doc, "III. Phương án đơn giản hóa và chi phí tuân thủ");
      if (Boolean.TRUE.equals(r.get("simplify"))) {
        text(doc, nz(r.get("proposal_summary")), false);
        if (r.get("proposed_days") != null) {
          text(doc, "Thời hạn giải quyết đề xuất: " + ReviewFormValues.plain((BigDecimal) r.get("proposed_days")) + " ngày làm việc"
              + (p == null ? "" : " (hiện hành " + ReviewFormValues.plain(p.resolutionDays()) + ")"), false);
        }
        if (r.get("removed_documents") != null && !((String) r.get("removed_documents")).isBlank()) {
          text(doc, "Thành phần hồ sơ bãi bỏ: " + r.get("removed_documents"), false);
        }
        if (r.get("optional_documents") != null && !((String) r.get("optional_documents")).isBlank()) {
          text(doc, "Thành phần hồ sơ không bắt buộc: " + r.get("optional_documents"), false);
        }
      } else {
        text(doc, "Không đề xuất đơn giản hóa.", false);
      }
      XWPFTable cost = doc.createTable(1, 3);
      row(cost.getRow(0), "Chi phí tuân thủ (đồng)", "Trước", "Sau");
      row(cost.createRow(), "Một hồ sơ", vnd(r.get("cost_before")), vnd(r.get("cost_after")));
      row(cost.createRow(), "Một năm (" + nz(r.get("dossiers_per_year")) + " hồ sơ trong 12 tháng, sổ theo dõi hồ sơ)",
          vnd(r.get("yearly_cost_before")), vnd(r.get("yearly_cost_after")));
      BigDecimal before = (BigDecimal) r.get("cost_before");
      BigDecimal after = (BigDecimal) r.get("cost_after");
      if (before != null && after != null && before.signum() > 0) {
        text(doc, "Tỷ lệ cắt giảm chi phí tuân thủ: " + ReviewProgress.share(before.subtract(after).longValue(), before.longValue())
            + " %. Phương pháp tính: chi phí thời gian của người thực hiện × thu nhập bình quân một giờ + phí, lệ phí + chi phí khác"
            + " (chưa đối chiếu với biểu mẫu chính thức).", false);
      }
      heading(doc, "IV. Quyết định của cấp có thẩm quyền");
      if (r.get("decision") == null) {
        text(doc, Boolean.TRUE.equals(r.get("simplify")) ? "Đang chờ quyết định." : "Không áp dụng.", false);
      } else {
        text(doc, ("ACCEPTED".equals(r.get("decision")) ? "Chấp thuận" : "Không chấp thuận") + ". " + nz(r.get("decision_note"))
            + (r.get("published_version") == null ? "" : " Công bố phiên bản " + r.get("published_version")
                + " có hiệu lực từ " + r.get("effective_from") + "."), false);
      }
      LocalDate signed = r.get("approved_at") == null ? null
          : ((Timestamp) r.get("approved_at")).toInstant().atZone(WorkingCalendar.ZONE).toLocalDate();
      XWPFParagraph sign = doc.createParagraph();
      sign.setAlignment(ParagraphAlignment.RIGHT);
      XWPFRun run = sign.createRun();
      run.setText(signed == null ? "Ngày ... tháng ... năm ..." : "Ngày " + signed.getDayOfMonth() + " tháng " + signed.getMonthValue()
          + " năm " + signed.getYear());
      run.addBreak();
      run.setBold(true);
      run.setText("THỦ TRƯỞNG CƠ QUAN");
      run.addBreak();
      run.setText("(Ký, ghi rõ họ tên, đóng dấu)");
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void centered(XWPFDocument doc, String text, boolean bold, int size) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    XWPFRun run = p.createRun();
    run.setBold(bold);
    run.setFontSize(size);
    run.setFontFamily("Times New Roman");
    run.setText(text);
  }

  private static void heading(XWPFDocument doc, String text) {
    text(doc, text, true);
  }

  private static void text(XWPFDocument doc, String text, boolean bold) {
    XWPFRun run = doc.createParagraph().createRun();
    run.setBold(bold);
    run.setFontFamily("Times New Roman");
    run.setFontSize(13);
    run.setText(text);
  }

  private static void row(XWPFTableRow row, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      row.getCell(i).setText(cells[i]);
    }
  }

  private static String yesNo(String v) {
    return "YES".equals(v) ? "Có" : "NO".equals(v) ? "Không" : "";
  }

  private static String vnd(Object v) {
    return v == null ? "" : ReviewFormValues.vnd((BigDecimal) v);
  }

  private static String nz(Object v) {
    return v == null ? "" : v.toString();
  }
}
