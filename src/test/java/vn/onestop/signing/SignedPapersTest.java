package vn.onestop.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;
import vn.onestop.document.Digitisation;
import vn.onestop.document.DocumentOrigin;
import vn.onestop.document.DocumentStore;
import vn.onestop.document.StoredDocument;

/**
 * Every kind of paper is signed (PAdES, demo CA) by the person whose action issued it — and by the
 * agency's seal where the law asks — and validates with DSS (signer, role); one changed byte and one
 * changed line of text are refused by {@code POST /api/public/verify}; an expired or revoked
 * certificate is refused in Vietnamese before anything is issued; a job whose token cannot sign is
 * retried and listed for supervisors; B-LT with a timestamp authority the test starts itself.
 */
@OneStopSpringTest
class SignedPapersTest {

  static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:Demo@2026!".getBytes(StandardCharsets.UTF_8));

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired PaperQueue queue;
  @Autowired DocumentStore documents;
  @Autowired Digitisation digitisation;
  @Autowired SigningKeys keys;
  @Autowired TrustServices trust;
  @Autowired DemoCertificateAuthority demoCa;
  @Autowired Pkcs12Signing pkcs12;
  @Autowired SigningProperties properties;
  @Autowired ObjectMapper json;

  SigningFixture fixture;
  HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() {
    fixture = new SigningFixture(jdbc, identity);
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    fixture.cleanUp();
  }

  @Test
  void every_kind_of_paper_is_signed_by_whoever_issued_it_and_validates() throws Exception {
    long dossierId = fixture.dossier();
    long supplement = fixture.supplementRequest(dossierId);
    fixture.apology(dossierId);
    StoredDocument scan = digitisation.upload(dossierId, "du-thao", "hop-dong.png", "image/png", SigningFixture.png(),
        DocumentOrigin.ORIGINAL_SCAN, null, "clerk");
    String official = fixture.user("Nguyễn Thị", "Lan");
    Map<Paper, Map<String, Object>> args = Map.of(
        Paper.RECEIPT, Map.of(), Paper.SUPPLEMENT_REQUEST, Map.of("supplementRequestId", supplement), Paper.REFUSAL, Map.of(),
        Paper.APOLOGY, Map.of(), Paper.PROCESS_CONTROL, Map.of(),
        Paper.RESULT, Map.of("documentName", "Hợp đồng được chứng thực", "summary", "Chứng thực hợp đồng"),
        Paper.CERTIFIED_COPY, Map.of("originalScanId", scan.id(), "certifier", official));
    identity.setAuthentication(official, List.of());
    for (Paper paper : Paper.values()) {
      long job = queue.enqueue(dossierId, paper, args.get(paper), "TEST");
      Map<String, Object> row = jdbc.queryForMap("SELECT status, signer, document_id, last_error FROM onestop.paper_job WHERE id = ?", job);
      assertThat(row.get("status")).as(paper + ": " + row.get("last_error")).isEqualTo("DONE");
      assertThat(row.get("signer")).isEqualTo(official);
      byte[] pdf = documents.read(((Number) row.get("document_id")).longValue()).bytes();

      // the verification line and every signer's block are printed at the foot of the last page, in the embedded font
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
        stripper.setStartPage(doc.getNumberOfPages());
        String foot = java.text.Normalizer.normalize(stripper.getText(doc), java.text.Normalizer.Form.NFC);
        assertThat(foot).as(paper.name()).contains("Xác thực bản điện tử").contains("Ký bởi: Nguyễn Thị Lan")
            .contains(paper.defaultRole());
        assertThat(doc.getSignatureDictionaries()).hasSize(paper.defaultSeal() ? 2 : 1);
      }

      // DSS, directly: every signature passes against the demo CA as trust anchor
      SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
      validator.setCertificateVerifier(trust.certificateVerifier());
      Reports reports = validator.validateDocument();
      SimpleReport simple = reports.getSimpleReport();
      int expected = paper.defaultSeal() ? 2 : 1;
      assertThat(simple.getSignatureIdList()).as(paper.name()).hasSize(expected);
      for (String id : simple.getSignatureIdList()) {
        assertThat(simple.getIndication(id)).as(paper + " " + simple.getSignedBy(id) + " " + simple.getSubIndication(id))
            .isEqualTo(Indication.TOTAL_PASSED);
        assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_B);
      }

