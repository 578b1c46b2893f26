package vn.onestop.document;

import vn.onestop.process.EngineTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.onestop.register.DossierQueries;
import vn.onestop.register.DossierRow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.DocumentForm;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.RequiredDocument;

/**
 * The printed forms of Circular 01/2018/TT-VPCP Art. 9 — 01 receipt and appointment, 02 supplement
 * request, 03 refusal, 04 apology and new appointment, 05 process-control slip on A5 with the
 * dossier's QR code, and the 06 log book on A4. Each reads its facts from the register, is stored as
 * a SLIP document of the dossier (component {@code slip-0N}; printing again adds a version) and is
 * returned. The wording follows the Circular's appendix as far as it is known here (the appendix
 * itself is not in the project's reference text), so headings and labels may need an official check.
 */
@Component("slips")
public class Slips {

  static final float BODY = 9f;
  static final float SMALL = 7.5f;
  static final float QR_SIZE = 92f;

  private final DossierQueries register;
  private final DocumentStore documents;
  private final Organisation organisation;
  private final ProcedureCatalog catalog;
  private final PdfFonts fonts;

  public Slips(DossierQueries register, DocumentStore documents, Organisation organisation, ProcedureCatalog catalog,
      PdfFonts fonts) {
    this.register = register;
    this.documents = documents;
    this.organisation = organisation;
    this.catalog = catalog;
    this.fonts = fonts;
  }

  /** Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả, given on acceptance. */
  @Transactional
  public StoredDocument receipt(long dossierId) {
    DossierRow d = dossier(dossierId);
    String title = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";
    try (PdfCanvas c = slip("01", title, d, d.receivingAgencyId(), d.receivedAt())) {
      c.paragraph(agencyName(d.receivingAgencyId()) + " tiếp nhận hồ sơ của: " + d.applicantName(), BODY, false, PdfCanvas.Align.LEFT);
      applicant(c, d);
      c.field("Nội dung yêu cầu giải quyết:", d.procedureName() + " (mã thủ tục " + d.procedureCode() + ")", BODY);
      c.field("1. Thành phần hồ sơ nộp gồm:", "", BODY);
      int i = 1;
      for (String line : components(d)) {
        c.paragraph("   " + i++ + ". " + line, BODY, false, PdfCanvas.Align.LEFT);
      }
      c.field("2. Số lượng hồ sơ:", "01 (bộ)", BODY);
      c.field("3. Thời gian giải quyết hồ sơ theo quy định:", days(d) , BODY);
      c.field("4. Thời gian nhận hồ sơ:", VietnameseTime.dateTime(d.receivedAt() != null ? d.receivedAt() : d.submittedAt()), BODY);
      c.field("5. Thời gian trả kết quả giải quyết hồ sơ:", VietnameseTime.dateTime(
          d.originalDueAt() != null ? d.originalDueAt() : d.dueAt()), BODY);
      c.field("6. Đăng ký nhận kết quả tại:", agencyName(d.receivingAgencyId()), BODY);
      Instant received = d.receivedAt() != null ? d.receivedAt() : d.submittedAt();
      c.field("Vào Sổ theo dõi hồ sơ, Quyển số:", received.atZone(EngineTime.ZONE).getYear() + ", Số thứ tự: "
          + register.logBookNumber(d.id()), BODY);
      signatures(c, "NGƯỜI NỘP HỒ SƠ", d.applicantName(), "NGƯỜI TIẾP NHẬN HỒ SƠ", "");
      return save(d, "01", title, c.finish());
    }
  }

