package vn.onestop.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.onestop.HeadlessChromium;

/**
 * Issue 23 seen by a browser: a signed paper downloaded from Tasklist has a visible signature block and a verification
 * QR code; the public page {@code /tra-cuu/xac-thuc} verifies the file and the QR code's URL without a login.
 */
final class PublicVerification {

  private PublicVerification() {}

  /** Checks the drawn signature block and returns the URL of the verification QR code at the foot of the page. */
  static String receiptSignedWithVisibleBlockAndQr(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<PDSignatureField> fields = doc.getSignatureFields();
      assertThat(fields).as("the receiving clerk's signature").isNotEmpty();
      PDAnnotationWidget widget = fields.get(0).getWidgets().get(0);
      PDRectangle block = widget.getRectangle();
      assertThat(block.getWidth()).as("a visible block, not an invisible signature").isGreaterThan(100);
      int pageIndex = widget.getPage() == null ? doc.getNumberOfPages() - 1 : doc.getPages().indexOf(widget.getPage());
      BufferedImage rendered = new PDFRenderer(doc).renderImageWithDPI(pageIndex, 200);
      int px = rendered.getRGB((int) ((block.getLowerLeftX() + 4) * 200 / 72),
          rendered.getHeight() - (int) ((block.getLowerLeftY() + 4) * 200 / 72));
      assertThat(px & 0xFFFFFF).as("the block is drawn").isNotEqualTo(0xFFFFFF);
      BufferedImage foot = rendered.getSubimage(0, rendered.getHeight() * 3 / 4, rendered.getWidth() / 2,
          rendered.getHeight() / 4);
      String url = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
          new BufferedImageLuminanceSource(foot))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
      assertThat(url).contains("/tra-cuu/xac-thuc?ma=");
      return url;
    }
  }

  /** The public page, with no session: upload the file, then follow the QR code's URL on this server. */
  static void verifyFileAndQr(HeadlessChromium chromium, int port, Path file, String qrUrl, String dossierCode) {
    WebDriver browser = chromium.driver();
    browser.get("http://localhost:" + port + "/tra-cuu/xac-thuc");
    assertThat(browser.getTitle()).contains("Xác thực giấy tờ điện tử");
    browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    chromium.click(By.id("check"));
    chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "HỢP LỆ"));
    assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("✔ HỢP LỆ");
    assertThat(browser.findElement(By.id("dossierCode")).getText()).isEqualTo(dossierCode);
    assertThat(browser.findElement(By.id("signatures")).getText()).contains("Người tiếp nhận hồ sơ");
    chromium.screenshot("xac-thuc-tai-len");

    URI qr = URI.create(qrUrl);
    browser.get("http://localhost:" + port + qr.getRawPath() + "?" + qr.getRawQuery());
    chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "HỢP LỆ"));
    assertThat(browser.findElement(By.id("paper")).getText()).contains("Mẫu số 01");
    assertThat(browser.findElement(By.id("dossierStatus")).getText()).isNotBlank();
    chromium.screenshot("xac-thuc-qr");
  }
}
