package vn.onestop.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
import vn.onestop.document.DocumentKind;
import vn.onestop.document.DocumentStore;

/**
 * Issue 15: a clerk's day in Tasklist alone, in a Chromium set to {@code en-US} (Vietnamese is the fallback): one
 * dossier from reception to return. The clerk receives it in the start form (a wrong identity number answers in
 * Vietnamese), accepts it, uploads two scans in the task's "Hồ sơ" tab (a file of the wrong type is refused in
 * Vietnamese) and completes the digitisation there; the head assigns the specialist by name, the specialist appraises, the head approves seeing the result
 * text by name, the clerk returns it and downloads the receipt and the electronic result from the task. No page seen
 * holds an English validation message, an API path, a raw agency id or a result code. The transfer is done as the
 * system (its own tests cover it).
 *
 * <p>Issue 23: the receipt downloaded from the task carries its visible signature block, and the public page
 * {@code /tra-cuu/xac-thuc}, without a login, verifies the downloaded file and the URL of its QR code.
 */
@OneStopSpringTest
class ClerkDayBrowserTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots", "clerk-day");
  static final Path DOWNLOADS = Path.of("target", "downloads", "clerk-day");
  static final String PASSWORD = "Demo@2026!";
  /** What no page may show: form-js's English, an address of the API, the agency's id, an outcome's code. */
  static final List<Pattern> FORBIDDEN = List.of(Pattern.compile("Field (is|must)"), Pattern.compile("Value is"),
      Pattern.compile("/api/"), Pattern.compile("/engine-rest"), Pattern.compile("\\bnhan-co\\b"),
      Pattern.compile("\\b(RESULT|SUPPLEMENT|REFUSED|CONSULT)\\b"), Pattern.compile("Cannot submit"));

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DocumentStore documents;

  HeadlessChromium chromium;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeAll
  static void fresh() throws IOException {
    HeadlessChromium.assumeInstalled();
    FileSystemUtils.deleteRecursively(SCREENSHOTS);
    FileSystemUtils.deleteRecursively(DOWNLOADS);
    Files.createDirectories(DOWNLOADS);
  }

  @BeforeEach
  void openChromium() throws IOException {
    chromium = HeadlessChromium.open(1400, 1100, SCREENSHOTS, "en-US", DOWNLOADS);
    browser = chromium.driver();
    wait = chromium.waiting();
    wait.ignoring(StaleElementReferenceException.class); // the tab is drawn anew after each upload
  }

  @AfterEach
  void closeChromium() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void oneDossierFromReceptionToReturnInTasklistAlone() throws Exception {
    String applicant = "Lê Thị Một Cửa " + ThreadLocalRandom.current().nextInt(1000, 10000);

    step("01-reception", () -> {
      login("clerk");
      assertThat(text("body")).as("en-US browser, Vietnamese UI").contains("Khởi tạo quy trình");
      click(By.cssSelector(".start-process-action a"));
      click(By.xpath("//ul[contains(@class,'processes')]//a[contains(normalize-space(),'Hồ sơ thủ tục hành chính (một cửa)')]"));
      pick("Thủ tục hành chính", "DNO.HT.01", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch (DNO.HT.01)");
      chromium.choose("Trực tiếp");
      type("Họ và tên người nộp", applicant);
      type("Số định danh", "12ab");
      type("Số điện thoại", "0987654321");
      waitForText(".fjs-form-field-error", "chữ số");
      chromium.remember();
      assertThat(text(".fjs-form-field-error")).contains("Chỉ gồm từ 9 đến 13 chữ số").doesNotContain("Field must");
      type("Số định danh", "079123456789");
      click(By.xpath("//button[normalize-space()='Bắt đầu']"));
      waitForText("body", "Quy trình đã được khởi tạo");
    });
    ProcessInstance dossier = runtimeService.createProcessInstanceQuery().processDefinitionKey("dossier")
        .variableValueEquals("applicantName", applicant).singleResult();
    assertThat(dossier).isNotNull();
    String instance = dossier.getId();

    step("02-check", () -> {
      openTask(instance, "Task_CheckDossier");
      chromium.choose("Đầy đủ, tiếp nhận");
      complete(instance, "Task_CheckDossier");
    });
    String code = (String) runtimeService.getVariable(instance, "dossierCode");
    long dossierId = ((Number) runtimeService.getVariable(instance, "dossierId")).longValue();

    step("03-digitise-in-the-dossier-tab", () -> {
      openTask(instance, "Task_DigitiseDossier");
      dossierTab();
      waitForText(".onestop-dossier", code);
      assertThat(text(".onestop-dossier")).contains(applicant, "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch",
          "Nhân Cơ", "Tờ khai đăng ký thay đổi", "Chưa có tệp");
      Path wrong = file("ghi-chu.txt", "không phải bản quét".getBytes(StandardCharsets.UTF_8));
      fileInputs().get(0).sendKeys(wrong.toString());
      waitForText(".onestop-scan-status", "không đúng định dạng");
      chromium.remember();
      fileInputs().get(0).sendKeys(file("to-khai.pdf", pdf("to khai")).toString());
      wait.until(d -> text(".onestop-dossier").contains("to-khai.pdf"));
      fileInputs().get(1).sendKeys(file("giay-to.pdf", pdf("giay to")).toString());
      wait.until(d -> text(".onestop-dossier").contains("giay-to.pdf"));
      assertThat(text(".onestop-dossier")).contains("Đã có 1 tệp").doesNotContain("Chưa có tệp");
      chromium.screenshot("digitise-tab");
      chromium.remember();
      click(By.cssSelector(".onestop-complete-digitisation"));
      wait.until(d -> tasks(instance, "Task_DigitiseDossier") == 0);
    });
    assertThat(documents.forDossier(dossierId).stream().filter(d -> d.kind() == DocumentKind.COMPONENT)).hasSize(2);

    // the transfer, as the system (TasklistBrowserTest and DossierFlowTest cover it)
    taskService.complete(taskOf(instance), Map.of("handedOver", true));
    String leg = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance).singleResult().getId();

    step("04-assign-by-name", () -> {
      login("head");
      openTask(leg, "Task_AssignSpecialist");
      pick("Chuyên viên thụ lý", "Minh", "Trần Văn Minh");
      complete(leg, "Task_AssignSpecialist");
    });
    assertThat(runtimeService.getVariable(leg, "specialist")).isEqualTo("specialist");

    step("05-appraise", () -> {
      login("specialist");
      openTask(leg, "Task_Appraise");
      chromium.choose("Giải quyết");
      type("Nội dung kết quả", "Cải chính họ tên trong giấy khai sinh");
      complete(leg, "Task_Appraise");
    });

    step("06-approve", () -> {
      login("head");
      openTask(leg, "Task_Approve");
      dossierTab();
      waitForText(".onestop-dossier", "to-khai.pdf");
      chromium.remember();
      formTab();
      wait.until(d -> field("Nội dung kết quả trình ký").getAttribute("value").contains("Cải chính họ tên trong giấy khai sinh"));
      chromium.remember();
      assertThat(field("Giải quyết").isSelected()).as("the proposal shown by its name, 'Giải quyết'").isTrue();
      chromium.choose("Đồng ý, ký duyệt");
      complete(leg, "Task_Approve");
    });

    // the electronic result is produced and signed after the approval commits: wait for it, never sleep
    new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> documents.forDossier(dossierId).stream()
        .anyMatch(doc -> doc.kind() == DocumentKind.RESULT));

    Path[] receipt = new Path[1];
    Path[] result = new Path[1];
    step("07-return-and-papers-from-the-task", () -> {
      login("clerk");
      openTask(instance, "Task_ReturnResult");
      dossierTab();
      waitForText(".onestop-dossier", "Kết quả điện tử");
      chromium.remember();
      receipt[0] = download(By.cssSelector(".onestop-slip-01"));
      result[0] = download(By.cssSelector(".onestop-result"));
      formTab();
      chromium.choose("Tại Bộ phận Một cửa");
      complete(instance, "Task_ReturnResult");
    });
    assertThat(Files.readString(result[0], StandardCharsets.ISO_8859_1)).startsWith("%PDF");

    step("08-public-verification-of-the-receipt-from-the-task", () -> {
      String qrUrl = PublicVerification.receiptSignedWithVisibleBlockAndQr(Files.readAllBytes(receipt[0]));
      browser.manage().deleteAllCookies();
      PublicVerification.verifyFileAndQr(chromium, port, receipt[0], qrUrl, code);
    });

    chromium.assertNoPageShows(FORBIDDEN);
  }

  // ------------------------------------------------------------------ steps

  void openTask(String instanceId, String taskKey) {
    String id = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult().getId();
    // A fresh page: after a completion Tasklist still tidies up the address for a while (the next task's notice),
    // which would dismiss a task opened by changing only the address's fragment.
    browser.get("about:blank");
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + id);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
    if (taskService.createTaskQuery().taskId(id).singleResult().getAssignee() == null) {
      click(By.cssSelector("button.claim"));
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    }
    chromium.remember();
  }

  void dossierTab() {
    click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Hồ sơ']"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".onestop-dossier")));
  }

  void formTab() {
    click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Biểu mẫu']"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
  }

  void complete(String instanceId, String taskKey) {
    chromium.remember();
    click(By.xpath("//button[normalize-space()='Hoàn thành']"));
    wait.until(d -> tasks(instanceId, taskKey) == 0);
    chromium.remember();
  }

  long tasks(String instanceId, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).count();
  }

  String taskOf(String instanceId) {
    return taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }

  List<WebElement> fileInputs() {
    return browser.findElements(By.cssSelector(".onestop-dossier input[type=file]"));
  }

  /** Clicks a link of the "Hồ sơ" tab and waits until the browser has saved a new PDF (the server names it). */
  Path download(By link) throws IOException {
    java.util.Set<Path> before = pdfs();
    click(link);
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> pdfs().size() > before.size());
    java.util.Set<Path> after = pdfs();
    after.removeAll(before);
    return after.iterator().next();
  }

  static java.util.Set<Path> pdfs() {
    try (Stream<Path> files = Files.list(DOWNLOADS)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".pdf")).filter(f -> size(f) > 0)
          .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    } catch (IOException e) {
      return new java.util.HashSet<>();
    }
  }

  WebElement field(String label) {
    WebElement labelElement = browser.findElement(By.xpath("//label[starts-with(normalize-space(),'" + label + "')]"));
    return browser.findElement(By.id(labelElement.getAttribute("for")));
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  static Path file(String name, byte[] bytes) throws IOException {
    Path dir = Path.of("target", "scans").toAbsolutePath();
    Files.createDirectories(dir);
    return Files.write(dir.resolve(name), bytes);
  }

  static byte[] pdf(String text) {
    return ("%PDF-1.4\n% " + text + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  // ------------------------------------------------------------------ browser plumbing

  void step(String name, HeadlessChromium.Step step) throws Exception {
    chromium.step(name, step, () -> "seen:\n" + chromium.lastSeen(2));
  }

  void login(String user) {
    chromium.logInToTasklist(port, user, PASSWORD);
  }

  void click(By by) {
    chromium.click(by);
  }

  void type(String label, String value) {
    chromium.typeIntoField(label, value);
  }

  /** Picks in a searchable Camunda Forms select: types {@code search}, clicks the option reading {@code option}. */
  void pick(String label, String search, String option) {
    type(label, search);
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']"));
    wait.until(d -> d.findElements(By.xpath("//*[contains(@class,'fjs-form-field')][.//label[starts-with(normalize-space(),'"
        + label + "')]]//*[contains(normalize-space(),'" + option + "')]")).size() > 0
        || option.equals(d.findElement(By.id(d.findElement(By.xpath("//label[starts-with(normalize-space(),'" + label
        + "')]")).getAttribute("for"))).getAttribute("value")));
  }

  void waitForText(String css, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }
}