  /** Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, for one supplement request (once and completely). */
  @Transactional
  public StoredDocument supplementRequest(long supplementRequestId) {
    DossierQueries.SupplementRequest r = register.supplementRequest(supplementRequestId).orElseThrow(() ->
        new DocumentRejectedException(DocumentRejectedException.Reason.NOT_FOUND, "supplementRequestId",
            "No supplement request with id " + supplementRequestId));
    DossierRow d = dossier(r.dossierId());
    String agency = r.agencyId();
    String title = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ";
    try (PdfCanvas c = slip("02", title, d, agency, r.requestedAt())) {
      c.field("Hồ sơ của:", d.applicantName(), BODY);
      applicant(c, d);
      c.field("Nội dung yêu cầu giải quyết:", d.procedureName() + " (mã thủ tục " + d.procedureCode() + ")", BODY);
      c.field("Ngày nộp hồ sơ:", VietnameseTime.dateTime(d.submittedAt()), BODY);
      c.field("Ngày yêu cầu bổ sung:", VietnameseTime.dateTime(r.requestedAt()), BODY);
      c.field("Giai đoạn:", "HANDLING".equals(r.stage()) ? "Trong quá trình giải quyết (Điều 19.4 Nghị định 61/2018)"
          : "Tiếp nhận hồ sơ (Điều 15, 17 Nghị định 61/2018)", BODY);
      c.gap(3);
      c.paragraph("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", BODY, true, PdfCanvas.Align.LEFT);
      c.paragraph(r.missing(), BODY, false, PdfCanvas.Align.LEFT);
      c.gap(3);
      c.paragraph("Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ " + agencyName(agency)
          + " để được hướng dẫn.", BODY, false, PdfCanvas.Align.LEFT);
      signatures(c, null, null, "NGƯỜI HƯỚNG DẪN", nullToEmpty(r.requestedBy()));
      return save(d, "02", title, c.finish());
    }
  }

  /** Mẫu số 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the reasons. */
  @Transactional
  public StoredDocument refusal(long dossierId) {
    DossierRow d = dossier(dossierId);
    String title = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ";
    try (PdfCanvas c = slip("03", title, d, d.receivingAgencyId(), null)) {
      c.paragraph(agencyName(d.receivingAgencyId()) + " tiếp nhận hồ sơ của: " + d.applicantName(), BODY, false,
          PdfCanvas.Align.LEFT);
      applicant(c, d);
      c.field("Nội dung yêu cầu giải quyết:", d.procedureName() + " (mã thủ tục " + d.procedureCode() + ")", BODY);
      c.field("Ngày nộp hồ sơ:", VietnameseTime.dateTime(d.submittedAt()), BODY);
      c.paragraph("Qua nghiên cứu, đối chiếu với các quy định, hồ sơ của Ông/Bà không đủ điều kiện giải quyết, cụ thể:",
          BODY, false, PdfCanvas.Align.LEFT);
      c.field("Lý do:", d.refusalReason() == null ? "…" : d.refusalReason(), BODY);
      c.paragraph("Xin thông báo để Ông/Bà được biết và thực hiện.", BODY, false, PdfCanvas.Align.LEFT);
      signatures(c, null, null, "NGƯỜI TIẾP NHẬN HỒ SƠ", "");
      return save(d, "03", title, c.finish());
    }
  }