      // and as the public endpoint reports it: signer, role, agency, issued by OneStop, unchanged
      JsonNode v = postVerify(pdf);
      assertThat(v.get("verified").asBoolean()).as(paper + ": " + v).isTrue();
      assertThat(v.get("dossierCode").asText()).isEqualTo(fixture.code(dossierId));
      assertThat(v.get("paper").asText()).isEqualTo(paper.title());
      JsonNode person = v.get("signatures").get(0);
      assertThat(person.get("signedBy").asText()).isEqualTo("Nguyễn Thị Lan");
      assertThat(person.get("role").asText()).isEqualTo(paper.defaultRole());
      assertThat(person.get("demo").asBoolean()).isTrue();
      if (paper.defaultSeal()) {
        JsonNode seal = v.get("signatures").get(1);
        assertThat(seal.get("role").asText()).isEqualTo(PaperSealing.SEAL_ROLE);
        assertThat(seal.get("signedBy").asText()).isEqualTo(keys.agencyName(new PaperAgencies(jdbc).agencyFor(dossierId, paper)));
      }
    }
  }

  @Test
  void a_changed_byte_and_a_changed_line_of_text_are_refused() throws Exception {
    long dossierId = fixture.dossier();
    identity.setAuthentication(fixture.user("Trần Văn", "Minh"), List.of());
    long job = queue.enqueue(dossierId, Paper.RECEIPT, Map.of(), "TEST");
    byte[] pdf = documents.read(jdbc.queryForObject("SELECT document_id FROM onestop.paper_job WHERE id = ?", Long.class, job)).bytes();
    assertThat(postVerify(pdf).get("verified").asBoolean()).isTrue();

    // one byte inside the first page's (compressed) content, which the signature covers
    byte[] oneByte = pdf.clone();
    int stream = indexOf(oneByte, "stream".getBytes(StandardCharsets.US_ASCII), indexOf(oneByte, "/FlateDecode".getBytes(), 0));
    oneByte[stream + 20] ^= 0x01;
    JsonNode changedByte = postVerify(oneByte);
    assertThat(changedByte.get("verified").asBoolean()).isFalse();
    assertThat(changedByte.get("unchanged").asBoolean()).isFalse();

    // a line of text written over the appointment, saved as an incremental update after the signatures
    ByteArrayOutputStream edited = new ByteArrayOutputStream();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage page = doc.getPage(0);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
        cs.newLineAtOffset(60, 300);
        cs.showText("Ma ho so: DOCT-FAKE01");
        cs.endText();
      }
      page.getCOSObject().setNeedToBeUpdated(true);
      doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      doc.getDocumentCatalog().getPages().getCOSObject().setNeedToBeUpdated(true);
      doc.saveIncremental(edited);
    }
    assertThat(edited.toByteArray().length).isGreaterThan(pdf.length);
    JsonNode changedText = postVerify(edited.toByteArray());
    assertThat(changedText.get("verified").asBoolean()).as(changedText.toString()).isFalse();
    assertThat(changedText.get("unchanged").asBoolean()).isFalse();
    assertThat(changedText.get("message").asText()).contains("thay đổi");
  }

  @Test
  void an_expired_or_revoked_certificate_is_refused_before_anything_is_issued() throws Exception {
    long dossierId = fixture.dossier();
    String clerk = fixture.user("Phạm Thị", "Hoa");
    Instant now = Instant.now();
    SigningKey expired = keys.registerDemo(SigningFixture.RECEIVING, clerk, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));
    identity.setAuthentication(clerk, List.of());
    assertThatThrownBy(() -> queue.enqueue(dossierId, Paper.RECEIPT, Map.of(), "TEST"))
        .isInstanceOf(SigningRefusedException.class)
        .hasMessageContaining("Chứng thư số của Phạm Thị Hoa").hasMessageContaining("đã hết hạn")
        .hasMessageContaining(expired.serialHex()).hasMessageContaining("chưa được ban hành");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM onestop.paper_job WHERE dossier_id = ?", Integer.class, dossierId)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM onestop.document WHERE dossier_id = ?", Integer.class, dossierId)).isZero();

    SigningKey renewed = keys.registerDemo(SigningFixture.RECEIVING, clerk, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30)));
    keys.revoke(renewed.id(), "Mất thiết bị");
    assertThatThrownBy(() -> queue.enqueue(dossierId, Paper.RECEIPT, Map.of(), "TEST"))
        .isInstanceOf(SigningRefusedException.class).hasMessageContaining("đã bị thu hồi");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM onestop.document WHERE dossier_id = ?", Integer.class, dossierId)).isZero();
  }

  @Test
  void a_paper_whose_token_cannot_sign_is_retried_then_listed_for_supervisors_and_retried_by_hand() throws Exception {
    long dossierId = fixture.dossier();
    String head = fixture.user("Lê Quốc", "Hùng");
    // the head's certificate is valid, but it lives on a PKCS#11 token this node has no library for
    Instant now = Instant.now();
    SigningKey onPaper = keys.registerDemo("scratch-" + UUID.randomUUID(), null, now.minusSeconds(60), now.plus(Duration.ofDays(10)));
    keys.register(SigningFixture.RECEIVING, head, "PKCS11", "head-token", onPaper.certificate(), onPaper.chain());
    identity.setAuthentication(head, List.of());
    long job = queue.enqueue(dossierId, Paper.RECEIPT, Map.of(), "TEST");
    identity.clearAuthentication();
    assertThat(status(job)).isEqualTo("PENDING");
    assertThat(jdbc.queryForObject("SELECT last_error FROM onestop.paper_job WHERE id = ?", String.class, job))
        .contains("PKCS#11");
    // retries, triggered as the poller would at each due time (no sleeping)
    Instant later = Instant.now();
    for (int i = 1; i < properties.getQueue().getMaxAttempts(); i++) {
      later = later.plus(properties.getQueue().getBackoff().multipliedBy(1L << i));
      queue.runDue(later);
    }
    assertThat(status(job)).isEqualTo("FAILED");
    assertThat(jdbc.queryForObject("SELECT attempts FROM onestop.paper_job WHERE id = ?", Integer.class, job))
        .isEqualTo(properties.getQueue().getMaxAttempts());

    HttpResponse<String> failed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/staff/papers/failed"))
        .header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(failed.statusCode()).isEqualTo(200);
    JsonNode listed = null;
    for (JsonNode j : json.readTree(failed.body())) {
      if (j.get("id").asLong() == job) {
        listed = j;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("dossier_code").asText()).isEqualTo(fixture.code(dossierId));
    assertThat(listed.get("last_error").asText()).contains("PKCS#11");
    assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/staff/papers/failed")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

    // the head's key is moved to a keystore this node has: a supervisor retries and the paper is issued
    keys.registerDemo(SigningFixture.RECEIVING, head, now.minusSeconds(60), now.plus(Duration.ofDays(10)));
    HttpResponse<String> retried = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/staff/papers/jobs/" + job + "/retry"))
        .header("Authorization", ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    assertThat(status(job)).isEqualTo("DONE");
    jdbc.update("DELETE FROM onestop.signing_key WHERE agency_id LIKE 'scratch-%'");
  }

  @Test
  void pades_b_lt_with_a_timestamp_authority_the_test_starts_itself() throws Exception {
    try (TestTimestampAuthority tsa = TestTimestampAuthority.start(demoCa)) {
      SigningProperties lt = new SigningProperties();
      lt.setLevel("LT");
      lt.setTsaUrl(tsa.url());
      lt.setDemoCa(properties.getDemoCa());
      TrustServices ltTrust = new TrustServices(lt, demoCa);
      PadesSigner signer = new PadesSigner(lt, ltTrust, new vn.onestop.document.PdfFonts(), List.of(pkcs12));
      String holder = "sigt-lt-" + UUID.randomUUID();
      SigningKey key = keys.registerDemo(SigningFixture.RECEIVING, holder, Instant.now().minusSeconds(60),
          Instant.now().plus(Duration.ofDays(30)));
      byte[] plain;
      try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
        doc.addPage(new PDPage());
        doc.save(out);
        plain = out.toByteArray();
      }
      PadesSigner.Signed signed = signer.sign(plain, List.of(new PadesSigner.Signer(key, "Người ký thử", "Người tiếp nhận hồ sơ",
          "Bộ phận Một cửa")), "http://localhost/tra-cuu/xac-thuc?ma=TEST", Instant.now());
      assertThat(signed.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
      assertThat(tsa.served()).isGreaterThanOrEqualTo(1);

      SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed.pdf()));
      validator.setCertificateVerifier(ltTrust.certificateVerifier());
      Reports reports = validator.validateDocument();
      String id = reports.getSimpleReport().getFirstSignatureId();
      assertThat(reports.getSimpleReport().getIndication(id)).isEqualTo(Indication.TOTAL_PASSED);
      assertThat(reports.getSimpleReport().getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
      assertThat(reports.getDiagnosticData().getSignatureById(id).getTimestampList()).isNotEmpty();
      jdbc.update("DELETE FROM onestop.signing_key WHERE holder = ?", holder);
    }
  }

  private String status(long job) {
    return jdbc.queryForObject("SELECT status FROM onestop.paper_job WHERE id = ?", String.class, job);
  }

  JsonNode postVerify(byte[] pdf) throws Exception {
    String boundary = "----sigt" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"paper.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(pdf);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/verify"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }
}
