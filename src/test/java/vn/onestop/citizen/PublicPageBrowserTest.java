package vn.onestop.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.HeadlessChromium;
import vn.onestop.OneStopSpringTest;

/**
 * The public page on a phone-sized headless Chromium (Debian's chromium + chromedriver, as the Tasklist
 * browser test): catalogue listed, look-up of a returned online dossier, rating; one screenshot saved
 * to target/screenshots/ and checked. Skipped when /usr/bin/chromium is missing (.ci/run installs it).
 */
@OneStopSpringTest
class PublicPageBrowserTest {

  static final int WIDTH = 412;
  static final int HEIGHT = 915;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  HeadlessChromium chromium;
  ChromeDriver browser;

  @BeforeEach
  void chromium() throws Exception {
    chromium = HeadlessChromium.open(WIDTH, HEIGHT, Path.of("target", "screenshots"));
    browser = chromium.driver();
  }

  @AfterEach
  void close() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void a_citizen_finds_procedures_looks_up_a_returned_dossier_and_rates_it_on_a_phone() throws Exception {
    PortalHttp.Answer submitted = new PortalHttp(port, json).submit(PortalHttp.submission("DVC-" + UUID.randomUUID()));
    assertThat(submitted.status()).isEqualTo(201);
    long id = submitted.body().get("dossierId").asLong();
    String code = "REG-" + id;
    jdbc.update("update onestop.dossier set status = 'RETURNED', finished_at = now(), returned_at = now() where id = ?", id);

    WebDriverWait wait = chromium.waiting();
    browser.get("http://localhost:" + port + "/cong-dan/");
    assertThat(browser.getTitle()).contains("Cổng công dân");
    wait.until(d -> d.findElements(By.cssSelector("#catalog-list li strong")).size() > 3);
    assertThat(browser.findElement(By.id("catalog-list")).getText()).contains("Đăng ký khai sinh");
    wait.until(d -> d.findElements(By.cssSelector("#fb-agency option")).size() > 3);

    browser.findElement(By.id("lookup-code")).sendKeys(code);
    browser.findElement(By.id("lookup-secret")).sendKeys("0905123456");
    chromium.click(By.id("lookup-submit"));
    WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lookup-status")));
    assertThat(status.getText()).isEqualTo("Đã trả kết quả");
    assertThat(browser.findElement(By.id("lookup-result")).getText()).contains(code).doesNotContain("Trần Thị Bích");
    WebElement rating = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-form")));

    // Screenshot check: the status and the rating form fit a phone screen.
    ((JavascriptExecutor) browser).executeScript("document.getElementById('tra-cuu').scrollIntoView()");
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Path shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    Files.write(shots.resolve("cong-dan-tra-cuu.png"), png);
    assertThat(png.length).as("a non-trivial PNG").isGreaterThan(10_000);
    assertThat(new byte[] {png[0], png[1], png[2], png[3]}).containsExactly(0x89, 'P', 'N', 'G');
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    Long innerWidth = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
    Long innerHeight = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerHeight");
    assertThat(image.getWidth()).isEqualTo(innerWidth.intValue());
    assertThat(image.getHeight()).isEqualTo(innerHeight.intValue());
    Rectangle box = status.getRect();
    Long scrollY = (Long) ((JavascriptExecutor) browser).executeScript("return Math.round(window.scrollY)");
    int top = box.getY() - scrollY.intValue();
    assertThat(box.getWidth()).isPositive();
    assertThat(box.getX() + box.getWidth()).as("no horizontal overflow on a phone").isLessThanOrEqualTo(image.getWidth());
    assertThat(top).isBetween(0, image.getHeight() - box.getHeight());
    assertThat(browser.findElement(By.id("lookup-submit")).getRect().getWidth()).as("full-width button on a phone")
        .isGreaterThan(WIDTH / 2);
    int statusPixel = image.getRGB(box.getX() + 2, top + box.getHeight() / 2);
    assertThat(statusPixel & 0xFFFFFF).as("the status box is tinted, not blank").isNotEqualTo(0xFFFFFF);

    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", rating);
    chromium.click(By.cssSelector("input[name=rating][value=VERY_SATISFIED]"));
    browser.findElement(By.id("rating-comment")).sendKeys("Nhanh, đúng hẹn");
    chromium.click(By.id("rating-submit"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rating-result"), "Cảm ơn"));
    assertThat(jdbc.queryForObject("select rating || '/' || rated_by from onestop.dossier where id = ?", String.class, id))
        .isEqualTo("VERY_SATISFIED/CITIZEN");
  }
}