  /** Mẫu số 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả (Decree 61/2018 Art. 19.9; only one is allowed). */
  @Transactional
  public StoredDocument apology(long dossierId) {
    DossierRow d = dossier(dossierId);
    DossierQueries.Apology a = register.apology(dossierId).orElseThrow(() ->
        new DocumentRejectedException(DocumentRejectedException.Reason.NOT_FOUND, "dossierId",
            "Dossier " + dossierId + " has no apology in the register: record it before printing form 04"));
    String agency = a.agencyId();
    String title = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ";
    try (PdfCanvas c = slip("04", title, d, agency, a.issuedAt())) {
      c.paragraph("Ngày " + VietnameseTime.date(d.receivedAt()) + ", " + agencyName(d.receivingAgencyId())
          + " tiếp nhận giải quyết hồ sơ của Ông/Bà " + d.applicantName() + ".", BODY, false, PdfCanvas.Align.LEFT);
      c.field("Nội dung yêu cầu giải quyết:", d.procedureName() + " (mã thủ tục " + d.procedureCode() + ")", BODY);
      c.field("Mã hồ sơ:", d.codeOrId(), BODY);
      c.field("Thời gian hẹn trả kết quả giải quyết hồ sơ:", VietnameseTime.dateTime(a.previousDueAt()), BODY);
      c.paragraph("Tuy nhiên đến nay, " + agencyName(agency) + " chưa trả kết quả giải quyết hồ sơ của Ông/Bà.", BODY,
          false, PdfCanvas.Align.LEFT);
      c.field("Lý do:", a.reason(), BODY);
      c.paragraph("Sự chậm trễ này đã gây phiền hà cho Ông/Bà. " + agencyName(agency) + " xin lỗi Ông/Bà và sẽ trả kết quả"
          + " giải quyết hồ sơ cho Ông/Bà vào: " + VietnameseTime.dateTime(a.newDueAt()) + ".", BODY, false,
          PdfCanvas.Align.LEFT);
      c.paragraph("Mong nhận được sự thông cảm của Ông/Bà.", BODY, false, PdfCanvas.Align.LEFT);
      signatures(c, null, null, "THỦ TRƯỞNG CƠ QUAN", nullToEmpty(a.issuedBy()));
      return save(d, "04", title, c.finish());
    }
  }

  /** Mẫu số 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ: every hand-over, its time and timeliness. */
  @Transactional
  public StoredDocument processControl(long dossierId) {
    DossierRow d = dossier(dossierId);
    String title = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ";
    try (PdfCanvas c = slip("05", title, d, d.receivingAgencyId(), null)) {
      c.field("Kèm theo hồ sơ của:", d.applicantName(), BODY);
      c.field("Cơ quan (bộ phận) giải quyết hồ sơ:", agencyName(d.handlingAgencyId()), BODY);
      c.field("Nhận hồ sơ:", VietnameseTime.dateTime(d.receivedAt()) + "; hẹn trả: " + VietnameseTime.dateTime(d.dueAt()), BODY);
      c.gap(4);
      List<List<String>> rows = new ArrayList<>();
      for (DossierQueries.HandOver e : register.handOvers(dossierId)) {
        String handOver = "Giao: " + agencyName(e.fromAgencyId()) + "\nNhận: " + agencyName(e.toAgencyId());
        rows.add(List.of(handOver, VietnameseTime.dateTime(e.at()), VietnameseTime.dateTime(e.dueAt()), timeliness(e.timeliness()),
            nullToEmpty(e.actor()) + (e.note() == null ? "" : " — " + e.note())));
      }
      c.table(new float[] {0.31f, 0.17f, 0.17f, 0.14f, 0.21f},
          List.of("Tên cơ quan giao, nhận", "Thời gian giao, nhận", "Hạn xử lý", "Kết quả", "Người thực hiện, ghi chú"),
          rows, SMALL);
      return save(d, "05", title, c.finish());
    }
  }

