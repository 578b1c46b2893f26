package vn.onestop.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/** Electronic results and certified e-copies land in the applicant's data store; a returning applicant reuses them. */
@OneStopSpringTest
class ReuseAndResultsTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ElectronicResults results;
  @Autowired CertifiedCopies certifiedCopies;
  @Autowired ApplicantDataStore dataStore;
  @Autowired Digitisation digitisation;
  @Autowired DocumentStore store;
  @Autowired ObjectMapper json;

  TestRegister register;
  String idNumber;
  String firstCode;
  long first;

  @BeforeEach
  void firstDossier() {
    register = new TestRegister(jdbc);
    idNumber = TestRegister.uniqueIdNumber();
    firstCode = TestRegister.uniqueCode();
    Instant now = Instant.now();
    first = register.dossier(firstCode, idNumber, now.minus(30, ChronoUnit.DAYS), now.minus(28, ChronoUnit.DAYS));
  }

  @AfterEach
  void cleanUp() {
    register.cleanUp();
  }

  @Test
  void electronicResultCarriesItsQrAndIsFiledForTheApplicant() throws Exception {
    StoredDocument result = results.issue(first, "Hợp đồng chuyển nhượng được chứng thực", "Chứng thực hợp đồng số 12/2025.");
    assertThat(result.kind()).isEqualTo(DocumentKind.RESULT);
    byte[] pdf = store.read(result.id()).bytes();
    assertThat(SlipsTest.flat(pdf)).contains(firstCode).contains(TestRegister.APPLICANT)
        .contains("HỢP ĐỒNG CHUYỂN NHƯỢNG ĐƯỢC CHỨNG THỰC");
    JsonNode qr = json.readTree(Pdfs.qr(pdf, 0));
    assertThat(qr.get("dossierCode").asText()).isEqualTo(firstCode);
    assertThat(qr.get("procedureCode").asText()).isEqualTo("DNO.CT.01");
    assertThat(qr.get("applicantId").asText()).isEqualTo(idNumber);
    assertThat(qr.get("document").asText()).isEqualTo("Hợp đồng chuyển nhượng được chứng thực");
    assertThat(jdbc.queryForObject("SELECT result_electronic FROM onestop.dossier WHERE id = ?", Boolean.class, first)).isTrue();
    assertThat(dataStore.documentsOf(idNumber)).extracting(StoredDocument::id).containsExactly(result.id());
  }

  @Test
  void certifiedECopyEmbedsTheScanAndIsFiled() throws Exception {
    StoredDocument scan = digitisation.upload(first, "du-thao", "hop-dong.png", "image/png", png(),
        DocumentOrigin.ORIGINAL_SCAN, null, "clerk");
    StoredDocument copy = certifiedCopies.certifiedCopy(first, scan.id(), "Phạm Thị Thu");
    byte[] pdf = store.read(copy.id()).bytes();
    assertThat(Pdfs.pages(pdf)).isEqualTo(2);
    assertThat(SlipsTest.flat(pdf)).contains("LỜI CHỨNG CỦA NGƯỜI THỰC HIỆN CHỨNG THỰC").contains("Phạm Thị Thu")
        .contains(scan.sha256());
    assertThat(json.readTree(Pdfs.qr(pdf, 1)).get("dossierCode").asText()).isEqualTo(firstCode);
    assertThat(copy.origin()).isEqualTo(DocumentOrigin.CERTIFIED_ECOPY);
    assertThat(dataStore.reusable(idNumber, LocalDate.now())).extracting(StoredDocument::id).contains(copy.id());
  }

  @Test
  void aReturningApplicantIsOfferedStillValidDocumentsAndReuseIsCounted() {
    StoredDocument result = results.issue(first, "Giấy chứng nhận", "Kết quả lần trước.");
    StoredDocument expired = results.issue(first, "Giấy xác nhận đã hết hạn", "Hết hạn.", LocalDate.now().minusDays(1));
    StoredDocument otherPersons = store.store(new NewDocument(first, "x", DocumentKind.RESULT, DocumentOrigin.ELECTRONIC,
        "Không thuộc kho", "x.pdf", "application/pdf", TestRegister.pdfLike(100), null, null, null, "system"));

    Instant now = Instant.now();
    long second = register.dossier(TestRegister.uniqueCode(), idNumber, now, now.plus(2, ChronoUnit.DAYS));
    assertThat(dataStore.reusable(idNumber, LocalDate.now())).extracting(StoredDocument::id)
        .contains(result.id()).doesNotContain(expired.id(), otherPersons.id());

    StoredDocument reused = dataStore.reuse(result.id(), second, "du-thao", "clerk");
    assertThat(reused.origin()).isEqualTo(DocumentOrigin.REUSED);
    assertThat(reused.reusedFrom()).isEqualTo(result.id());
    assertThat(reused.sha256()).isEqualTo(result.sha256());
    assertThat(store.read(reused.id()).bytes()).isEqualTo(store.read(result.id()).bytes());
    assertThat(jdbc.queryForObject("SELECT reused_documents FROM onestop.dossier WHERE id = ?", Integer.class, second)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM onestop.document_reuse WHERE dossier_id = ?", Integer.class, second))
        .isEqualTo(1);
    assertThat(digitisation.missingComponents(second)).containsExactly("giay-to-tuy-than");

    assertThatThrownBy(() -> dataStore.reuse(result.id(), second, "du-thao", "clerk"))
        .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("đã được dùng lại");
    assertThatThrownBy(() -> dataStore.reuse(expired.id(), second, "giay-to-tuy-than", "clerk"))
        .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("không phải tài liệu còn hiệu lực");
    assertThat(jdbc.queryForObject("SELECT reused_documents FROM onestop.dossier WHERE id = ?", Integer.class, second)).isEqualTo(1);
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 600, 800);
    g.setColor(Color.BLACK);
    g.drawString("HOP DONG", 250, 100);
    g.drawRect(50, 150, 500, 600);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
