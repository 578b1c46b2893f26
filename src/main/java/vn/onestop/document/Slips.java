package vn.onestop.document;

import vn.onestop.process.EngineTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import vn.onestop.rules.RuleSet;
import vn.onestop.rules.RuleSets;
import vn.onestop.rules.SlipForm;

/**
 * The printed forms of the dossier's rule set ({@code rules/<id>.yaml}, {@code forms}): Circular
 * 01/2018/TT-VPCP Art. 9 until 30/06/2025 — 01 receipt and appointment, 02 supplement request, 03
 * refusal, 04 apology and new appointment, 05 process-control slip, 06 log book — and Circular
 * 03/2025/TT-VPCP Appendix I after — the same with 04 the apology and request to extend the handling
 * time, 05 the new notice of stopping the handling, 06 the process-control slip, 07 the log book
 * ({@link LogBook}). The
 * number and title printed come from the rule set; each slip is A5 with the dossier's QR code (the log
 * book A4), reads its facts from the register, is stored as a SLIP document of the dossier and is
 * returned. Stored components keep stable keys whatever the number printed ({@link #KEYS}: Circular
 * 01/2018's numbers, {@code stop-notice}); printing again adds a version. The wording follows the
 * appendices as far as they are known here, so headings and labels may need an official check.
 */
@Component("slips")
public class Slips {

  static final float BODY = 9f;
  static final float SMALL = 7.5f;
  static final float QR_SIZE = 92f;
  static final Locale VI = Locale.forLanguageTag("vi");

  private final DossierQueries register;
  private final DocumentStore documents;
  private final Organisation organisation;
  private final ProcedureCatalog catalog;
  private final PdfFonts fonts;
  private final RuleSets ruleSets;

  /** The stable key of each slip: component {@code slip-<key>} and {@code /api/documents/dossiers/{id}/slips/<key>}. */
  public static final Map<SlipForm, String> KEYS = Map.of(SlipForm.RECEIPT, "01", SlipForm.SUPPLEMENT_REQUEST, "02",
      SlipForm.REFUSAL, "03", SlipForm.APOLOGY, "04", SlipForm.PROCESS_CONTROL, "05", SlipForm.STOP_NOTICE, "stop-notice");

  public Slips(DossierQueries register, DocumentStore documents, Organisation organisation, ProcedureCatalog catalog,
      PdfFonts fonts, RuleSets ruleSets) {
    this.ruleSets = ruleSets;
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
    if (d.receivedAt() == null) {
      throw new DocumentRejectedException(DocumentRejectedException.Reason.NOT_FOUND, "form",
          "Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)");
    }
    RuleSet.Form form = form(d, SlipForm.RECEIPT);
    try (PdfCanvas c = slip(form, d, d.receivingAgencyId(), d.receivedAt())) {
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
      c.field("4. Thời gian nhận hồ sơ:", VietnameseTime.dateTime(d.receivedAt()), BODY);
      c.field("5. Thời gian trả kết quả giải quyết hồ sơ:", VietnameseTime.dateTime(
          d.originalDueAt() != null ? d.originalDueAt() : d.dueAt()), BODY);
      c.field("6. Đăng ký nhận kết quả tại:", agencyName(d.receivingAgencyId()), BODY);
      c.field("Vào Sổ theo dõi hồ sơ, Quyển số:", d.receivedAt().atZone(EngineTime.ZONE).getYear() + ", Số thứ tự: "
          + register.logBookNumber(d.id()), BODY);
      signatures(c, "NGƯỜI NỘP HỒ SƠ", d.applicantName(), "NGƯỜI TIẾP NHẬN HỒ SƠ", "");
      return save(d, form, c.finish());
    }
  }

