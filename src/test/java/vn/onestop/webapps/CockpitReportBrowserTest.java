package vn.onestop.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.onestop.OneStopSpringTest;

/**
 * Supervisors stay in Cockpit: the "Báo cáo KPI" plugin (scripts/onestop-reports.js) adds a page to
 * Cockpit's navigation that shows OneStop's KPI report with its chart, in headless Chromium.
 */
@OneStopSpringTest
class CockpitReportBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots", "cockpit");

  @LocalServerPort int port;
  WebDriver browser;
  WebDriverWait wait;
  Path profile;

  @BeforeAll
  static void needsChromium() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Skipped: no /usr/bin/chromium or /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)");
    Files.createDirectories(SCREENSHOTS);
  }

  @BeforeEach
  void openChromium() throws IOException {
    profile = Files.createTempDirectory("onestop-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--lang=vi", "--window-size=1400,1000", "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi"));
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build(), options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeChromium() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void supervisorOpensTheKpiReportInsideCockpit() throws Exception {
    try {
      browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
      WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=text]")));
      name.sendKeys("supervisor");
      browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("Demo@2026!");
      browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();

      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dashboard, [cam-dashboard], .navbar")));
      // The entry sits in Cockpit's navigation (under "Thêm nữa" when the bar is full); its route:
      browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/onestop-reports");
      WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe[title='Báo cáo KPI']")));
      assertThat(frame.getAttribute("src")).endsWith("/supervisor/index.html");

      browser.switchTo().frame(frame);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user"))).sendKeys("supervisor");
      browser.findElement(By.id("password")).sendKeys("Demo@2026!");
      browser.findElement(By.cssSelector("#login button")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));
      wait.until(d -> !d.findElement(By.id("rows")).getText().isBlank());
      assertThat(browser.findElement(By.id("title")).getText()).isNotBlank();
      assertThat(browser.findElements(By.cssSelector("#chart *"))).as("the chart is drawn").isNotEmpty();
      assertThat(browser.findElement(By.id("rows")).getText()).contains("Đắk R'lấp");
      browser.switchTo().defaultContent();
      screenshot("kpi-report-in-cockpit");
    } catch (Exception | AssertionError e) {
      screenshot("kpi-report-in-cockpit-failed");
      throw e;
    }
  }

  void screenshot(String name) {
    try {
      Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      System.err.println("Screenshot " + name + " not saved: " + e);
    }
  }
}