  /**
   * Mẫu số 06 — Sổ theo dõi hồ sơ of one receiving agency for a period (days inclusive, Vietnam time),
   * A4 landscape. Numbering runs through the year and never restarts mid-year (Circular 01/2018
   * Art. 10.2c): the number is the dossier's rank among the agency's dossiers received that year.
   * Not stored: it is a report over many dossiers.
   */
  public byte[] logBook(String agencyId, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new DocumentRejectedException("to", "The period ends (" + to + ") before it starts (" + from + ")");
    }
    ZoneId zone = EngineTime.ZONE;
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    Instant yearStart = LocalDate.of(from.getYear(), 1, 1).atStartOfDay(zone).toInstant();
    List<DossierQueries.LogBookLine> rows = register.logBook(agencyId, yearStart, start, end);
    PDRectangle a4Landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    try (PdfCanvas c = new PdfCanvas(fonts, a4Landscape, 12, "Sổ theo dõi hồ sơ")) {
      c.paragraph("Mẫu số 06 (Thông tư 01/2018/TT-VPCP)", SMALL, false, PdfCanvas.Align.RIGHT);
      c.paragraph(agencyName(agencyId).toUpperCase(Locale.forLanguageTag("vi")), 10, true, PdfCanvas.Align.LEFT);
      c.gap(4);
      c.paragraph("SỔ THEO DÕI HỒ SƠ", 14, true, PdfCanvas.Align.CENTER);
      c.paragraph("Từ ngày " + VietnameseTime.date(from) + " đến ngày " + VietnameseTime.date(to), 10, false,
          PdfCanvas.Align.CENTER);
      c.gap(6);
      List<List<String>> table = new ArrayList<>();
      for (DossierQueries.LogBookLine line : rows) {
        DossierRow r = line.dossier();
        String code = r.code() == null ? "#" + r.id() : r.code();
        String address = nullToEmpty(r.applicantAddress()) + (r.applicantPhone() == null ? "" : "; ĐT " + r.applicantPhone());
        table.add(List.of(String.valueOf(line.number()), code, r.procedureName(), "01", r.applicantName(), address,
            agencyName(r.handlingAgencyId()), VietnameseTime.dateTime(r.receivedAt()), VietnameseTime.dateTime(r.originalDueAt()),
            line.transferredAt() == null ? "" : VietnameseTime.dateTime(line.transferredAt()),
            r.returnedAt() == null ? "" : VietnameseTime.dateTime(r.returnedAt()), "", r.late() ? "Quá hạn" : ""));
      }
      c.table(new float[] {0.035f, 0.11f, 0.14f, 0.045f, 0.09f, 0.1f, 0.1f, 0.07f, 0.07f, 0.07f, 0.07f, 0.05f, 0.05f},
          List.of("TT", "Mã hồ sơ", "Tên TTHC", "Số lượng (bộ)", "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại",
              "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả", "Chuyển hồ sơ đến cơ quan giải quyết",
              "Trả kết quả", "Ký nhận", "Ghi chú"),
          table, 6.5f);
      if (table.isEmpty()) {
        c.paragraph("Không có hồ sơ nào được tiếp nhận trong kỳ.", 9, false, PdfCanvas.Align.LEFT);
      }
      return c.finish();
    }
  }

  /** The latest stored version of a slip of the dossier (component {@code slip-0N}), if printed. */
  public Optional<StoredDocument> latest(long dossierId, String form) {
    return documents.versions(dossierId, "slip-" + form, DocumentKind.SLIP).stream().reduce((a, b) -> b);
  }

  /** The newest supplement request of the dossier, for printing form 02 again. */
  public Optional<Long> latestSupplementRequestId(long dossierId) {
    return register.latestSupplementRequestId(dossierId);
  }

  // ---------------------------------------------------------------------------------------------

  private PdfCanvas slip(String form, String title, DossierRow d, String agencyId, Instant issuedAt) {
    PdfCanvas c = new PdfCanvas(fonts, PDRectangle.A5, 10, "Mẫu số " + form + " — " + title);
    c.paragraph("Mẫu số " + form + " (Thông tư 01/2018/TT-VPCP)", SMALL - 1, false, PdfCanvas.Align.RIGHT);
    Optional<Agency> agency = agencyId == null ? Optional.empty() : organisation.find(agencyId);
    String parent = agency.map(Agency::parentId).flatMap(organisation::find).map(Agency::name).orElse("");
    Locale vi = Locale.forLanguageTag("vi");
    c.twoColumns(List.of(parent.toUpperCase(vi), agencyName(agencyId).toUpperCase(vi)),
        List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
        SMALL, new boolean[] {false, true}, new boolean[] {true, true}, 0.45f);
    c.paragraph(VietnameseTime.dateline(issuedAt != null ? issuedAt : EngineTime.current()), SMALL, false, PdfCanvas.Align.RIGHT);
    c.gap(4);
    c.paragraph(title, 11, true, PdfCanvas.Align.CENTER);
    c.gap(4);
    List<String> beside = new ArrayList<>();
    beside.add("Mã hồ sơ: " + d.codeOrId());
    beside.add("Thủ tục: " + d.procedureCode());
    beside.add("Người nộp: " + d.applicantName());
    if (d.applicantIdNumber() != null) {
      beside.add("Số định danh: " + d.applicantIdNumber());
    }
    c.qrWithText(QrCodes.payload(d, "Mẫu số " + form + " — " + title), QR_SIZE, beside, BODY);
    c.gap(2);
    return c;
  }

  private void applicant(PdfCanvas c, DossierRow d) {
    c.field("Số định danh (CCCD/mã số):", nullToDots(d.applicantIdNumber()), BODY);
    c.field("Địa chỉ:", nullToDots(d.applicantAddress()), BODY);
    c.field("Số điện thoại:", nullToDots(d.applicantPhone()) + "    Email: " + nullToDots(d.applicantEmail()), BODY);
  }

  private void signatures(PdfCanvas c, String leftRole, String leftName, String rightRole, String rightName) {
    c.gap(8);
    List<String> left = leftRole == null ? List.of("") : List.of(leftRole, "(Ký và ghi rõ họ tên)", "\n\n", nullToEmpty(leftName));
    List<String> right = List.of(rightRole, "(Ký và ghi rõ họ tên)", "\n\n", nullToEmpty(rightName));
    c.twoColumns(left, right, BODY, new boolean[] {true, false, false, false}, new boolean[] {true, false, false, false}, 0.5f);
  }

  private List<String> components(DossierRow d) {
    Optional<Procedure> p = catalog.find(d.procedureCode(), d.procedureVersion());
    List<String> lines = new ArrayList<>();
    if (p.isPresent()) {
      for (RequiredDocument r : p.get().documents()) {
        if (!r.required() && documents.versions(d.id(), r.id(), DocumentKind.COMPONENT).isEmpty()) {
          continue;
        }
        lines.add(r.name() + " — " + form(r.form()) + ", số lượng " + r.quantity());
      }
    } else {
      documents.forDossier(d.id()).stream().filter(x -> x.kind() == DocumentKind.COMPONENT)
          .map(x -> x.title() == null ? x.componentId() : x.title()).distinct().forEach(lines::add);
    }
    return lines;
  }

  private DossierRow dossier(long dossierId) {
    return register.dossier(dossierId).orElseThrow(() -> DocumentRejectedException.noDossier(dossierId));
  }

  private static String form(DocumentForm f) {
    return switch (f) {
      case ORIGINAL -> "bản chính";
      case COPY -> "bản sao";
      case CERTIFIED_COPY -> "bản sao có chứng thực";
      case ORIGINAL_TO_SHOW -> "bản chính để đối chiếu";
    };
  }

  private static String days(DossierRow d) {
    if (d.resolutionDays() == null || d.resolutionDays().signum() == 0) {
      return "trong ngày";
    }
    return d.resolutionDays().stripTrailingZeros().toPlainString().replace('.', ',') + " ngày làm việc";
  }

  private static String timeliness(String t) {
    if (t == null) {
      return "";
    }
    return switch (t) {
      case "EARLY" -> "Trước hạn";
      case "ON_TIME" -> "Đúng hạn";
      case "LATE" -> "Quá hạn";
      default -> t;
    };
  }

  private String agencyName(String agencyId) {
    if (agencyId == null) {
      return "…";
    }
    return organisation.find(agencyId).map(Agency::name).orElse(agencyId);
  }

  private StoredDocument save(DossierRow d, String form, String title, byte[] pdf) {
    return documents.store(NewDocument.generated(d.id(), "slip-" + form, DocumentKind.SLIP, "Mẫu số " + form + " — " + title,
        "mau-so-" + form + "-" + (d.code() != null ? d.code() : "hs" + d.id()) + ".pdf", pdf));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String nullToDots(String s) {
    return s == null || s.isBlank() ? "…" : s;
  }
}
