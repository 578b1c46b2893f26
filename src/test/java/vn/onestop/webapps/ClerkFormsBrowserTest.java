package vn.onestop.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import vn.onestop.HeadlessChromium;
import vn.onestop.OneStopSpringTest;
import vn.onestop.document.Digitisation;
import vn.onestop.document.DocumentOrigin;

/**
 * Issue 15, the gaps left after the clerk's day (ClerkDayBrowserTest), in a Chromium set to {@code en-US}:
 * <ol>
 *   <li>the specialist picks the agencies to consult by name (a taglist, not typed codes); when she comes back to
 *       the appraisal after the opinions, the same agencies show again by name;</li>
 *   <li>a rule of the step that refuses the form (the consultation question is missing) shows its Vietnamese
 *       message beside that field, with no English engine text ("Cannot submit task form ...") and no variable
 *       name;</li>
 *   <li>the receipt (form 01) and a scan are viewed in the browser ("Xem": {@code inline}), download stays;</li>
 *   <li>the public verification page's file button speaks Vietnamese (the browser's own is hidden).</li>
 * </ol>
 * The reception, digitisation and transfer are done as the system (ClerkDayBrowserTest does them in Tasklist).
 */
@OneStopSpringTest
class ClerkFormsBrowserTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots", "clerk-forms");
  static final String PASSWORD = "Demo@2026!";
  static final List<Pattern> FORBIDDEN = List.of(Pattern.compile("Cannot "), Pattern.compile("ENGINE-\\d"),
      Pattern.compile("consultationQuestion|consultedAgenc|consulteeChoices"), Pattern.compile("/api/"),
      Pattern.compile("Field (is|must)"), Pattern.compile("Choose File|No file chosen"),
      Pattern.compile("\\b(nhan-co-cong-an|kien-thanh)\\b"), Pattern.compile("Exception"));

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired Digitisation digitisation;

  HeadlessChromium chromium;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeAll
  static void fresh() throws IOException {
    HeadlessChromium.assumeInstalled();
    FileSystemUtils.deleteRecursively(SCREENSHOTS);
  }

  @BeforeEach
  void openChromium() throws IOException {
    chromium = HeadlessChromium.open(1400, 1100, SCREENSHOTS, "en-US", null);
    browser = chromium.driver();
    wait = chromium.waiting();
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void closeChromium() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void consultedAgenciesByNameRuleMessageAtItsFieldPdfViewAndVietnameseFileButton() throws Exception {
    String leg = legWaitingForAppraisal();

    step("01-rule-message-beside-the-field", () -> {
      chromium.logInToTasklist(port, "specialist", PASSWORD);
      openTask(leg, "Task_Appraise");
      chromium.choose("Lấy ý kiến cơ quan liên quan");
      pickTag("Cơ quan được lấy ý kiến", "Công an xã Nhân", "Công an xã Nhân Cơ");
      pickTag("Cơ quan được lấy ý kiến", "Kiến Thành", "Ủy ban nhân dân xã Kiến Thành");
      // the question is left empty: the form lets it through, the step's rule (LegSteps.appraised) refuses it
      chromium.click(By.xpath("//button[normalize-space()='Hoàn thành']"));
      WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
          "//*[contains(@class,'fjs-form-field')][.//label[starts-with(normalize-space(),'Nội dung xin ý kiến')]]"
              + "//*[contains(@class,'onestop-rule-error')]")));
      assertThat(error.getText()).isEqualTo("Nội dung xin ý kiến chưa được nhập");
      chromium.screenshot("rule-message");
      chromium.remember();
      assertThat(tasks(leg, "Task_Appraise")).isEqualTo(1);
    });

    step("02-consult-by-name", () -> {
      chromium.typeIntoField("Nội dung xin ý kiến", "Người nộp có đang cư trú tại địa phương không?");
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".onestop-rule-error")));
      chromium.remember();
      // the clerk closes Tasklist's notice of the refusal, which covers the buttons
      chromium.click(By.xpath("//div[contains(@class,'notifications')]//div[contains(@class,'alert')]"
          + "[contains(normalize-space(),'Nội dung xin ý kiến chưa được nhập')]"
          + "//button[contains(@class,'close') and not(contains(@class,'ng-hide'))]"));
      chromium.click(By.xpath("//button[normalize-space()='Hoàn thành']"));
      wait.until(d -> tasks(leg, "Task_Appraise") == 0);
    });
    assertThat(runtimeService.getVariable(leg, "consultedAgencies")).isEqualTo("nhan-co-cong-an,kien-thanh");
    List<Task> opinions = taskService.createTaskQuery().processInstanceId(leg).taskDefinitionKey("Task_GiveOpinion").list();
    assertThat(opinions).hasSize(2);
    opinions.forEach(t -> taskService.complete(t.getId(), Map.of("opinion", "Có cư trú")));

    step("03-back-to-the-appraisal-the-agencies-by-name", () -> {
      openTask(leg, "Task_Appraise");
      wait.until(d -> d.findElements(By.cssSelector(".fjs-taglist-tag")).size() == 2);
      assertThat(texts(".fjs-taglist-tag-label")).containsExactly("Công an xã Nhân Cơ", "Ủy ban nhân dân xã Kiến Thành");
      chromium.remember();
    });

    step("04-view-the-receipt-and-a-scan", () -> {
      chromium.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Hồ sơ']"));
      WebElement view = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".onestop-slip-01-view")));
      assertThat(view.getText()).isEqualTo("Xem");
      assertThat(view.getAttribute("target")).isEqualTo("_blank");
      assertThat(view.getDomAttribute("download")).as("Xem shows, it does not save").isNull();
      assertThat(browser.findElement(By.cssSelector(".onestop-slip-01")).getAttribute("download")).as("download kept")
          .endsWith(".pdf");
      assertThat(headersOf(view.getAttribute("href"))).startsWith("200 application/pdf inline");
      WebElement scanView = browser.findElement(By.cssSelector(".onestop-file .onestop-view"));
      assertThat(headersOf(scanView.getAttribute("href"))).startsWith("200 application/pdf inline");
      assertThat(headersOf(browser.findElement(By.cssSelector(".onestop-file .onestop-download")).getAttribute("href")))
          .startsWith("200 application/pdf attachment");
      chromium.screenshot("view-links");
      chromium.remember();
    });

    step("05-verification-page-file-button-in-vietnamese", () -> {
      browser.manage().deleteAllCookies();
      browser.get("http://localhost:" + port + "/tra-cuu/xac-thuc/");
      WebElement button = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fileButton")));
      assertThat(button.getText()).isEqualTo("Chọn tệp PDF…");
      assertThat(browser.findElement(By.id("fileName")).getText()).isEqualTo("Chưa chọn tệp nào");
      WebElement input = browser.findElement(By.id("file"));
      assertThat(input.getRect().getWidth()).as("the browser's English file button is hidden").isLessThanOrEqualTo(1);
      Path pdf = Files.write(Files.createDirectories(Path.of("target", "scans").toAbsolutePath()).resolve("giay-to.pdf"),
          "%PDF-1.4\n% giay to\n".getBytes(StandardCharsets.US_ASCII));
      input.sendKeys(pdf.toString());
      wait.until(ExpectedConditions.textToBe(By.id("fileName"), "giay-to.pdf"));
      chromium.remember();
    });

    chromium.assertNoPageShows(FORBIDDEN);
  }

  // ------------------------------------------------------------------ set-up as the system

  /** A civil-status dossier received at Nhân Cơ, scanned, transferred and assigned to {@code specialist}. */
  String legWaitingForAppraisal() {
    Map<String, Object> variables = new HashMap<>(Map.of("procedureCode", "DNO.HT.01", "receivingAgencyId", "nhan-co",
        "channel", "DESK", "applicantName", "Phạm Thị Lấy Ý Kiến " + ThreadLocalRandom.current().nextInt(1000, 10000),
        "applicantIdNumber", "079123456789", "applicantPhone", "0987654321"));
    String dossier = runtimeService.startProcessInstanceByKey("dossier", variables).getId();
    taskService.complete(taskOf(dossier), Map.of("receptionDecision", "ACCEPT"));
    long dossierId = ((Number) runtimeService.getVariable(dossier, "dossierId")).longValue();
    for (String component : digitisation.missingComponents(dossierId)) {
      digitisation.upload(dossierId, component, component + ".pdf", "application/pdf",
          ("%PDF-1.4\n% " + component + "\n").getBytes(StandardCharsets.US_ASCII), DocumentOrigin.ORIGINAL_SCAN, null, "clerk");
    }
    taskService.complete(taskOf(dossier), Map.of("scannedAll", true));
    taskService.complete(taskOf(dossier), Map.of("handedOver", true));
    String leg = runtimeService.createProcessInstanceQuery().superProcessInstanceId(dossier).singleResult().getId();
    taskService.complete(taskOf(leg), Map.of("specialist", "specialist"));
    return leg;
  }

  String taskOf(String instanceId) {
    return taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }

  long tasks(String instanceId, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).count();
  }

  // ------------------------------------------------------------------ browser

  void openTask(String instanceId, String taskKey) {
    String id = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult().getId();
    browser.get("about:blank");
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + id);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
    chromium.remember();
  }

  /** Types into a Camunda Forms taglist and clicks the option reading {@code option}; waits for its tag. */
  void pickTag(String label, String search, String option) {
    // keys only: a Backspace in an empty taglist search removes the last tag (no typeIntoField)
    WebElement labelElement = browser.findElement(By.xpath("//label[starts-with(normalize-space(),'" + label + "')]"));
    browser.findElement(By.id(labelElement.getAttribute("for"))).sendKeys(search);
    chromium.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']"));
    wait.until(d -> texts(".fjs-taglist-tag-label").contains(option));
  }

  List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  /** Status, type and disposition of an address, fetched by the page with its session. */
  String headersOf(String href) {
    Object answer = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' ' + r.headers.get('Content-Type')"
        + " + ' ' + r.headers.get('Content-Disposition'))).catch(e => done('failed ' + e));", href);
    return String.valueOf(answer);
  }

  void step(String name, HeadlessChromium.Step step) throws Exception {
    chromium.step(name, step, () -> "page:\n" + browser.findElement(By.cssSelector("body")).getText());
  }
}
