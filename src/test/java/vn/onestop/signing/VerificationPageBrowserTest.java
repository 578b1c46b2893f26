package vn.onestop.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.HeadlessChromium;
import vn.onestop.OneStopSpringTest;

/**
 * The receipt (form 01) downloaded through the staff API — Tasklist has no plugin yet to open it "from
 * a task" — carries a visible signature block; the public page /tra-cuu/xac-thuc, without a login,
 * verifies the downloaded file and the URL of the QR code printed on it, in a real headless Chromium.
 */
@OneStopSpringTest
class VerificationPageBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired PaperQueue queue;
  @Autowired SigningProperties properties;

  SigningFixture fixture;
  HeadlessChromium chromium;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new SigningFixture(jdbc, identity);
    chromium = HeadlessChromium.open(1100, 1000, Path.of("target", "screenshots"));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    identity.clearAuthentication();
    fixture.cleanUp();
  }

  @Test
  void the_public_page_verifies_a_downloaded_receipt_and_its_qr_url_without_login() throws Exception {
    long dossierId = fixture.dossier();
    String code = fixture.code(dossierId);
    identity.setAuthentication(fixture.user("Nguyễn Thị", "Lan"), List.of());
    queue.enqueue(dossierId, Paper.RECEIPT, Map.of(), "RECEIVED");
    identity.clearAuthentication();

    HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/documents/dossiers/" + dossierId + "/slips/01"))
        .header("Authorization", SignedPapersTest.ADMIN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    byte[] pdf = download.body();
    Path file = Path.of("target", "verify", "mau-so-01-" + code + ".pdf").toAbsolutePath();
    Files.createDirectories(file.getParent());
    Files.write(file, pdf);

    String qrUrl;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      // the visible signature blocks: the receiving clerk's, at the foot of the page under the receiver's column
      List<PDSignatureField> fields = doc.getSignatureFields();
      assertThat(fields).hasSize(1);
      PDRectangle block = fields.get(0).getWidgets().get(0).getRectangle();
      PDRectangle page = doc.getPage(fields.get(0).getWidgets().get(0).getPage() == null ? 0
          : doc.getPages().indexOf(fields.get(0).getWidgets().get(0).getPage())).getMediaBox();
      assertThat(block.getWidth()).isGreaterThan(100);
      assertThat(block.getLowerLeftX()).as("right half of the page").isGreaterThan(page.getWidth() / 2 - 40);
      BufferedImage rendered = new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 200);
      ImageIO.write(rendered, "png", Path.of("target", "verify", "mau-so-01-signed.png").toFile());
      // the block is drawn (its tinted background), not an invisible field
      int px = rendered.getRGB((int) ((block.getLowerLeftX() + 4) * 200 / 72),
          rendered.getHeight() - (int) ((block.getLowerLeftY() + 4) * 200 / 72));
      assertThat(px & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
      // the verification QR code at the foot on the left
      BufferedImage foot = rendered.getSubimage(0, rendered.getHeight() * 3 / 4, rendered.getWidth() / 2, rendered.getHeight() / 4);
      qrUrl = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(foot))),
          Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
    assertThat(qrUrl).startsWith(properties.getPublicBaseUrl() + "/tra-cuu/xac-thuc?ma=");
    String verifyCode = qrUrl.substring(qrUrl.indexOf("?ma=") + 4);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM onestop.signed_paper WHERE verify_code = ? AND dossier_id = ?",
        Integer.class, verifyCode, dossierId)).isEqualTo(1);

    ChromeDriver browser = chromium.driver();
    // 1. upload the downloaded file, no login
    browser.get("http://localhost:" + port + "/tra-cuu/xac-thuc");
    assertThat(browser.getTitle()).contains("Xác thực giấy tờ điện tử");
    browser.findElement(By.id("file")).sendKeys(file.toString());
    chromium.click(By.id("check"));
    chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "HỢP LỆ"));
    assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("✔ HỢP LỆ");
    assertThat(browser.findElement(By.id("dossierCode")).getText()).isEqualTo(code);
    assertThat(browser.findElement(By.id("signatures")).getText()).contains("Nguyễn Thị Lan").contains("Người tiếp nhận hồ sơ");
    assertThat(browser.findElement(By.id("result")).getText()).doesNotContain("Hồng Nhung");
    chromium.screenshot("xac-thuc-tai-len");

    // 2. follow the QR code's URL (same path and query on this test server)
    browser.get("http://localhost:" + port + URI.create(qrUrl).getRawPath() + "?" + URI.create(qrUrl).getRawQuery());
    chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "HỢP LỆ"));
    assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("✔ HỢP LỆ");
    assertThat(browser.findElement(By.id("paper")).getText()).contains("Mẫu số 01");
    assertThat(browser.findElement(By.id("dossierStatus")).getText()).isNotBlank();
    chromium.screenshot("xac-thuc-qr");
  }
}
