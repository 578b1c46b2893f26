package vn.onestop.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.onestop.HeadlessChromium;
import vn.onestop.OneStopSpringTest;

/**
 * Supervisors stay in Cockpit: the "Báo cáo KPI" plugin (scripts/onestop-reports.js) adds a page to
 * Cockpit's navigation that shows OneStop's KPI report with its chart, in headless Chromium.
 */
@OneStopSpringTest
class CockpitReportBrowserTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots", "cockpit");

  @LocalServerPort int port;
  HeadlessChromium chromium;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openChromium() throws IOException {
    chromium = HeadlessChromium.open(1400, 1000, SCREENSHOTS);
    browser = chromium.driver();
    wait = chromium.waiting();
  }

  @AfterEach
  void closeChromium() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void supervisorOpensTheKpiReportInsideCockpit() throws Exception {
    try {
      browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
      WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=text]")));
      name.sendKeys("supervisor");
      browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("Demo@2026!");
      chromium.click(By.cssSelector("form[name=signinForm] button[type=submit]"));

      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dashboard, [cam-dashboard], .navbar")));
      // The entry sits in Cockpit's navigation (under "Thêm nữa" when the bar is full); its route:
      browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/onestop-reports");
      WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe[title='Báo cáo KPI']")));
      assertThat(frame.getAttribute("src")).endsWith("/supervisor/index.html");

      browser.switchTo().frame(frame);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user"))).sendKeys("supervisor");
      browser.findElement(By.id("password")).sendKeys("Demo@2026!");
      chromium.click(By.cssSelector("#login button"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));
      wait.until(d -> !d.findElement(By.id("rows")).getText().isBlank());
      assertThat(browser.findElement(By.id("title")).getText()).isNotBlank();
      assertThat(browser.findElements(By.cssSelector("#chart *"))).as("the chart is drawn").isNotEmpty();
      assertThat(browser.findElement(By.id("rows")).getText()).contains("Đắk R'lấp");
      browser.switchTo().defaultContent();
      chromium.screenshot("kpi-report-in-cockpit");
    } catch (Exception | AssertionError e) {
      chromium.screenshot("kpi-report-in-cockpit-failed");
      throw e;
    }
  }
}
