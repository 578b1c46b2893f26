package vn.onestop.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/**
 * Each slip's PDF: its text holds the dossier code, the applicant's name with its diacritics and the
 * dates; its QR code decodes to the dossier code, procedure code, applicant id and document name.
 */
@OneStopSpringTest
class SlipsTest {

  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  // 14:05 and 16:30 Vietnam time, printed as such whatever the JVM's zone
  static final Instant RECEIVED = ZonedDateTime.of(2025, 3, 5, 14, 5, 0, 0, VN).toInstant();
  static final Instant DUE = ZonedDateTime.of(2025, 3, 7, 16, 30, 0, 0, VN).toInstant();

  @Autowired JdbcTemplate jdbc;
  @Autowired Slips slips;
  @Autowired LogBook logBook;
  @Autowired DocumentStore store;
  @Autowired ObjectMapper json;

  TestRegister register;
  long dossierId;
  String code;
  String idNumber;

  @BeforeEach
  void dossier() {
    register = new TestRegister(jdbc);
    code = TestRegister.uniqueCode();
    idNumber = TestRegister.uniqueIdNumber();
    dossierId = register.dossier(code, idNumber, RECEIVED, DUE);
  }

  @AfterEach
  void cleanUp() {
    register.cleanUp();
  }

  @Test
  void receiptForm01() throws Exception {
    StoredDocument slip = slips.receipt(dossierId);
    Pdfs.png(store.read(slip.id()).bytes(), 0, Path.of("target", "slips", "mau-so-01.png"));
    byte[] pdf = checkA5Slip(slip, "01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    assertThat(flat(pdf)).contains("05/03/2025 14:05").contains("07/03/2025 16:30")
        .contains("Dự thảo hợp đồng, giao dịch").contains("Bộ phận Một cửa huyện Đắk R'lấp");
  }

  @Test
  void supplementRequestForm02() throws Exception {
    Long requestId = jdbc.queryForObject("INSERT INTO onestop.supplement_request (dossier_id, stage, agency_id, requested_at,"
        + " requested_by, missing) VALUES (?, 'RECEPTION', ?, ?, 'Trần Văn Minh', ?) RETURNING id", Long.class, dossierId,
        TestRegister.RECEIVING, TestRegister.ts(RECEIVED), "Thiếu bản sao giấy chứng nhận quyền sử dụng đất");
    StoredDocument slip = slips.supplementRequest(requestId);
    byte[] pdf = checkA5Slip(slip, "02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
    assertThat(flat(pdf)).contains("05/03/2025 14:05").contains("Thiếu bản sao giấy chứng nhận quyền sử dụng đất")
        .contains("Trần Văn Minh");
  }

  @Test
  void refusalForm03() throws Exception {
    byte[] pdf = checkA5Slip(slips.refusal(dossierId), "03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
    assertThat(flat(pdf)).contains("05/03/2025 13:55")
        .contains("Giấy tờ xuất trình không phải bản chính");
  }

  @Test
  void apologyForm04() throws Exception {
    Instant newDue = ZonedDateTime.of(2025, 3, 12, 10, 0, 0, 0, VN).toInstant();
    jdbc.update("INSERT INTO onestop.apology (dossier_id, agency_id, reason, previous_due_at, new_due_at, issued_at, issued_by)"
        + " VALUES (?, ?, 'Phải xác minh thêm tại Văn phòng đăng ký đất đai', ?, ?, ?, 'Lê Quốc Hùng')", dossierId,
        TestRegister.HANDLING, TestRegister.ts(DUE), TestRegister.ts(newDue), TestRegister.ts(DUE.minusSeconds(86_400)));
    byte[] pdf = checkA5Slip(slips.apology(dossierId), "04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
    assertThat(flat(pdf)).contains("07/03/2025 16:30").contains("12/03/2025 10:00").contains("05/03/2025")
        .contains("Phải xác minh thêm").contains("Phòng Tư pháp huyện Đắk R'lấp");
  }

  @Test
  void processControlForm05() throws Exception {
    Instant handedOver = ZonedDateTime.of(2025, 3, 5, 15, 10, 0, 0, VN).toInstant();
    Instant returned = ZonedDateTime.of(2025, 3, 7, 9, 45, 0, 0, VN).toInstant();
    jdbc.update("INSERT INTO onestop.dossier_event (dossier_id, at, kind, from_agency_id, to_agency_id, actor, due_at, timeliness)"
        + " VALUES (?, ?, 'TRANSFER', ?, ?, 'clerk', ?, 'ON_TIME')", dossierId, TestRegister.ts(handedOver),
        TestRegister.RECEIVING, TestRegister.HANDLING, TestRegister.ts(handedOver));
    jdbc.update("INSERT INTO onestop.dossier_event (dossier_id, at, kind, from_agency_id, to_agency_id, actor, due_at, timeliness)"
        + " VALUES (?, ?, 'RESULT', ?, ?, 'specialist', ?, 'EARLY')", dossierId, TestRegister.ts(returned),
        TestRegister.HANDLING, TestRegister.RECEIVING, TestRegister.ts(DUE));
    byte[] pdf = checkA5Slip(slips.processControl(dossierId), "05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
    assertThat(flat(pdf)).contains("05/03/2025 15:10").contains("07/03/2025 09:45").contains("Đúng hạn")
        .contains("Trước hạn").contains("Phòng Tư pháp huyện Đắk R'lấp");
  }

  @Test
  void logBookForm06IsA4AndNumbersTheYear() {
    byte[] pdf = logBook.print(TestRegister.RECEIVING, LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 5));
    PDRectangle size = Pdfs.pageSize(pdf, 0);
    assertThat(Math.max(size.getWidth(), size.getHeight())).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
    assertThat(Math.min(size.getWidth(), size.getHeight())).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
    String text = flat(pdf);
    assertThat(text).contains("SỔ THEO DÕI HỒ SƠ").contains("05/03/2025").contains(TestRegister.APPLICANT);
    assertThat(text.replaceAll("\\s", "")).contains(code);
  }

  @Test
  void printingAgainAddsAVersion() {
    StoredDocument first = slips.receipt(dossierId);
    StoredDocument second = slips.receipt(dossierId);
    assertThat(second.version()).isEqualTo(first.version() + 1);
    assertThat(slips.latest(dossierId, "01")).get().extracting(StoredDocument::id).isEqualTo(second.id());
  }

  /** The PDF's text with line breaks (from wrapping in cells) turned into single spaces. */
  static String flat(byte[] pdf) {
    return Pdfs.text(pdf).replaceAll("\\s+", " ");
  }

  private byte[] checkA5Slip(StoredDocument slip, String form, String title) throws Exception {
    assertThat(slip.kind()).isEqualTo(DocumentKind.SLIP);
    assertThat(slip.componentId()).isEqualTo("slip-" + form);
    assertThat(slip.dossierCode()).isEqualTo(code);
    byte[] pdf = store.read(slip.id()).bytes();
    PDRectangle size = Pdfs.pageSize(pdf, 0);
    assertThat(size.getWidth()).isCloseTo(PDRectangle.A5.getWidth(), org.assertj.core.data.Offset.offset(0.5f));
    assertThat(size.getHeight()).isCloseTo(PDRectangle.A5.getHeight(), org.assertj.core.data.Offset.offset(0.5f));
    String text = flat(pdf);
    assertThat(text).contains(code).contains(TestRegister.APPLICANT).contains(title).contains("Mẫu số " + form);
    JsonNode qr = json.readTree(Pdfs.qr(pdf, 0));
    assertThat(qr.get("dossierCode").asText()).isEqualTo(code);
    assertThat(qr.get("procedureCode").asText()).isEqualTo("DNO.CT.01");
    assertThat(qr.get("applicantId").asText()).isEqualTo(idNumber);
    assertThat(qr.get("document").asText()).contains("Mẫu số " + form).contains(title);
    return pdf;
  }
}