  /** Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, for one supplement request (once and completely). */
  @Transactional
  public StoredDocument supplementRequest(long supplementRequestId) {
    DossierQueries.SupplementRequest r = register.supplementRequest(supplementRequestId).orElseThrow(() ->
        new DocumentRejectedException(DocumentRejectedException.Reason.NOT_FOUND, "supplementRequestId",
            "Không tìm thấy yêu cầu bổ sung số " + supplementRequestId));
    DossierRow d = dossier(r.dossierId());
    String agency = r.agencyId();
    RuleSet.Form form = form(d, SlipForm.SUPPLEMENT_REQUEST);
    try (PdfCanvas c = slip(form, d, agency, r.requestedAt())) {
      c.field("Hồ sơ của:", d.applicantName(), BODY);
      applicant(c, d);
      c.field("Nội dung yêu cầu giải quyết:", d.procedureName() + " (mã thủ tục " + d.procedureCode() + ")", BODY);
      c.field("Ngày nộp hồ sơ:", VietnameseTime.dateTime(d.submittedAt()), BODY);
      c.field("Ngày yêu cầu bổ sung:", VietnameseTime.dateTime(r.requestedAt()), BODY);
      c.field("Giai đoạn:", "HANDLING".equals(r.stage())
          ? "Trong quá trình giải quyết (" + ruleSet(d).source("supplementNotice") + ")"
          : "Tiếp nhận hồ sơ (Điều 15, 17 Nghị định 61/2018)", BODY);
      c.gap(3);
      c.paragraph("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", BODY, true, PdfCanvas.Align.LEFT);
      c.paragraph(r.missing(), BODY, false, PdfCanvas.Align.LEFT);
      c.gap(3);
      c.paragraph("Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ " + agencyName(agency)
          + " để được hướng dẫn.", BODY, false, PdfCanvas.Align.LEFT);
      signatures(c, null, null, "NGƯỜI HƯỚNG DẪN", nullToEmpty(r.requestedBy()));
      return save(d, form, c.finish());
    }
  }

  /** Mẫu số 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the reasons. */
  @Transactional
  public StoredDocument refusal(long dossierId) {
    DossierRow d = dossier(dossierId);
    RuleSet.Form form = form(d, SlipForm.REFUSAL);
    try (PdfCanvas c = slip(form, d, d.receivingAgencyId(), null)) {
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
      return save(d, form, c.finish());
    }
  }

  /**
   * Mẫu số 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả (Decree 61/2018 Art. 19.9), or under Circular
   * 03/2025 the apology and request to extend the handling time (rule {@code apology.requestsExtension}).
   */
  @Transactional
  public StoredDocument apology(long dossierId) {
    DossierRow d = dossier(dossierId);
    DossierQueries.Apology a = register.apology(dossierId).orElseThrow(() ->
        new DocumentRejectedException(DocumentRejectedException.Reason.NOT_FOUND, "dossierId",
            "Hồ sơ " + dossierId + " chưa có phiếu xin lỗi trong sổ: ghi nhận việc xin lỗi trước khi in mẫu 04"));
    String agency = a.agencyId();
    RuleSet.Form form = form(d, SlipForm.APOLOGY);
    boolean extension = ruleSet(d).apologyRequestsExtension();
    try (PdfCanvas c = slip(form, d, agency, a.issuedAt())) {
      c.paragraph("Ngày " + VietnameseTime.date(d.receivedAt()) + ", " + agencyName(d.receivingAgencyId())
          + " tiếp nhận giải quyết hồ sơ của Ông/Bà " + d.applicantName() + ".", BODY, false, PdfCanvas.Align.LEFT);
      c.field("Nội dung yêu cầu giải quyết:", d.procedureName() + " (mã thủ tục " + d.procedureCode() + ")", BODY);
      c.field("Mã hồ sơ:", d.codeOrId(), BODY);
      c.field("Thời gian hẹn trả kết quả giải quyết hồ sơ:", VietnameseTime.dateTime(a.previousDueAt()), BODY);
      c.paragraph("Tuy nhiên đến nay, " + agencyName(agency) + " chưa trả kết quả giải quyết hồ sơ của Ông/Bà.", BODY,
          false, PdfCanvas.Align.LEFT);
      c.field("Lý do:", a.reason(), BODY);
      c.paragraph("Sự chậm trễ này đã gây phiền hà cho Ông/Bà. " + agencyName(agency) + " xin lỗi Ông/Bà và "
          + (extension ? "đề nghị gia hạn thời gian giải quyết hồ sơ đến: " : "sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào: ")
          + VietnameseTime.dateTime(a.newDueAt()) + ".", BODY, false, PdfCanvas.Align.LEFT);
      c.paragraph("Mong nhận được sự thông cảm của Ông/Bà.", BODY, false, PdfCanvas.Align.LEFT);
      signatures(c, null, null, "THỦ TRƯỞNG CƠ QUAN", nullToEmpty(a.issuedBy()));
      return save(d, form, c.finish());
    }
  }

  /**
   * Thông báo dừng giải quyết hồ sơ (Circular 03/2025 form 05): the handling stopped because the applicant
   * did not complete the dossier in time. Only rule sets whose rule {@code stopNotice} says so have it.
   */
  @Transactional
  public StoredDocument stopNotice(long dossierId) {
    DossierRow d = dossier(dossierId);
    RuleSet.Form form = ruleSet(d).forms().find(SlipForm.STOP_NOTICE).orElseThrow(() -> new DocumentRejectedException(
        "form", "Hồ sơ " + d.codeOrId() + " theo " + ruleSet(d).shortName() + ": không có mẫu thông báo dừng giải quyết"));
    try (PdfCanvas c = slip(form, d, d.receivingAgencyId(), d.finishedAt())) {
      c.paragraph(agencyName(d.receivingAgencyId()) + " thông báo về hồ sơ của: " + d.applicantName(), BODY, false,
          PdfCanvas.Align.LEFT);
      applicant(c, d);
      c.field("Nội dung yêu cầu giải quyết:", d.procedureName() + " (mã thủ tục " + d.procedureCode() + ")", BODY);
      c.field("Ngày tiếp nhận:", VietnameseTime.dateTime(d.receivedAt() != null ? d.receivedAt() : d.submittedAt()), BODY);
      c.field("Ngày dừng giải quyết:", VietnameseTime.dateTime(d.finishedAt()), BODY);
      c.paragraph("Hồ sơ đã được yêu cầu bổ sung, hoàn thiện nhưng Ông/Bà chưa bổ sung trong thời hạn, nên việc giải quyết"
          + " hồ sơ được dừng lại.", BODY, false, PdfCanvas.Align.LEFT);
      c.paragraph("Xin thông báo để Ông/Bà được biết.", BODY, false, PdfCanvas.Align.LEFT);
      signatures(c, null, null, "NGƯỜI TIẾP NHẬN HỒ SƠ", "");
      return save(d, form, c.finish());
    }
  }

  /** Mẫu số 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ: every hand-over, its time and timeliness. */
  @Transactional
  public StoredDocument processControl(long dossierId) {
    DossierRow d = dossier(dossierId);
    RuleSet.Form form = form(d, SlipForm.PROCESS_CONTROL);
    try (PdfCanvas c = slip(form, d, d.receivingAgencyId(), null)) {
      c.field("Kèm theo hồ sơ của:", d.applicantName(), BODY);
      c.field("Quy định áp dụng:", ruleSet(d).name(), BODY);
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
      return save(d, form, c.finish());
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

  /** The rule set the dossier recorded at reception: it chooses the forms. */
  private RuleSet ruleSet(DossierRow d) {
    return ruleSets.recorded(d.ruleSet(), d.submittedAt().atZone(EngineTime.ZONE).toLocalDate());
  }

  private RuleSet.Form form(DossierRow d, SlipForm slip) {
    return ruleSet(d).form(slip);
  }

  private PdfCanvas slip(RuleSet.Form form, DossierRow d, String agencyId, Instant issuedAt) {
    String title = form.title().toUpperCase(VI);
    PdfCanvas c = new PdfCanvas(fonts, PDRectangle.A5, 10, form.label() + " — " + title);
    c.paragraph(form.label() + " (" + ruleSet(d).forms().circular() + ")", SMALL - 1, false, PdfCanvas.Align.RIGHT);
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
    c.qrWithText(QrCodes.payload(d, form.label() + " — " + title), QR_SIZE, beside, BODY);
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

  private StoredDocument save(DossierRow d, RuleSet.Form form, byte[] pdf) {
    return documents.store(NewDocument.generated(d.id(), "slip-" + KEYS.get(form.slip()), DocumentKind.SLIP,
        form.label() + " — " + form.title().toUpperCase(VI),
        "mau-so-" + form.number() + "-" + (d.code() != null ? d.code() : "hs" + d.id()) + ".pdf", pdf));
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String nullToDots(String s) {
    return s == null || s.isBlank() ? "…" : s;
  }
}
